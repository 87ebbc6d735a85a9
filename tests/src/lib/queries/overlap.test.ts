/**
 * Overlap queries on the fixture (track-fixture.ts) and on the real analysis output, on
 * both engines. 2026-hunan term sets, generic verbs removed (rows.ts):
 *   1 {数据 5, 模型 3, 隐私计算 1}   2 {数据 2, 农业 4}   3 {数据 1, 模型 2, 医疗 6, 联邦学习 2}; 推动 (kept): 1 → 3, 3 → 1.
 * T = 3 tracks; df: 数据 3 → idf ln(3/3) = 0; 模型 2 and 推动 2 → idf ln(3/2).
 * Pair 1–3: 模型 min(3, 2) · ln 1.5 ≈ 0.811 before 数据 min(5, 1) · 0 = 0 (top_shared 模型、数据); cosine COSINE_1_3.
 * term_topic spreads a track's count over its first topics, the first taking the remainder:
 *   track 1 topic 1: 数据 3, 模型 2, 隐私计算 1, 推动 2; topic 2: 数据 2, 模型 1, 推动 1
 *   track 3 topic 1: 数据 1, 模型 2, 医疗 3, 联邦学习 2, 推动 1; topic 2: 医疗 3
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import {
  overlapMatrix,
  overlapPair,
  pairTopics,
  sharedTerms,
  type OverlapCell,
  type PairTopicRow,
  type SharedTermRow
} from '../../../../src/lib/queries/overlap.ts';
import { ENGINES } from '../fixture/connect.ts';
import { realConnector } from '../fixture/real.ts';
import { COSINE_1_3, HUNAN, trackFixtureConnector } from './track-fixture.ts';

const F: FilterParams = { edition: HUNAN, tracks: null, theme: null, genericVerbs: 'removed' };
const ATTACK = "'; DROP TABLE topics; --";

describe.each(ENGINES)('overlap queries on the fixture (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await trackFixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('overlapMatrix gives both orientations of every pair, in guide order', async () => {
    const rows = await db.query<OverlapCell>(overlapMatrix({ ...F, metric: 'jaccard' }));
    expect(rows.map((r) => [r.track_a, r.track_b, r.value])).toEqual([
      [1, 2, 0.25],
      [1, 3, 0.4],
      [2, 1, 0.25],
      [2, 3, 0.2],
      [3, 1, 0.4],
      [3, 2, 0.2]
    ]);
    expect(rows[1]).toMatchObject({ name_a: '工业制造', name_b: '医疗健康', shared_terms: 2, top_shared: '模型、数据' });
    expect(rows[1].cosine).toBeCloseTo(COSINE_1_3, 12);
    const cosine = await db.query<OverlapCell>(overlapMatrix({ ...F, metric: 'cosine', tracks: [1, 3] }));
    expect(cosine.map((r) => [r.track_a, r.track_b])).toEqual([[1, 3], [3, 1]]);
    for (const r of cosine) expect(r.value).toBeCloseTo(COSINE_1_3, 12);
    // 'kept' rows are derived at load from term_topic: 推动 joins tracks 1 and 3.
    // Jaccard 1–2: {数据} of 5 terms; 1–3: {数据, 模型, 推动} of 6; 2–3: {数据} of 6.
    const kept = await db.query<OverlapCell>(overlapMatrix({ ...F, genericVerbs: 'kept', metric: 'jaccard' }));
    expect(kept.filter((r) => r.track_a < r.track_b).map((r) => [r.track_a, r.track_b, r.value])).toEqual([
      [1, 2, 0.2],
      [1, 3, 0.5],
      [2, 3, 1 / 6]
    ]);
    // min(tf) · idf with T = 3: 模型 2 · ln 1.5, 推动 1 · ln 1.5, 数据 (in every track) 0.
    expect(kept.find((r) => r.track_a === 1 && r.track_b === 3)).toMatchObject({ shared_terms: 3, top_shared: '模型、推动、数据' });
    expect(await db.query(overlapMatrix({ ...F, edition: ATTACK, metric: 'jaccard' }))).toEqual([]);
  });

  it('overlapPair reads the pair in either order', async () => {
    const [ab] = await db.query<Record<string, unknown>>(overlapPair({ edition: HUNAN, genericVerbs: 'removed', a: 3, b: 1 }));
    expect(ab).toMatchObject({ track_a: 3, track_b: 1, shared_terms: 2, jaccard: 0.4, top_shared: '模型、数据' });
    expect(await db.query(overlapPair({ edition: HUNAN, genericVerbs: 'removed', a: 2, b: 2 }))).toEqual([]);
  });

  it('sharedTerms ranks shared terms by min count × idf', async () => {
    const rows = await db.query<SharedTermRow>(sharedTerms({ edition: HUNAN, genericVerbs: 'removed', a: 1, b: 3, theme: null }));
    expect(rows.map((r) => [r.term, r.count_a, r.count_b, r.min_count])).toEqual([
      ['模型', 3, 2, 2],
      ['数据', 5, 1, 1]
    ]);
    expect(rows[0].idf).toBeCloseTo(Math.log(3 / 2), 12);
    expect(rows[0].weight).toBeCloseTo(2 * Math.log(3 / 2), 12);
    expect(rows[1].idf).toBe(0);
    const kept = await db.query<SharedTermRow>(sharedTerms({ edition: HUNAN, genericVerbs: 'kept', a: 3, b: 1, theme: null }));
    expect(kept.map((r) => [r.term, r.count_a, r.count_b])).toEqual([['模型', 2, 3], ['推动', 1, 3], ['数据', 1, 5]]);
    const theme = await db.query<SharedTermRow>(sharedTerms({ edition: HUNAN, genericVerbs: 'removed', a: 1, b: 3, theme: '人工智能' }));
    expect(theme.map((r) => r.term)).toEqual(['模型']);
    expect(await db.query(sharedTerms({ edition: HUNAN, genericVerbs: 'removed', a: 1, b: 1, theme: null }))).toEqual([]);
    expect(await db.query(sharedTerms({ edition: HUNAN, genericVerbs: 'removed', a: 1, b: 3, theme: ATTACK }))).toEqual([]);
  });

  it('pairTopics lists the topics of both tracks that carry a shared term', async () => {
    const rows = await db.query<PairTopicRow>(pairTopics({ edition: HUNAN, genericVerbs: 'removed', a: 3, b: 1, theme: null }));
    expect(rows.map((r) => [r.track_no, r.topic_no, r.terms])).toEqual([
      [3, 1, ['模型', '数据']],
      [1, 1, ['数据', '模型']],
      [1, 2, ['数据', '模型']]
    ]);
    expect(rows[0]).toMatchObject({ track_name: '医疗健康', title: '医疗模型' });
    const kept = await db.query<PairTopicRow>(pairTopics({ edition: HUNAN, genericVerbs: 'kept', a: 1, b: 3, theme: null }));
    expect(kept.map((r) => r.terms)).toEqual([['数据', '推动', '模型'], ['数据', '推动', '模型'], ['模型', '推动', '数据']]);
  });
});

describe.each(ENGINES)('overlap queries on the real guides (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    ({ db } = await realConnector(engine));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the Hunan matrix holds all 17 × 16 ordered pairs, symmetric', async () => {
    const rows = await db.query<OverlapCell>(overlapMatrix({ ...F, metric: 'cosine' }));
    expect(rows).toHaveLength(17 * 16);
    const at = new Map(rows.map((r) => [`${r.track_a}-${r.track_b}`, r.value]));
    for (const r of rows) expect(at.get(`${r.track_b}-${r.track_a}`)).toBe(r.value);
  });

  it.each([
    [10, 12, 'removed'],
    [2, 5, 'kept'],
    [14, 12, 'removed']
  ] as const)('the shared terms of %i and %i (%s) equal a direct intersection over term_track', async (a, b, verbs) => {
    const rows = await db.query<SharedTermRow>(sharedTerms({ edition: HUNAN, genericVerbs: verbs, a, b, theme: null }));
    const terms = async (track: number) =>
      new Set(
        (
          await db.query<{ term: string }>({
            sql: 'SELECT term FROM term_track WHERE edition_id = ? AND generic_verbs = ? AND track_no = ? AND count > 0',
            params: [HUNAN, verbs, track]
          })
        ).map((r) => r.term)
      );
    const inA = await terms(a);
    const inB = await terms(b);
    const direct = [...inA].filter((term) => inB.has(term)).sort();
    expect(rows.map((r) => r.term).sort()).toEqual(direct);

    const [pair] = await db.query<{ shared_terms: number; top_shared: string }>(overlapPair({ edition: HUNAN, genericVerbs: verbs, a, b }));
    expect(pair.shared_terms).toBe(direct.length);
    // top_shared are the heaviest by the same weight (ties may order differently).
    const weight = new Map(rows.map((r) => [r.term, r.weight]));
    const top = pair.top_shared.split('、');
    const lightestTop = Math.min(...top.map((term) => weight.get(term)!));
    for (const r of rows) if (!top.includes(r.term)) expect(r.weight).toBeLessThanOrEqual(lightestTop + 1e-9);

    const topics = await db.query<PairTopicRow>(pairTopics({ edition: HUNAN, genericVerbs: verbs, a, b, theme: null }));
    expect(new Set(topics.filter((r) => r.track_no === a).flatMap((r) => r.terms))).toEqual(new Set(direct));
    expect(new Set(topics.filter((r) => r.track_no === b).flatMap((r) => r.terms))).toEqual(new Set(direct));
    expect(topics[0].track_no).toBe(a);
  });

  it('the titles-only edition gives empty pairs where nothing is shared', async () => {
    const rows = await db.query<OverlapCell>(overlapMatrix({ ...F, edition: '2025-fujian-xiamen', metric: 'jaccard' }));
    expect(rows).toHaveLength(9 * 8);
    for (const r of rows.filter((x) => x.shared_terms === 0)) {
      expect(await db.query(sharedTerms({ edition: '2025-fujian-xiamen', genericVerbs: 'removed', a: r.track_a, b: r.track_b, theme: null }))).toEqual([]);
    }
  });
});
