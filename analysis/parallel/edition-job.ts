/**
 * The per-edition part of the pipeline — segment, compute the edition's tables, encode
 * them — as one function, so it runs the same in-process and in a worker thread.
 */
import { TABLES } from '../contract.ts';
import type { Dictionaries, ParsedEdition } from '../model.ts';
import { createSegmenter } from '../segment/index.ts';
import { computeEditionTables, summarizeVocabulary, type EditionTableName, type VocabularySummary } from '../tables/index.ts';
import { encodeColumns, type EncodedBatch } from '../write/table-writer.ts';
import { termCountsOf, type TermCountColumns } from '../compare/terms.ts';

export interface EditionJobOptions {
  minPairCount: number;
}

export interface EditionResult {
  edition_id: string;
  tables: Record<EditionTableName, EncodedBatch>;
  vocabulary: VocabularySummary;
  /** Term counts (generic verbs removed) for the edition comparisons. */
  termCounts: TermCountColumns;
  /** Milliseconds spent per step, for the benchmark's breakdown. */
  timings: { segment: number; tables: number; encode: number };
}

export type EditionJob = (edition: ParsedEdition) => EditionResult;

export function createEditionJob(dict: Dictionaries, options: EditionJobOptions): EditionJob {
  const segmenter = createSegmenter(dict);
  return (edition) => {
    const t0 = performance.now();
    const segmented = edition.tracks.flatMap((track) =>
      track.topics.map((topic) => segmenter.segmentTopic(edition.meta.edition_id, track.track_no, topic))
    );
    const t1 = performance.now();
    const batches = computeEditionTables(edition, segmented, dict, options);
    const vocabulary = summarizeVocabulary(segmented);
    const termCounts = termCountsOf(segmented);
    const t2 = performance.now();
    const tables = Object.fromEntries(
      Object.entries(batches).map(([name, batch]) => [name, encodeColumns(TABLES[name as EditionTableName], batch)])
    ) as Record<EditionTableName, EncodedBatch>;
    const t3 = performance.now();
    return { edition_id: edition.meta.edition_id, tables, vocabulary, termCounts, timings: { segment: t1 - t0, tables: t2 - t1, encode: t3 - t2 } };
  };
}

/** Buffers an EditionResult owns, for a zero-copy postMessage. */
export function transferables(result: EditionResult): ArrayBuffer[] {
  return Object.values(result.tables).flatMap((batch) => [batch.arrow.buffer, batch.csv.buffer] as ArrayBuffer[]);
}
