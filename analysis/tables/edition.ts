/** All per-edition tables from one parsed and segmented edition. */
import type { Rows } from '../contract.ts';
import type { Dictionaries, ParsedEdition, SegmentedTopic } from '../model.ts';
import { cooccurrenceRows } from './cooccurrence.ts';
import { buildEditionIndex } from './counts.ts';
import { editionRow, termTopicRows, topicRows, trackRows } from './descriptive.ts';
import { termStatsRows, termTrackRows } from './keyness.ts';
import { trackOverlapRows } from './overlap.ts';
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

/** Rows of one edition, each table sorted by its contract key. `editions` holds one row. */
export type EditionTables = Pick<Rows, EditionTableName>;

export interface EditionTableOptions {
  /** Keep a co-occurring pair when it shares at least this many topics or sentences. */
  minPairCount: number;
}

export function computeEditionTables(
  edition: ParsedEdition,
  topics: readonly SegmentedTopic[],
  dict: Pick<Dictionaries, 'themes'>,
  options: EditionTableOptions
): EditionTables {
  const index = buildEditionIndex(edition, topics);
  return {
    editions: [editionRow(edition, index)],
    tracks: trackRows(index),
    topics: topicRows(index),
    term_topic: termTopicRows(index),
    term_track: termTrackRows(index),
    term_stats: termStatsRows(index),
    cooccurrence: cooccurrenceRows(index, options.minPairCount),
    track_overlap: trackOverlapRows(index),
    theme_track: themeTrackRows(index, dict.themes)
  };
}
