/** Edge cases of the edition tables: empty tracks, a single track, inconsistent input. */
import { describe, expect, it } from 'vitest';
import { GENERIC_VERBS } from '../../../analysis/contract.ts';
import { computeEditionTables, editionRows } from '../../../analysis/tables/index.ts';
import { referenceCooccurrence } from './cooccurrence-reference.ts';
import { buildEdition, dictionaries, tok, verb } from './fixtures.ts';

describe('edge cases', () => {
  it('an empty track (only a generic verb) is a DP part and a track_overlap pair', () => {
    // tracks: 1 {甲 乙}, 2 {甲 乙}, 3 {推动*}. removed shares .5 .5 0 → 甲 (1,1,0) DP 0
    // kept shares .4 .4 .2 → 甲: ½(|.5−.4| + |.5−.4| + |0−.2|) = .2; DPnorm .2/(1 − .2) = .25
    const small = buildEdition('e', [
      { name: 'A', topics: [{ title: '甲乙', body: '', sentences: 1, tokens: [tok('title', 0, '甲'), tok('title', 0, '乙')] }] },
      { name: 'B', topics: [{ title: '甲乙', body: '', sentences: 1, tokens: [tok('title', 0, '甲'), tok('title', 0, '乙')] }] },
      { name: 'C', topics: [{ title: '推动', body: '', sentences: 1, tokens: [verb('title', 0, '推动')] }] }
    ]);
    const result = editionRows(computeEditionTables(small.edition, small.topics, dictionaries([]), { minPairCount: 1, variants: GENERIC_VERBS }));
    const removed = result.term_stats.find((r) => r.generic_verbs === 'removed' && r.term === '甲')!;
    expect(removed.dispersion_dp).toBeCloseTo(0, 10);
    expect(removed.dp_norm).toBeCloseTo(0, 10);
    const kept = result.term_stats.find((r) => r.generic_verbs === 'kept' && r.term === '甲')!;
    expect(kept.dispersion_dp).toBeCloseTo(0.2, 10);
    expect(kept.dp_norm).toBeCloseTo(0.25, 10);
    // removed 1–3: nothing shared
    expect(result.track_overlap.find((r) => r.generic_verbs === 'removed' && r.track_a === 1 && r.track_b === 3)).toMatchObject({
      shared_terms: 0,
      jaccard: 0,
      cosine: 0,
      top_shared: ''
    });
    // 1–2 share 甲 and 乙, both in 2 of 3 tracks: identical vectors → cosine 1, Jaccard 1
    const same = result.track_overlap.find((r) => r.generic_verbs === 'removed' && r.track_a === 1 && r.track_b === 2)!;
    expect(same.cosine).toBeCloseTo(1, 10);
    expect(same.jaccard).toBe(1);
    expect(result.editions[0].has_bodies).toBe(false);
  });

  it('a single-track edition: empty reference → G² 0 and Log Ratio 0; idf 0 → no pairs', () => {
    const single = buildEdition('s', [
      { name: 'A', topics: [{ title: '甲乙甲', body: '', sentences: 1, tokens: [tok('title', 0, '甲'), tok('title', 0, '乙'), tok('title', 0, '甲')] }] }
    ]);
    const result = editionRows(computeEditionTables(single.edition, single.topics, dictionaries([]), { minPairCount: 1, variants: GENERIC_VERBS }));
    for (const row of result.term_track) {
      expect(row.keyness_g2).toBe(0);
      expect(row.log_ratio).toBe(0);
    }
    expect(result.track_overlap).toEqual([]);
    // one topic: 甲-乙 a = N = 1 → NPMI 1; Jaccard 1; AS 1·1/(1·1) = 1
    expect(referenceCooccurrence(single.edition, single.topics, 1)).toMatchObject([{ term_a: '乙', term_b: '甲', topics: 1, sentences: 1, npmi: 1, jaccard: 1, association_strength: 1 }]);
  });

  it('rejects a segmented topic the parsed edition does not have', () => {
    const { edition, topics } = buildEdition('x', [{ name: 'A', topics: [{ title: '甲', body: '', sentences: 1, tokens: [tok('title', 0, '甲')] }] }]);
    const extra = { edition_id: 'x', track_no: 9, topic_no: 1, sentences: 1, tokens: [] };
    expect(() => editionRows(computeEditionTables(edition, [...topics, extra], dictionaries([]), { minPairCount: 2 }))).toThrow(/9:1/);
  });

  it('a topic without a segmented counterpart counts as a topic with no tokens', () => {
    // N = 2 topics, but only topic 1 was segmented: 甲-乙 a = 1, n = 1 and 1 → NPMI log2(1·2/1)/−log2(1/2) = 1
    const { edition, topics } = buildEdition('y', [
      {
        name: 'A',
        topics: [
          { title: '甲乙', body: '', sentences: 1, tokens: [tok('title', 0, '甲'), tok('title', 0, '乙')] },
          { title: '丙', body: '', sentences: 1, tokens: [] }
        ]
      }
    ]);
    const result = editionRows(computeEditionTables(edition, topics.slice(0, 1), dictionaries([]), { minPairCount: 1, variants: GENERIC_VERBS }));
    expect(result.editions[0]).toMatchObject({ topics: 2, sentences: 1, tokens: 2 });
    const pairs = referenceCooccurrence(edition, topics.slice(0, 1), 1);
    expect(pairs).toHaveLength(1);
    expect(pairs[0].association_strength).toBeCloseTo(2, 10); // 1·2/(1·1)
    expect(pairs[0].npmi).toBeCloseTo(1, 10);
  });
});
