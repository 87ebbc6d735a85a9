import { describe, expect, it } from 'vitest';
import { dice, distinct, GramIds, normalizeText, union } from '../../../analysis/compare/text.ts';

describe('normalizeText', () => {
  it('folds width, case, spaces and punctuation', () => {
    expect(normalizeText('ＡＩ 大模型， “数据”空间！')).toBe('ai大模型数据空间');
    expect(normalizeText('５Ｇ＋ 智慧（城市）')).toBe('5g智慧城市');
  });
});

describe('dice on character bigrams', () => {
  const g = new GramIds();
  const grams = (s: string) => g.grams(normalizeText(s));

  it('is 1 for the same text and 0 for texts sharing no bigram', () => {
    expect(dice(grams('可信数据空间'), grams('可信数据空间'))).toBe(1);
    expect(dice(grams('可信数据空间'), grams('气象服务'))).toBe(0);
  });

  it('counts shared bigrams over both lengths', () => {
    // 鼓励科技数据汇聚共享 and 鼓励科学数据汇聚共享: 9 bigrams each; all but 科技 技数 / 科学 学数
    // are shared (鼓励 励科 数据 据汇 汇聚 聚共 共享 = 7): Dice = 2·7 / 18 = 0.778
    expect(dice(grams('鼓励科技数据汇聚共享'), grams('鼓励科学数据汇聚共享'))).toBeCloseTo(14 / 18, 12);
  });

  it('counts repeated bigrams as a multiset', () => {
    // 数据数据: 数据 据数 数据 (3); 数据: 数据 (1); shared min(2,1) = 1 → 2·1/4
    expect(dice(grams('数据数据'), grams('数据'))).toBeCloseTo(0.5, 12);
  });

  it('treats one character as its own gram and two empty texts as equal', () => {
    expect(dice(grams('数'), grams('数'))).toBe(1);
    expect(dice(grams('数'), grams('据'))).toBe(0);
    expect(dice(grams(''), grams('，'))).toBe(1);
    expect(dice(grams(''), grams('数据'))).toBe(0);
  });

  it('keeps ids stable across editions of one comparison', () => {
    const ids = new GramIds();
    const first = ids.grams('数据空间');
    expect(ids.size).toBe(3);
    expect(Array.from(ids.grams('空间数据'))).toEqual(Array.from(new Int32Array([ids.grams('空间')[0], ids.grams('间数')[0], first[0]]).sort()));
  });
});

describe('distinct and union', () => {
  it('drop repeats from sorted arrays', () => {
    expect(Array.from(distinct(Int32Array.of(1, 1, 2, 5, 5, 5)))).toEqual([1, 2, 5]);
    expect(Array.from(union(Int32Array.of(1, 3), Int32Array.of(2, 3, 4)))).toEqual([1, 2, 3, 4]);
  });
});
