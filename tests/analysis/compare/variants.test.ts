/**
 * The quality bar: on every constructed variant of the Hunan guide (several changes at
 * once, known truth) the alignment finds exactly the true statuses, both ways round.
 */
import { describe, expect, it } from 'vitest';
import { compareEditions } from '../../../analysis/compare/index.ts';
import { allVariants, buildVariant, hunanBase, scoreComparison, toCompareEdition, truthOf, VARIANT_RECIPES } from './variants.ts';
import { largeRecipe, syntheticBase } from './synthetic.ts';

const base = hunanBase();
const variants = allVariants(base);

describe('constructed variants of the Hunan guide', () => {
  it('has at least 20 variants that together make every kind of change', () => {
    expect(variants.length).toBeGreaterThanOrEqual(20);
    const tally = new Map<string, number>();
    for (const v of variants) for (const r of truthOf(base, v).topics) tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
    for (const status of ['matched', 'edited', 'reworded', 'moved', 'added', 'removed']) expect(tally.get(status) ?? 0).toBeGreaterThanOrEqual(5);
    const trackStatuses = new Set(variants.flatMap((v) => truthOf(base, v).tracks.map((r) => r.status)));
    expect(trackStatuses).toEqual(new Set(['matched', 'renamed', 'added', 'removed']));
    // Several changes at once in each.
    expect(VARIANT_RECIPES.every((r) => r.length >= 2)).toBe(true);
  });

  it.each(variants.map((v, i) => [v.id, i] as const))('%s: every topic and track status is the true one', (_, i) => {
    const v = variants[i];
    for (const [a, b] of [[base, v], [v, base]]) {
      const result = compareEditions(toCompareEdition(a), toCompareEdition(b));
      const truth = truthOf(a, b);
      const score = scoreComparison(truth, result);
      expect({ changes: v.changes, ...score }).toMatchObject({ pairPrecision: 1, pairRecall: 1, topicStatusCorrect: truth.topics.length, trackStatusCorrect: truth.tracks.length });
      expect(result.topics).toHaveLength(truth.topics.length);
    }
  });

  it('finds every status on a 600-topic synthetic edition too', () => {
    const large = syntheticBase(600, 25);
    const v = buildVariant(large, 3, largeRecipe(600));
    const score = scoreComparison(truthOf(large, v), compareEditions(toCompareEdition(large), toCompareEdition(v)));
    expect(score.topicStatusCorrect).toBe(score.topicRows);
    expect(score.trackStatusCorrect).toBe(score.trackRows);
  });
});
