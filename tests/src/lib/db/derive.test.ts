/**
 * The rows the loader derives in SQL (src/lib/db/derive.ts) — term_track and track_overlap
 * whole, term_stats' 'kept' rows — against the analysis stage's own computation of both
 * variants (analysis/tables), on both engines: for the real guides and for random editions
 * (one track, empty tracks, terms only generic verbs …).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type Manifest, type ManifestTable, type TableName } from '../../../../analysis/contract.ts';
import type { Dictionaries, ParsedEdition, SegmentedTopic } from '../../../../analysis/model.ts';
import { loadEditionEntries, readEdition } from '../../../../analysis/parse/index.ts';
import { createSegmenter, loadDictionaries } from '../../../../analysis/segment/index.ts';
import { computeEditionTables, createVocabulary, editionRows, STORED_EDITION_TABLES, summarizeVocabulary } from '../../../../analysis/tables/index.ts';
import { createMemorySink } from '../../../../analysis/write/sink.ts';
import { createTableWriter } from '../../../../analysis/write/table-writer.ts';
import type { Connector } from '../../../../src/lib/db/connector.ts';
import {
  COOCCURRENCE_DERIVATION,
  deriveKeptVariant,
  REMOVED_DERIVATIONS,
  EDITIONS_PER_RUN,
  boundEditions,
  deriveOnFirstUse,
  KEPT_DERIVATION,
  mayReadCooccurrence,
  mayReadKeptRows,
  runDerivation,
  type Derivation
} from '../../../../src/lib/db/derive.ts';
import { loadTables } from '../../../../src/lib/db/load.ts';
import { dictionaries } from '../../../analysis/tables/fixtures.ts';
import { buildRandomEdition, editionShape } from '../../../analysis/tables/random-edition.ts';
import { ENGINES, openEngine } from '../fixture/connect.ts';
import { memoryFixture } from '../fixture/write.ts';
import { fixtureRows } from '../fixture/rows.ts';

const DERIVED = ['term_track', 'term_stats', 'track_overlap'] as const;
type Derived = (typeof DERIVED)[number];
type Segmented = { edition: ParsedEdition; segmented: SegmentedTopic[] };
type Row = Record<string, unknown>;

/**
 * The editions' stored tables (as the CLI writes them: no term_track or track_overlap, term_stats
 * 'removed' only) and their terms table, loaded into an engine, with the rest derived edition by
 * edition (the last one twice: that must add nothing).
 */
async function loadStored(engine: (typeof ENGINES)[number], editions: Segmented[], dict: Dictionaries) {
  const sink = createMemorySink();
  const tables: ManifestTable[] = [];
  const options = { minPairCount: 1, tables: STORED_EDITION_TABLES };
  const batches = editions.map(({ edition, segmented }) => editionRows(computeEditionTables(edition, segmented, dict, options)));
  for (const name of STORED_EDITION_TABLES) {
    const writer = createTableWriter(TABLES[name], sink);
    for (const rows of batches) writer.append(rows[name] as unknown as Row[]);
    tables.push(writer.finish());
  }
  const vocabulary = createVocabulary(dict);
  for (const { edition, segmented } of editions) vocabulary.addSummary(edition.meta.edition_id, summarizeVocabulary(segmented));
  const terms = createTableWriter(TABLES.terms, sink);
  terms.append(vocabulary.rows());
  tables.push(terms.finish());
  const db = await openEngine(engine);
  await loadTables(db, { tables } as unknown as Manifest, async (file) => sink.files.get(file)!, () => {}, { deriveKept: false });
  const ids = editions.map((e) => e.edition.meta.edition_id);
  for (const id of [...ids, ids.at(-1)!]) {
    for (const derivation of REMOVED_DERIVATIONS) await runDerivation(db, derivation, [id], { minPairCount: 1 });
    await deriveKeptVariant(db, [id]);
  }
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

async function compareDerived(engine: (typeof ENGINES)[number], editions: Segmented[], dict: Dictionaries) {
  const db = await loadStored(engine, editions, dict);
  try {
    for (const table of DERIVED) {
      const derived = await db.query<Row>({ sql: `SELECT * FROM ${table} ORDER BY ${orderBy(table)}` });
      const expected = editions.flatMap(
        ({ edition, segmented }) =>
          editionRows(computeEditionTables(edition, segmented, dict, { minPairCount: 1, variants: ['removed', 'kept'] }))[table] as Row[]
      );
      expectSameRows(derived, expected, table);
    }
  } finally {
    await db.close();
  }
}

describe('the rows derived at load', () => {
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
    await compareDerived(engine, real, dict);
  });

  describe.each(ENGINES)('on random editions (%s)', (engine) => {
    const themes = dictionaries([['主题', ['数据', '𠮷野']]]);
    let count = 0;
    afterAll(() => expect(count).toBeGreaterThan(0));
    it('equal the analysis stage’s', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(editionShape, { minLength: 1, maxLength: 3 }), async (shapes) => {
          const editions = shapes.map((shape, i) => buildRandomEdition(shape, `e${i}`));
          await compareDerived(engine, editions, themes);
          count++;
        }),
        { numRuns: engine === 'wasm' ? 8 : 40 }
      );
    }, 60_000);
  });
});

describe('deriveOnFirstUse', () => {
  const KEPT = "SELECT COUNT(*)::INTEGER AS n FROM term_track WHERE generic_verbs = 'kept'";
  const PAIRS = 'SELECT edition_id, COUNT(*)::INTEGER AS n FROM cooccurrence GROUP BY edition_id ORDER BY edition_id';
  const OPTIONS = { minPairCount: 2 };

  /** The derivations, recording the editions each run was asked for. */
  function counting(calls: string[]): Derivation[] {
    return [...REMOVED_DERIVATIONS, KEPT_DERIVATION, COOCCURRENCE_DERIVATION].map((d) => ({
      ...d,
      statements: (ids, options) => (calls.push(`${d.name}:${ids.join(',')}`), d.statements(ids, options))
    }));
  }

  it('tells which queries may read derived rows', () => {
    expect(mayReadKeptRows({ sql: 'SELECT * FROM term_track WHERE generic_verbs = ?', params: ['removed'] })).toBe(false);
    expect(mayReadKeptRows({ sql: 'SELECT * FROM term_stats WHERE generic_verbs = ?', params: ['kept'] })).toBe(true);
    expect(mayReadKeptRows({ sql: 'SELECT * FROM topics WHERE title = ?', params: ['kept'] })).toBe(false);
    expect(mayReadKeptRows({ sql: 'select generic_verbs, count(*) from TRACK_OVERLAP group by 1' })).toBe(true);
    expect(mayReadKeptRows({ sql: "SELECT * FROM term_track WHERE generic_verbs IN (?, 'kept')", params: ['removed'] })).toBe(true);
    const [termTrack, trackOverlap] = REMOVED_DERIVATIONS;
    expect(termTrack.reads({ sql: 'SELECT * FROM term_track WHERE generic_verbs = ?', params: ['removed'] })).toBe(true);
    expect(trackOverlap.reads({ sql: 'SELECT * FROM term_track WHERE generic_verbs = ?', params: ['removed'] })).toBe(false);
    expect(trackOverlap.reads({ sql: 'select * from TRACK_OVERLAP' })).toBe(true);
    expect(termTrack.reads({ sql: 'SELECT * FROM term_stats WHERE generic_verbs = ?', params: ['removed'] })).toBe(false);
    expect(mayReadCooccurrence({ sql: 'SELECT * FROM Cooccurrence' })).toBe(true);
    expect(mayReadCooccurrence({ sql: 'SELECT * FROM term_topic WHERE term = ?', params: ['cooccurrence'] })).toBe(false);
    expect(mayReadCooccurrence({ sql: 'SELECT * FROM cooccurrences' })).toBe(false);
  });

  it.each(ENGINES)('derives each set once, before the first query that may read it (%s)', async (engine) => {
    const { manifest, fetchBytes } = await memoryFixture();
    const inner = await openEngine(engine);
    const calls: string[] = [];
    const db = deriveOnFirstUse(inner, { ...OPTIONS, derivations: counting(calls) });
    try {
      await loadTables(inner, manifest, fetchBytes, () => {}, { deriveKept: false });
      // term_track is not stored: its 'removed' rows are derived by the first query that reads it, from term_topic.
      expect(manifest.tables.map((t) => t.name)).not.toContain('term_track');
      expect(await inner.query({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM term_track' })).toEqual([{ n: 0 }]);
      const removed = await db.query({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM term_track WHERE generic_verbs = ?', params: ['removed'] });
      expect(removed).toEqual([{ n: fixtureRows().term_track.filter((r) => r.generic_verbs === 'removed').length }]);
      expect(calls).toEqual(['term_track:2025-fujian-xiamen,2026-hunan']);
      expect(await inner.query({ sql: KEPT })).toEqual([{ n: 0 }]);
      const [a, b] = await Promise.all([
        db.query<{ n: number }>({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM term_track WHERE generic_verbs = ?', params: ['kept'] }),
        db.query<{ n: number }>({ sql: KEPT })
      ]);
      expect(a[0].n).toBeGreaterThan(0);
      expect(b).toEqual(a);
      expect(calls).toEqual(['term_track:2025-fujian-xiamen,2026-hunan', 'kept:2025-fujian-xiamen,2026-hunan']);
      expect(await inner.query({ sql: PAIRS })).toEqual([]);
      const pairs = await db.query(PAIRS_QUERY);
      expect(pairs).toEqual([{ edition_id: '2026-hunan', n: 3 }]);
      expect(await db.query(PAIRS_QUERY)).toEqual(pairs);
      expect(calls).toEqual(['term_track:2025-fujian-xiamen,2026-hunan', 'kept:2025-fujian-xiamen,2026-hunan', 'cooccurrence:2025-fujian-xiamen,2026-hunan']);
    } finally {
      await db.close();
    }
  });

  const PAIRS_QUERY = { sql: PAIRS };

  it.each(ENGINES)('derives an edition loaded later on its next use, and only that one (%s)', async (engine) => {
    const { manifest, fetchBytes } = await memoryFixture();
    const inner = await openEngine(engine);
    const calls: string[] = [];
    let loaded = ['2025-fujian-xiamen'];
    const db = deriveOnFirstUse(inner, { ...OPTIONS, derivations: counting(calls), editions: () => loaded });
    try {
      await loadTables(inner, manifest, fetchBytes, () => {}, { deriveKept: false });
      expect(await db.query(PAIRS_QUERY)).toEqual([]); // the fixture's Xiamen has no pair at 2
      const kept = await db.query<{ edition_id: string }>({ sql: "SELECT DISTINCT edition_id FROM term_stats WHERE generic_verbs = 'kept'" });
      expect(kept).toEqual([{ edition_id: '2025-fujian-xiamen' }]);
      loaded = ['2025-fujian-xiamen', '2026-hunan'];
      expect(await db.query(PAIRS_QUERY)).toEqual([{ edition_id: '2026-hunan', n: 3 }]);
      expect(calls).toEqual(['cooccurrence:2025-fujian-xiamen', 'kept:2025-fujian-xiamen', 'cooccurrence:2026-hunan']);
      // The same rows as deriving every edition at once (what the loader does).
      const once = await openEngine(engine);
      try {
        await loadTables(once, manifest, fetchBytes);
        for (const sql of [PAIRS, KEPT, 'SELECT * FROM cooccurrence ORDER BY ALL']) {
          expect(await db.query({ sql }), sql).toEqual(await once.query({ sql }));
        }
      } finally {
        await once.close();
      }
    } finally {
      await db.close();
    }
  });

  it.each(ENGINES)('replaces, never adds: an older output that still lists cooccurrence (%s)', async (engine) => {
    const { manifest, fetchBytes } = await memoryFixture();
    const db = await openEngine(engine);
    try {
      await loadTables(db, manifest, fetchBytes);
      const before = await db.query({ sql: 'SELECT * FROM cooccurrence ORDER BY ALL' });
      const kept = await db.query({ sql: KEPT });
      // Rows as an older analysis wrote them (here: the derived ones again), then derived once more.
      await db.query({ sql: 'INSERT INTO cooccurrence SELECT * FROM cooccurrence' });
      await runDerivation(db, COOCCURRENCE_DERIVATION, ['2026-hunan', '2025-fujian-xiamen'], OPTIONS);
      await deriveKeptVariant(db);
      expect(await db.query({ sql: 'SELECT * FROM cooccurrence ORDER BY ALL' })).toEqual(before);
      expect(await db.query({ sql: KEPT })).toEqual(kept);
    } finally {
      await db.close();
    }
  });

  it.each(ENGINES)('derives only the edition a view binds; the console’s unbound SQL gets every edition (%s)', async (engine) => {
    const { manifest, fetchBytes } = await memoryFixture();
    const inner = await openEngine(engine);
    const calls: string[] = [];
    const db = deriveOnFirstUse(inner, { ...OPTIONS, derivations: counting(calls) });
    try {
      await loadTables(inner, manifest, fetchBytes, () => {}, { deriveKept: false });
      const edges = { sql: 'SELECT COUNT(*)::INTEGER AS n FROM cooccurrence WHERE edition_id = ?', params: ['2026-hunan'] };
      expect(await db.query(edges)).toEqual([{ n: 3 }]);
      expect(calls).toEqual(['cooccurrence:2026-hunan']);
      expect(await db.query({ ...edges, params: ['2025-fujian-xiamen'] })).toEqual([{ n: 0 }]);
      await db.query(PAIRS_QUERY);
      expect(calls).toEqual(['cooccurrence:2026-hunan', 'cooccurrence:2025-fujian-xiamen']);
    } finally {
      await db.close();
    }
    expect(boundEditions({ sql: 'SELECT 1', params: ['数据', 'b'] }, ['a', 'b', 'c'])).toEqual(['b']);
    expect(boundEditions({ sql: 'SELECT 1', params: ['数据', 3] }, ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('derives a large scope a few editions per run', async () => {
    const runs: number[] = [];
    const inner: Connector = {
      query: async <T,>(q: { sql: string; params?: readonly unknown[] }) => {
        if (q.sql.startsWith('DELETE')) runs.push(q.params!.length);
        return [] as T[];
      },
      close: async () => {}
    };
    const ids = Array.from({ length: EDITIONS_PER_RUN * 2 + 3 }, (_, i) => `e${i}`);
    await runDerivation(inner, COOCCURRENCE_DERIVATION, ids, OPTIONS);
    expect(runs).toEqual([EDITIONS_PER_RUN, EDITIONS_PER_RUN, 3]);
  });

  it('lets the next query retry a failed derivation', async () => {
    let calls = 0;
    const inner: Connector = {
      query: async <T,>(q: { sql: string }) => {
        if (q.sql.startsWith('DELETE') && ++calls === 1) throw new Error('out of memory');
        return [{ edition_id: 'e' }] as T[];
      },
      close: async () => {}
    };
    const db = deriveOnFirstUse(inner, OPTIONS);
    await expect(db.query({ sql: 'SELECT * FROM term_stats' })).rejects.toThrow('out of memory');
    await expect(db.query({ sql: 'SELECT * FROM term_stats' })).resolves.toEqual([{ edition_id: 'e' }]);
    expect(calls).toBe(4); // the failed DELETE, then the three of the retry
  });
});
