/** The co-occurrence bound counted without pairs (analysis/tables/pair-bound.ts) and its refusal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentedTopic } from '../../../analysis/model.ts';
import { AnalysisError } from '../../../analysis/messages.ts';
import { buildEditionIndex } from '../../../analysis/tables/counts.ts';
import { computeEditionTables } from '../../../analysis/tables/index.ts';
import { cooccurrenceJoinRows } from '../../../analysis/tables/pair-bound.ts';
import { buildEdition, dictionaries, tok } from './fixtures.ts';
import { buildRandomEdition, editionShape } from './random-edition.ts';

/** Σ C(d, 2) by brute force: every pair of distinct terms of every topic and every sentence. */
function bruteForce(topics: readonly SegmentedTopic[]): number {
  let rows = 0;
  const pairsIn = (terms: Set<string>) => [...terms].flatMap((a) => [...terms].filter((b) => a < b)).length;
  for (const topic of topics) {
    rows += pairsIn(new Set(topic.tokens.map((t) => t.term)));
    const sentences = new Map<number, Set<string>>();
    for (const t of topic.tokens) sentences.set(t.sentence_no, (sentences.get(t.sentence_no) ?? new Set()).add(t.term));
    for (const terms of sentences.values()) rows += pairsIn(terms);
  }
  return rows;
}

describe('cooccurrenceJoinRows', () => {
  it('counts the pairs of distinct terms within each topic and each sentence', () => {
    // Topic {甲 乙 丙}: 3 pairs; title sentence {甲 乙}: 1; body sentence 1 {丙 甲 (twice)}: 1; body sentence 2 {乙}: 0.
    const { edition, topics } = buildEdition('b', [
      {
        name: 'A',
        topics: [
          {
            title: '甲乙',
            body: '丙甲甲。乙',
            sentences: 3,
            tokens: [tok('title', 0, '甲'), tok('title', 0, '乙'), tok('body', 1, '丙'), tok('body', 1, '甲'), tok('body', 1, '甲'), tok('body', 2, '乙')]
          }
        ]
      }
    ]);
    expect(cooccurrenceJoinRows(buildEditionIndex(edition, topics))).toBe(5);
  });

  it('equals the brute-force count on random editions', () => {
    fc.assert(
      fc.property(editionShape, (shape) => {
        const { edition, segmented } = buildRandomEdition(shape);
        expect(cooccurrenceJoinRows(buildEditionIndex(edition, segmented))).toBe(bruteForce(segmented));
      })
    );
  });

  it('refuses an edition over maxPairs with a sentence naming the file and both counts', () => {
    const { edition, topics } = buildEdition('big', [
      { name: 'A', topics: [{ title: '甲乙丙', body: '', sentences: 1, tokens: [tok('title', 0, '甲'), tok('title', 0, '乙'), tok('title', 0, '丙')] }] }
    ]);
    // 3 pairs in the topic + 3 in its one sentence.
    expect(() => computeEditionTables(edition, topics, dictionaries([]), { minPairCount: 1, maxPairs: 6 })).not.toThrow();
    let error: unknown;
    try {
      computeEditionTables(edition, topics, dictionaries([]), { minPairCount: 1, maxPairs: 5 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnalysisError);
    const d = (error as AnalysisError).diagnostic;
    expect(d.code).toBe('cooccurrence-too-many');
    expect(d.file).toBe(edition.file);
    expect(d.message).toContain('6');
    expect(d.message).toContain('5');
  });
});
