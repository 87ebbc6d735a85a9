/**
 * The cooccurrence rows the dashboard derives in SQL (src/lib/db/derive-cooccurrence.ts)
 * against the analysis stage's computation (tests/analysis/tables/cooccurrence-reference.ts),
 * on both engines: the real guides (2025 厦门 is titles-only), random guides cut by the real
 * segmenter (astral characters, full-width letters, empty sentences, titles-only and empty
 * topics), an empty edition and a one-topic edition. Deriving editions one by one equals
 * deriving them together, and deriving again adds nothing.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, TABLES, type CooccurrenceRow, type Manifest, type ManifestTable } from '../../../../analysis/contract.ts';
import type { Dictionaries, ParsedEdition, SegmentedTopic } from '../../../../analysis/model.ts';
import { loadEditionEntries, readEdition } from '../../../../analysis/parse/index.ts';
import { createSegmenter, loadDictionaries, type Segmenter } from '../../../../analysis/segment/index.ts';
import { computeEditionTables, editionRows } from '../../../../analysis/tables/index.ts';
import { createMemorySink } from '../../../../analysis/write/sink.ts';
import { createTableWriter } from '../../../../analysis/write/table-writer.ts';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { COOCCURRENCE_DERIVATION, runDerivation } from '../../../../src/lib/db/derive.ts';
import { loadTables } from '../../../../src/lib/db/load.ts';
import { referenceCooccurrence } from '../../../analysis/tables/cooccurrence-reference.ts';
import { ENGINES, openEngine, type Engine } from '../fixture/connect.ts';

type Segmented = { edition: ParsedEdition; segmented: SegmentedTopic[] };
type Row = Record<string, unknown>;

const ORDER = 'ORDER BY edition_id, term_a, term_b';

/** The editions' tables as the analysis stage writes them (no cooccurrence), loaded without deriving. */
async function loadStored(engine: Engine, editions: Segmented[], dict: Pick<Dictionaries, 'themes'>): Promise<LoadableConnector> {
  const sink = createMemorySink();
  const tables: ManifestTable[] = [];
  const all = editions.map(({ edition, segmented }) => editionRows(computeEditionTables(edition, segmented, dict, { minPairCount: 1 })));
  for (const name of Object.keys(all[0]) as (keyof (typeof all)[number])[]) {
    const writer = createTableWriter(TABLES[name], sink);
    for (const rows of all) writer.append(rows[name] as unknown as Row[]);
    tables.push(writer.finish());
  }
  expect(tables.map((t) => t.name)).not.toContain('cooccurrence');
  const db = await openEngine(engine);
  const manifest = { format: MANIFEST_FORMAT, options: { min_pair_count: 1 }, tables } as unknown as Manifest;
  await loadTables(db, manifest, async (file) => sink.files.get(file)!, () => {}, { deriveKept: false });
  return db;
}

/** Same pairs in the same order, same counts and nulls; floats equal to 1e-12 relative (of max(1, |x|)). */
function expectSameRows(derived: Row[], expected: CooccurrenceRow[], label: string) {
  const key = (r: Row | CooccurrenceRow) => `${r.edition_id}/${r.term_a}/${r.term_b}`;
  expect(derived.map(key), label).toEqual(expected.map(key));
  // Collected first: one expect per cell would cost more than the derivation.
  const differences: string[] = [];
  derived.forEach((row, i) => {
    const want = expected[i] as unknown as Row;
    for (const [column, spec] of Object.entries(TABLES.cooccurrence.columns)) {
      const got = row[column];
      const w = want[column];
      const same =
        spec.type === 'float' && typeof w === 'number' && typeof got === 'number'
          ? Math.abs(got - w) <= 1e-12 * Math.max(1, Math.abs(w))
          : got === w;
      if (!same && differences.length < 20) differences.push(`${key(want)} ${column}: ${String(got)} vs ${String(w)}`);
    }
  });
  expect(differences, label).toEqual([]);
}

/** The reference rows of every edition, in edition_id order as the SQL orders them. */
const referenceRows = (editions: Segmented[], minPairCount: number) =>
  [...editions]
    .sort((a, b) => (a.edition.meta.edition_id < b.edition.meta.edition_id ? -1 : 1))
    .flatMap(({ edition, segmented }) => referenceCooccurrence(edition, segmented, minPairCount));

async function derivedRows(db: LoadableConnector, editionIds: string[], minPairCount: number): Promise<Row[]> {
  await runDerivation(db, COOCCURRENCE_DERIVATION, editionIds, { minPairCount });
  return db.query<Row>({ sql: `SELECT * FROM cooccurrence ${ORDER}` });
}

async function compare(engine: Engine, editions: Segmented[], dict: Pick<Dictionaries, 'themes'>, minPairCount: number) {
  const db = await loadStored(engine, editions, dict);
  try {
    const rows = await derivedRows(
      db,
      editions.map((e) => e.edition.meta.edition_id),
      minPairCount
    );
    expectSameRows(rows, referenceRows(editions, minPairCount), `min ${minPairCount}`);
  } finally {
    await db.close();
  }
}

function segmentAll(segmenter: Segmenter, edition: ParsedEdition): Segmented {
  const segmented = edition.tracks.flatMap((t) => t.topics.map((p) => segmenter.segmentTopic(edition.meta.edition_id, t.track_no, p)));
  return { edition, segmented };
}

/** A parsed edition from topic texts (track → topics as [title, body]). */
function editionOf(editionId: string, tracks: [string, string][][]): ParsedEdition {
  return {
    meta: { edition_id: editionId, year: 2026, region: 'r', title: 't', source: 's', notes: '' },
    file: `${editionId}.txt`,
    encoding: 'utf-8',
    sha256: '',
    bytes: 0,
    warnings: [],
    tracks: tracks.map((topics, t) => ({
      track_no: t + 1,
      track_name: `T${t + 1}`,
      heading: `T${t + 1}`,
      line: 1,
      topics: topics.map(([title, body], i) => ({ topic_no: i + 1, printed_no: null, title, body, line: 1 }))
    }))
  };
}

// Words and separators: dictionary terms, a word beyond the BMP, full-width letters, a number,
// every sentence break (also doubled, so sentences are empty), commas and spaces.
const PIECES = ['数据', '模型', '数据安全', '平台', '可信数据空间', '𠮷野', 'ＡＩ', '大模型', '2026年', '隐私计算', '推动', '。', '；', '！', '？', '\n', '，', ' ', '。。', '（CIM）', '城市信息模型'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(''));
const topicText = fc.tuple(text, fc.oneof(text, fc.constant('')));
const guideShape = fc.array(fc.array(topicText, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

describe('cooccurrence derived in SQL', () => {
  let real: Segmented[];
  let dict: Dictionaries;
  let segmenter: Segmenter;
  beforeAll(async () => {
    dict = await loadDictionaries('data/dict');
    segmenter = createSegmenter(dict);
    const entries = loadEditionEntries(readFileSync('data/editions/editions.json'), 'data/editions/editions.json');
    real = [];
    for (const path of ['data/editions/2025-fujian-xiamen.txt', 'data/editions/2026-hunan.txt']) {
      const edition = await readEdition({ path, name: basename(path), bytes: new Uint8Array(readFileSync(path)) }, entries);
      real.push(segmentAll(segmenter, edition));
    }
  });

  describe.each(ENGINES)('%s', (engine) => {
    it('equals the analysis stage’s rows on the real guides, at min_pair_count 1, 2 and 3', async () => {
      expect(real.map((r) => r.segmented.length)).toEqual([48, 122]);
      expect(real.map((r) => r.edition.tracks.some((t) => t.topics.some((p) => p.body !== '')))).toEqual([false, true]);
      const db = await loadStored(engine, real, dict);
      try {
        let fewer = 0;
        for (const minimum of [3, 2, 1]) {
          const rows = await derivedRows(db, ['2025-fujian-xiamen', '2026-hunan'], minimum);
          const expected = referenceRows(real, minimum);
          expect(expected.length).toBeGreaterThan(Math.max(5_000, fewer));
          fewer = expected.length;
          expect(new Set(expected.map((r) => r.edition_id))).toEqual(new Set(['2025-fujian-xiamen', '2026-hunan']));
          expectSameRows(rows, expected, `min ${minimum}`);
        }
      } finally {
        await db.close();
      }
    }, 120_000);

    it('one edition then the other equals both at once; deriving again adds nothing', async () => {
      const db = await loadStored(engine, real, dict);
      try {
        const both = referenceRows(real, 3);
        await runDerivation(db, COOCCURRENCE_DERIVATION, ['2026-hunan'], { minPairCount: 3 });
        const hunan = await db.query<Row>({ sql: `SELECT * FROM cooccurrence ${ORDER}` });
        expectSameRows(hunan, both.filter((r) => r.edition_id === '2026-hunan'), 'hunan alone');
        await runDerivation(db, COOCCURRENCE_DERIVATION, ['2025-fujian-xiamen'], { minPairCount: 3 });
        await runDerivation(db, COOCCURRENCE_DERIVATION, ['2026-hunan', '2025-fujian-xiamen'], { minPairCount: 3 });
        await runDerivation(db, COOCCURRENCE_DERIVATION, ['2026-hunan'], { minPairCount: 3 });
        expectSameRows(await db.query<Row>({ sql: `SELECT * FROM cooccurrence ${ORDER}` }), both, 'one by one, twice');
        await runDerivation(db, COOCCURRENCE_DERIVATION, [], { minPairCount: 3 });
        const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM cooccurrence' });
        expect(n).toBe(both.length);
      } finally {
        await db.close();
      }
    }, 120_000);

    it('an empty edition, a one-topic edition and a topic without tokens', async () => {
      const editions = [
        segmentAll(segmenter, editionOf('empty', [[['。', '']]])),
        segmentAll(segmenter, editionOf('one', [[['数据安全与可信数据空间', '数据安全。可信数据空间；𠮷野数据安全\n数据安全']]])),
        segmentAll(segmenter, editionOf('mixed', [[['数据安全', ''], ['，', '。']], [['数据安全平台', '大模型。。数据安全平台']]]))
      ];
      for (const minimum of [1, 2]) await compare(engine, editions, dict, minimum);
      expect(referenceRows(editions, 1).filter((r) => r.edition_id === 'one').length).toBeGreaterThan(0);
    }, 60_000);

    describe('on random guides', () => {
      let count = 0;
      afterAll(() => expect(count).toBeGreaterThan(0));
      it('equals the analysis stage’s rows', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(guideShape, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3 }), async (shapes, minimum) => {
            const editions = shapes.map((shape, i) => segmentAll(segmenter, editionOf(`e${i}`, shape)));
            await compare(engine, editions, dict, minimum);
            count++;
          }),
          { numRuns: engine === 'wasm' ? 8 : 30 }
        );
      }, 120_000);
    });
  });
});
