/**
 * The per-edition part of the pipeline — segment, compute the edition's tables, encode
 * them — as one function, so it runs the same in-process and in a worker thread.
 */
import { TABLES } from '../contract.ts';
import type { Dictionaries, ParsedEdition } from '../model.ts';
import { createSegmenter } from '../segment/index.ts';
import { computeEditionTables, summarizeVocabulary, type EditionTableName, type VocabularySummary } from '../tables/index.ts';
import { encodeBatch, type EncodedBatch } from '../write/table-writer.ts';

export interface EditionJobOptions {
  minPairCount: number;
}

export interface EditionResult {
  edition_id: string;
  tables: Record<EditionTableName, EncodedBatch>;
  vocabulary: VocabularySummary;
}

export type EditionJob = (edition: ParsedEdition) => EditionResult;

export function createEditionJob(dict: Dictionaries, options: EditionJobOptions): EditionJob {
  const segmenter = createSegmenter(dict);
  return (edition) => {
    const segmented = edition.tracks.flatMap((track) =>
      track.topics.map((topic) => segmenter.segmentTopic(edition.meta.edition_id, track.track_no, topic))
    );
    const rows = computeEditionTables(edition, segmented, dict, options);
    const tables = Object.fromEntries(
      Object.entries(rows).map(([name, tableRows]) => [name, encodeBatch(TABLES[name as EditionTableName], tableRows)])
    ) as Record<EditionTableName, EncodedBatch>;
    return { edition_id: edition.meta.edition_id, tables, vocabulary: summarizeVocabulary(segmented) };
  };
}

/** Buffers an EditionResult owns, for a zero-copy postMessage. */
export function transferables(result: EditionResult): ArrayBuffer[] {
  return Object.values(result.tables).flatMap((batch) => [batch.arrow.buffer, batch.csv.buffer] as ArrayBuffer[]);
}
