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
import { ENGINES } from '../fixture/connect.ts';
import { fixtureRows } from '../fixture/rows.ts';
import { realConnector } from '../fixture/real.ts';
import { HUNAN, trackFixtureConnector } from './track-fixture.ts';

const F: FilterParams = { edition: HUNAN, tracks: null, theme: null, genericVerbs: 'removed' };
const ATTACK = "'; DROP TABLE topics; --";

describe.each(ENGINES)('track queries on the fixture (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await trackFixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('trackIndex lists each track with tokens, top positive-G² terms and its most similar track', async () => {
    const rows = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'jaccard', keyTerms: 2 }));
    expect(rows.map((r) => [r.track_no, r.track_name, r.topics, r.tokens])).toEqual([
      [1, '工业制造', 2, 9],
      [2, '现代农业', 1, 6],
      [3, '医疗健康', 2, 11]
    ]);
    // Jaccard: 1–3 0.4 > 1–2 0.25; 2–1 0.25 > 2–3 0.2; 3–1 0.4.
    expect(rows.map((r) => [r.similar_no, r.similar_name])).toEqual([[3, '医疗健康'], [1, '工业制造'], [1, '工业制造']]);
    expect(rows[0].similar_value).toBeCloseTo(0.4, 9);
    // Key terms: the input's positive-G² terms of each track, highest first.
    const expected = (track: number) =>
      fixtureRows()
        .term_track.filter((r) => r.edition_id === HUNAN && r.generic_verbs === 'removed' && r.track_no === track && r.keyness_g2 > 0)
        .sort((a, b) => b.keyness_g2 - a.keyness_g2 || b.count - a.count)
        .slice(0, 2)
        .map((r) => r.term);
    for (const r of rows) expect(r.key_terms, `track ${r.track_no}`).toEqual(expected(r.track_no));
    // 医疗健康: 数据 (1/11 vs 7/15) and 模型 (2/11 vs 3/15) are under-represented, never key terms.
    expect(rows[2].key_terms.sort()).toEqual(['医疗', '联邦学习'].sort());
  });

  it('trackIndex follows the metric, the track filter, the theme and the verbs setting', async () => {
    // Cosine: 1–2 and 2–3 are 0 (数据 has idf 0), so track 2 has no similar track.
    const cosine = await db.query<TrackIndexRow>(trackIndex({ ...F, metric: 'cosine' }));
    expect(cosine.map((r) => r.similar_no)).toEqual([3, null, 1]);
    const some = await db.query<TrackIndexRow>(trackIndex({ ...F, tracks: [2, 3], metric: 'jaccard' }));
    expect(some.map((r) => [r.track_no, r.similar_no])).toEqual([[2, 1], [3, 1]]);
    const theme = await db.query<TrackIndexRow>(trackIndex({ ...F, theme: '隐私计算', metric: 'jaccard' }));
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

  it('trackKeyness keeps the strongest terms on each side of 0, highest first', async () => {
    const all = await db.query<KeynessRow>(trackKeyness({ edition: HUNAN, track: 3, genericVerbs: 'removed', theme: null, stat: 'g2', top: 10 }));
    expect(all.map((r) => Math.sign(r.value))).toEqual([1, 1, -1, -1]);
    expect(all.slice(2).map((r) => r.term).sort()).toEqual(['数据', '模型'].sort());
    expect(all.map((r) => r.value)).toEqual([...all.map((r) => r.value)].sort((a, b) => b - a));
    for (const r of all) expect(r.value).toBe(r.keyness_g2);

    const one = await db.query<KeynessRow>(trackKeyness({ edition: HUNAN, track: 3, genericVerbs: 'removed', theme: null, stat: 'g2', top: 1 }));
    expect(one.map((r) => r.term)).toEqual([all[0].term, all[3].term]);

    const lr = await db.query<KeynessRow>(trackKeyness({ edition: HUNAN, track: 3, genericVerbs: 'removed', theme: null, stat: 'logratio', top: 10 }));
    for (const r of lr) expect(r.value).toBe(r.log_ratio);
    // 联邦学习 occurs only in track 3: log2((2/11) / (0.5/15)) — 0.5 stands in for the zero count.
    expect(lr.find((r) => r.term === '联邦学习')!.value).toBeCloseTo(Math.log2((2 / 11) / (0.5 / 15)), 9);

    const theme = await db.query<KeynessRow>(trackKeyness({ edition: HUNAN, track: 3, genericVerbs: 'removed', theme: '隐私计算', stat: 'g2', top: 10 }));
    expect(theme.map((r) => r.term)).toEqual(['联邦学习']);
    const kept = await db.query<KeynessRow>(trackKeyness({ edition: HUNAN, track: 3, genericVerbs: 'kept', theme: null, stat: 'g2', top: 10 }));
    // 推动: 1/12 in track 3 against 3/18 elsewhere — under-represented.
    expect(kept.find((r) => r.term === '推动')!.value).toBeLessThan(0);
    expect(await db.query(trackKeyness({ edition: HUNAN, track: 3, genericVerbs: 'removed', theme: ATTACK, stat: 'g2', top: 10 }))).toEqual([]);
  });

  it('trackOverlaps lists the other tracks by the chosen metric', async () => {
    const jaccard = await db.query<TrackOverlapRow>(trackOverlaps({ edition: HUNAN, track: 2, genericVerbs: 'removed', tracks: null, metric: 'jaccard' }));
    expect(jaccard.map((r) => [r.other_no, r.other_name, r.shared_terms])).toEqual([[1, '工业制造', 1], [3, '医疗健康', 1]]);
    expect(jaccard.map((r) => r.value)).toEqual([0.25, 0.2]);
    const cosine = await db.query<TrackOverlapRow>(trackOverlaps({ edition: HUNAN, track: 1, genericVerbs: 'removed', tracks: null, metric: 'cosine' }));
    expect(cosine.map((r) => [r.other_no, r.value])).toEqual([[3, 0.3], [2, 0]]);
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

  it('keyness keeps the top terms of each sign, as a direct ranking of term_track says', async () => {
    const top = 8;
    const rows = await db.query<KeynessRow>(trackKeyness({ edition: HUNAN, track: 10, genericVerbs: 'removed', theme: null, stat: 'g2', top }));
    const all = await db.query<{ term: string; g2: number }>({
      sql: `SELECT term, keyness_g2 AS g2 FROM term_track WHERE edition_id = ? AND generic_verbs = 'removed' AND track_no = 10`,
      params: [HUNAN]
    });
    const positives = rows.filter((r) => r.value > 0);
    const negatives = rows.filter((r) => r.value < 0);
    expect(positives).toHaveLength(Math.min(top, all.filter((r) => r.g2 > 0).length));
    expect(negatives).toHaveLength(Math.min(top, all.filter((r) => r.g2 < 0).length));
    const minShown = Math.min(...positives.map((r) => r.value));
    const hidden = all.filter((r) => r.g2 > 0 && !positives.some((p) => p.term === r.term));
    for (const h of hidden) expect(h.g2).toBeLessThanOrEqual(minShown);
    const maxShownNeg = Math.max(...negatives.map((r) => r.value));
    for (const h of all.filter((r) => r.g2 < 0 && !negatives.some((n) => n.term === r.term))) expect(h.g2).toBeGreaterThanOrEqual(maxShownNeg);
  });

  it('overlaps of a track cover every other track; the titles-only edition has no near-duplicates inside a track body', async () => {
    const rows = await db.query<TrackOverlapRow>(trackOverlaps({ edition: HUNAN, track: 10, genericVerbs: 'kept', tracks: null, metric: 'cosine' }));
    expect(rows.map((r) => r.other_no).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17]);
    expect(rows.map((r) => r.value)).toEqual(rows.map((r) => r.cosine));
    const [xiamen] = await db.query<TrackInfoRow>(trackInfo({ edition: '2025-fujian-xiamen', track: 1, genericVerbs: 'removed' }));
    expect(xiamen.has_bodies).toBe(false);
  });
});
