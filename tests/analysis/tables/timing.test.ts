/**
 * Prints how long computeEditionTables takes on a Hunan-sized synthetic edition
 * (17 tracks, 122 topics, ~60 tokens per topic, Zipf vocabulary of 3,000 terms).
 * No timed assertion: machines differ; the figure is for the report and the benchmark budget.
 */
import { describe, expect, it } from 'vitest';
import { computeEditionTables } from '../../../analysis/tables/index.ts';
import { dictionaries } from './fixtures.ts';
import { syntheticEdition } from './synthetic.ts';

describe('timing', () => {
  it('prints computeEditionTables time for a Hunan-sized edition', () => {
    const { edition, topics, verbs } = syntheticEdition(2026);
    const dict = dictionaries([
      ['主题一', [...verbs].slice(0, 3)],
      ['主题二', topics[0].tokens.slice(0, 8).map((t) => t.term)]
    ]);
    for (const minPairCount of [1, 2]) {
      const options = { minPairCount };
      for (let i = 0; i < 5; i++) computeEditionTables(edition, topics, dict, options); // warm-up
      const times: number[] = [];
      let tables = computeEditionTables(edition, topics, dict, options);
      for (let i = 0; i < 30; i++) {
        const started = performance.now();
        tables = computeEditionTables(edition, topics, dict, options);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const sizes = Object.entries(tables)
        .map(([name, rows]) => `${name} ${rows.length}`)
        .join(', ');
      console.log(
        `computeEditionTables (122 topics, ${tables.editions[0].tokens} tokens, minPairCount ${minPairCount}): ` +
          `median ${times[15].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[29].toFixed(1)} ms\n  rows: ${sizes}`
      );
      expect(tables.topics).toHaveLength(122);
    }
  });
});
