import { describe, expect, it } from 'vitest';
import { compareEditions } from '../../../../analysis/compare/index.ts';
import type { ComparisonData } from '../../../../src/lib/compare/source.ts';
import { alignedGroups, filteredGroups, termChartRows, themeCells, topicCounts, trackCounts } from '../../../../src/lib/compare/view.ts';
import { edition, T } from '../../../analysis/compare/helpers.ts';

const a = edition('a', { 工业制造: [T.design, T.agent, T.robot], 气象服务: [T.weather, T.climate], 中医药: [T.tcm] });
const b = edition('b', {
  智能制造: [T.design, ['工业领域大模型智能体研发及场景应用', T.agent[1]], T.weather],
  中医药: [T.tcm, T.carbon]
});
const result = compareEditions(a, b);
const data: ComparisonData = { ...result, origin: 'computed', editions: { a, b } };

describe('aligned groups', () => {
  it('puts each topic under the track it is in now, and every topic once', () => {
    expect(trackCounts(data)).toEqual({ matched: 1, renamed: 1, added: 0, removed: 1 });
    expect(topicCounts(data)).toEqual({ matched: 2, edited: 0, reworded: 1, moved: 1, added: 1, removed: 2 });
    const groups = alignedGroups(data);
    expect(groups.map((g) => [g.nameA, g.nameB, g.status, g.topics.map((x) => x.status)])).toEqual([
      // B's order (design, reworded agent, moved weather), then A's removed robot.
      ['工业制造', '智能制造', 'renamed', ['matched', 'reworded', 'moved', 'removed']],
      ['气象服务', '', 'removed', ['removed']],
      ['中医药', '中医药', 'matched', ['matched', 'added']]
    ]);
    expect(groups.flatMap((g) => g.topics)).toHaveLength(data.topics.length);
    expect(groups[0].topics[2]).toMatchObject({ trackA: '气象服务', trackB: '智能制造' });
  });

  it('filters by topic status and by track status, keeping changed tracks under "changed"', () => {
    const groups = alignedGroups(data);
    expect(filteredGroups(groups, 'removed', 'all').map((g) => g.topics.length)).toEqual([1, 1]);
    expect(filteredGroups(groups, 'changed', 'all').map((g) => g.status)).toEqual(['renamed', 'removed', 'matched']);
    expect(filteredGroups(groups, 'matched', 'all').map((g) => g.status)).toEqual(['renamed', 'matched']);
    expect(filteredGroups(groups, 'all', 'removed').map((g) => g.nameA)).toEqual(['气象服务']);
  });
});

describe('term chart rows', () => {
  const terms = [
    { term: '甲', status: 'new', g2: 5, log_ratio: 3 },
    { term: '乙', status: 'dropped', g2: -9, log_ratio: -4 },
    { term: '丙', status: 'stable', g2: 1, log_ratio: 1 },
    { term: '丁', status: 'rising', g2: 4, log_ratio: 0.5 }
  ].map((t) => ({ edition_a: 'a', edition_b: 'b', basis: 'full', count_a: 1, count_b: 1, per10k_a: 1, per10k_b: 1, ...t }));

  it('keeps the changed terms, the strongest by |metric|, highest value first', () => {
    expect(termChartRows(terms, { kind: 'changed', metric: 'g2', top: 2 }).map((t) => t.term)).toEqual(['甲', '乙']);
    expect(termChartRows(terms, { kind: 'changed', metric: 'log_ratio', top: 10 }).map((t) => t.term)).toEqual(['甲', '丁', '乙']);
    expect(termChartRows(terms, { kind: 'rising', metric: 'g2', top: 10 }).map((t) => t.term)).toEqual(['丁']);
    expect(termChartRows(terms, { kind: 'changed', metric: 'g2', top: 10, members: new Set(['乙', '丙']) }).map((t) => t.term)).toEqual(['乙']);
  });

  it('gives theme × edition cells, themes with a token only, by B’s rate', () => {
    const cells = themeCells(terms, new Map([['主题一', ['甲', '乙']], ['空', ['无']]]), { a: 'A', b: 'B', idA: 'a', idB: 'b' });
    expect(cells).toEqual([
      { theme: '主题一', edition_id: 'a', edition: 'A', per10k: 2, count: 2 },
      { theme: '主题一', edition_id: 'b', edition: 'B', per10k: 2, count: 2 }
    ]);
  });
});
