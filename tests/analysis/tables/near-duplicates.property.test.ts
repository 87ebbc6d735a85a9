import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce, distinctChars, edition, expectRowsAreReal, find, flatten, pairOf } from './near-duplicates/helpers.ts';

const FRAGMENTS = [
  distinctChars(24, 0x5000),
  distinctChars(22, 0x5100),
  distinctChars(19, 0x5200),
  distinctChars(20, 0x5300),
  '数据赋能',
  '见附件',
  '开展试点'
];
const SEPARATORS = ['。', '，', '；', '\n', '！', '：', ''];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS)), { maxLength: 5 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));
// Topics draw their bodies from a small pool and may edit a few characters, so exact copies,
// near copies on both sides of 0.8, and copies whose every long sentence was touched all occur.
const editsArb = fc.array(fc.nat(), { maxLength: 3 });
const edited = (text: string, edits: number[]) => {
  if (text === '') return text;
  const chars = [...text];
  for (const at of edits) chars[at % chars.length] = '改';
  return chars.join('');
};
const topicArb = (pool: string[]) =>
  fc
    .tuple(
      fc.oneof(fc.constantFrom('智慧交通', FRAGMENTS[0]), textArb),
      fc.oneof(fc.constant(''), fc.constantFrom(...pool), textArb),
      editsArb
    )
    .map(([title, body, edits]): [string, string] => [title, edited(body, edits)]);
const editionsArb = fc
  .array(textArb, { minLength: 1, maxLength: 3 })
  .chain((pool) =>
    fc.array(fc.array(fc.array(topicArb(pool), { maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
  )
  .map((editions) => editions.map((tracks, i) => edition(`e${i}`, tracks)));

describe('near-duplicate properties', () => {
  it('rows are real: a before b, similarity in [0, 1] and recomputable, no repeated pair, shared text in both', () => {
    fc.assert(
      fc.property(editionsArb, fc.constantFrom(1, 3, 10), (editions, allPairsUpTo) => {
        expectRowsAreReal(find(editions, { allPairsUpTo, nearBodyLinks: 2 }), editions);
      }),
      { numRuns: 300 }
    );
  });

  it('without caps, reports exactly the pairs the definitions name (brute force)', () => {
    fc.assert(
      fc.property(editionsArb, (editions) => {
        const rows = find(editions, { allPairsUpTo: Infinity, nearBodyLinks: Infinity });
        const got = new Map(rows.map((r) => [pairOf(r), r.kind]));
        expect(got).toEqual(bruteForce(flatten(editions)));
      }),
      { numRuns: 300 }
    );
  });

  it('with caps, reports a subset of those pairs', () => {
    fc.assert(
      fc.property(editionsArb, (editions) => {
        const expected = bruteForce(flatten(editions));
        for (const row of find(editions, { allPairsUpTo: 1, nearBodyLinks: 1 })) {
          expect(expected.get(pairOf(row))).toBe(row.kind);
        }
      }),
      { numRuns: 200 }
    );
  });
});

