/**
 * The per-edition part of the pipeline — segment, compute the edition's tables, encode
 * them — as one function, so it runs the same in-process and in a worker thread.
 */
import { TABLES } from '../contract.ts';
import type { Dictionaries, ParsedEdition } from '../model.ts';
import { createSegmenter } from '../segment/index.ts';
import { forEachEditionTable, STORED_EDITION_TABLES, summarizeVocabulary, type EditionTableName, type VocabularySummary } from '../tables/index.ts';
import { encodeColumns, type EncodedBatch } from '../write/table-writer.ts';
import { termCountsOf, type TermCountColumns } from '../compare/terms.ts';

export interface EditionJobOptions {
  minPairCount: number;
  /** LIMITS.cooccurrencePairs, or unbounded. */
  maxPairs?: number;
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

/**
 * Rows per batch of the two tables that grow with the text. The guides have a few thousand
 * (one batch, as before); a 20 MB guide has over a million, built and encoded in pieces.
 */
const CHUNK_ROWS = 100_000;

/** Arrow record batches and CSV lines both concatenate (into fresh buffers, which a worker transfers). */
function joinBatches(a: EncodedBatch, b: EncodedBatch): EncodedBatch {
  const join = (x: Uint8Array, y: Uint8Array) => {
    const out = new Uint8Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return { rows: a.rows + b.rows, arrow: join(a.arrow, b.arrow), csv: join(a.csv, b.csv) };
}

/** Receives each encoded table of an edition as soon as it exists (the in-process pool writes it at once). */
export type TableEmitter = (name: EditionTableName, batch: EncodedBatch, edition: string) => void;

/**
 * Runs one edition. With `emit`, each table is handed over as soon as it is encoded and
 * `tables` of the result stays empty: a large guide then never holds its tokens, every
 * table's columns and every table's encoded bytes at once (a 20 MB guide stays under 1 GB).
 */
export type EditionJob = (edition: ParsedEdition, emit?: TableEmitter) => EditionResult;

export function createEditionJob(dict: Dictionaries, options: EditionJobOptions): EditionJob {
  const segmenter = createSegmenter(dict);
  return (edition, emit) => {
    const t0 = performance.now();
    const segmented = edition.tracks.flatMap((track) =>
      track.topics.map((topic) => segmenter.segmentTopic(edition.meta.edition_id, track.track_no, topic))
    );
    const t1 = performance.now();
    const vocabulary = summarizeVocabulary(segmented);
    const tables = {} as Record<EditionTableName, EncodedBatch>;
    let encode = 0;
    forEachEditionTable(edition, segmented, dict, { ...options, chunkRows: CHUNK_ROWS, tables: STORED_EDITION_TABLES }, (name, batch) => {
      const started = performance.now();
      const encoded = encodeColumns(TABLES[name], batch);
      if (emit) emit(name, encoded, edition.meta.edition_id);
      else tables[name] = tables[name] ? joinBatches(tables[name], encoded) : encoded;
      encode += performance.now() - started;
    });
    const termCounts = termCountsOf(segmented);
    const t2 = performance.now();
    return { edition_id: edition.meta.edition_id, tables, vocabulary, termCounts, timings: { segment: t1 - t0, tables: t2 - t1 - encode, encode } };
  };
}

/** Buffers an EditionResult owns, for a zero-copy postMessage. */
export function transferables(result: EditionResult): ArrayBuffer[] {
  return Object.values(result.tables).flatMap((batch) => [batch.arrow.buffer, batch.csv.buffer] as ArrayBuffer[]);
}
