import { describe, expect, it } from 'vitest';
import { compareEditions, consecutivePairs } from '../../../analysis/compare/index.ts';
import { edition, T } from './helpers.ts';

describe('consecutivePairs', () => {
  it('pairs each edition with the next one of its region by year, then id', () => {
    const pairs = consecutivePairs([
      { edition_id: '2026-hunan', year: 2026, region: '湖南' },
      { edition_id: '2024-hunan', year: 2024, region: '湖南' },
      { edition_id: '2025-fujian-xiamen', year: 2025, region: '福建厦门' },
      { edition_id: '2025-hunan-b', year: 2025, region: '湖南' },
      { edition_id: '2025-hunan-a', year: 2025, region: '湖南' }
    ]);
    expect(pairs).toEqual([
      ['2024-hunan', '2025-hunan-a'],
      ['2025-hunan-a', '2025-hunan-b'],
      ['2025-hunan-b', '2026-hunan']
    ]);
    expect(consecutivePairs([{ edition_id: 'x', year: 2026, region: '湖南' }])).toEqual([]);
  });
});

describe('compareEditions', () => {
  it('keys every row by the two edition ids and gives the same rows on a second run', () => {
    const a = edition('2025-a', { 工业制造: [T.design, T.agent], 气象服务: [T.weather] }, [{ term: '数据', count: 3, title_count: 1 }]);
    const b = edition('2026-b', { 智能制造: [T.design, T.agent], 气象服务: [T.climate] }, [{ term: '数据', count: 5, title_count: 0 }]);
    const first = compareEditions(a, b);
    for (const rows of [first.tracks, first.topics, first.terms]) {
      expect(rows.every((r) => r.edition_a === '2025-a' && r.edition_b === '2026-b')).toBe(true);
    }
    expect(compareEditions(a, b)).toEqual(first);
  });
});
