import { describe, expect, it } from 'vitest';
import { regionSeries } from '../../../../src/lib/compare/series.ts';

describe('region series', () => {
  const editions = [
    { edition_id: 'e2026', year: 2026, has_bodies: true },
    { edition_id: 'e2024', year: 2024, has_bodies: true },
    { edition_id: 'e2025', year: 2025, has_bodies: false }
  ];
  const counts = [
    { edition_id: 'e2024', term: '数据', count: 10, title_count: 2 },
    { edition_id: 'e2024', term: '模型', count: 10, title_count: 2 },
    { edition_id: 'e2025', term: '数据', count: 1, title_count: 1 },
    { edition_id: 'e2025', term: '大模型', count: 3, title_count: 3 },
    { edition_id: 'e2026', term: '数据', count: 20, title_count: 1 },
    { edition_id: 'e2026', term: '大模型', count: 5, title_count: 3 }
  ];

  it('uses titles for every year when one edition is titles-only, years in order', () => {
    const s = regionSeries(editions, counts, new Map([['人工智能', ['模型', '大模型']]]));
    expect(s.basis).toBe('titles');
    expect(s.years).toEqual(['2024', '2025', '2026']);
    // 人工智能 on titles: 2/4, 3/4, 3/4 → 5,000, 7,500, 7,500 per 10k.
    expect(s.themes.map((p) => [p.year, p.count, p.per10k])).toEqual([['2024', 2, 5000], ['2025', 3, 7500], ['2026', 3, 7500]]);
  });

  it('gives the year each term first appears, newest first', () => {
    const s = regionSeries(editions, counts, new Map());
    expect(s.firstSeen.map((f) => [f.term, f.first_year, f.editions, f.latest_count])).toEqual([
      ['大模型', 2025, 2, 3],
      ['数据', 2024, 3, 1],
      ['模型', 2024, 1, 0]
    ]);
  });
});
