import { describe, expect, it } from 'vitest';
import { compareEditions, termTrend, themeTrend, trendStatus } from '../../../analysis/compare/index.ts';
import { termCountRows, termCountsOf } from '../../../analysis/compare/terms.ts';
import { g2Signed, logRatio } from '../../../analysis/tables/stats.ts';
import { edition, T } from './helpers.ts';

describe('term_trend basis rule', () => {
  // A: 数据 8 tokens (2 in titles), 隐私计算 4 (0 in titles), 模型 4 (2 in titles): 16 tokens, 4 in titles.
  const countsA = [
    { term: '数据', count: 8, title_count: 2 },
    { term: '隐私计算', count: 4, title_count: 0 },
    { term: '模型', count: 4, title_count: 2 }
  ];
  // B (titles-only, so every token is a title token): 数据 3, 模型 1: 4 tokens.
  const countsB = [
    { term: '数据', count: 3, title_count: 3 },
    { term: '模型', count: 1, title_count: 1 }
  ];
  const full = edition('full', { 工业制造: [T.design] }, countsA);
  const titlesOnly = edition('titles', { 工业制造: [[T.design[0], '']] }, countsB);

  it('counts both sides on titles alone when either edition is titles-only', () => {
    for (const [a, b] of [[full, titlesOnly], [titlesOnly, full]]) {
      const c = compareEditions(a, b);
      expect(c.basis).toBe('titles');
      expect(c.terms.every((r) => r.basis === 'titles')).toBe(true);
      const count = (e: typeof a, term: string) => e.terms.find((t) => t.term === term)?.title_count ?? 0;
      for (const r of c.terms) {
        expect([r.count_a, r.count_b]).toEqual([count(a, r.term), count(b, r.term)]);
      }
    }
    // 隐私计算 occurs only in A's bodies: on the titles basis it is in neither edition.
    expect(compareEditions(full, titlesOnly).terms.map((r) => r.term)).toEqual(['数据', '模型'].sort());
  });

  it('compares like with like: a term as frequent in titles on both sides is stable', () => {
    // 数据: A 2 of 4 title tokens, B 3 of 4 → rates 5,000 and 7,500 per 10k; G² small → stable.
    const row = compareEditions(full, titlesOnly).terms.find((r) => r.term === '数据')!;
    expect(row).toMatchObject({ count_a: 2, count_b: 3, per10k_a: 5000, per10k_b: 7500, status: 'stable' });
    expect(row.log_ratio).toBeCloseTo(Math.log2(0.75 / 0.5), 12);
    expect(row.g2).toBeCloseTo(g2Signed(3, 2, 4, 4), 12);
  });

  it('uses titles and bodies when both editions have bodies', () => {
    const other = edition('other', { 工业制造: [T.agent] }, [{ term: '数据', count: 2, title_count: 0 }]);
    const c = compareEditions(full, other);
    expect(c.basis).toBe('full');
    expect(c.terms.find((r) => r.term === '数据')).toMatchObject({ count_a: 8, count_b: 2, basis: 'full' });
    expect(c.terms.find((r) => r.term === '隐私计算')).toMatchObject({ count_a: 4, count_b: 0, status: 'dropped' });
  });
});

describe('term_trend statuses and figures', () => {
  it('new, dropped, rising, falling and stable at the 3.84 line', () => {
    expect(trendStatus(0, 1, 0.4)).toBe('new');
    expect(trendStatus(3, 0, -12)).toBe('dropped');
    expect(trendStatus(5, 20, 3.84)).toBe('rising');
    expect(trendStatus(5, 20, 3.83)).toBe('stable');
    expect(trendStatus(20, 5, -3.84)).toBe('falling');
    expect(trendStatus(20, 5, -3.83)).toBe('stable');
  });

  it('takes A as the reference: B more frequent → positive Log Ratio and G²', () => {
    // A: x 10 of 1,000 tokens; B: x 40 of 1,000. G² = g2Signed(40, 10, 1000, 1000) ≈ +19.3 → rising.
    const rows = termTrend(
      [{ term: 'x', count: 10, title_count: 0 }, { term: 'y', count: 990, title_count: 0 }],
      [{ term: 'x', count: 40, title_count: 0 }, { term: 'y', count: 960, title_count: 0 }],
      'full'
    );
    const x = rows.find((r) => r.term === 'x')!;
    expect(x.log_ratio).toBeCloseTo(2, 12);
    expect(x.g2).toBeCloseTo(g2Signed(40, 10, 1000, 1000), 12);
    expect(x.g2).toBeGreaterThan(3.84);
    expect(x.status).toBe('rising');
    expect(rows.find((r) => r.term === 'y')!.status).toBe('stable');
    expect(logRatio(40, 10, 1000, 1000)).toBeCloseTo(2, 12);
  });

  it('sums theme members on each side', () => {
    const rows = termTrend(
      [{ term: '隐私计算', count: 2, title_count: 0 }, { term: '联邦学习', count: 1, title_count: 0 }],
      [{ term: '联邦学习', count: 4, title_count: 0 }],
      'full'
    );
    expect(themeTrend(rows, new Map([['隐私计算', ['隐私计算', '联邦学习', '多方安全计算']]]))).toEqual([{ theme: '隐私计算', count_a: 3, count_b: 4, per10k_a: 10000, per10k_b: 10000 }]);
  });
});

describe('termCountsOf', () => {
  it('counts tokens and title tokens per term, generic verbs left out', () => {
    const tokens = [
      { term: '数据', part: 'title' as const, generic_verb: false },
      { term: '数据', part: 'body' as const, generic_verb: false },
      { term: '推动', part: 'body' as const, generic_verb: true }
    ];
    expect(termCountRows(termCountsOf([{ tokens }, { tokens: tokens.slice(1) }]))).toEqual([{ term: '数据', count: 3, title_count: 1 }]);
  });
});
