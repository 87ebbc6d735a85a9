/**
 * Track queries on the fixture (track-fixture.ts) and on the real analysis output, on
 * both engines. Fixture numbers from rows.ts, 2026-hunan, generic verbs removed:
 *   1 工业制造 数据 5, 模型 3, 隐私计算 1 (推动 3)   tokens 9 (12 with verbs), 2 topics
 *   2 现代农业 数据 2, 农业 4                       tokens 6, 1 topic
 *   3 医疗健康 数据 1, 模型 2, 医疗 6, 联邦学习 2 (推动 1) tokens 11 (12), 2 topics
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import {
  trackIndex,
  trackInfo,
  trackKeyness,
  trackOwnNameTerms,
  type OwnNameTermRow,
  trackNearDuplicates,
  trackOverlaps,
  trackTermSpans,
  trackTopics,
  type KeynessRow,
  type TermSpanRow,
  type TrackDuplicateRow,
  type TrackIndexRow,
  type TrackInfoRow,
  type TrackOverlapRow,
  type TrackTopicRow
} from '../../../../src/lib/queries/track.ts';
import type { TermTrackRow } from '../../../../analysis/contract.ts';
import { g2Signed, logRatio } from '../../../../analysis/tables/stats.ts';
import { ENGINES } from '../fixture/connect.ts';
import { fixtureRows } from '../fixture/rows.ts';
import { realConnector } from '../fixture/real.ts';
import { COSINE_1_3, HUNAN, trackFixtureConnector } from './track-fixture.ts';

const F: FilterParams = { edition: HUNAN, tracks: null, theme: null, genericVerbs: 'removed' };
const ATTACK = "'; DROP TABLE topics; --";
const KEY = { edition: HUNAN, track: 3, genericVerbs: 'removed' as const, theme: null };

describe.each(ENGINES)('track queries on the fixture (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await trackFixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('trackIndex lists each track with tokens, its key terms and its most similar track', async () => {
    const rows = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'jaccard', keyTerms: 2 }));
    expect(rows.map((r) => [r.track_no, r.track_name, r.topics, r.tokens])).toEqual([
      [1, '工业制造', 2, 9],
      [2, '现代农业', 1, 6],
      [3, '医疗健康', 2, 11]
    ]);
    // Jaccard: 1–3 0.4 > 1–2 0.25; 2–1 0.25 > 2–3 0.2; 3–1 0.4.
    expect(rows.map((r) => [r.similar_no, r.similar_name])).toEqual([[3, '医疗健康'], [1, '工业制造'], [1, '工业制造']]);
    expect(rows[0].similar_value).toBeCloseTo(0.4, 9);
    // Without the two filters: the input's positive-G² terms of each track, highest first.
    const loose = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'jaccard', keyTerms: 2, significantOnly: false, excludeOwnName: false }));
    const expected = (track: number, keep: (r: TermTrackRow) => boolean) =>
      fixtureRows()
        .term_track.filter((r) => r.edition_id === HUNAN && r.generic_verbs === 'removed' && r.track_no === track && r.keyness_g2 > 0 && keep(r))
        .sort((a, b) => b.keyness_g2 - a.keyness_g2 || b.count - a.count)
        .slice(0, 2)
        .map((r) => r.term);
    for (const r of loose) expect(r.key_terms, `track ${r.track_no}`).toEqual(expected(r.track_no, () => true));
    // 医疗健康: 数据 (1/11 vs 7/15) and 模型 (2/11 vs 3/15) are under-represented, never key terms.
    expect(loose[2].key_terms.sort()).toEqual(['医疗', '联邦学习'].sort());
    // Significant only: 农业 in 现代农业 (4 of 6 tokens, none elsewhere) G² = 11.73, 医疗 in 医疗健康 G² = 10.32;
    // 联邦学习 (3.44) and 工业制造's 数据 (2.57) are not significant.
    const significant = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'jaccard', excludeOwnName: false }));
    expect(significant.map((r) => r.key_terms)).toEqual([[], ['农业'], ['医疗']]);
    for (const r of significant) expect(r.key_terms).toEqual(expected(r.track_no, (x) => x.keyness_g2 >= 3.84));
    // By default the track's own name goes too: 农业 is a word of 现代农业, 医疗 of 医疗健康.
    expect((await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'jaccard' }))).map((r) => r.key_terms)).toEqual([[], [], []]);
    const named = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'jaccard', significantOnly: false }));
    const all5 = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'jaccard', significantOnly: false, excludeOwnName: false }));
    expect(named[0].key_terms).toEqual(all5[0].key_terms);
    expect(named[0].key_terms.sort()).toEqual(['数据', '模型', '隐私计算'].sort());
    expect(named.slice(1).map((r) => r.key_terms)).toEqual([['数据'], ['联邦学习']]);
  });

  it('trackIndex follows the metric, the track filter, the theme and the verbs setting', async () => {
    // Cosine: 1–2 and 2–3 are 0 (数据 has idf 0), so track 2 has no similar track.
    const cosine = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'cosine' }));
    expect(cosine.map((r) => r.similar_no)).toEqual([3, null, 1]);
    const some = await db.query<TrackIndexRow>(trackIndex({ ...F, tracks: [2, 3], metric: 'jaccard' }));
    expect(some.map((r) => [r.track_no, r.similar_no])).toEqual([[2, 1], [3, 1]]);
    const theme = await db.query<TrackIndexRow>(trackIndex({ ...F, theme: '隐私计算', metric: 'jaccard', significantOnly: false }));
    expect(theme.map((r) => r.key_terms)).toEqual([['隐私计算'], [], ['联邦学习']]);
    const kept = await db.query<TrackIndexRow>(trackIndex({ ...F, genericVerbs: 'kept', metric: 'jaccard' }));
    expect(kept.map((r) => r.tokens)).toEqual([12, 6, 12]);
    expect(await db.query(trackIndex({ ...F, edition: ATTACK, metric: 'jaccard' }))).toEqual([]);
  });

  it('trackInfo and trackTopics read one track', async () => {
    const [info] = await db.query<TrackInfoRow>(trackInfo({ edition: HUNAN, track: 3, genericVerbs: 'kept' }));
    expect(info).toMatchObject({ track_name: '医疗健康', heading: '赛道三：医疗健康赛道', topics: 2, tokens: 12, has_bodies: true });
    const topics = await db.query<TrackTopicRow>(trackTopics({ edition: HUNAN, track: 3 }));
    expect(topics.map((r) => [r.topic_no, r.title])).toEqual([[1, '医疗模型'], [2, '联邦学习辅助诊断']]);
    expect(topics[1].body).toContain('\n第二段');
    expect(await db.query(trackTopics({ edition: HUNAN, track: 9 }))).toEqual([]);
  });

  it('trackTermSpans returns the spans, without generic verbs when they are removed', async () => {
    const removed = await db.query<TermSpanRow>(trackTermSpans({ edition: HUNAN, track: 1, genericVerbs: 'removed' }));
    expect(removed.filter((r) => r.topic_no === 1).map((r) => [r.term, r.title_spans, r.body_spans])).toEqual([
      ['数据', '2:2', '4:2'],
      ['模型', '4:2', '6:2'],
      ['隐私计算', '', '']
    ]);
    expect(removed.some((r) => r.term === '推动')).toBe(false);
    const kept = await db.query<TermSpanRow>(trackTermSpans({ edition: HUNAN, track: 1, genericVerbs: 'kept' }));
    expect(kept.filter((r) => r.term === '推动').map((r) => r.topic_no)).toEqual([1, 2]);
  });

  it('trackKeyness weighs every term of the edition against the track, absent ones included', async () => {
    // 医疗健康 (track 3): 11 tokens against 15 in the rest of 2026-hunan.
    const k = (term: string, a: number, b: number) => ({ term, a, b, g2: g2Signed(a, b, 11, 15), lr: logRatio(a, b, 11, 15) });
    const expected = [k('医疗', 6, 0), k('联邦学习', 2, 0), k('模型', 2, 3), k('隐私计算', 0, 1), k('数据', 1, 7), k('农业', 0, 4)];
    const all = await db.query<KeynessRow>(trackKeyness({ ...KEY, stat: 'g2', top: 10 }));
    expect(all.map((r) => r.term)).toEqual(expected.sort((x, y) => y.g2 - x.g2).map((e) => e.term));
    for (const e of expected) {
      const row = all.find((r) => r.term === e.term)!;
      expect(row.keyness_g2, e.term).toBeCloseTo(e.g2, 9);
      expect(row.log_ratio, e.term).toBeCloseTo(e.lr, 9);
      expect(row.value).toBe(row.keyness_g2);
      expect([row.count, row.edition_count]).toEqual([e.a, e.a + e.b]);
      expect(row.side).toBe(e.g2 > 0 ? 'over' : 'under');
    }
    // G²: 医疗 10.32 (p < 0.01), 农业 −4.40 (p < 0.05); 联邦学习 3.44, 数据 −3.39 … not significant.
    expect(Object.fromEntries(all.map((r) => [r.term, r.sig]))).toEqual({ 医疗: 2, 联邦学习: 0, 模型: 0, 隐私计算: 0, 数据: 0, 农业: 1 });
    // Places by size on each side: 农业 is the most under-represented.
    expect(Object.fromEntries(all.map((r) => [r.term, r.rank]))).toEqual({ 医疗: 1, 联邦学习: 2, 农业: 1, 数据: 2, 隐私计算: 3, 模型: 4 });
    expect(all.every((r) => r.tied === 1)).toBe(true);
    // The absent 农业: no tokens, no topics, per10k 0.
    expect(all.find((r) => r.term === '农业')).toMatchObject({ count: 0, topics: 0, per10k: 0 });

    const one = await db.query<KeynessRow>(trackKeyness({ ...KEY, stat: 'g2', top: 1 }));
    expect(one.map((r) => r.term)).toEqual(['医疗', '农业']);
  });

  it('trackKeyness: minimum frequency, the track’s own name, Log Ratio of significant terms only', async () => {
    const min5 = await db.query<KeynessRow>(trackKeyness({ ...KEY, stat: 'g2', top: 10, minCount: 5 }));
    expect(min5.map((r) => r.term)).toEqual(['医疗', '模型', '数据']);
    // 医疗 is a word of 医疗健康.
    const own = await db.query<KeynessRow>(trackKeyness({ ...KEY, stat: 'g2', top: 10, excludeOwnName: true }));
    expect(own.map((r) => r.term)).not.toContain('医疗');
    expect(own).toHaveLength(5);
    expect(await db.query(trackOwnNameTerms(KEY))).toEqual([{ term: '医疗', count: 6, keyness_g2: expect.closeTo(g2Signed(6, 0, 11, 15), 9) }]);
    // Log Ratio: 联邦学习 (2 tokens, none elsewhere) has the larger ratio than 医疗 … but is not significant.
    const lr = await db.query<KeynessRow>(trackKeyness({ ...KEY, stat: 'logratio', top: 10 }));
    expect(lr.map((r) => [r.term, r.side])).toEqual([['医疗', 'over'], ['农业', 'under']]);
    for (const r of lr) expect(r.value).toBe(r.log_ratio);
    expect(lr[0].value).toBeCloseTo(Math.log2((6 / 11) / (0.5 / 15)), 9);
  });

  it('trackKeyness follows the theme and the verbs setting', async () => {
    // 隐私计算 ⊃ 联邦学习 (2 in track 3) and 隐私计算 (only in track 1).
    const theme = await db.query<KeynessRow>(trackKeyness({ ...KEY, theme: '隐私计算', stat: 'g2', top: 10 }));
    expect(theme.map((r) => [r.term, r.side])).toEqual([['联邦学习', 'over'], ['隐私计算', 'under']]);
    const kept = await db.query<KeynessRow>(trackKeyness({ ...KEY, genericVerbs: 'kept', stat: 'g2', top: 10 }));
    // 推动: 1/12 in track 3 against 3/18 elsewhere — under-represented.
    const push = kept.find((r) => r.term === '推动')!;
    expect(push.value).toBeCloseTo(g2Signed(1, 3, 12, 18), 9);
    expect(push.side).toBe('under');
    expect((await db.query<KeynessRow>(trackKeyness({ ...KEY, stat: 'g2', top: 10 }))).map((r) => r.term)).not.toContain('推动');
    expect(await db.query(trackKeyness({ ...KEY, theme: ATTACK, stat: 'g2', top: 10 }))).toEqual([]);
    expect(await db.query(trackKeyness({ ...KEY, edition: ATTACK, stat: 'g2', top: 10 }))).toEqual([]);
  });

  it('trackOverlaps lists the other tracks by the chosen metric', async () => {
    const jaccard = await db.query<TrackOverlapRow>(trackOverlaps({ edition: HUNAN, track: 2, genericVerbs: 'removed', tracks: null, metric: 'jaccard' }));
    expect(jaccard.map((r) => [r.other_no, r.other_name, r.shared_terms])).toEqual([[1, '工业制造', 1], [3, '医疗健康', 1]]);
    expect(jaccard.map((r) => r.value)).toEqual([0.25, 0.2]);
    const cosine = await db.query<TrackOverlapRow>(trackOverlaps({ edition: HUNAN, track: 1, genericVerbs: 'removed', tracks: null, metric: 'cosine' }));
    expect(cosine.map((r) => r.other_no)).toEqual([3, 2]);
    expect(cosine[0].value).toBeCloseTo(COSINE_1_3, 12);
    expect(cosine[1].value).toBe(0);
    const some = await db.query<TrackOverlapRow>(trackOverlaps({ edition: HUNAN, track: 1, genericVerbs: 'removed', tracks: [1, 2], metric: 'jaccard' }));
    expect(some.map((r) => r.other_no)).toEqual([2]);
  });

  it('trackNearDuplicates finds pairs on either side, within and across editions', async () => {
    const one = await db.query<TrackDuplicateRow>(trackNearDuplicates({ edition: HUNAN, track: 1 }));
    // 1/1–1/2 inside the track is listed once, from its earlier topic.
    expect(one.map((r) => [r.topic_no, r.other_edition, r.other_track, r.other_topic, r.kind])).toEqual([
      [1, HUNAN, 1, 2, 'sentence'],
      [2, HUNAN, 3, 1, 'body']
    ]);
    expect(one[0]).toMatchObject({ topic_title: '工业数据模型', other_title: '隐私计算在制造中的应用', shared_text: '同一句' });
    const three = await db.query<TrackDuplicateRow>(trackNearDuplicates({ edition: HUNAN, track: 3 }));
    expect(three.map((r) => [r.topic_no, r.other_edition, r.other_track, r.other_topic, r.other_track_name])).toEqual([
      [1, HUNAN, 1, 2, '工业制造'],
      [2, '2025-fujian-xiamen', 1, 1, '智慧城市']
    ]);
    expect(await db.query(trackNearDuplicates({ edition: HUNAN, track: 2 }))).toEqual([]);
  });
});

describe.each(ENGINES)('track queries on the real guides (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    ({ db } = await realConnector(engine));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the track index has every Hunan track with the topic counts of the guide', async () => {
    const rows = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'jaccard' }));
    expect(rows.map((r) => r.topics)).toEqual([5, 12, 3, 14, 12, 4, 4, 5, 4, 6, 15, 5, 8, 7, 5, 6, 7]);
    const pairs = await db.query<{ a: number; b: number; jaccard: number }>({
      sql: `SELECT track_a AS a, track_b AS b, jaccard FROM track_overlap WHERE edition_id = ? AND generic_verbs = 'removed'`,
      params: [HUNAN]
    });
    for (const r of rows) {
      const mine = pairs.filter((x) => x.a === r.track_no || x.b === r.track_no);
      const best = Math.max(...mine.map((x) => x.jaccard));
      expect(r.similar_value, r.track_name).toBeCloseTo(best, 12);
      expect(r.key_terms.length).toBeGreaterThan(0);
    }
  });

  it('气象服务 (track 10) has 6 topics, spans that point at its terms, and near-duplicates 1&4 and 3&4', async () => {
    const [info] = await db.query<TrackInfoRow>(trackInfo({ edition: HUNAN, track: 10, genericVerbs: 'removed' }));
    expect(info).toMatchObject({ track_name: '气象服务', topics: 6 });
    const topics = await db.query<TrackTopicRow>(trackTopics({ edition: HUNAN, track: 10 }));
    expect(topics).toHaveLength(6);

    const spans = await db.query<TermSpanRow>(trackTermSpans({ edition: HUNAN, track: 10, genericVerbs: 'removed' }));
    const variants = new Map(
      (await db.query<{ term: string; variants: string; generic_verb: boolean }>({ sql: 'SELECT term, variants, generic_verb FROM terms' })).map((r) => [r.term, r])
    );
    let checked = 0;
    for (const s of spans) {
      expect(variants.get(s.term)?.generic_verb, s.term).toBe(false);
      const topic = topics.find((t) => t.topic_no === s.topic_no)!;
      for (const [text, list] of [[topic.title, s.title_spans], [topic.body, s.body_spans]] as const) {
        for (const pair of list.split(' ').filter(Boolean)) {
          const [start, length] = pair.split(':').map(Number);
          const surface = text.slice(start, start + length);
          const forms = [s.term, ...(variants.get(s.term)?.variants.split('、') ?? [])];
          expect(forms, `${s.term} at ${pair}`).toContain(surface);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);

    const dups = await db.query<TrackDuplicateRow>(trackNearDuplicates({ edition: HUNAN, track: 10 }));
    expect(dups.filter((d) => d.other_edition === HUNAN && d.other_track === 10).map((d) => [d.topic_no, d.other_topic])).toEqual([
      [1, 4],
      [3, 4]
    ]);
    for (const d of dups) {
      for (const passage of d.shared_text.split('\n').filter(Boolean)) {
        expect(topics.find((t) => t.topic_no === d.topic_no)!.body).toContain(passage);
      }
    }
  });

  it('keyness equals term_track for every term a track contains, in every Hunan track, both verb settings', async () => {
    for (const genericVerbs of ['removed', 'kept'] as const) {
      const stored = await db.query<{ track_no: number; term: string; g2: number; lr: number }>({
        sql: `SELECT track_no, term, keyness_g2 AS g2, log_ratio AS lr FROM term_track WHERE edition_id = ? AND generic_verbs = ?`,
        params: [HUNAN, genericVerbs]
      });
      for (let track = 1; track <= 17; track++) {
        const rows = await db.query<KeynessRow>(trackKeyness({ edition: HUNAN, track, genericVerbs, theme: null, stat: 'g2', top: 100_000 }));
        const byTerm = new Map(rows.map((r) => [r.term, r]));
        const mine = stored.filter((r) => r.track_no === track && r.g2 !== 0);
        expect(mine.length).toBeGreaterThan(0);
        for (const s of mine) {
          const row = byTerm.get(s.term)!;
          expect(row, `${track} ${s.term}`).toBeDefined();
          expect(row.keyness_g2).toBeCloseTo(s.g2, 9);
          expect(row.log_ratio).toBeCloseTo(s.lr, 9);
        }
        // Every other row is a term the track never uses.
        expect(rows.filter((r) => !mine.some((s) => s.term === r.term)).every((r) => r.count === 0 && r.side === 'under')).toBe(true);
      }
    }
  });

  it('医疗保障 (track 8): the track’s name leads at G² 115.85; seven terms tie at 12.19 and are kept together', async () => {
    const base = { edition: HUNAN, track: 8, genericVerbs: 'removed' as const, theme: null };
    const all = await db.query<KeynessRow>(trackKeyness({ ...base, stat: 'g2', top: 12 }));
    expect(all[0]).toMatchObject({ term: '医疗保障', rank: 1, sig: 3, side: 'over' });
    expect(all[0].value).toBeCloseTo(115.85, 2);
    const tied = all.filter((r) => r.side === 'over' && r.tied > 1);
    expect(tied.map((r) => r.term).sort()).toEqual(['支付', '数字信任', '文本', '经办', '耗材', '脑机接口', '非结构化'].sort());
    expect(new Set(tied.map((r) => r.rank))).toEqual(new Set([6]));
    expect(tied.every((r) => r.tied === 7 && r.value.toFixed(2) === '12.19')).toBe(true);
    // Cutting at 6 places keeps the whole tie: 5 + 7 rows on the over side.
    const six = await db.query<KeynessRow>(trackKeyness({ ...base, stat: 'g2', top: 6 }));
    expect(six.filter((r) => r.side === 'over')).toHaveLength(12);
    // Without the track's own name, 药品 leads; Log Ratio keeps significant terms of two tokens or more.
    const own = await db.query<KeynessRow>(trackKeyness({ ...base, stat: 'logratio', top: 12, minCount: 2, excludeOwnName: true }));
    expect(own[0].term).toBe('药品');
    expect(own.every((r) => r.sig >= 1 && r.edition_count >= 2 && r.term !== '医疗保障')).toBe(true);
    expect((await db.query<OwnNameTermRow>(trackOwnNameTerms(base))).map((r) => r.term)).toEqual(['医疗保障', '医疗']);
    // The rest of the edition is 20 times the track: nothing there is significantly under-represented.
    expect(all.filter((r) => r.side === 'under').every((r) => r.sig === 0 && Math.abs(r.keyness_g2) < 3.84)).toBe(true);
  });

  it('overlaps of a track cover every other track; the titles-only edition has no near-duplicates inside a track body', async () => {
    const rows = await db.query<TrackOverlapRow>(trackOverlaps({ edition: HUNAN, track: 10, genericVerbs: 'kept', tracks: null, metric: 'cosine' }));
    expect(rows.map((r) => r.other_no).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17]);
    expect(rows.map((r) => r.value)).toEqual(rows.map((r) => r.cosine));
    const [xiamen] = await db.query<TrackInfoRow>(trackInfo({ edition: '2025-fujian-xiamen', track: 1, genericVerbs: 'removed' }));
    expect(xiamen.has_bodies).toBe(false);
  });
});
