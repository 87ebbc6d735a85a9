/** One test per topic status (and per track status), on small hand-made editions. */
import { describe, expect, it } from 'vitest';
import { compareEditions, type Comparison } from '../../../analysis/compare/index.ts';
import { edition, T } from './helpers.ts';

const statusOf = (c: Comparison, side: 'a' | 'b', track: number, topic: number) =>
  c.topics.find((r) => (side === 'a' ? r.track_a === track && r.topic_a === topic : r.track_b === track && r.topic_b === topic))?.status;
const statuses = (c: Comparison) => c.topics.map((r) => r.status);

describe('topic statuses', () => {
  const a = edition('a', { 工业制造: [T.design, T.agent, T.robot], 气象服务: [T.weather, T.climate] });

  it('matched: same title and body, also after renumbering, reordering and punctuation or width changes', () => {
    const b = edition('b', {
      气象服务: [T.climate, [T.weather[0], T.weather[1].replaceAll('，', ', ')]],
      工业制造: [T.robot, [`${T.design[0]} `, T.design[1]], T.agent]
    });
    const c = compareEditions(a, b);
    expect(statuses(c)).toEqual(['matched', 'matched', 'matched', 'matched', 'matched']);
    // A's 工业制造 topic 1 is B's 工业制造 (track 2) topic 2.
    expect(c.topics[0]).toMatchObject({ track_a: 1, topic_a: 1, track_b: 2, topic_b: 2, title_similarity: 1, body_similarity: 1 });
    expect(c.basis).toBe('full');
  });

  it('edited: same title, body changed', () => {
    const b = edition('b', { 工业制造: [T.design, [T.agent[0], T.agent[1] + '鼓励参赛团队联合行业龙头企业开展场景验证。'], T.robot], 气象服务: [T.weather, T.climate] });
    const c = compareEditions(a, b);
    expect(statusOf(c, 'a', 1, 2)).toBe('edited');
    const row = c.topics.find((r) => r.status === 'edited')!;
    expect(row.title_similarity).toBe(1);
    expect(row.body_similarity).toBeGreaterThan(0.8);
    expect(row.body_similarity).toBeLessThan(1);
    expect(statuses(c).filter((s) => s !== 'matched')).toEqual(['edited']);
  });

  it('reworded: title changed, the same topic by its body', () => {
    const b = edition('b', { 工业制造: [T.design, ['工业领域大模型智能体研发及场景应用', T.agent[1]], T.robot], 气象服务: [T.weather, T.climate] });
    const c = compareEditions(a, b);
    expect(statusOf(c, 'b', 1, 2)).toBe('reworded');
    expect(c.topics.find((r) => r.status === 'reworded')).toMatchObject({ track_a: 1, topic_a: 2, track_b: 1, topic_b: 2, body_similarity: 1 });
  });

  it('moved: under another track than the aligned one, even when also reworded', () => {
    const b = edition('b', {
      工业制造: [T.design, T.agent],
      气象服务: [T.weather, T.climate, ['具身智能机器人协同作业', T.robot[1]]]
    });
    const c = compareEditions(a, b);
    expect(statusOf(c, 'a', 1, 3)).toBe('moved');
    expect(c.topics.find((r) => r.status === 'moved')).toMatchObject({ track_a: 1, topic_a: 3, track_b: 2, topic_b: 3 });
    expect(c.tracks.map((r) => r.status)).toEqual(['matched', 'matched']);
  });

  it('added and removed: only in B, only in A', () => {
    const b = edition('b', { 工业制造: [T.design, T.agent, T.carbon], 气象服务: [T.climate] });
    const c = compareEditions(a, b);
    expect(c.topics.filter((r) => r.status === 'removed').map((r) => [r.track_a, r.topic_a, r.track_b, r.topic_b])).toEqual([
      [1, 3, null, null],
      [2, 1, null, null]
    ]);
    expect(c.topics.filter((r) => r.status === 'added')).toEqual([
      expect.objectContaining({ track_a: null, topic_a: null, track_b: 1, topic_b: 3, title_similarity: null, body_similarity: null })
    ]);
    // Every topic of A and of B exactly once.
    expect(c.topics.filter((r) => r.track_a !== null)).toHaveLength(5);
    expect(c.topics.filter((r) => r.track_b !== null)).toHaveLength(4);
  });

  it('a topic whose track was removed counts as moved when it reappears elsewhere', () => {
    const b = edition('b', { 工业制造: [T.design, T.agent, T.robot, T.weather] });
    const c = compareEditions(a, b);
    expect(statusOf(c, 'a', 2, 1)).toBe('moved');
    expect(statusOf(c, 'a', 2, 2)).toBe('removed');
    expect(c.tracks.find((r) => r.name_a === '气象服务')).toMatchObject({ status: 'removed', track_b: null, similarity: null });
  });

  it('keeps identical topics of two tracks in their own tracks', () => {
    const twin: [string, string] = ['拓展公共数据应用', ''];
    const x = edition('x', { 文化旅游: [twin, ['文物数字化保护与传播', '']], 工业制造: [['工业领域高质量数据集建设', ''], twin] });
    const y = edition('y', { 工业制造: [twin, ['工业领域高质量数据集建设', '']], 文化旅游: [['文物数字化保护与传播', ''], twin] });
    const c = compareEditions(x, y);
    expect(c.basis).toBe('titles');
    expect(statuses(c)).toEqual(['matched', 'matched', 'matched', 'matched']);
    expect(c.topics.map((r) => [r.track_a, r.topic_a, r.track_b, r.topic_b])).toEqual([
      [1, 1, 2, 2],
      [1, 2, 2, 1],
      [2, 1, 1, 2],
      [2, 2, 1, 1]
    ]);
  });

  it('does not pair unrelated topics', () => {
    const b = edition('b', { 工业制造: [T.carbon, T.supply], 气象服务: [T.tcm] });
    expect(new Set(statuses(compareEditions(a, b)))).toEqual(new Set(['removed', 'added']));
  });
});

describe('the titles basis', () => {
  const full = edition('full', { 工业制造: [T.design, T.agent], 气象服务: [T.weather] });
  const titles = edition('titles', { 工业制造: [[T.design[0], ''], [T.agent[0], '']], 气象服务: [[T.weather[0], '']] });

  it('compares titles only when either side has no bodies: same title is matched', () => {
    for (const [x, y] of [[full, titles], [titles, full]]) {
      const c = compareEditions(x, y);
      expect(c.basis).toBe('titles');
      expect(statuses(c)).toEqual(['matched', 'matched', 'matched']);
      expect(c.topics.every((r) => r.body_similarity === null && r.title_similarity === 1)).toBe(true);
    }
  });

  it('needs a closer title across tracks that are not aligned', () => {
    // 鼓励科技数据汇聚共享 → 鼓励科学数据汇聚共享: Dice 0.778, reworded in place, not enough for a move (0.8).
    const x = edition('x', { 科技创新: [['鼓励科技数据汇聚共享', '']], 城市治理: [['提升城市管理协同化水平', '']] });
    const inPlace = edition('y', { 科技创新: [['鼓励科学数据汇聚共享', '']], 城市治理: [['提升城市管理协同化水平', '']] });
    const elsewhere = edition('z', { 科技创新: [['提升城市管理协同化水平', '']], 城市治理: [['鼓励科学数据汇聚共享', '']] });
    expect(statuses(compareEditions(x, inPlace))).toEqual(['reworded', 'matched']);
    expect(statuses(compareEditions(x, elsewhere)).sort()).toEqual(['added', 'moved', 'removed']);
  });
});

describe('track statuses', () => {
  const a = edition('a', { 工业制造: [T.design, T.agent, T.robot], 气象服务: [T.weather, T.climate], 中医药: [T.tcm] });

  it('matched by name, renamed when most topics stay, removed and added otherwise', () => {
    const b = edition('b', {
      智能制造: [T.design, T.agent, T.carbon],
      ' 气象服务 ': [T.weather],
      低空经济: [T.supply]
    });
    const c = compareEditions(a, b);
    expect(c.tracks.map((r) => [r.name_a, r.name_b, r.status])).toEqual([
      ['工业制造', '智能制造', 'renamed'],
      ['气象服务', ' 气象服务 ', 'matched'],
      ['中医药', '', 'removed'],
      ['', '低空经济', 'added']
    ]);
    // 工业制造 → 智能制造 shares 2 topics: 2·2 / (3 + 3); 气象服务 2·1 / (2 + 1).
    expect(c.tracks[0].similarity).toBeCloseTo(4 / 6, 12);
    expect(c.tracks[1].similarity).toBeCloseTo(2 / 3, 12);
    // Topics of a renamed track are in their aligned track: matched, not moved.
    expect(c.topics.slice(0, 3).map((r) => r.status)).toEqual(['matched', 'matched', 'removed']);
    expect(c.stats.passes).toBe(2);
  });

  it('is not renamed when only half of the topics stay', () => {
    const b = edition('b', { 智能制造: [T.design, T.carbon], 气象服务: [T.weather, T.climate], 中医药: [T.tcm, T.agent] });
    const c = compareEditions({ ...a, topics: a.topics.filter((t) => !(t.track_no === 1 && t.topic_no === 3)) }, b);
    expect(c.tracks.map((r) => r.status)).toEqual(['removed', 'matched', 'matched', 'added']);
    expect(c.topics.filter((r) => r.status === 'moved')).toHaveLength(2);
  });
});
