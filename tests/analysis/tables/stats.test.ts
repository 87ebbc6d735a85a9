import { describe, expect, it } from 'vitest';
import {
  associationStrength,
  cosine,
  g2Signed,
  griesDp,
  idf,
  jaccard,
  log2Table,
  logRatio,
  npmi,
  per10k
} from '../../../analysis/tables/stats.ts';
import { compareCodePoints, countCodePoints } from '../../../analysis/tables/order.ts';

const LN2 = Math.log(2);

describe('g2Signed', () => {
  it('is positive when the target rate is higher', () => {
    // a=10 b=5 c=100 d=200: E₁ = 100·15/300 = 5, E₂ = 200·15/300 = 10
    // G² = 2(10·ln(10/5) + 5·ln(5/10)) = 2(10 ln2 − 5 ln2) = 10 ln2 ≈ 6.9315; 10/100 > 5/200 → +
    expect(g2Signed(10, 5, 100, 200)).toBeCloseTo(10 * LN2, 12);
  });

  it('is negative when the target rate is lower', () => {
    // a=5 b=10 c=200 d=100: E₁ = 200·15/300 = 10, E₂ = 5
    // G² = 2(5 ln(5/10) + 10 ln(10/5)) = 10 ln2; 5/200 < 10/100 → −
    expect(g2Signed(5, 10, 200, 100)).toBeCloseTo(-10 * LN2, 12);
  });

  it('uses 0·ln0 = 0 for a zero count', () => {
    // a=0 b=6 c=100 d=200: E₁ = 100·6/300 = 2, E₂ = 4; G² = 2(0 + 6 ln(6/4)) = 12 ln1.5, under-represented → −
    expect(g2Signed(0, 6, 100, 200)).toBeCloseTo(-12 * Math.log(1.5), 12);
    // a=4 b=0 c=100 d=300: E₁ = 100·4/400 = 1; G² = 2(4 ln4 + 0) = 16 ln2
    expect(g2Signed(4, 0, 100, 300)).toBeCloseTo(16 * LN2, 12);
  });

  it('is 0 for equal rates, a zero total and an empty corpus', () => {
    expect(g2Signed(2, 4, 100, 200)).toBe(0); // 2/100 = 4/200
    expect(g2Signed(0, 0, 100, 200)).toBe(0);
    expect(g2Signed(5, 0, 10, 0)).toBe(0); // empty reference
    expect(g2Signed(0, 5, 0, 10)).toBe(0); // empty target
  });
});

describe('logRatio', () => {
  it('is log2 of the rate ratio', () => {
    // (10/100) / (5/200) = 0.1 / 0.025 = 4 → log2 4 = 2
    expect(logRatio(10, 5, 100, 200)).toBeCloseTo(2, 12);
    expect(logRatio(2, 4, 100, 200)).toBe(0);
  });

  it('uses 0.5 for a zero count', () => {
    // a=0: (0.5/100) / (6/200) = 0.005 / 0.03 = 1/6 → log2(1/6) ≈ −2.585
    expect(logRatio(0, 6, 100, 200)).toBeCloseTo(-Math.log2(6), 12);
    // b=0: (4/100) / (0.5/300) = 0.04 / (1/600) = 24 → log2 24 ≈ 4.585
    expect(logRatio(4, 0, 100, 300)).toBeCloseTo(Math.log2(24), 12);
    // both zero: (0.5/100)/(0.5/200) = 2 → 1
    expect(logRatio(0, 0, 100, 200)).toBeCloseTo(1, 12);
  });

  it('is 0 for an empty corpus', () => {
    expect(logRatio(5, 0, 10, 0)).toBe(0);
    expect(logRatio(0, 5, 0, 10)).toBe(0);
  });
});

describe('co-occurrence measures', () => {
  it('jaccard', () => {
    expect(jaccard(2, 3, 4)).toBeCloseTo(0.4, 12); // 2 / (3 + 4 − 2) = 2/5
    expect(jaccard(3, 3, 3)).toBe(1); // 3 / (3 + 3 − 3)
    expect(jaccard(0, 2, 5)).toBe(0);
    expect(jaccard(0, 0, 0)).toBe(0); // no union
  });

  it('association strength', () => {
    expect(associationStrength(2, 10, 4, 5)).toBeCloseTo(1, 12); // 2·10 / (4·5) = 20/20: independent
    expect(associationStrength(3, 12, 4, 3)).toBeCloseTo(3, 12); // 3·12 / (4·3) = 36/12
    expect(associationStrength(0, 12, 4, 3)).toBe(0);
    expect(associationStrength(0, 12, 0, 3)).toBe(0); // a term in no unit
  });

  it('npmi', () => {
    // a = N = 5 (so n_i = n_j = 5): 0/0, defined as 1
    expect(npmi(5, 5, 5, 5)).toBe(1);
    // never together: −1
    expect(npmi(0, 10, 3, 4)).toBe(-1);
    // independent: log2(1·4/(2·2)) = 0 → 0
    expect(npmi(1, 4, 2, 2)).toBe(0);
    // log2(2·8/(2·4)) = log2 2 = 1; −log2(2/8) = 2 → 0.5
    expect(npmi(2, 8, 2, 4)).toBeCloseTo(0.5, 12);
    // log2(1·8/(4·4)) = −1; −log2(1/8) = 3 → −1/3
    expect(npmi(1, 8, 4, 4)).toBeCloseTo(-1 / 3, 12);
    // always together but not everywhere: log2(2·8/(2·2)) = 2; −log2(2/8) = 2 → 1
    expect(npmi(2, 8, 2, 2)).toBeCloseTo(1, 12);
  });

  it('npmi with a log₂ lookup table gives the same values', () => {
    const log2 = log2Table(8);
    for (const [a, N, ni, nj] of [[2, 8, 2, 4], [1, 8, 4, 4], [3, 8, 5, 6], [0, 8, 1, 2], [8, 8, 8, 8]]) {
      expect(npmi(a, N, ni, nj, log2)).toBe(npmi(a, N, ni, nj));
    }
  });
});

describe('griesDp', () => {
  it('is 0 for a term spread exactly like the text', () => {
    // v_k/v = 2/12, 4/12, 6/12 = s_k = 10/60, 20/60, 30/60
    const { dp, dpNorm } = griesDp([2, 4, 6], [10, 20, 30]);
    expect(dp).toBeCloseTo(0, 12);
    expect(dpNorm).toBeCloseTo(0, 12);
  });

  it('reaches 1 − min s (DPnorm 1) when all tokens sit in the smallest part', () => {
    // s = 1/6, 1/3, 1/2; v_k/v = 1, 0, 0: ½(5/6 + 1/3 + 1/2) = ½ · 5/3 = 5/6; DPnorm = (5/6)/(1 − 1/6) = 1
    const { dp, dpNorm } = griesDp([6, 0, 0], [10, 20, 30]);
    expect(dp).toBeCloseTo(5 / 6, 12);
    expect(dpNorm).toBeCloseTo(1, 12);
  });

  it('normalises by 1 − the smallest share', () => {
    // all in the largest part: ½(1/6 + 1/3 + 1/2) = ½; DPnorm = ½ / (5/6) = 0.6
    const largest = griesDp([0, 0, 6], [10, 20, 30]);
    expect(largest.dp).toBeCloseTo(0.5, 12);
    expect(largest.dpNorm).toBeCloseTo(0.6, 12);
    // s = ¼, ¾; v_k/v = ½, ½: ½(¼ + ¼) = ¼; DPnorm = ¼ / ¾ = ⅓
    const even = griesDp([1, 1], [1, 3]);
    expect(even.dp).toBeCloseTo(0.25, 12);
    expect(even.dpNorm).toBeCloseTo(1 / 3, 12);
  });

  it('counts empty parts (share 0, so DPnorm = DP)', () => {
    // s = 30/40, 0, 10/40 = .75, 0, .25; v_k/v = 3/4, 0, 1/4 → DP 0
    expect(griesDp([3, 0, 1], [30, 0, 10])).toEqual({ dp: 0, dpNorm: 0 });
    // s = .5, .5, 0; v_k/v = 1, 0, 0: ½(.5 + .5 + 0) = .5; min s = 0 → DPnorm = .5
    const result = griesDp([2, 0, 0], [5, 5, 0]);
    expect(result.dp).toBeCloseTo(0.5, 12);
    expect(result.dpNorm).toBeCloseTo(0.5, 12);
  });

  it('is 0 for a zero total, an empty text and a single part', () => {
    expect(griesDp([0, 0], [3, 4])).toEqual({ dp: 0, dpNorm: 0 });
    expect(griesDp([0, 0], [0, 0])).toEqual({ dp: 0, dpNorm: 0 });
    expect(griesDp([7], [9])).toEqual({ dp: 0, dpNorm: 0 });
  });

  it('rejects mismatched lengths', () => {
    expect(() => griesDp([1, 2], [3])).toThrow();
  });
});

describe('idf, cosine, per10k', () => {
  it('idf = ln(T/df), 0 when the term is everywhere or nowhere', () => {
    expect(idf(4, 1)).toBeCloseTo(Math.log(4), 12);
    expect(idf(4, 2)).toBeCloseTo(LN2, 12);
    expect(idf(4, 4)).toBe(0);
    expect(idf(1, 1)).toBe(0); // T = 1: every idf is 0
    expect(idf(4, 0)).toBe(0);
  });

  it('cosine of sparse vectors', () => {
    // (1,2)·(2,1) = 4; |a| = |b| = √5 → 4/5
    const a = new Map([['x', 1], ['y', 2]]);
    expect(cosine(a, new Map([['x', 2], ['y', 1]]))).toBeCloseTo(0.8, 12);
    expect(cosine(a, new Map([['x', 2], ['y', 4]]))).toBeCloseTo(1, 12);
    expect(cosine(a, new Map([['z', 3]]))).toBe(0); // disjoint
    expect(cosine(a, new Map([['x', 0]]))).toBe(0); // zero vector (idf 0 everywhere)
    expect(cosine(new Map<string, number>(), new Map<string, number>())).toBe(0);
  });

  it('per10k', () => {
    expect(per10k(3, 600)).toBeCloseTo(50, 12); // 3/600 · 10,000
    expect(per10k(0, 0)).toBe(0);
  });
});

describe('code-point order', () => {
  it('puts astral characters after U+E000–U+FFFF, unlike UTF-16 order', () => {
    const fullwidth = '\uFF01'; // ！ U+FF01
    const astral = '\u{20000}'; // 𠀀 U+20000, stored as D840 DC00
    expect(astral < fullwidth).toBe(true); // what plain < says
    expect(compareCodePoints(fullwidth, astral)).toBeLessThan(0);
    expect(compareCodePoints('数据', '数据库')).toBeLessThan(0);
    expect(compareCodePoints('安全', '安全')).toBe(0);
    expect(compareCodePoints('模型', '农业')).toBeGreaterThan(0); // 6A21 > 519C
  });

  it('counts characters, not UTF-16 units', () => {
    expect(countCodePoints('𠮷野家')).toBe(3);
    expect(countCodePoints('数据\n平台')).toBe(5);
  });
});
