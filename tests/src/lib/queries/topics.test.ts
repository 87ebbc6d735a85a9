/**
 * Topic search on the fixture (track-fixture.ts) and on the real guides, on both engines.
 * Fixture titles: 2026-hunan 1 工业数据模型, 隐私计算在制造中的应用 · 2 农业数据平台 · 3 医疗模型, 联邦学习辅助诊断;
 * 2025-fujian-xiamen (titles only) 1 城市数据模型 · 2 低碳数据. Bodies are '围绕<title>开展研究。' except
 * hunan 2/1 (…AI算法…100%_覆盖) and 3/2 (a quote and a second line), see track-fixture.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import { searchMarks, searchTerm, searchTopics, type HitMarkRow, type SearchTermRow, type TopicHitRow } from '../../../../src/lib/queries/topics.ts';
import { termSpread, type TermSpreadRow } from '../../../../src/lib/queries/term.ts';
import { termFixtureConnector } from './term-fixture.ts';
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

describe.each(ENGINES)('topic search by term on the fixture (%s)', (engine) => {
  // term-fixture.ts: spans where the text holds the term; 隐私计算 has the variant 隐私保护计算.
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await termFixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });
  const keys = async (o: Search) => (await db.query<TopicHitRow>(search(o))).map(keyOf);

  it('searchTerm finds the term a text stands for: the term itself or one of its variants', async () => {
    expect(await db.query<SearchTermRow>(searchTerm({ q: '隐私计算' }))).toEqual([{ term: '隐私计算', variants: '隐私保护计算', exact: true }]);
    expect(await db.query<SearchTermRow>(searchTerm({ q: ' 隐私保护计算 ' }))).toEqual([{ term: '隐私计算', variants: '隐私保护计算', exact: false }]);
    for (const q of ['隐私', '', '   ', HOSTILE, '、']) expect(await db.query(searchTerm({ q })), q).toEqual([]);
  });

  it('matches the topics whose tokens hold the term, whatever the text, with title and body hits from the spans', async () => {
    // 模型: 工业制造 topics 1 (工业数据模型) and 2, 医疗健康 topic 1 (医疗模型); topic 1-2 holds a token but no span.
    const rows = await db.query<TopicHitRow>(search({ q: 'ignored', term: '模型' }));
    expect(rows.map((r) => [keyOf(r), r.in_title, r.in_body, r.total])).toEqual([
      [`${HUNAN}/1/1`, true, true, 3], [`${HUNAN}/1/2`, false, false, 3], [`${HUNAN}/3/1`, true, true, 3]
    ]);
    expect(await keys({ term: '模型', tracks: [3] })).toEqual([`${HUNAN}/3/1`]);
    expect(await keys({ term: '模型', scope: 'all' })).toEqual([`${HUNAN}/1/1`, `${HUNAN}/1/2`, `${HUNAN}/3/1`, `${XIAMEN}/1/1`]);
    // With the theme: topics with 模型 and a member of 隐私计算 (隐私计算 in 1-1, 联邦学习 in 3-1).
    expect(await keys({ term: '模型', theme: '隐私计算' })).toEqual([`${HUNAN}/1/1`, `${HUNAN}/3/1`]);
    expect(await keys({ term: HOSTILE })).toEqual([]);
    expect((await db.query<TopicHitRow>(search({ term: '模型', limit: 1 }))).map((r) => r.total)).toEqual([3]);
  });

  it('its count equals the term page’s 含该词题目数 over the same tracks', async () => {
    for (const term of ['数据', '模型', '医疗', '联邦学习', '隐私计算']) {
      for (const tracks of [null, [1, 3]]) {
        const hits = await db.query<TopicHitRow>(search({ term, tracks }));
        const [spread] = await db.query<TermSpreadRow>(termSpread({ ...F, tracks, term }));
        expect(hits.length, `${term} ${tracks}`).toBe(spread?.topics ?? 0);
      }
    }
  });

  it('searchMarks gives the spans of the searched term and of the theme members in the hits', async () => {
    expect(searchMarks({ ...F, q: '数据', scope: 'edition', limit: 100 })).toBeNull();
    const marks = await db.query<HitMarkRow>(searchMarks({ ...F, q: '', term: '模型', scope: 'edition', limit: 100 })!);
    expect(marks.map((m) => [`${m.track_no}/${m.topic_no}`, m.term, m.title_spans, m.body_spans, m.kind])).toEqual([
      ['1/1', '模型', '4:2', '6:2', 'match'], ['1/2', '模型', '', '', 'match'], ['3/1', '模型', '2:2', '4:2', 'match']
    ]);
    const themed = await db.query<HitMarkRow>(searchMarks({ ...F, q: '', term: '模型', theme: '隐私计算', scope: 'edition', limit: 100 })!);
    expect(themed.map((m) => [`${m.track_no}/${m.topic_no}`, m.term, m.kind])).toEqual([
      ['1/1', '模型', 'match'], ['1/1', '隐私计算', 'theme'], ['3/1', '模型', 'match'], ['3/1', '联邦学习', 'theme']
    ]);
    // Text search under a theme: the members only; the limit is the search's.
    const text = await db.query<HitMarkRow>(searchMarks({ ...F, q: '模型', theme: '隐私计算', scope: 'edition', limit: 1 })!);
    expect(text.map((m) => [`${m.track_no}/${m.topic_no}`, m.term, m.kind])).toEqual([['1/1', '隐私计算', 'theme']]);
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

  it('隐私计算: 5 topics hold the text, 6 the term (隐私保护计算 in 应急管理 topic 4 is a variant), as the term page says', async () => {
    expect(await db.query(search({ q: '隐私计算' }))).toHaveLength(5);
    const byTerm = await db.query<TopicHitRow>(search({ q: '隐私计算', term: '隐私计算' }));
    expect(byTerm).toHaveLength(6);
    expect(byTerm.find((r) => r.track_name === '应急管理')?.body).toContain('隐私保护计算');
    const [spread] = await db.query<TermSpreadRow>(termSpread({ ...F, term: '隐私计算' }));
    expect(spread.topics).toBe(6);
  });

  it('for every term with variants, in both editions, term search counts what the term page counts', async () => {
    const withVariants = await db.query<{ term: string }>({ sql: `SELECT term FROM terms WHERE variants <> '' ORDER BY term` });
    expect(withVariants.length).toBeGreaterThan(5);
    for (const { term } of withVariants) {
      const [resolved] = await db.query<SearchTermRow>(searchTerm({ q: term }));
      expect(resolved.term).toBe(term);
      for (const edition of [HUNAN, XIAMEN]) {
        const hits = await db.query<TopicHitRow>(search({ edition, term, limit: 10_000 }));
        const [spread] = await db.query<TermSpreadRow>(termSpread({ ...F, edition, term }));
        expect(hits.length, `${edition} ${term}`).toBe(spread?.topics ?? 0);
      }
    }
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
