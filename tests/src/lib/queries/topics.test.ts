/**
 * Topic search on the fixture (track-fixture.ts) and on the real guides, on both engines.
 * Fixture titles: 2026-hunan 1 工业数据模型, 隐私计算在制造中的应用 · 2 农业数据平台 · 3 医疗模型, 联邦学习辅助诊断;
 * 2025-fujian-xiamen (titles only) 1 城市数据模型 · 2 低碳数据. Bodies are '围绕<title>开展研究。' except
 * hunan 2/1 (…AI算法…100%_覆盖) and 3/2 (a quote and a second line), see track-fixture.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import { searchTopics, type TopicHitRow } from '../../../../src/lib/queries/topics.ts';
import { ENGINES } from '../fixture/connect.ts';
import { realConnector } from '../fixture/real.ts';
import { HUNAN, XIAMEN, trackFixtureConnector } from './track-fixture.ts';

const F: FilterParams = { edition: HUNAN, tracks: null, theme: null, genericVerbs: 'removed' };
const HOSTILE = `%'_"; DROP TABLE topics;--`;
type Search = Partial<Parameters<typeof searchTopics>[0]>;
const search = (o: Search) => searchTopics({ ...F, q: '', scope: 'edition', limit: 100, ...o });
const keyOf = (r: TopicHitRow) => `${r.edition_id}/${r.track_no}/${r.topic_no}`;

describe.each(ENGINES)('topic search on the fixture (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await trackFixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });
  const keys = async (o: Search) => (await db.query<TopicHitRow>(search(o))).map(keyOf);

  it('finds a substring in titles and bodies, newest edition first, with the total', async () => {
    const rows = await db.query<TopicHitRow>(search({ q: '数据', scope: 'all' }));
    expect(rows.map(keyOf)).toEqual([`${HUNAN}/1/1`, `${HUNAN}/2/1`, `${XIAMEN}/1/1`, `${XIAMEN}/2/1`]);
    expect(rows.every((r) => r.total === 4)).toBe(true);
    expect(rows[2]).toMatchObject({ year: 2025, region: '福建厦门', track_name: '智慧城市', title: '城市数据模型', body: '', in_title: true, in_body: false });
    const limited = await db.query<TopicHitRow>(search({ q: '数据', scope: 'all', limit: 2 }));
    expect(limited.map((r) => [keyOf(r), r.total])).toEqual([[`${HUNAN}/1/1`, 4], [`${HUNAN}/2/1`, 4]]);
  });

  it('tells title hits from body hits and keeps to the edition and chosen tracks', async () => {
    const rows = await db.query<TopicHitRow>(search({ q: '第二段' }));
    expect(rows.map((r) => [keyOf(r), r.in_title, r.in_body])).toEqual([[`${HUNAN}/3/2`, false, true]]);
    expect(await keys({ q: '数据' })).toEqual([`${HUNAN}/1/1`, `${HUNAN}/2/1`]);
    expect(await keys({ q: '数据', tracks: [2, 3] })).toEqual([`${HUNAN}/2/1`]);
    // 'all' ignores the track filter: track numbers belong to one edition.
    expect(await keys({ q: '模型', tracks: [3], scope: 'all' })).toEqual([`${HUNAN}/1/1`, `${HUNAN}/3/1`, `${XIAMEN}/1/1`]);
  });

  it('matches Latin letters in any case', async () => {
    for (const q of ['ai', 'AI', 'Ai', ' ai ']) expect(await keys({ q }), q).toEqual([`${HUNAN}/2/1`]);
  });

  it('treats % _ and quotes as literal characters', async () => {
    expect(await keys({ q: '100%_' })).toEqual([`${HUNAN}/2/1`]);
    expect(await keys({ q: '%', scope: 'all' })).toEqual([`${HUNAN}/2/1`]);
    expect(await keys({ q: '_', scope: 'all' })).toEqual([`${HUNAN}/2/1`]);
    // As LIKE patterns these would match 数据模型 and 农业数据平台.
    expect(await keys({ q: '数据%平台', scope: 'all' })).toEqual([]);
    expect(await keys({ q: '数据_型', scope: 'all' })).toEqual([]);
    expect(await keys({ q: "'试点'", scope: 'all' })).toEqual([`${HUNAN}/3/2`]);
    expect(await keys({ q: HOSTILE, scope: 'all' })).toEqual([]);
    expect(await keys({ q: "'; DROP TABLE topics; --", scope: 'all' })).toEqual([]);
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM topics' });
    expect(n).toBe(7);
  });

  it('filters by theme: topics containing any member term', async () => {
    // 隐私计算 ⊃ 隐私计算 (track 1 topic 1), 联邦学习 (track 3 topic 1).
    expect(await keys({ theme: '隐私计算' })).toEqual([`${HUNAN}/1/1`, `${HUNAN}/3/1`]);
    expect(await keys({ q: '医疗', theme: '隐私计算' })).toEqual([`${HUNAN}/3/1`]);
    expect(await keys({ q: '农业', theme: '隐私计算' })).toEqual([]);
    expect(await keys({ theme: HOSTILE })).toEqual([]);
  });

  it('lists every topic the filters allow when there is no search text', async () => {
    const rows = await db.query<TopicHitRow>(search({ q: '   ' }));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.in_title && !r.in_body)).toBe(true);
    expect(await keys({ edition: XIAMEN })).toEqual([`${XIAMEN}/1/1`, `${XIAMEN}/2/1`]);
    expect(await keys({ edition: HOSTILE })).toEqual([]);
  });
});

describe.each(ENGINES)('topic search on the real guides (%s)', (engine) => {
  let db: LoadableConnector;
  let all: TopicHitRow[];
  beforeAll(async () => {
    ({ db } = await realConnector(engine));
    all = await db.query<TopicHitRow>(search({ scope: 'all', limit: 10_000 }));
  });
  afterAll(async () => {
    await db?.close();
  });
  const direct = (needle: string) =>
    all
      .filter((r) => r.title.toLowerCase().includes(needle.toLowerCase()) || r.body.toLowerCase().includes(needle.toLowerCase()))
      .map(keyOf)
      .sort();

  it('lists all 170 topics of both guides without a query', () => {
    expect(all).toHaveLength(122 + 48);
    expect(all[0].total).toBe(170);
  });

  it.each(['可信数据空间', '气象', 'AI', 'ai', '数据要素×'])('search for %s finds exactly the topics whose title or body contain it', async (q) => {
    const rows = await db.query<TopicHitRow>(search({ q, scope: 'all', limit: 10_000 }));
    const expected = direct(q);
    expect(rows.map(keyOf).sort()).toEqual(expected);
    if (q === '可信数据空间' || q === '气象') expect(expected.length).toBeGreaterThan(1);
  });

  it('a hostile string returns nothing and breaks nothing', async () => {
    expect(await db.query(search({ q: HOSTILE, scope: 'all' }))).toEqual([]);
    expect(await db.query(search({ q: HOSTILE, theme: HOSTILE, tracks: [1] }))).toEqual([]);
    const rows = await db.query<TopicHitRow>(search({ scope: 'all', limit: 10_000 }));
    expect(rows).toHaveLength(170);
  });

  it('the theme filter keeps topics holding a member term', async () => {
    const rows = await db.query<TopicHitRow>(search({ theme: '可信数据空间', limit: 10_000 }));
    const holding = await db.query<{ k: string }>({
      sql: `SELECT DISTINCT edition_id || '/' || track_no || '/' || topic_no AS k FROM term_topic
            WHERE edition_id = ? AND term IN (SELECT term FROM themes WHERE theme = '可信数据空间')`,
      params: [HUNAN]
    });
    expect(rows.map(keyOf).sort()).toEqual(holding.map((r) => r.k).sort());
    expect(rows.length).toBeGreaterThan(0);
  });
});
