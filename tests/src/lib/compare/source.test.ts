/**
 * The comparison source: the analysis stage precomputes consecutive editions of a region,
 * and the dashboard's on-demand computation over the loaded tables gives the same rows —
 * on both engines, on the constructed sample region and on a variant of the whole guide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, TermTrendRow } from '../../../../analysis/contract.ts';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { loadTables } from '../../../../src/lib/db/load.ts';
import { termTrend, type TermTrendRow as TermTrendQueryRow } from '../../../../src/lib/queries/term.ts';
import { computeComparison, loadComparison } from '../../../../src/lib/compare/source.ts';
import { buildVariant, hunanBase, scoreComparison, truthOf } from '../../../analysis/compare/variants.ts';
import { sampleCorpus, SAMPLE_TRUTH, type CorpusEdition } from '../../../analysis/compare/sample.ts';
import { ENGINES, openEngine } from '../fixture/connect.ts';
import { analyseCorpus } from '../fixture/compare-output.ts';

const base = hunanBase();
const variant = { ...buildVariant(base, 18), id: '2025-changsha' };
const whole = { ...base, id: '2026-changsha' };
const corpus: CorpusEdition[] = [
  ...sampleCorpus(base),
  { edition: variant, year: 2025, region: '长沙', title: '2025年长沙构造版本' },
  { edition: whole, year: 2026, region: '长沙', title: '2026年长沙构造版本' }
];
const STORED = [
  ['2024-hunan-sample', '2025-hunan-sample'],
  ['2025-changsha', '2026-changsha'],
  ['2025-hunan-sample', '2026-hunan-sample']
];

let out: { dir: string; manifest: Manifest };
beforeAll(async () => {
  out = await analyseCorpus(corpus);
}, 120_000);

const tally = (rows: readonly { status: string }[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
};

describe.each(ENGINES)('comparison source on %s', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await openEngine(engine);
    await loadTables(db, out.manifest, async (file) => new Uint8Array(readFileSync(join(out.dir, file))));
  });
  afterAll(() => db?.close());

  it('precomputes exactly the consecutive pairs of each region', async () => {
    const pairs = await db.query<{ edition_a: string; edition_b: string }>({
      sql: 'SELECT DISTINCT edition_a, edition_b FROM topic_alignment ORDER BY edition_a, edition_b'
    });
    expect(pairs.map((p) => [p.edition_a, p.edition_b])).toEqual(STORED);
  });

  it.each(STORED)('computes %s → %s on demand exactly as precomputed', async (a, b) => {
    const stored = await loadComparison(db, a, b, 'removed');
    const computed = await computeComparison(db, a, b, 'removed');
    expect(stored.origin).toBe('stored');
    expect(computed.origin).toBe('computed');
    expect(computed.basis).toBe(stored.basis);
    expect(computed.tracks).toEqual(stored.tracks);
    expect(computed.topics).toEqual(stored.topics);
    expect(computed.terms).toEqual(stored.terms);
    expect(stored.terms.length).toBeGreaterThan(100);
  });

  it('gives the term page’s trend pairs (SQL) exactly as term_trend, on the full basis', async () => {
    const stored = await db.query<TermTrendRow>({ sql: "SELECT * FROM term_trend WHERE edition_a = '2024-hunan-sample' AND edition_b = '2025-hunan-sample'" });
    expect(stored.every((r) => r.basis === 'full')).toBe(true);
    for (const row of stored.filter((_, i) => i % 7 === 0)) {
      const trend = await db.query<TermTrendQueryRow>(termTrend({ term: row.term, genericVerbs: 'removed' }));
      const b = trend.find((r) => r.edition_id === '2025-hunan-sample')!;
      expect(b.prev_edition).toBe('2024-hunan-sample');
      expect([b.basis, b.count_a, b.count_b, b.status]).toEqual(['full', row.count_a, row.count_b, row.status]);
      expect(b.log_ratio!).toBeCloseTo(row.log_ratio, 9);
      expect(b.g2!).toBeCloseTo(row.g2, 9);
    }
  });

  it('finds the sample region’s known changes', async () => {
    const c = await loadComparison(db, '2025-hunan-sample', '2026-hunan-sample', 'removed');
    expect(tally(c.tracks)).toEqual(SAMPLE_TRUTH.tracks);
    expect(tally(c.topics)).toEqual(SAMPLE_TRUTH.topics);
    expect(c.basis).toBe('full');
  });

  it('finds the true statuses of a variant of the whole guide through the tables', async () => {
    const c = await loadComparison(db, '2025-changsha', '2026-changsha', 'removed');
    const score = scoreComparison(truthOf(variant, whole), c);
    expect(score).toMatchObject({ pairPrecision: 1, pairRecall: 1, topicStatusCorrect: score.topicRows, trackStatusCorrect: score.trackRows });
  });

  it('computes a pair that was not precomputed, and any pair with generic verbs kept', async () => {
    const reverse = await loadComparison(db, '2026-hunan-sample', '2025-hunan-sample', 'removed');
    expect(reverse.origin).toBe('computed');
    expect(tally(reverse.topics)).toEqual({ ...SAMPLE_TRUTH.topics, added: SAMPLE_TRUTH.topics.removed, removed: SAMPLE_TRUTH.topics.added });
    const kept = await loadComparison(db, '2025-hunan-sample', '2026-hunan-sample', 'kept');
    expect(kept.origin).toBe('computed');
    const removed = await loadComparison(db, '2025-hunan-sample', '2026-hunan-sample', 'removed');
    const verbs = await db.query<{ term: string }>({ sql: 'SELECT term FROM terms WHERE generic_verb' });
    const verbSet = new Set(verbs.map((v) => v.term));
    expect(kept.terms.some((t) => verbSet.has(t.term))).toBe(true);
    expect(removed.terms.some((t) => verbSet.has(t.term))).toBe(false);
    expect(kept.topics).toEqual(removed.topics);
  });
});
