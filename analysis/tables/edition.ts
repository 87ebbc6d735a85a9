/** All per-edition tables from one parsed and segmented edition. */
import { STORED_TABLE_NAMES, STORED_VARIANTS, TABLES, type GenericVerbs, type Rows } from '../contract.ts';
import type { Dictionaries, ParsedEdition, SegmentedTopic } from '../model.ts';
import { columnsFromRows, rowsFromColumns, type ColumnBatch } from '../write/columns.ts';
import { buildEditionIndex } from './counts.ts';
import { cooccurrenceJoinRows } from './pair-bound.ts';
import { editionRow, termTopicChunks, topicRows, trackRows } from './descriptive.ts';
import { termStatsColumns, termTrackChunks } from './keyness.ts';
import { trackOverlapColumns } from './overlap.ts';
import { themeTrackRows } from './themes.ts';
import { formatCount } from '../limits.ts';
import { AnalysisError, diagnostic } from '../messages.ts';

const EDITION_TABLE_NAMES = ['editions', 'tracks', 'topics', 'term_topic', 'term_track', 'term_stats', 'track_overlap', 'theme_track'] as const;
export type EditionTableName = (typeof EDITION_TABLE_NAMES)[number];

/**
 * The edition's tables the analysis writes. term_track and track_overlap are not written (the
 * dashboard derives them in SQL, src/lib/db/derive.ts); this module still computes them on
 * request, as the reference that derivation is tested against (tests/src/lib/db/derive.test.ts).
 */
export const STORED_EDITION_TABLES: readonly EditionTableName[] = EDITION_TABLE_NAMES.filter((name) => STORED_TABLE_NAMES.includes(name));

/** One edition's tables as column batches, each sorted by its contract key. `editions` holds one row. */
export type EditionTables = Record<EditionTableName, ColumnBatch>;

/** The same tables as row objects (for tests and small consumers). */
export type EditionRows = Pick<Rows, EditionTableName>;

export interface EditionTableOptions {
  /**
   * Kept for the cache key and the manifest: the dashboard keeps a co-occurring pair when it
   * shares at least this many topics or sentences (the pairs are derived there, not here).
   */
  minPairCount: number;
  /** Generic-verb variants of term_track, term_stats and track_overlap; default STORED_VARIANTS. */
  variants?: readonly GenericVerbs[];
  /**
   * Term pairs the dashboard's co-occurrence derivation may join for the edition
   * (LIMITS.cooccurrencePairs, counted by pair-bound.ts); more is an error naming the file.
   */
  maxPairs?: number;
  /**
   * forEachEditionTable only: term_topic and term_track, the tables that grow
   * with the text, come in batches of about this many rows (default: one batch per table).
   */
  chunkRows?: number;
  /** The tables to compute (default: all of them). */
  tables?: readonly EditionTableName[];
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
  const maxPairs = options.maxPairs ?? Infinity;
  // Checked first: an edition whose pairs the browser could not derive is refused before any table.
  if (maxPairs !== Infinity) {
    const joined = cooccurrenceJoinRows(index);
    if (joined > maxPairs) {
      const params = { edition: edition.meta.edition_id, limit: formatCount(maxPairs), count: formatCount(joined) };
      throw new AnalysisError(diagnostic('error', 'cooccurrence-too-many', edition.file, null, params));
    }
  }
  const variants = options.variants ?? STORED_VARIANTS;
  const wanted = new Set<EditionTableName>(options.tables ?? EDITION_TABLE_NAMES);
  const chunkRows = options.chunkRows ?? Infinity;
  if (wanted.has('editions')) emit('editions', columnsFromRows(TABLES.editions, [editionRow(edition, index)]));
  if (wanted.has('tracks')) emit('tracks', columnsFromRows(TABLES.tracks, trackRows(index)));
  if (wanted.has('topics')) emit('topics', columnsFromRows(TABLES.topics, topicRows(index)));
  if (wanted.has('term_topic')) termTopicChunks(index, chunkRows, (batch) => emit('term_topic', batch));
  if (wanted.has('term_track')) termTrackChunks(index, variants, chunkRows, (batch) => emit('term_track', batch));
  if (wanted.has('term_stats')) emit('term_stats', termStatsColumns(index, variants));
  if (wanted.has('track_overlap')) emit('track_overlap', trackOverlapColumns(index, variants));
  if (wanted.has('theme_track')) emit('theme_track', columnsFromRows(TABLES.theme_track, themeTrackRows(index, dict.themes)));
}

export function editionRows(tables: EditionTables): EditionRows {
  const rows = Object.fromEntries(
    Object.entries(tables).map(([name, batch]) => [name, rowsFromColumns(TABLES[name as EditionTableName], batch)])
  );
  return rows as EditionRows;
}
