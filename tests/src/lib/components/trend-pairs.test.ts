import { describe, expect, it } from 'vitest';
import { RECENT_PAIRS, shownPairs } from '../../../../src/lib/components/trend-pairs.ts';

describe('shownPairs', () => {
  const pairs = Array.from({ length: 999 }, (_, i) => i);

  it('shows a short list whole', () => {
    expect(shownPairs([1, 2, 3], false)).toEqual({ shown: [1, 2, 3], hidden: 0 });
    expect(shownPairs(pairs.slice(0, RECENT_PAIRS), false).hidden).toBe(0);
  });

  it('shows the most recent pairs of a long one, in order, and says how many it leaves out', () => {
    const { shown, hidden } = shownPairs(pairs, false);
    expect(shown).toEqual(pairs.slice(-RECENT_PAIRS));
    expect(hidden).toBe(999 - RECENT_PAIRS);
  });

  it('shows everything when asked', () => {
    expect(shownPairs(pairs, true)).toEqual({ shown: pairs, hidden: 0 });
  });
});
