/**
 * Term queries on the fixture (rows.ts + term-fixture.ts), on both engines. Expected numbers
 * are worked out by hand from the fixture's term_track counts (generic verbs removed):
 *   2026-hunan  工业制造: 数据 5, 模型 3, 隐私计算 1            tokens 9  (推动 3 → 12 kept)
 *               现代农业: 数据 2, 农业 4                       tokens 6
 *               医疗健康: 数据 1, 模型 2, 医疗 6, 联邦学习 2     tokens 11 (推动 1 → 12 kept)   edition 26 / 30
 *   2025-fujian-xiamen  智慧城市: 数据 2, 模型 1 (推动 1)  tokens 3 / 4
 *                       绿色低碳: 数据 1, 低碳 1, 链 1      tokens 3         edition 6 / 7
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { g2Signed, logRatio } from '../../../../analysis/tables/stats.ts';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import {
  similarTerms,
  termByTrack,
  termCooccurrence,
  termCounts,
  termIndex,
  termInfo,
  termKwic,
  termSpread,
  termTrend,
  type CooccurrenceRow,
  type KwicRow,
  type SimilarTermRow,
  type TermCountsRow,
  type TermIndexRow,
  type TermInfoRow,
  type TermSort,
  type TermSpreadRow,
  type TermTrackRow,
  type TermTrendRow
} from '../../../../src/lib/queries/term.ts';
import { ENGINES } from '../fixture/connect.ts';
import { HUNAN, termFixtureConnector, XIAMEN } from './term-fixture.ts';

const F: FilterParams = { edition: HUNAN, tracks: null, theme: null, genericVerbs: 'removed' };
const ATTACK = "'; DROP TABLE topics; --";
const INDEX = { q: '', single: false, sort: 'count' as TermSort, dir: 'desc' as const, limit: 1000 };

describe.each(ENGINES)('term queries (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await termFixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });
  const q = <T>(query: Parameters<LoadableConnector['query']>[0]) => db.query<T>(query);

  describe('termSpread / termIndex', () => {
    it('gives frequency, spread and Gries DP over all tracks', async () => {
      const [s] = await q<TermSpreadRow>(termSpread({ ...F, term: '数据' }));
      expect(s).toMatchObject({ term: '数据', count: 8, topics: 4, tracks: 3, chosen_tracks: 3 });
      expect(s.per10k).toBeCloseTo((8 / 26) * 10_000, 9);
      // ½(|5/8 − 9/26| + |2/8 − 6/26| + |1/8 − 11/26|) = 31/104; min share 6/26 → DPnorm 0.3875.
      expect(s.dispersion_dp).toBeCloseTo(31 / 104, 12);
      expect(s.dp_norm).toBeCloseTo(0.3875, 12);
    });

    it('recomputes DP over the chosen tracks only', async () => {
      const [s] = await q<TermSpreadRow>(termSpread({ ...F, tracks: [1, 2], term: '数据' }));
      // counts 5, 2 of 7; shares 9/15, 6/15: ½(8/35) = 4/35; DPnorm (4/35)/(1 − 0.4) = 4/21.
      expect(s).toMatchObject({ count: 7, tracks: 2, chosen_tracks: 2 });
      expect(s.dispersion_dp).toBeCloseTo(4 / 35, 12);
      expect(s.dp_norm).toBeCloseTo(4 / 21, 12);
      const [one] = await q<TermSpreadRow>(termSpread({ ...F, tracks: [2], term: '数据' }));
      expect([one.dispersion_dp, one.dp_norm]).toEqual([0, 0]);
      expect(await q(termSpread({ ...F, tracks: [2], term: '模型' }))).toEqual([]);
    });

    it('leaves generic verbs out unless kept, and rates against the matching tokens', async () => {
      expect(await q(termSpread({ ...F, term: '推动' }))).toEqual([]);
      const [kept] = await q<TermSpreadRow>(termSpread({ ...F, genericVerbs: 'kept', term: '推动' }));
      expect(kept).toMatchObject({ count: 4, tracks: 2 });
      expect(kept.per10k).toBeCloseTo((4 / 30) * 10_000, 9);
    });

    it('termIndex lists every term, sorted by a whitelisted column', async () => {
      const rows = await q<TermIndexRow>(termIndex({ ...F, ...INDEX }));
      expect(rows.map((r) => [r.term, r.count, r.tracks])).toEqual([
        ['数据', 8, 3], ['医疗', 6, 1], ['模型', 5, 2], ['农业', 4, 1], ['联邦学习', 2, 1], ['隐私计算', 1, 1]
      ]);
      expect(rows.every((r) => r.total === 6)).toBe(true);
      expect(rows.find((r) => r.term === '隐私计算')).toMatchObject({ themes: '隐私计算', in_dictionary: true, variants: '隐私保护计算', chars: 4 });
      const byTracks = await q<TermIndexRow>(termIndex({ ...F, ...INDEX, sort: 'tracks', dir: 'asc', limit: 3 }));
      // One track each: ties by count descending → 医疗 6, 农业 4, 联邦学习 2.
      expect(byTracks.map((r) => r.term)).toEqual(['医疗', '农业', '联邦学习']);
      expect(byTracks[0].total).toBe(6);
      const byTerm = await q<TermIndexRow>(termIndex({ ...F, ...INDEX, sort: 'term', dir: 'asc' }));
      expect(byTerm.map((r) => r.term)).toEqual(['农业', '医疗', '数据', '模型', '联邦学习', '隐私计算']);
      expect(() => termIndex({ ...F, ...INDEX, sort: 'count; DROP TABLE terms' as TermSort })).toThrow(RangeError);
    });

    it('termIndex searches terms and variants, and finds single characters', async () => {
      const find = async (p: Partial<typeof INDEX> & Partial<FilterParams>) =>
        (await q<TermIndexRow>(termIndex({ ...F, ...INDEX, ...p }))).map((r) => r.term);
      expect(await find({ q: '数' })).toEqual(['数据']);
      expect(await find({ q: '保护' })).toEqual(['隐私计算']);
      expect(await find({ single: true })).toEqual([]);
      expect(await find({ edition: XIAMEN, single: true })).toEqual(['链']);
      expect(await find({ theme: '隐私计算' })).toEqual(['联邦学习', '隐私计算']);
      expect(await find({ q: '%' })).toEqual([]);
      expect(await find({ q: ATTACK })).toEqual([]);
      const [{ n }] = await q<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM topics' });
      expect(n).toBe(7);
    });

    it('termCounts counts terms and single characters', async () => {
      expect(await q<TermCountsRow>(termCounts(F))).toEqual([{ terms: 6, single: 0 }]);
      expect(await q<TermCountsRow>(termCounts({ ...F, edition: XIAMEN }))).toEqual([{ terms: 4, single: 1 }]);
    });
  });

  describe('one term', () => {
    it('termInfo reads the vocabulary row; unknown terms give none', async () => {
      const [info] = await q<TermInfoRow>(termInfo({ term: '数据' }));
      expect(info).toMatchObject({ term: '数据', count: 11, editions: 2, topics: 6, generic_verb: false });
      expect(await q(termInfo({ term: '不存在' }))).toEqual([]);
      expect(await q(termInfo({ term: ATTACK }))).toEqual([]);
    });

    it('similarTerms finds terms containing, contained in or sharing the start of the text', async () => {
      const names = async (term: string) => (await q<SimilarTermRow>(similarTerms({ term, limit: 10 }))).map((r) => r.term);
      expect(await names('隐私')).toEqual(['隐私计算']);
      // Contained: 模型 (6 tokens) and 联邦学习 (2); 联邦 prefix finds 联邦学习 again.
      expect(await names('联邦学习模型')).toEqual(['模型', '联邦学习']);
      expect(await names('数据')).toEqual([]);
      expect(await names(ATTACK)).toEqual([]);
    });

    it('termByTrack lists the tracks containing the term in guide order', async () => {
      const rows = await q<TermTrackRow>(termByTrack({ ...F, term: '模型' }));
      expect(rows.map((r) => [r.track_no, r.track_name, r.count, r.topics])).toEqual([[1, '工业制造', 3, 2], [3, '医疗健康', 2, 1]]);
      expect(rows[1].per10k).toBeCloseTo((2 / 11) * 10_000, 9);
      expect(await q(termByTrack({ ...F, tracks: [2], term: '模型' }))).toEqual([]);
      expect(await q(termByTrack({ ...F, term: '推动' }))).toEqual([]);
      expect((await q<TermTrackRow>(termByTrack({ ...F, genericVerbs: 'kept', term: '推动' }))).map((r) => r.count)).toEqual([3, 1]);
    });
  });

  describe('termKwic', () => {
    const kwic = (p: Partial<Parameters<typeof termKwic>[0]>) =>
      q<KwicRow>(termKwic({ edition: HUNAN, tracks: null, term: '数据', window: 2, sort: 'position', limit: 100, ...p }));
    const line = (r: KwicRow) => [r.track_no, r.topic_no, r.part, r.start, r.left_text, r.match_text, r.right_text, r.clipped_left, r.clipped_right];

    it('cuts the window around every span, 0-based spans into 1-based substr', async () => {
      expect((await kwic({})).map(line)).toEqual([
        [1, 1, 'title', 2, '工业', '数据', '模型', false, false],
        [1, 1, 'body', 4, '工业', '数据', '模型', true, true],
        [2, 1, 'title', 2, '农业', '数据', '平台', false, false],
        [2, 1, 'body', 4, '农业', '数据', '平台', true, true]
      ]);
      const wide = await kwic({ window: 40 });
      expect(wide[1]).toMatchObject({ left_text: '围绕工业', right_text: '模型开展研究。', clipped_left: false, clipped_right: false });
      expect(wide.every((r) => r.total === 4 && r.track_name !== '')).toBe(true);
    });

    it('sorts by left or right context, filters tracks and limits lines', async () => {
      // Right: 平台 (U+5E73) before 模型 (U+6A21). Left, read backwards: 业农 before 业工 (农 U+519C < 工 U+5DE5).
      expect((await kwic({ sort: 'right' })).map((r) => [r.track_no, r.part])).toEqual([[2, 'title'], [2, 'body'], [1, 'title'], [1, 'body']]);
      expect((await kwic({ sort: 'left' })).map((r) => [r.track_no, r.part])).toEqual([[2, 'title'], [2, 'body'], [1, 'title'], [1, 'body']]);
      expect((await kwic({ tracks: [1] })).map((r) => r.track_no)).toEqual([1, 1]);
      const limited = await kwic({ limit: 3 });
      expect(limited.map((r) => r.total)).toEqual([4, 4, 4]);
      expect(await kwic({ term: ATTACK })).toEqual([]);
      expect(await kwic({ edition: XIAMEN, term: '模型' })).toMatchObject([{ part: 'title', start: 4, left_text: '数据', right_text: '' }]);
    });
  });

  describe('termCooccurrence', () => {
    const cooc = (p: Partial<Parameters<typeof termCooccurrence>[0]>) =>
      q<CooccurrenceRow>(termCooccurrence({ ...F, term: '数据', window: 'topic', stat: 'count', limit: 10, ...p }));
    const pairs = (rows: CooccurrenceRow[]) => rows.map((r) => [r.partner, r.value, r.together]);

    // The loader derives the pairs from term-fixture.ts's spans (min_pair_count 2). 2026-hunan, N = 5 topics:
    //   数据 in 4, 模型 in 3, 推动 in 3: 数据–模型 a = 3 → Jaccard 3/4, AS 3·5/(4·3) = 1.25, NPMI log2(1.25)/−log2(0.6)
    //   推动–数据 a = 3, no shared sentence (推动 has no spans); 农业–数据 a = 1 but 2 shared sentences (title, body)
    const npmi = Math.log2(1.25) / -Math.log2(0.6);
    it('reads pairs from either side, ranks by the statistic, drops generic verbs when removed', async () => {
      expect(pairs(await cooc({}))).toEqual([['模型', 3, 3], ['农业', 1, 1]]);
      expect(pairs(await cooc({ genericVerbs: 'kept' }))).toEqual([['推动', 3, 3], ['模型', 3, 3], ['农业', 1, 1]]);
      expect(pairs(await cooc({ stat: 'jaccard' }))).toEqual([['模型', 0.75, 3], ['农业', 0.25, 1]]);
      expect(pairs(await cooc({ term: '模型', stat: 'association' }))).toEqual([['数据', 1.25, 3], ['医疗', 5 / 6, 1]]);
      expect((await cooc({ stat: 'npmi', limit: 1 }))[0].value).toBeCloseTo(npmi, 12);
      expect(pairs(await cooc({ theme: '人工智能' }))).toEqual([['模型', 3, 3]]);
      expect(pairs(await cooc({ limit: 1 }))).toEqual([['模型', 3, 3]]);
    });

    it('uses the sentence figures for the sentence window and skips pairs sharing no sentence', async () => {
      // Sentences: 5 titles + 5 bodies. Written in title and body: 数据 in 1.1 and 2.1 (4 sentences),
      // 农业 in 2.1 (2), 模型 in 1.1 and 3.1 (4). 农业–数据 share 2: Jaccard 2/4, AS 2·10/(4·2); 数据–模型 2/6.
      const rows = await cooc({ window: 'sentence', genericVerbs: 'kept' });
      expect(pairs(rows)).toEqual([['农业', 2, 2], ['模型', 2, 2]]);
      expect(rows[0].jaccard).toBeCloseTo(1 / 2, 12);
      expect(rows[0].association_strength).toBeCloseTo(2.5, 12);
      expect(rows[1].jaccard).toBeCloseTo(1 / 3, 12);
      expect(rows[1].association_strength).toBeCloseTo(1.25, 12);
      expect(pairs(await cooc({ window: 'sentence', stat: 'npmi', genericVerbs: 'kept' })).map((r) => r[0])).toEqual(['农业', '模型']);
      expect(await cooc({ edition: XIAMEN, window: 'sentence' })).toEqual([]);
      expect(await cooc({ edition: XIAMEN })).toEqual([]);
      expect(await cooc({ term: ATTACK })).toEqual([]);
    });
  });

  describe('termTrend', () => {
    // Xiamen is titles-only, so the pair is compared on titles (term-fixture.ts spans):
    //   Xiamen titles 城市数据模型, 低碳数据: 数据 2, 模型 1, 低碳 1 → 4 title tokens
    //   Hunan titles 工业数据模型, 农业数据平台, 医疗模型 (rows with spans): 数据 2, 模型 2, 农业 1, 医疗 1 → 6
    it('gives the rate per edition, oldest first, and compares the pair on titles when one side is titles-only', async () => {
      const rows = await q<TermTrendRow>(termTrend({ term: '数据', genericVerbs: 'removed' }));
      expect(rows.map((r) => [r.edition_id, r.count, r.tokens, r.title_count, r.title_tokens, r.prev_edition, r.basis])).toEqual([
        [XIAMEN, 3, 6, 2, 4, null, null],
        [HUNAN, 8, 26, 2, 6, XIAMEN, 'titles']
      ]);
      expect(rows[0].per10k).toBeCloseTo(5000, 9);
      expect([rows[0].log_ratio, rows[0].g2, rows[0].count_a, rows[0].status]).toEqual([null, null, null, null]);
      // The bars use the series basis (titles): 2/4 and 2/6.
      expect(rows.map((r) => [r.series_basis, r.basis_count, r.basis_tokens])).toEqual([['titles', 2, 4], ['titles', 2, 6]]);
      expect(rows[1].basis_per10k).toBeCloseTo((2 / 6) * 10_000, 9);
      // Like with like: 2/6 in Hunan's titles against 2/4 in Xiamen's.
      expect([rows[1].count_a, rows[1].count_b]).toEqual([2, 2]);
      expect(rows[1].log_ratio).toBeCloseTo(Math.log2((2 / 6) / (2 / 4)), 12);
      expect(rows[1].g2).toBeCloseTo(g2Signed(2, 2, 6, 4), 12);
      expect(rows[1].status).toBe('stable');
    });

    it('handles a zero count with 0.5 (Log Ratio) and 0·ln 0 = 0 (G²), and the kept tokens', async () => {
      const [a, b] = await q<TermTrendRow>(termTrend({ term: '医疗', genericVerbs: 'removed' }));
      expect([a.count, b.count, b.count_a, b.count_b]).toEqual([0, 6, 0, 1]);
      expect(b.log_ratio).toBeCloseTo(Math.log2((1 / 6) / (0.5 / 4)), 12);
      expect(b.log_ratio).toBeCloseTo(logRatio(1, 0, 6, 4), 12);
      expect(b.g2).toBeCloseTo(g2Signed(1, 0, 6, 4), 12);
      expect(b.status).toBe('new');
      // 推动 is never written in a title: no title token on either side.
      const kept = await q<TermTrendRow>(termTrend({ term: '推动', genericVerbs: 'kept' }));
      expect(kept.map((r) => [r.count, r.tokens])).toEqual([[1, 7], [4, 30]]);
      expect([kept[1].count_a, kept[1].count_b, kept[1].g2, kept[1].status]).toEqual([0, 0, 0, 'stable']);
      const none = await q<TermTrendRow>(termTrend({ term: ATTACK, genericVerbs: 'removed' }));
      expect(none.map((r) => r.count)).toEqual([0, 0]);
      expect(none[1].g2).toBe(0);
    });
  });
});
