/**
 * Term queries on the real analysis output (data/tables; `npm run analyze` runs first when it
 * is missing). Expected values are computed here from the raw tables, never copied from output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TermStatsRow, TermTopicRow, TopicRow } from '../../../../analysis/contract.ts';
import { g2Signed, logRatio } from '../../../../analysis/tables/stats.ts';
import { computeComparison } from '../../../../src/lib/compare/source.ts';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import {
  similarTerms,
  termByTrack,
  termCooccurrence,
  termIndex,
  termInfo,
  termKwic,
  termSpread,
  termTrend,
  type CooccurrenceRow,
  type KwicRow,
  type SimilarTermRow,
  type TermIndexRow,
  type TermSpreadRow,
  type TermTrackRow,
  type TermTrendRow
} from '../../../../src/lib/queries/term.ts';
import { ENGINES } from '../fixture/connect.ts';
import { realConnector } from '../fixture/real.ts';

const HUNAN = '2026-hunan';
const XIAMEN = '2025-fujian-xiamen';
const TRUSTED = '可信数据空间';
const F: FilterParams = { edition: HUNAN, tracks: null, theme: null, genericVerbs: 'removed' };

describe.each(ENGINES)('term queries on the real tables (%s)', (engine) => {
  let db: LoadableConnector;
  let termTopic: TermTopicRow[];
  let topics: TopicRow[];
  beforeAll(async () => {
    ({ db } = await realConnector(engine));
    termTopic = await db.query<TermTopicRow>({ sql: 'SELECT * FROM term_topic' });
    topics = await db.query<TopicRow>({ sql: 'SELECT * FROM topics' });
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it(`${TRUSTED} on 2026-hunan is in exactly six tracks`, async () => {
    const rows = await db.query<TermTrackRow>(termByTrack({ ...F, term: TRUSTED }));
    expect(rows.map((r) => r.track_name)).toEqual(['现代农业', '交通运输', '金融服务', '医疗保障', '应急管理', '中医药']);
    const [spread] = await db.query<TermSpreadRow>(termSpread({ ...F, term: TRUSTED }));
    expect(spread.tracks).toBe(6);
    expect(spread.count).toBe(rows.reduce((n, r) => n + r.count, 0));
    const [info] = await db.query<{ term: string }>(termInfo({ term: TRUSTED }));
    expect(info.term).toBe(TRUSTED);
  });

  it('termIndex over all tracks equals term_stats for every term, edition and verb setting', async () => {
    for (const edition of [HUNAN, XIAMEN]) {
      for (const genericVerbs of ['removed', 'kept'] as const) {
        const stats = await db.query<TermStatsRow>({
          sql: 'SELECT * FROM term_stats WHERE edition_id = ? AND generic_verbs = ?',
          params: [edition, genericVerbs]
        });
        const index = await db.query<TermIndexRow>(
          termIndex({ ...F, edition, genericVerbs, q: '', single: false, sort: 'term', dir: 'asc', limit: 100_000 })
        );
        const byTerm = new Map(index.map((r) => [r.term, r]));
        expect(index.length, `${edition} ${genericVerbs}`).toBe(stats.length);
        for (const s of stats) {
          const r = byTerm.get(s.term)!;
          expect(r, s.term).toBeDefined();
          expect([r.count, r.topics, r.tracks], s.term).toEqual([s.count, s.topics, s.tracks]);
          expect(r.per10k).toBeCloseTo(s.per10k, 9);
          expect(r.dispersion_dp, s.term).toBeCloseTo(s.dispersion_dp, 9);
          expect(r.dp_norm, s.term).toBeCloseTo(s.dp_norm, 9);
        }
      }
    }
  });

  it('termIndex finds the single-character terms of the audit list', async () => {
    const single = await db.query<TermIndexRow>(termIndex({ ...F, q: '', single: true, sort: 'count', dir: 'desc', limit: 1000 }));
    const [{ n }] = await db.query<{ n: number }>({
      sql: `SELECT COUNT(*)::INTEGER AS n FROM term_stats s JOIN terms w USING (term)
            WHERE s.edition_id = ? AND s.generic_verbs = 'removed' AND w.chars = 1`,
      params: [HUNAN]
    });
    expect(single.length).toBe(n);
    expect(single.every((r) => [...r.term].length === 1)).toBe(true);
  });

  it(`KWIC lines of ${TRUSTED} hold the term at the computed offset, with the window around it`, async () => {
    for (const window of [10, 40]) {
      const lines = await db.query<KwicRow>(termKwic({ edition: HUNAN, tracks: null, term: TRUSTED, window, sort: 'position', limit: 500 }));
      const spans = termTopic
        .filter((r) => r.edition_id === HUNAN && r.term === TRUSTED)
        .flatMap((r) => [...r.title_spans.split(' '), ...r.body_spans.split(' ')].filter(Boolean));
      expect(lines.length).toBe(spans.length);
      expect(lines.length).toBe(9);
      for (const line of lines) {
        const topic = topics.find((t) => t.edition_id === HUNAN && t.track_no === line.track_no && t.topic_no === line.topic_no)!;
        const text = line.part === 'title' ? topic.title : topic.body;
        expect(line.match_text).toBe(TRUSTED);
        expect(text.slice(line.start, line.start + line.length)).toBe(TRUSTED);
        expect(text.slice(Math.max(0, line.start - window), line.start)).toBe(line.left_text);
        expect(text.slice(line.start + line.length, line.start + line.length + window)).toBe(line.right_text);
        expect(line.clipped_left).toBe(line.start > window);
        expect(line.clipped_right).toBe(line.start + line.length + window < text.length);
      }
    }
  });

  it('KWIC has one line per counted occurrence (the spans add up to the term count)', async () => {
    for (const term of ['数据', '平台', '人工智能', '医疗保障']) {
      const [line] = await db.query<KwicRow>(termKwic({ edition: HUNAN, tracks: null, term, window: 10, sort: 'position', limit: 1 }));
      const count = termTopic.filter((r) => r.edition_id === HUNAN && r.term === term).reduce((n, r) => n + r.count, 0);
      expect(line.total, term).toBe(count);
    }
  });

  it('co-occurrence counts equal a direct count of topics over term_topic', async () => {
    const topicsOf = (term: string) =>
      new Set(termTopic.filter((r) => r.edition_id === HUNAN && r.term === term).map((r) => `${r.track_no}/${r.topic_no}`));
    const [{ n: N }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM topics WHERE edition_id = ?', params: [HUNAN] });
    for (const term of [TRUSTED, '数据', '人工智能']) {
      const rows = await db.query<CooccurrenceRow>(termCooccurrence({ ...F, term, window: 'topic', stat: 'count', limit: 50 }));
      expect(rows.length, term).toBeGreaterThan(0);
      const mine = topicsOf(term);
      for (const r of rows) {
        const theirs = topicsOf(r.partner);
        const both = [...mine].filter((k) => theirs.has(k)).length;
        expect(r.together, `${term}–${r.partner}`).toBe(both);
        expect(r.value).toBe(both);
        expect(r.jaccard).toBeCloseTo(both / (mine.size + theirs.size - both), 12);
        expect(r.association_strength).toBeCloseTo((both * N) / (mine.size * theirs.size), 9);
      }
      const values = rows.map((r) => r.value);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
  });

  it('co-occurrence leaves generic verbs out while they are removed', async () => {
    const verbs = new Set((await db.query<{ term: string }>({ sql: 'SELECT term FROM terms WHERE generic_verb' })).map((r) => r.term));
    const removed = await db.query<CooccurrenceRow>(termCooccurrence({ ...F, term: TRUSTED, window: 'topic', stat: 'count', limit: 100 }));
    const kept = await db.query<CooccurrenceRow>(termCooccurrence({ ...F, genericVerbs: 'kept', term: TRUSTED, window: 'topic', stat: 'count', limit: 100 }));
    expect(removed.some((r) => verbs.has(r.partner))).toBe(false);
    expect(kept.some((r) => verbs.has(r.partner))).toBe(true);
  });

  it('trend pairs match analysis/compare term_trend (titles basis against the titles-only Xiamen list)', async () => {
    for (const genericVerbs of ['removed', 'kept'] as const) {
      const { terms } = await computeComparison(db, XIAMEN, HUNAN, genericVerbs);
      expect(terms.every((r) => r.basis === 'titles')).toBe(true);
      const byTerm = new Map(terms.map((r) => [r.term, r]));
      const stats = await db.query<TermStatsRow>({ sql: 'SELECT * FROM term_stats WHERE generic_verbs = ? AND edition_id = ?', params: [genericVerbs, XIAMEN] });
      // Every fourth Xiamen term (each call scans term_topic for the title tokens) and the examples.
      for (const term of [...stats.filter((_, i) => i % 4 === 0).map((s) => s.term), TRUSTED, '医疗保障', '隐私计算']) {
        const [, b] = await db.query<TermTrendRow>(termTrend({ term, genericVerbs }));
        const expected = byTerm.get(term) ?? { count_a: 0, count_b: 0, log_ratio: 0, g2: 0, status: 'stable' };
        expect(b.basis).toBe('titles');
        expect([b.count_a, b.count_b, b.status], term).toEqual([expected.count_a, expected.count_b, expected.status]);
        if (byTerm.has(term)) {
          expect(b.log_ratio!, term).toBeCloseTo(expected.log_ratio, 9);
          expect(b.g2!, term).toBeCloseTo(expected.g2, 9);
        }
      }
    }
    // The example: 隐私计算 is in no Xiamen title and in two Hunan titles — new, not falling.
    const [, privacy] = await db.query<TermTrendRow>(termTrend({ term: '隐私计算', genericVerbs: 'removed' }));
    expect(privacy).toMatchObject({ count_a: 0, count_b: 2, status: 'new' });
    expect(privacy.log_ratio!).toBeGreaterThan(0);
  });

  it('suggests similar terms for an unknown one', async () => {
    const unknown = '可信数据湖';
    expect(await db.query(termInfo({ term: unknown }))).toEqual([]);
    const similar = (await db.query<SimilarTermRow>(similarTerms({ term: unknown, limit: 30 }))).map((r) => r.term);
    expect(similar).toContain(TRUSTED);
    expect(similar).toContain('数据');
    expect(similar.every((s) => s.startsWith('可信') || (unknown.includes(s) && [...s].length >= 2))).toBe(true);
  });
});
