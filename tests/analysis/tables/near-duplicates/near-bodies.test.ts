import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNearSets } from '../../../../analysis/tables/near-duplicates/near-bodies.ts';

describe('findNearSets', () => {
  it('the prefix-filtered search finds exactly the set pairs at or above the threshold', () => {
    // Small token universes put many pairs right at the threshold, where a short prefix would miss them.
    const setsArb = fc.array(fc.uniqueArray(fc.nat(24), { maxLength: 14 }), { maxLength: 14 });
    fc.assert(
      fc.property(setsArb, fc.constantFrom(0.5, 0.6, 2 / 3, 0.75, 0.8, 0.9, 1), (raw, threshold) => {
        const sets = raw.map((s) => Uint32Array.from(s).sort());
        const got = findNearSets(sets, threshold, Infinity, 25).map((l) => `${l.earlier}-${l.later}`);
        const expected: string[] = [];
        for (let later = 0; later < sets.length; later++) {
          for (let earlier = 0; earlier < later; earlier++) {
            const [a, b] = [new Set(raw[earlier]), new Set(raw[later])];
            const shared = [...a].filter((x) => b.has(x)).length;
            if (a.size > 0 && b.size > 0 && shared / (a.size + b.size - shared) >= threshold) expected.push(`${earlier}-${later}`);
          }
        }
        expect(got).toEqual(expected);
        // Capped at 2: a set with 3 or more matches keeps only its earliest.
        const capped = findNearSets(sets, threshold, 2, 25).map((l) => `${l.earlier}-${l.later}`);
        const matchesOf = (pair: string) => expected.filter((p) => p.split('-')[1] === pair.split('-')[1]);
        expect(capped).toEqual(expected.filter((pair) => matchesOf(pair).length <= 2 || matchesOf(pair)[0] === pair));
      }),
      { numRuns: 2000 }
    );
  });

});
