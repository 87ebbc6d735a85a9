/**
 * The 'kept' rows the loader derives in SQL (src/lib/db/derive.ts) against the analysis
 * stage's own 'kept' computation (analysis/tables), on both engines: for the real guides
 * and for random editions (one track, empty tracks, terms only generic verbs …).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type Manifest, type ManifestTable, type TableName } from '../../../../analysis/contract.ts';
import type { Dictionaries, ParsedEdition, SegmentedTopic } from '../../../../analysis/model.ts';
import { loadEditionEntries, readEdition } from '../../../../analysis/parse/index.ts';
import { createSegmenter, loadDictionaries } from '../../../../analysis/segment/index.ts';
import { computeEditionTables, editionRows } from '../../../../analysis/tables/index.ts';
import { createMemorySink } from '../../../../analysis/write/sink.ts';
import { createTableWriter } from '../../../../analysis/write/table-writer.ts';
import type { Connector } from '../../../../src/lib/db/connector.ts';
import { deriveKeptVariant, deriveOnFirstUse, mayReadKeptRows } from '../../../../src/lib/db/derive.ts';
import { loadTables } from '../../../../src/lib/db/load.ts';
import { dictionaries } from '../../../analysis/tables/fixtures.ts';
import { buildRandomEdition, editionShape } from '../../../analysis/tables/random-edition.ts';
import { ENGINES, openEngine } from '../fixture/connect.ts';
import { memoryFixture } from '../fixture/write.ts';

const DERIVED = ['term_track', 'term_stats', 'track_overlap'] as const;
type Derived = (typeof DERIVED)[number];
type Segmented = { edition: ParsedEdition; segmented: SegmentedTopic[] };
type Row = Record<string, unknown>;

/** The editions' stored tables ('removed' only, as the CLI writes them), loaded into an engine. */
async function loadStored(engine: (typeof ENGINES)[number], editions: Segmented[], dict: Pick<Dictionaries, 'themes'>) {
  const sink = createMemorySink();
  const tables: ManifestTable[] = [];
  const batches = editions.map(({ edition, segmented }) => editionRows(computeEditionTables(edition, segmented, dict, { minPairCount: 1 })));
  for (const name of Object.keys(batches[0]) as (keyof (typeof batches)[number])[]) {
    const writer = createTableWriter(TABLES[name], sink);
    for (const rows of batches) writer.append(rows[name] as unknown as Row[]);
    tables.push(writer.finish());
  }
  const db = await openEngine(engine);
  await loadTables(db, { tables } as unknown as Manifest, async (file) => sink.files.get(file)!);
  return db;
}

function orderBy(name: TableName): string {
  return TABLES[name].key.join(', ');
}

/** Same rows, same order; floats equal to 1e-9 relative (the engines' ln differ in the last bits). */
function expectSameRows(derived: Row[], expected: Row[], table: Derived) {
  expect(derived.length, table).toBe(expected.length);
  derived.forEach((row, i) => {
    for (const [column, spec] of Object.entries(TABLES[table].columns)) {
      const got = row[column];
      const want = expected[i][column];
      if (spec.type === 'float') {
        expect(Math.abs((got as number) - (want as number)), `${table} row ${i} ${column}: ${got} vs ${want}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(want as number))
        );
      } else expect(got, `${table} row ${i} ${column}`).toEqual(want);
    }
  });
}

async function compareKept(engine: (typeof ENGINES)[number], editions: Segmented[], dict: Pick<Dictionaries, 'themes'>) {
  const db = await loadStored(engine, editions, dict);
  try {
    for (const table of DERIVED) {
      const derived = await db.query<Row>({ sql: `SELECT * FROM ${table} WHERE generic_verbs = 'kept' ORDER BY ${orderBy(table)}` });
      const expected = editions.flatMap(
        ({ edition, segmented }) => editionRows(computeEditionTables(edition, segmented, dict, { minPairCount: 1, variants: ['kept'] }))[table] as Row[]
      );
      expectSameRows(derived, expected, table);
    }
  } finally {
    await db.close();
  }
}

describe('the kept rows derived at load', () => {
  let real: Segmented[];
  let dict: Dictionaries;
  beforeAll(async () => {
    dict = await loadDictionaries('data/dict');
    const segmenter = createSegmenter(dict);
    const entries = loadEditionEntries(readFileSync('data/editions/editions.json'), 'data/editions/editions.json');
    real = [];
    for (const path of ['data/editions/2025-fujian-xiamen.txt', 'data/editions/2026-hunan.txt']) {
      const edition = await readEdition({ path, name: basename(path), bytes: new Uint8Array(readFileSync(path)) }, entries);
      const segmented = edition.tracks.flatMap((t) => t.topics.map((p) => segmenter.segmentTopic(edition.meta.edition_id, t.track_no, p)));
      real.push({ edition, segmented });
    }
  });

  it.each(ENGINES)('equal the analysis stage’s on the real guides (%s)', async (engine) => {
    expect(real.map((r) => r.segmented.length)).toEqual([48, 122]);
    await compareKept(engine, real, dict);
  });

  describe.each(ENGINES)('on random editions (%s)', (engine) => {
    const themes = dictionaries([['主题', ['数据', '𠮷野']]]);
    let count = 0;
    afterAll(() => expect(count).toBeGreaterThan(0));
    it('equal the analysis stage’s', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(editionShape, { minLength: 1, maxLength: 3 }), async (shapes) => {
          const editions = shapes.map((shape, i) => buildRandomEdition(shape, `e${i}`));
          await compareKept(engine, editions, themes);
          count++;
        }),
        { numRuns: engine === 'wasm' ? 8 : 40 }
      );
    }, 60_000);
  });
});

describe('deriveOnFirstUse', () => {
  const KEPT = "SELECT COUNT(*)::INTEGER AS n FROM term_track WHERE generic_verbs = 'kept'";

  it('tells which queries may read kept rows', () => {
    expect(mayReadKeptRows({ sql: 'SELECT * FROM term_track WHERE generic_verbs = ?', params: ['removed'] })).toBe(false);
    expect(mayReadKeptRows({ sql: 'SELECT * FROM term_stats WHERE generic_verbs = ?', params: ['kept'] })).toBe(true);
    expect(mayReadKeptRows({ sql: 'SELECT * FROM topics WHERE title = ?', params: ['kept'] })).toBe(false);
    expect(mayReadKeptRows({ sql: 'select generic_verbs, count(*) from TRACK_OVERLAP group by 1' })).toBe(true);
    expect(mayReadKeptRows({ sql: "SELECT * FROM term_track WHERE generic_verbs IN (?, 'kept')", params: ['removed'] })).toBe(true);
  });

  it.each(ENGINES)('derives once, before the first query that may read kept rows (%s)', async (engine) => {
    const { manifest, fetchBytes } = await memoryFixture();
    const inner = await openEngine(engine);
    let derivations = 0;
    const db = deriveOnFirstUse(inner, async (c) => {
      derivations++;
      await deriveKeptVariant(c);
    });
    try {
      await loadTables(inner, manifest, fetchBytes, () => {}, { deriveKept: false });
      const removed = await db.query({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM term_track WHERE generic_verbs = ?', params: ['removed'] });
      expect(removed).toEqual([{ n: manifest.tables.find((t) => t.name === 'term_track')!.rows }]);
      expect(derivations).toBe(0);
      expect(await inner.query({ sql: KEPT })).toEqual([{ n: 0 }]);
      const [a, b] = await Promise.all([
        db.query<{ n: number }>({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM term_track WHERE generic_verbs = ?', params: ['kept'] }),
        db.query<{ n: number }>({ sql: KEPT })
      ]);
      expect(a[0].n).toBeGreaterThan(0);
      expect(b).toEqual(a);
      expect(derivations).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('lets the next query retry a failed derivation', async () => {
    let calls = 0;
    const inner: Connector = { query: async <T,>() => [{ ok: true }] as T[], close: async () => {} };
    const db = deriveOnFirstUse(inner, async () => {
      if (++calls === 1) throw new Error('out of memory');
    });
    await expect(db.query({ sql: 'SELECT * FROM term_stats' })).rejects.toThrow('out of memory');
    await expect(db.query({ sql: 'SELECT * FROM term_stats' })).resolves.toEqual([{ ok: true }]);
    expect(calls).toBe(2);
  });
});
