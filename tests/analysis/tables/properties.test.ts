import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERIC_VERBS, TABLES, type TableName } from '../../../analysis/contract.ts';
import { computeEditionTables, editionRows, type EditionRows } from '../../../analysis/tables/index.ts';
import { associationStrength, cosine, griesDp, jaccard, npmi } from '../../../analysis/tables/stats.ts';
import { referenceCooccurrence } from './cooccurrence-reference.ts';
import { dictionaries } from './fixtures.ts';
import { buildRandomEdition, editionShape } from './random-edition.ts';

/** Code-point comparison written independently of analysis/tables/order.ts. */
function compareStrings(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function compareByKey(name: TableName, a: Record<string, unknown>, b: Record<string, unknown>): number {
  for (const column of TABLES[name].key) {
    const x = a[column];
    const y = b[column];
    const order = typeof x === 'string' ? compareStrings(x, y as string) : (x as number) - (y as number);
    if (order !== 0) return order;
  }
  return 0;
}

const counts = fc.record({ N: fc.integer({ min: 1, max: 500 }), x: fc.nat(), y: fc.nat(), z: fc.nat() });
/** n_i, n_j ≤ N and max(0, n_i + n_j − N) ≤ a_ij ≤ min(n_i, n_j): a consistent 2×2 table. */
const contingency = counts.map(({ N, x, y, z }) => {
  const ni = x % (N + 1);
  const nj = y % (N + 1);
  const low = Math.max(0, ni + nj - N);
  const high = Math.min(ni, nj);
  return { N, ni, nj, aij: low + (z % (high - low + 1)) };
});

describe('formula properties', () => {
  it('jaccard ∈ [0, 1], association strength ≥ 0, npmi ∈ [−1, 1]', () => {
    fc.assert(
      fc.property(contingency, ({ N, ni, nj, aij }) => {
        const j = jaccard(aij, ni, nj);
        const s = associationStrength(aij, N, ni, nj);
        const p = npmi(aij, N, ni, nj);
        return j >= 0 && j <= 1 && s >= 0 && Number.isFinite(s) && p >= -1 && p <= 1;
      })
    );
  });

  it('DP and DPnorm ∈ [0, 1]', () => {
    const parts = fc
      .array(fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 1000 })), { minLength: 1, maxLength: 20 })
      .map((pairs) => ({ counts: pairs.map((p) => p[0]), sizes: pairs.map((p) => p[1]) }));
    fc.assert(
      fc.property(parts, ({ counts: v, sizes }) => {
        const { dp, dpNorm } = griesDp(v, sizes);
        return dp >= 0 && dp <= 1 && dpNorm >= 0 && dpNorm <= 1;
      })
    );
  });

  it('cosine ∈ [0, 1] for non-negative vectors', () => {
    const vector = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(vector, vector, (a, b) => {
        const value = cosine(new Map(Object.entries(a)), new Map(Object.entries(b)));
        return value >= 0 && value <= 1;
      })
    );
  });
});

describe('edition table properties', () => {
  const dict = dictionaries([['主题', ['数据', '𠮷野']]]);

  it('rows are sorted by contract key, pairs ordered, figures in range, counts consistent', () => {
    fc.assert(
      fc.property(editionShape, fc.integer({ min: 1, max: 3 }), (shape, minPairCount) => {
        const { edition, segmented } = buildRandomEdition(shape);
        const tables: EditionRows = editionRows(computeEditionTables(edition, segmented, dict, { minPairCount, variants: GENERIC_VERBS }));

        for (const [name, rows] of Object.entries(tables) as [TableName, Record<string, unknown>[]][]) {
          for (let i = 1; i < rows.length; i++) expect(compareByKey(name, rows[i - 1], rows[i])).toBeLessThan(0);
        }
        const pairs = referenceCooccurrence(edition, segmented, minPairCount);
        for (let i = 1; i < pairs.length; i++) expect(compareByKey('cooccurrence', pairs[i - 1], pairs[i])).toBeLessThan(0);
        for (const row of pairs) {
          expect(compareStrings(row.term_a, row.term_b)).toBeLessThan(0);
          expect(row.jaccard).toBeGreaterThanOrEqual(0);
          expect(row.jaccard).toBeLessThanOrEqual(1);
          expect(Math.abs(row.npmi)).toBeLessThanOrEqual(1);
          expect(row.association_strength).toBeGreaterThanOrEqual(0);
          expect(row.topics >= minPairCount || row.sentences >= minPairCount).toBe(true);
          expect(row.sentence_npmi === null).toBe(row.sentences === 0);
        }
        for (const row of tables.track_overlap) {
          expect(row.cosine).toBeGreaterThanOrEqual(0);
          expect(row.cosine).toBeLessThanOrEqual(1);
        }
        const summed = new Map<string, number>();
        for (const row of tables.term_track) {
          const key = `${row.generic_verbs}/${row.term}`;
          summed.set(key, (summed.get(key) ?? 0) + row.count);
        }
        expect(summed.size).toBe(tables.term_stats.length);
        for (const row of tables.term_stats) {
          expect(summed.get(`${row.generic_verbs}/${row.term}`)).toBe(row.count);
          expect(row.dispersion_dp).toBeGreaterThanOrEqual(0);
          expect(row.dispersion_dp).toBeLessThanOrEqual(1);
          expect(row.dp_norm).toBeLessThanOrEqual(1);
        }
        const T = shape.length;
        expect(tables.track_overlap).toHaveLength(T * (T - 1)); // T(T−1)/2 pairs × 2 variants
      }),
      { numRuns: 300 }
    );
  });
});
