import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EDITION_SLICED_TABLES, TABLE_NAMES, isSlicedTable, type Manifest } from '../../../../analysis/contract.ts';
import { filesToFetch, loadEditions, loadTables, type FetchBytes } from '../../../../src/lib/db/load.ts';
import { openNodeConnector } from '../../../../src/lib/db/node.ts';
import type { Connector } from '../../../../src/lib/db/connector.ts';
import { cutSlices, sliceRequests } from '../../../../src/lib/db/slices.ts';
import { termRowsStream } from '../../../../src/lib/server/term-rows.ts';
import { tableFromIPC } from 'apache-arrow';
import { gunzipSync } from 'node:zlib';
import { deriveOnFirstUse } from '../../../../src/lib/db/derive.ts';
import { serveTableFile } from '../../../../src/lib/server/tables.ts';
import { termTrend } from '../../../../src/lib/queries/term.ts';
import { memoryFixture } from '../fixture/write.ts';

const HUNAN = '2026-hunan';
const XIAMEN = '2025-fujian-xiamen';

async function dump(db: Pick<Connector, 'query'>, table: string) {
  return db.query({ sql: `SELECT * FROM ${table} ORDER BY ALL` });
}

async function editionCounts(db: Awaited<ReturnType<typeof openNodeConnector>>, table: string) {
  const rows = await db.query<{ edition_id: string; n: number }>({ sql: `SELECT edition_id, COUNT(*)::INTEGER AS n FROM ${table} GROUP BY 1 ORDER BY 1` });
  return Object.fromEntries(rows.map((r) => [r.edition_id, r.n]));
}

/** The fixture, a fetch that logs what it is asked, an engine to load whole and one to load lazily. */
async function twoEngines() {
  const { manifest, fetchBytes } = await memoryFixture();
  const fetched: string[] = [];
  const logged: FetchBytes = (f) => (fetched.push(f), fetchBytes(f));
  return { manifest, fetchBytes, fetched, logged, whole: await openNodeConnector(), lazy: await openNodeConnector() };
}

describe('per-edition slices of the Arrow tables', () => {
  it('the writer records where each edition lies; the slices of every edition add up to the file', async () => {
    const { manifest, files } = await memoryFixture();
    for (const name of EDITION_SLICED_TABLES) {
      const table = manifest.tables.find((t) => t.name === name)!;
      expect(table.slices, name).toBeDefined();
      const slices = Object.values(table.slices!.editions);
      expect(slices.reduce((n, s) => n + s[2], 0)).toBe(table.rows);
      expect(table.slices!.schema_bytes + slices.reduce((n, s) => n + s[1], 0) + 8).toBe(files.get(table.file)!.length);
    }
    for (const t of manifest.tables) if (!isSlicedTable(t.name)) expect(t.slices).toBeUndefined();
  });

  it('loads one edition, then the other: the tables end up equal to a whole load', async () => {
    const { manifest, fetchBytes, fetched, logged, whole, lazy } = await twoEngines();
    try {
      await loadTables(whole, manifest, fetchBytes, () => {}, { deriveKept: false });
      const report = await loadTables(lazy, manifest, logged, () => {}, { deriveKept: false, need: { editions: [HUNAN], everyEdition: [] } });
      const sliced = fetched.filter((f) => f.includes('?'));
      expect(sliced.length).toBeGreaterThan(0);
      for (const f of sliced) expect(f).toMatch(new RegExp(`\\?edition=${HUNAN}$`));
      for (const name of EDITION_SLICED_TABLES) {
        const rows = manifest.tables.find((t) => t.name === name)!.slices!.editions;
        const counts = await editionCounts(lazy, name);
        expect(counts, name).toEqual(rows[HUNAN] ? { [HUNAN]: rows[HUNAN][2] } : {});
        expect([...report.loaded.get(name)!]).toEqual(rows[HUNAN] ? [HUNAN] : []);
      }
      // Tables without slices came whole.
      expect(await dump(lazy, 'terms')).toEqual(await dump(whole, 'terms'));

      expect(filesToFetch(manifest, { editions: [HUNAN], everyEdition: [] }, report.loaded)).toEqual([]);
      fetched.length = 0;
      await loadEditions(lazy, manifest, logged, { editions: [XIAMEN], everyEdition: [] }, report.loaded);
      for (const f of fetched) expect(f).toMatch(new RegExp(`\\?edition=${XIAMEN}$`));
      for (const name of EDITION_SLICED_TABLES) expect(await dump(lazy, name), name).toEqual(await dump(whole, name));
      // The near-duplicate pairs wait for a page that reads them (the SQL console reads everything).
      expect(report.loaded.has('near_duplicates')).toBe(false);
      fetched.length = 0;
      await loadEditions(lazy, manifest, logged, 'all', report.loaded);
      expect(fetched).toEqual(manifest.tables.find((t) => t.name === 'near_duplicates')!.rows > 0 ? ['near_duplicates.arrow'] : []);
      for (const name of TABLE_NAMES) expect(await dump(lazy, name), name).toEqual(await dump(whole, name));
      // Asking again fetches nothing and adds nothing.
      fetched.length = 0;
      await loadEditions(lazy, manifest, logged, 'all', report.loaded);
      expect(fetched).toEqual([]);
      for (const name of TABLE_NAMES) expect(await dump(lazy, name), name).toEqual(await dump(whole, name));
    } finally {
      await whole.close();
      await lazy.close();
    }
  });

  it('derived rows follow the editions as they arrive: an edition loaded later is derived by the next query', async () => {
    const { manifest, fetchBytes } = await memoryFixture();
    const whole = await openNodeConnector();
    const lazy = await openNodeConnector();
    try {
      await loadTables(whole, manifest, fetchBytes); // derives everything at once
      const report = await loadTables(lazy, manifest, fetchBytes, () => {}, { deriveKept: false, need: { editions: [HUNAN], everyEdition: [] } });
      const views = deriveOnFirstUse(lazy, { minPairCount: manifest.options.min_pair_count, editions: () => [...report.loaded.get('term_topic')!] });
      const kept = (db: { query: typeof whole.query }, id: string) =>
        db.query({ sql: `SELECT * FROM term_stats WHERE generic_verbs = 'kept' AND edition_id = ? ORDER BY ALL`, params: [id] });
      const pairs = (db: { query: typeof whole.query }, id: string) =>
        db.query({ sql: 'SELECT * FROM cooccurrence WHERE edition_id = ? ORDER BY ALL', params: [id] });
      expect(await kept(views, HUNAN)).toEqual(await kept(whole, HUNAN));
      expect(await pairs(views, HUNAN)).toEqual(await pairs(whole, HUNAN));
      await loadEditions(lazy, manifest, fetchBytes, { editions: [XIAMEN], everyEdition: [] }, report.loaded);
      expect((await kept(whole, XIAMEN)).length).toBeGreaterThan(0);
      expect(await kept(views, XIAMEN)).toEqual(await kept(whole, XIAMEN));
      expect(await pairs(views, XIAMEN)).toEqual(await pairs(whole, XIAMEN));
      // Nothing was derived twice.
      expect(await kept(views, HUNAN)).toEqual(await kept(whole, HUNAN));
    } finally {
      await whole.close();
      await lazy.close();
    }
  });

  it('one term’s rows of term_stats in every edition: the trend is the whole load’s, and the edition that comes whole later is complete', async () => {
    const { manifest, fetchBytes, fetched, logged, whole, lazy } = await twoEngines();
    try {
      await loadTables(whole, manifest, fetchBytes);
      const need = { editions: [HUNAN], everyEdition: ['term_topic' as const], termRows: [{ table: 'term_stats' as const, term: '数据' }] };
      const report = await loadTables(lazy, manifest, logged, () => {}, { deriveKept: false, need });
      expect(fetched.filter((f) => f.startsWith('term_stats'))).toEqual([`term_stats.arrow?edition=${HUNAN}`, `term_stats.arrow?term=${encodeURIComponent('数据')}&except=${HUNAN}`]);
      expect(await editionCounts(lazy, `(SELECT * FROM term_stats WHERE edition_id <> '${HUNAN}')`)).toEqual({ [XIAMEN]: 1 });
      expect([...report.loaded.get('term_stats')!]).toEqual([HUNAN]);
      expect([...report.loaded.terms.get('term_stats')!]).toEqual(['数据']);
      expect(filesToFetch(manifest, need, report.loaded)).toEqual([]);
      const views = deriveOnFirstUse(lazy, { minPairCount: manifest.options.min_pair_count, editions: () => [...report.loaded.get('term_topic')!] });
      for (const genericVerbs of ['removed', 'kept'] as const) {
        const trend = termTrend({ term: '数据', genericVerbs });
        expect(await views.query(trend), genericVerbs).toEqual(await whole.query(trend));
      }
      // Another term: its rows alone; then Xiamen whole, without the rows taken for the terms twice
      // and without losing the 'kept' rows already derived for it.
      fetched.length = 0;
      await loadEditions(lazy, manifest, logged, { ...need, termRows: [{ table: 'term_stats', term: '模型' }] }, report.loaded);
      expect(fetched).toEqual([`term_stats.arrow?term=${encodeURIComponent('模型')}&except=${HUNAN}`]);
      await loadEditions(lazy, manifest, logged, { editions: [XIAMEN], everyEdition: [] }, report.loaded);
      for (const name of TABLE_NAMES) expect(await dump(views, name), name).toEqual(await dump(whole, name));
    } finally {
      await whole.close();
      await lazy.close();
    }
  });

  it('a table needed for every edition comes in one request that leaves out what is loaded', async () => {
    const { manifest } = await memoryFixture();
    const table = structuredClone(manifest.tables.find((t) => t.name === 'term_stats')!);
    // 100 editions, 3 of them loaded: one request naming the 3.
    table.slices!.editions = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`e${i}`, [i * 10, 10, 1] as [number, number, number]]));
    const loaded = new Set(['e1', 'e2', 'e3']);
    const missing = Object.keys(table.slices!.editions).filter((id) => !loaded.has(id));
    expect(sliceRequests(table, missing, loaded)).toEqual(['term_stats.arrow?except=e1&except=e2&except=e3']);
    // Nothing loaded, everything wanted: the whole file.
    expect(sliceRequests(table, Object.keys(table.slices!.editions), new Set())).toEqual(['term_stats.arrow']);
    // An edition named twice is one edition: never mistaken for "every edition" (two editions, one named twice).
    const two = structuredClone(table);
    two.slices!.editions = { a: [8, 10, 1], b: [18, 10, 1] };
    expect(sliceRequests(two, ['a', 'a'], new Set())).toEqual(['term_stats.arrow?edition=a']);
    // A long list of some editions: in pieces of 40 ids.
    const some = missing.slice(0, 90);
    const requests = sliceRequests(table, some, loaded);
    expect(requests).toHaveLength(3);
    expect(requests.flatMap((r) => new URLSearchParams(r.split('?')[1]).getAll('edition'))).toEqual(some);
  });
});

describe('the server cuts slices from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosstrack-slices-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers ?edition= and ?except= with the same bytes as the whole file cut in memory, 404 for the rest', async () => {
    const { manifest, files } = await memoryFixture();
    for (const [file, bytes] of files) if (!file.includes('/')) writeFileSync(join(dir, file), bytes);
    const get = async (path: string, m: Manifest = manifest) => {
      const [file, query] = path.split('?');
      const response = await serveTableFile(dir, m, file, new Request(`http://localhost/data/${path}`));
      return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
    };
    const table = manifest.tables.find((t) => t.name === 'term_topic')!;
    const whole = new Uint8Array(files.get(table.file)!);
    expect(await get(`${table.file}?edition=${HUNAN}`)).toEqual({ status: 200, bytes: cutSlices(table, whole, [HUNAN]) });
    expect(await get(`${table.file}?except=${HUNAN}`)).toEqual({ status: 200, bytes: cutSlices(table, whole, [XIAMEN]) });
    expect((await get(`${table.file}?edition=${XIAMEN}&edition=${HUNAN}`)).bytes).toEqual(whole);
    expect((await get(`${table.file}?edition=nope`)).bytes).toEqual(cutSlices(table, whole, []));
    expect((await get(`terms.arrow?edition=${HUNAN}`)).status).toBe(404);
    // ?term=: that term's rows of the asked editions, as a stream of the table's own schema.
    const stats = manifest.tables.find((t) => t.name === 'term_stats')!;
    const statsWhole = new Uint8Array(files.get(stats.file)!);
    const term = encodeURIComponent('数据');
    const dataRows = await get(`${stats.file}?term=${term}&except=${HUNAN}`);
    expect(dataRows).toEqual({ status: 200, bytes: termRowsStream('term_stats', cutSlices(stats, statsWhole, [XIAMEN]), '数据') });
    expect(tableFromIPC(dataRows.bytes).toArray().map((r) => [r.edition_id, r.term, r.count])).toEqual([[XIAMEN, '数据', 3]]);
    expect(tableFromIPC((await get(`${stats.file}?term=${term}`)).bytes).numRows).toBe(2);
    expect(tableFromIPC((await get(`${stats.file}?term=${encodeURIComponent('没有')}`)).bytes).numRows).toBe(0);
    // Each term has its own ETag, which also keys the server's compressed copies.
    const compressedTags = await Promise.all(['数据', '模型'].map(async (t) => {
      const response = await serveTableFile(dir, manifest, stats.file, new Request(`http://localhost/data/${stats.file}?term=${encodeURIComponent(t)}`, { headers: { 'accept-encoding': 'gzip' } }));
      const body = new Uint8Array(await response.arrayBuffer());
      const rows = tableFromIPC(response.headers.get('content-encoding') === 'gzip' ? gunzipSync(body) : body).toArray().map((r) => r.term);
      return { tag: response.headers.get('etag'), rows: [...new Set(rows)] };
    }));
    expect(compressedTags[0].tag).not.toBe(compressedTags[1].tag);
    expect(compressedTags.map((c) => c.rows)).toEqual([['数据'], ['模型']]);
    for (const bad of [`${stats.file}?term=`, `${stats.file}?term=a&term=b`, `${stats.file}?term=${'长'.repeat(65)}`, `topics.arrow?term=${term}`, `terms.arrow?term=${term}`]) {
      expect((await get(bad)).status, bad).toBe(404);
    }
    // A file that is not the one the manifest describes (swapped meanwhile) is not cut.
    const stale = structuredClone(manifest);
    stale.tables.find((t) => t.name === 'term_topic')!.bytes += 1;
    expect((await get(`${table.file}?edition=${HUNAN}`, stale)).status).toBe(404);
  });
});
