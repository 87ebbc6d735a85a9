/** All per-edition tables from one parsed and segmented edition. */
import { STORED_VARIANTS, TABLES, type GenericVerbs, type Rows } from '../contract.ts';
import type { Dictionaries, ParsedEdition, SegmentedTopic } from '../model.ts';
import { columnsFromRows, rowsFromColumns, type ColumnBatch } from '../write/columns.ts';
import { cooccurrenceColumns } from './cooccurrence.ts';
import { buildEditionIndex } from './counts.ts';
import { editionRow, termTopicColumns, topicRows, trackRows } from './descriptive.ts';
import { termStatsColumns, termTrackColumns } from './keyness.ts';
import { trackOverlapColumns } from './overlap.ts';
import { themeTrackRows } from './themes.ts';

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
}

export function computeEditionTables(
  edition: ParsedEdition,
  topics: readonly SegmentedTopic[],
  dict: Pick<Dictionaries, 'themes'>,
  options: EditionTableOptions
): EditionTables {
  const index = buildEditionIndex(edition, topics);
  const variants = options.variants ?? STORED_VARIANTS;
  return {
    editions: columnsFromRows(TABLES.editions, [editionRow(edition, index)]),
    tracks: columnsFromRows(TABLES.tracks, trackRows(index)),
    topics: columnsFromRows(TABLES.topics, topicRows(index)),
    term_topic: termTopicColumns(index),
    term_track: termTrackColumns(index, variants),
    term_stats: termStatsColumns(index, variants),
    cooccurrence: cooccurrenceColumns(index, options.minPairCount),
    track_overlap: trackOverlapColumns(index, variants),
    theme_track: columnsFromRows(TABLES.theme_track, themeTrackRows(index, dict.themes))
  };
}

export function editionRows(tables: EditionTables): EditionRows {
  const rows = Object.fromEntries(
    Object.entries(tables).map(([name, batch]) => [name, rowsFromColumns(TABLES[name as EditionTableName], batch)])
  );
  return rows as EditionRows;
}
