/**
 * What a comparison reads: the same shapes whether they come from the analysis stage's
 * parsed editions or from the dashboard's DuckDB tables (topics, term_topic, terms).
 */

/** 'full' when both editions have bodies; 'titles' when either is titles-only. */
export type Basis = 'full' | 'titles';

export interface CompareTrack {
  track_no: number;
  track_name: string;
}

export interface CompareTopic {
  track_no: number;
  topic_no: number;
  title: string;
  body: string;
}

/** A term's tokens in an edition: over titles and bodies, and in titles alone. */
export interface TermCount {
  term: string;
  count: number;
  title_count: number;
}

export interface CompareEdition {
  edition_id: string;
  /** Tracks in guide order. */
  tracks: readonly CompareTrack[];
  /** Topics in guide order (track, then topic). */
  topics: readonly CompareTopic[];
  /** Counted terms (generic verbs removed unless the caller keeps them), any order. */
  terms: readonly TermCount[];
}

/** An edition has bodies when at least one topic has a paragraph (the editions table's has_bodies). */
export function hasBodies(edition: Pick<CompareEdition, 'topics'>): boolean {
  return edition.topics.some((t) => t.body.trim() !== '');
}

export function basisOf(a: Pick<CompareEdition, 'topics'>, b: Pick<CompareEdition, 'topics'>): Basis {
  return hasBodies(a) && hasBodies(b) ? 'full' : 'titles';
}
