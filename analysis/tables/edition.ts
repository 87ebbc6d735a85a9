/** All per-edition tables from one parsed and segmented edition. */
import { STORED_VARIANTS, TABLES, type GenericVerbs, type Rows } from '../contract.ts';
import type { Dictionaries, ParsedEdition, SegmentedTopic } from '../model.ts';
import { columnsFromRows, rowsFromColumns, type ColumnBatch } from '../write/columns.ts';
import { cooccurrenceChunks } from './cooccurrence.ts';
import { buildEditionIndex } from './counts.ts';
import { editionRow, termTopicChunks, topicRows, trackRows } from './descriptive.ts';
import { termStatsColumns, termTrackChunks } from './keyness.ts';
import { trackOverlapColumns } from './overlap.ts';
import { themeTrackRows } from './themes.ts';
import { formatCount } from '../limits.ts';
import { AnalysisError, diagnostic } from '../messages.ts';

export type EditionTableName =
  | 'editions'
  | 'tracks'
  | 'topics'
  | 'term_topic'
  | 'term_track'
  | 'term_stats'
  | 'cooccurrence'
  | 'track_overlap'
  | 'theme_track';

/** One edition's tables as column batches, each sorted by its contract key. `editions` holds one row. */
export type EditionTables = Record<EditionTableName, ColumnBatch>;

/** The same tables as row objects (for tests and small consumers). */
export type EditionRows = Pick<Rows, EditionTableName>;

export interface EditionTableOptions {
  /** Keep a co-occurring pair when it shares at least this many topics or sentences. */
  minPairCount: number;
  /** Generic-verb variants of term_track, term_stats and track_overlap; default STORED_VARIANTS. */
  variants?: readonly GenericVerbs[];
  /** Co-occurring pairs the edition may produce (LIMITS.cooccurrencePairs); more is an error naming the file. */
  maxPairs?: number;
  /**
   * forEachEditionTable only: term_topic, term_track and cooccurrence, the tables that grow
   * with the text, come in batches of about this many rows (default: one batch per table).
   */
  chunkRows?: number;
}

export function computeEditionTables(
  edition: ParsedEdition,
  topics: readonly SegmentedTopic[],
  dict: Pick<Dictionaries, 'themes'>,
  options: EditionTableOptions
): EditionTables {
  const tables = {} as EditionTables;
  forEachEditionTable(edition, topics, dict, options, (name, batch) => (tables[name] = batch));
  return tables;
}

/**
 * The same tables one at a time, each handed to `emit` as soon as it is computed (the two
 * large ones in several batches with `chunkRows`), so a caller can encode and write each
 * before the next is built: a large guide then never holds all its tables at once.
 */
export function forEachEditionTable(
  edition: ParsedEdition,
  topics: readonly SegmentedTopic[],
  dict: Pick<Dictionaries, 'themes'>,
  options: EditionTableOptions,
  emit: (name: EditionTableName, batch: ColumnBatch) => void
): void {
  const index = buildEditionIndex(edition, topics);
  const variants = options.variants ?? STORED_VARIANTS;
  emit('editions', columnsFromRows(TABLES.editions, [editionRow(edition, index)]));
  emit('tracks', columnsFromRows(TABLES.tracks, trackRows(index)));
  emit('topics', columnsFromRows(TABLES.topics, topicRows(index)));
  const chunkRows = options.chunkRows ?? Infinity;
  termTopicChunks(index, chunkRows, (batch) => emit('term_topic', batch));
  termTrackChunks(index, variants, chunkRows, (batch) => emit('term_track', batch));
  emit('term_stats', termStatsColumns(index, variants));
  const maxPairs = options.maxPairs ?? Infinity;
  const onTooMany = (): never => {
    const params = { edition: edition.meta.edition_id, limit: formatCount(maxPairs), min_pair: options.minPairCount };
    throw new AnalysisError(diagnostic('error', 'cooccurrence-too-many', edition.file, null, params));
  };
  cooccurrenceChunks(index, options.minPairCount, { maxPairs, onTooMany, chunkRows }, (batch) => emit('cooccurrence', batch));
  emit('track_overlap', trackOverlapColumns(index, variants));
  emit('theme_track', columnsFromRows(TABLES.theme_track, themeTrackRows(index, dict.themes)));
}

export function editionRows(tables: EditionTables): EditionRows {
  const rows = Object.fromEntries(
    Object.entries(tables).map(([name, batch]) => [name, rowsFromColumns(TABLES[name as EditionTableName], batch)])
  );
  return rows as EditionRows;
}
