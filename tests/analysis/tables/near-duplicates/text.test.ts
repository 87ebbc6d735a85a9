import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jaccardOfSets,
  jaccardOfSorted,
  passages,
  ShingleDictionary,
  shingleStrings,
  splitSentences
} from '../../../../analysis/tables/near-duplicates/text.ts';

describe('shingles and passages', () => {
  it('computes shingle Jaccard by hand on a small example', () => {
    // ABCDE BCDEF CDEFG vs ABCDE BCDEF CDEFH: 2 shared of 4 distinct.
    expect(jaccardOfSets(shingleStrings('ABCDEFG', 5), shingleStrings('ABCDEFH', 5))).toBe(2 / 4);
    expect(jaccardOfSets(shingleStrings('ABC', 5), shingleStrings('ABC', 5))).toBe(1);
    expect(jaccardOfSets(shingleStrings('', 5), shingleStrings('', 5))).toBe(0);
  });

  it('counts characters, not UTF-16 units, in shingles', () => {
    // 𠀀 (U+20000) is one character stored as two units.
    expect([...shingleStrings('𠀀一二三四五', 5)]).toEqual(['𠀀一二三四', '一二三四五']);
  });

  it('splits at 。！？； and newlines, trims, and keeps clauses of 20+ characters after their sentence', () => {
    expect(splitSentences(' 甲。乙！\n丙？丁；  ')).toEqual(['甲', '乙', '丙', '丁']);
    const clause = '一二三四五六七八九十一二三四五六七八九十';
    expect(passages(`短句，${clause}。${clause}`, 20, true)).toEqual([`短句，${clause}`, clause]);
    expect(passages(`短句，${clause}。`, 20, false)).toEqual([`短句，${clause}`]);
  });

  it('shingle ids give the same Jaccard as shingle strings', () => {
    const dictionary = new ShingleDictionary(5);
    const text = fc.string({ unit: fc.constantFrom('数', '据', '要', '素', '𠀀', '。'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const byIds = jaccardOfSorted(dictionary.idsOf(a), dictionary.idsOf(b));
        expect(byIds).toBe(jaccardOfSets(shingleStrings(a, 5), shingleStrings(b, 5)));
      }),
      { numRuns: 500 }
    );
  });
});
