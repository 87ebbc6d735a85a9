/**
 * A corpus small enough to count by hand. Every expected number below is derived in the
 * comments from /work/shared/reference/statistics.md, not read off the code.
 *
 * Track 1 (A)
 *   1.1 title 数据模型            body 推动数据平台。模型与数据。   (3 sentences: title, 2 in body)
 *       tokens  s0: 数据 模型      s1: 推动* 数据 平台   s2: 模型 数据
 *   1.2 title 农业                body 数据赋能农业。等等。          (3 sentences; the last has no term)
 *       tokens  s0: 农业           s1: 数据 农业
 * Track 2 (B)
 *   2.1 title 平台安全            body 推动安全数据。               (2 sentences)
 *       tokens  s0: 平台 安全      s1: 推动* 安全 数据
 * Track 3 (C)
 *   3.1 title 安全模型            body 安全大模型平台。             (2 sentences; 大模型 → 模型)
 *       tokens  s0: 安全 模型      s1: 安全 模型 平台
 * (* generic policy verb)
 *
 * Tokens kept / removed: track 1 = 10 / 9, track 2 = 5 / 4, track 3 = 5 / 5; edition 20 / 18.
 * Counts (kept): 数据 4+1+0 = 5, 模型 2+0+2 = 4, 推动 1+1+0 = 2, 平台 1+1+1 = 3, 农业 2, 安全 0+2+2 = 4.
 * Code-point order: 农业 (519C) < 安全 (5B89) < 平台 (5E73) < 推动 (63A8) < 数据 (6570) < 模型 (6A21).
 */
import { describe, expect, it } from 'vitest';
import { GENERIC_VERBS } from '../../../analysis/contract.ts';
import { computeEditionTables, editionRows, type EditionRows } from '../../../analysis/tables/index.ts';
import { referenceCooccurrence } from './cooccurrence-reference.ts';
import { buildEdition, dictionaries, tok, verb } from './fixtures.ts';

const { edition, topics } = buildEdition('2026-test', [
  {
    name: 'A',
    topics: [
      {
        title: '数据模型',
        body: '推动数据平台。模型与数据。',
        sentences: 3,
        tokens: [
          tok('title', 0, '数据'),
          tok('title', 0, '模型'),
          verb('body', 1, '推动'),
          tok('body', 1, '数据'),
          tok('body', 1, '平台'),
          tok('body', 2, '模型'),
          tok('body', 2, '数据')
        ]
      },
      {
        title: '农业',
        body: '数据赋能农业。等等。',
        sentences: 3,
        tokens: [tok('title', 0, '农业'), tok('body', 1, '数据'), tok('body', 1, '农业')]
      }
    ]
  },
  {
    name: 'B',
    topics: [
      {
        title: '平台安全',
        body: '推动安全数据。',
        sentences: 2,
        tokens: [
          tok('title', 0, '平台'),
          tok('title', 0, '安全'),
          verb('body', 1, '推动'),
          tok('body', 1, '安全'),
          tok('body', 1, '数据')
        ]
      }
    ]
  },
  {
    name: 'C',
    topics: [
      {
        title: '安全模型',
        body: '安全大模型平台。',
        sentences: 2,
        tokens: [
          tok('title', 0, '安全'),
          tok('title', 0, '模型'),
          tok('body', 1, '安全'),
          tok('body', 1, '大模型', '模型'),
          tok('body', 1, '平台')
        ]
      }
    ]
  }
]);

const dict = dictionaries([
  ['数字底座', ['数据', '平台', '数据']],
  ['AI', ['模型']],
  ['政策', ['推动']],
  ['未出现', ['区块链']]
]);

const tables: EditionRows = editionRows(computeEditionTables(edition, topics, dict, { minPairCount: 2, variants: GENERIC_VERBS }));
const L = Math.log(1.5); // idf of a term in 2 of 3 tracks: ln(3/2)
const LN3 = Math.log(3); // idf of a term in 1 of 3 tracks

describe('editions, tracks and topics rows', () => {
  it('editions row', () => {
    // sentences 3 + 3 + 2 + 2 = 10; tokens without verbs 18
    // chars: 4+13 (1.1) + 2+10 (1.2) + 4+7 (2.1) + 4+8 (3.1) = 17 + 12 + 11 + 12 = 52
    expect(tables.editions).toEqual([
      {
        edition_id: '2026-test',
        year: 2026,
        region: '测试',
        title: '测试指南',
        source: 'hand-built',
        notes: '',
        file: '2026-test.txt',
        encoding: 'utf-8',
        tracks: 3,
        topics: 4,
        sentences: 10,
        tokens: 18,
        chars: 52,
        has_bodies: true
      }
    ]);
  });

  it('tracks rows count tokens with and without generic verbs', () => {
    expect(tables.tracks.map((t) => [t.track_no, t.track_name, t.topics, t.tokens, t.tokens_with_verbs])).toEqual([
      [1, 'A', 2, 9, 10],
      [2, 'B', 1, 4, 5],
      [3, 'C', 1, 5, 5]
    ]);
  });

  it('topics rows', () => {
    expect(tables.topics.map((t) => [t.track_no, t.topic_no, t.track_name, t.title, t.chars])).toEqual([
      [1, 1, 'A', '数据模型', 17],
      [1, 2, 'A', '农业', 12],
      [2, 1, 'B', '平台安全', 11],
      [3, 1, 'C', '安全模型', 12]
    ]);
  });
});

describe('term_topic', () => {
  it('counts every token (generic verbs too) with spans in order', () => {
    // 1.1 body 推动数据平台。模型与数据。: 推动 0:2, 数据 2:2 and 10:2, 平台 4:2, 模型 7:2
    // 3.1 body 安全大模型平台。: 大模型 (→ 模型) 2:3 — the span keeps the surface length
    const rows = tables.term_topic.map((r) => [r.track_no, r.topic_no, r.term, r.count, r.title_spans, r.body_spans]);
    expect(rows).toEqual([
      [1, 1, '平台', 1, '', '4:2'],
      [1, 1, '推动', 1, '', '0:2'],
      [1, 1, '数据', 3, '0:2', '2:2 10:2'],
      [1, 1, '模型', 2, '2:2', '7:2'],
      [1, 2, '农业', 2, '0:2', '4:2'],
      [1, 2, '数据', 1, '', '0:2'],
      [2, 1, '安全', 2, '2:2', '2:2'],
      [2, 1, '平台', 1, '0:2', ''],
      [2, 1, '推动', 1, '', '0:2'],
      [2, 1, '数据', 1, '', '4:2'],
      [3, 1, '安全', 2, '0:2', '0:2'],
      [3, 1, '平台', 1, '', '5:2'],
      [3, 1, '模型', 2, '2:2', '2:3']
    ]);
  });
});

const termTrack = (variant: string, track: number, term: string) =>
  tables.term_track.find((r) => r.generic_verbs === variant && r.track_no === track && r.term === term);

describe('term_track', () => {
  it('keyness of track 1 (removed: c = 9, d = 18 − 9 = 9)', () => {
    // 数据 a=4 b=1: E₁ = 9·5/18 = 2.5, E₂ = 2.5; G² = 2(4 ln(4/2.5) + 1 ln(1/2.5)) = 2(4 ln1.6 + ln0.4) ≈ 1.9274
    // Log Ratio = log2((4/9)/(1/9)) = 2; per10k = 4/9 · 10,000
    const data = termTrack('removed', 1, '数据')!;
    expect(data.count).toBe(4);
    expect(data.topics).toBe(2);
    expect(data.per10k).toBeCloseTo((4 / 9) * 10000, 8);
    expect(data.keyness_g2).toBeCloseTo(2 * (4 * Math.log(1.6) + Math.log(0.4)), 10);
    expect(data.log_ratio).toBeCloseTo(2, 10);
    // 模型 a=2 b=2, c = d: equal rates → 0, 0
    expect(termTrack('removed', 1, '模型')).toMatchObject({ count: 2, topics: 1, keyness_g2: 0, log_ratio: 0 });
    // 农业 a=2 b=0: E₁ = 9·2/18 = 1; G² = 2(2 ln 2) = 4 ln2; Log Ratio = log2((2/9)/(0.5/9)) = 2
    const farming = termTrack('removed', 1, '农业')!;
    expect(farming.keyness_g2).toBeCloseTo(4 * Math.log(2), 10);
    expect(farming.log_ratio).toBeCloseTo(2, 10);
    // 平台 a=1 b=2: E₁ = E₂ = 9·3/18 = 1.5; G² = 2(ln(1/1.5) + 2 ln(2/1.5)) ≈ 0.3398, 1/9 < 2/9 → negative
    // Log Ratio = log2((1/9)/(2/9)) = −1
    const platform = termTrack('removed', 1, '平台')!;
    expect(platform.keyness_g2).toBeCloseTo(-2 * (Math.log(1 / 1.5) + 2 * Math.log(2 / 1.5)), 10);
    expect(platform.log_ratio).toBeCloseTo(-1, 10);
  });

  it('generic verbs change the denominators: 安全 in track 2', () => {
    // removed: a=2 b=2 c=4 d=14: E₁ = 4·4/18 = 8/9, E₂ = 14·4/18 = 28/9
    //   G² = 2(2 ln(2/(8/9)) + 2 ln(2/(28/9))) = 4 ln(9/4 · 9/14) = 4 ln(81/56) ≈ 1.4764
    //   Log Ratio = log2((2/4)/(2/14)) = log2 3.5; per10k = 2/4 · 10,000 = 5000
    const removed = termTrack('removed', 2, '安全')!;
    expect(removed.keyness_g2).toBeCloseTo(4 * Math.log(81 / 56), 10);
    expect(removed.log_ratio).toBeCloseTo(Math.log2(3.5), 10);
    expect(removed.per10k).toBeCloseTo(5000, 8);
    // kept: a=2 b=2 c=5 d=15: E₁ = 5·4/20 = 1, E₂ = 3; G² = 2(2 ln2 + 2 ln(2/3)) = 4 ln(4/3) ≈ 1.1507
    //   Log Ratio = log2((2/5)/(2/15)) = log2 3; per10k = 2/5 · 10,000 = 4000
    const kept = termTrack('kept', 2, '安全')!;
    expect(kept.keyness_g2).toBeCloseTo(4 * Math.log(4 / 3), 10);
    expect(kept.log_ratio).toBeCloseTo(Math.log2(3), 10);
    expect(kept.per10k).toBeCloseTo(4000, 8);
  });

  it('writes only the stored variant by default: the dashboard derives kept', () => {
    const stored = editionRows(computeEditionTables(edition, topics, dict, { minPairCount: 2 }));
    for (const name of ['term_track', 'term_stats', 'track_overlap'] as const) {
      expect(stored[name].length).toBeGreaterThan(0);
      expect(stored[name]).toEqual(tables[name].filter((r) => r.generic_verbs === 'removed'));
    }
  });

  it('lists generic verbs only in the kept variant', () => {
    expect(termTrack('removed', 1, '推动')).toBeUndefined();
    // kept track 1: a=1 b=1 c=10 d=10 → equal rates
    expect(termTrack('kept', 1, '推动')).toMatchObject({ count: 1, topics: 1, keyness_g2: 0, log_ratio: 0 });
    // 4 terms in track 1, 3 in track 2, 3 in track 3 (removed); + 推动 in tracks 1 and 2 (kept)
    expect(tables.term_track.filter((r) => r.generic_verbs === 'removed')).toHaveLength(10);
    expect(tables.term_track.filter((r) => r.generic_verbs === 'kept')).toHaveLength(12);
  });
});

const termStats = (variant: string, term: string) =>
  tables.term_stats.find((r) => r.generic_verbs === variant && r.term === term);

describe('term_stats', () => {
  it('DP over all tracks with removed-variant shares s = 9/18, 4/18, 5/18', () => {
    // 数据 v = 4, 1, 0 of 5: ½(|4/5 − 1/2| + |1/5 − 2/9| + |0 − 5/18|) = ½(27/90 + 2/90 + 25/90) = ½ · 54/90 = 0.3
    // DPnorm = 0.3 / (1 − 4/18) = 0.3 / (7/9) = 2.7/7
    const data = termStats('removed', '数据')!;
    expect(data).toMatchObject({ count: 5, topics: 3, tracks: 2 });
    expect(data.per10k).toBeCloseTo((5 / 18) * 10000, 8);
    expect(data.dispersion_dp).toBeCloseTo(0.3, 10);
    expect(data.dp_norm).toBeCloseTo(2.7 / 7, 10);
    // 平台 v = 1, 1, 1 of 3: ½(|1/3 − 1/2| + |1/3 − 2/9| + |1/3 − 5/18|) = ½(3/18 + 2/18 + 1/18) = 1/6
    // DPnorm = (1/6) / (7/9) = 3/14
    const platform = termStats('removed', '平台')!;
    expect(platform).toMatchObject({ count: 3, topics: 3, tracks: 3 });
    expect(platform.dispersion_dp).toBeCloseTo(1 / 6, 10);
    expect(platform.dp_norm).toBeCloseTo(3 / 14, 10);
  });

  it('kept variant: shares 10/20, 5/20, 5/20 and the verb has a row', () => {
    // 数据: ½(|.8 − .5| + |.2 − .25| + |0 − .25|) = ½ · .6 = .3; DPnorm = .3 / .75 = .4
    const data = termStats('kept', '数据')!;
    expect(data.dispersion_dp).toBeCloseTo(0.3, 10);
    expect(data.dp_norm).toBeCloseTo(0.4, 10);
    expect(data.per10k).toBeCloseTo((5 / 20) * 10000, 8);
    // 推动 v = 1, 1, 0: ½(0 + .25 + .25) = .25; DPnorm = .25 / .75 = 1/3
    const verbRow = termStats('kept', '推动')!;
    expect(verbRow).toMatchObject({ count: 2, topics: 2, tracks: 2 });
    expect(verbRow.dispersion_dp).toBeCloseTo(0.25, 10);
    expect(verbRow.dp_norm).toBeCloseTo(1 / 3, 10);
    expect(termStats('removed', '推动')).toBeUndefined();
  });
});

describe('cooccurrence (the reference the dashboard’s derivation is tested against)', () => {
  const pairs = referenceCooccurrence(edition, topics, 2);
  // Topic sets (N = 4): 1.1 {数据 模型 推动 平台}, 1.2 {农业 数据}, 2.1 {平台 安全 推动 数据}, 3.1 {安全 模型 平台}
  //   n: 数据 3, 模型 2, 推动 2, 平台 3, 农业 1, 安全 2
  // Sentences (N = 10): 1.1.0 {数据 模型} 1.1.1 {推动 数据 平台} 1.1.2 {模型 数据} 1.2.0 {农业} 1.2.1 {数据 农业}
  //   2.1.0 {平台 安全} 2.1.1 {推动 安全 数据} 3.1.0 {安全 模型} 3.1.1 {安全 模型 平台}
  //   n: 数据 5, 模型 4, 推动 2, 平台 3, 农业 2, 安全 4
  // Pairs (topics, sentences): 数据-模型 (1,2) 数据-推动 (2,2) 数据-平台 (2,1) 数据-农业 (1,1) 数据-安全 (1,1)
  //   模型-推动 (1,0) 模型-平台 (2,1) 模型-安全 (1,2) 推动-平台 (2,1) 推动-安全 (1,1) 平台-安全 (2,2)
  it('keeps pairs with ≥ 2 topics or ≥ 2 sentences, in code-point order', () => {
    expect(pairs.map((r) => [r.term_a, r.term_b, r.topics, r.sentences])).toEqual([
      ['安全', '平台', 2, 2],
      ['安全', '模型', 1, 2],
      ['平台', '推动', 2, 1],
      ['平台', '数据', 2, 1],
      ['平台', '模型', 2, 1],
      ['推动', '数据', 2, 2],
      ['数据', '模型', 1, 2]
    ]);
  });

  it('topic and sentence measures', () => {
    const pair = (a: string, b: string) => pairs.find((r) => r.term_a === a && r.term_b === b)!;
    // 安全-平台: a=2, n=2 and 3, N=4: Jaccard 2/(2+3−2) = 2/3; AS 2·4/(2·3) = 4/3; NPMI log2(4/3)/−log2(2/4) = log2(4/3)
    // sentences a=2, n=4 and 3, N=10: Jaccard 2/5; AS 2·10/12 = 5/3; NPMI log2(5/3)/−log2(2/10)
    const security = pair('安全', '平台');
    expect(security.jaccard).toBeCloseTo(2 / 3, 10);
    expect(security.association_strength).toBeCloseTo(4 / 3, 10);
    expect(security.npmi).toBeCloseTo(Math.log2(4 / 3), 10);
    expect(security.sentence_jaccard).toBeCloseTo(2 / 5, 10);
    expect(security.sentence_association_strength).toBeCloseTo(5 / 3, 10);
    expect(security.sentence_npmi).toBeCloseTo(Math.log2(5 / 3) / -Math.log2(0.2), 10);
    // 数据-模型: a=1, n=3 and 2: Jaccard 1/4; AS 4/6; NPMI log2(2/3)/−log2(1/4) = log2(2/3)/2
    // sentences a=2, n=5 and 4: Jaccard 2/7; AS 2·10/20 = 1 (independent); NPMI log2 1 / … = 0
    const model = pair('数据', '模型');
    expect(model.jaccard).toBeCloseTo(1 / 4, 10);
    expect(model.association_strength).toBeCloseTo(2 / 3, 10);
    expect(model.npmi).toBeCloseTo(Math.log2(2 / 3) / 2, 10);
    expect(model.sentence_jaccard).toBeCloseTo(2 / 7, 10);
    expect(model.sentence_association_strength).toBeCloseTo(1, 10);
    expect(model.sentence_npmi).toBeCloseTo(0, 10);
    // 推动-数据: sentences a=2, n=2 and 5: AS 20/10 = 2; NPMI log2 2 / −log2 0.2
    const verbPair = pair('推动', '数据');
    expect(verbPair.sentence_association_strength).toBeCloseTo(2, 10);
    expect(verbPair.sentence_npmi).toBeCloseTo(1 / -Math.log2(0.2), 10);
  });

  it('minPairCount 1 keeps all 11 pairs; a pair sharing no sentence has null sentence figures', () => {
    const all = referenceCooccurrence(edition, topics, 1);
    expect(all).toHaveLength(11);
    // 推动-模型: 1 topic (1.1) but no sentence: Jaccard 1/(2+2−1) = 1/3, AS 1·4/(2·2) = 1, NPMI 0
    const row = all.find((r) => r.term_a === '推动' && r.term_b === '模型')!;
    expect(row).toMatchObject({ topics: 1, sentences: 0, sentence_jaccard: null, sentence_association_strength: null, sentence_npmi: null });
    expect(row.jaccard).toBeCloseTo(1 / 3, 10);
    expect(row.association_strength).toBeCloseTo(1, 10);
    expect(row.npmi).toBeCloseTo(0, 10);
    // a higher minimum keeps nothing here (no pair reaches 3)
    expect(referenceCooccurrence(edition, topics, 3)).toEqual([]);
  });
});

describe('track_overlap', () => {
  // removed: track 1 tf {数据 4, 模型 2, 平台 1, 农业 2}, track 2 {平台 1, 安全 2, 数据 1}, track 3 {安全 2, 模型 2, 平台 1}
  //   df: 数据 2, 模型 2, 平台 3, 农业 1, 安全 2 → idf L = ln(3/2) for 数据 模型 安全, 0 for 平台, ln3 for 农业
  //   |v1|² = (4L)² + (2L)² + (2 ln3)² = 20L² + 4 ln²3; |v2|² = L² + (2L)² = 5L²; |v3|² = (2L)² + (2L)² = 8L²
  const overlap = (variant: string, a: number, b: number) =>
    tables.track_overlap.find((r) => r.generic_verbs === variant && r.track_a === a && r.track_b === b)!;

  it('lists every pair in key order', () => {
    expect(tables.track_overlap.map((r) => [r.generic_verbs, r.track_a, r.track_b])).toEqual([
      ['kept', 1, 2],
      ['kept', 1, 3],
      ['kept', 2, 3],
      ['removed', 1, 2],
      ['removed', 1, 3],
      ['removed', 2, 3]
    ]);
  });

  it('removed variant', () => {
    // 1–2: shared {数据, 平台}; Jaccard 2/(4+3−2) = 0.4; dot = 4L·L = 4L²; cos = 4L / (√5 · √(20L² + 4 ln²3))
    //      top: 数据 min(4,1)·L = L, 平台 1·0 = 0
    const r12 = overlap('removed', 1, 2);
    expect(r12.shared_terms).toBe(2);
    expect(r12.jaccard).toBeCloseTo(0.4, 10);
    expect(r12.cosine).toBeCloseTo((4 * L) / (Math.sqrt(5) * Math.sqrt(20 * L * L + 4 * LN3 * LN3)), 10);
    expect(r12.top_shared).toBe('数据、平台');
    // 1–3: shared {模型, 平台}; dot = 2L·2L; cos = 4L / (√8 · √(20L² + 4 ln²3)); top 模型 (2L), 平台 (0)
    const r13 = overlap('removed', 1, 3);
    expect(r13.cosine).toBeCloseTo((4 * L) / (Math.sqrt(8) * Math.sqrt(20 * L * L + 4 * LN3 * LN3)), 10);
    expect(r13.top_shared).toBe('模型、平台');
    // 2–3: shared {安全, 平台}; Jaccard 2/(3+3−2) = 0.5; cos = 4L² / (√5 L · √8 L) = 4/√40
    const r23 = overlap('removed', 2, 3);
    expect(r23.jaccard).toBeCloseTo(0.5, 10);
    expect(r23.cosine).toBeCloseTo(4 / Math.sqrt(40), 10);
    expect(r23.top_shared).toBe('安全、平台');
  });

  it('kept variant: the verb joins the sets and ties break by term', () => {
    // 推动 in tracks 1 and 2 → idf L. 1–2 shared {数据, 平台, 推动}; Jaccard 3/(5+4−3) = 0.5
    // top: 数据 min(4,1)·L = L and 推动 min(1,1)·L = L tie → 推动 (63A8) before 数据 (6570); 平台 0 last
    // |v1|² = 20L² + L² + 4 ln²3, |v2|² = 6L², dot = 4L² + L² = 5L² → cos = 5L / (√6 · √(21L² + 4 ln²3))
    const r12 = overlap('kept', 1, 2);
    expect(r12.shared_terms).toBe(3);
    expect(r12.jaccard).toBeCloseTo(0.5, 10);
    expect(r12.top_shared).toBe('推动、数据、平台');
    expect(r12.cosine).toBeCloseTo((5 * L) / (Math.sqrt(6) * Math.sqrt(21 * L * L + 4 * LN3 * LN3)), 10);
  });
});

describe('theme_track', () => {
  it('counts member tokens and topics per track, generic verbs included', () => {
    // AI {模型}: track 1 2 tokens in 1.1; track 3 2 tokens in 3.1
    // 政策 {推动}: tracks 1 and 2, 1 token each
    // 数字底座 {数据, 平台} (数据 listed twice counts once): track 1 4+1 = 5 in 1.1 and 1.2; track 2 1+1 = 2; track 3 0+1 = 1
    // 未出现: no occurrence, no rows. Order: AI < 政策 (653F) < 数字底座 (6570)
    expect(tables.theme_track.map((r) => [r.theme, r.track_no, r.count, r.topics])).toEqual([
      ['AI', 1, 2, 1],
      ['AI', 3, 2, 1],
      ['政策', 1, 1, 1],
      ['政策', 2, 1, 1],
      ['数字底座', 1, 5, 2],
      ['数字底座', 2, 2, 1],
      ['数字底座', 3, 1, 1]
    ]);
  });
});
