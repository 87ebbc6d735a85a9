/** Queries behind 总览 (overview). Row types are what the connector returns for each. */
import type { GenericVerbs } from '../../../analysis/contract.ts';
import { empty, pick, sql, toQuery, type Query } from './builder.ts';
import { genericVerbClause, themeClause, tracksClause, TRACK_TOKENS, type FilterParams } from './filters.ts';
import { vocabularyClause, type TermRanking, type Vocabulary } from './vocabulary.ts';

export interface EditionSummaryRow {
  edition_id: string;
  year: number;
  region: string;
  title: string;
  tracks: number;
  topics: number;
  sentences: number;
  chars: number;
  has_bodies: boolean;
  /** Counted tokens under the generic-verb setting. */
  tokens: number;
  /** Distinct terms under the generic-verb setting. */
  terms: number;
}

export function editionSummary(p: { edition: string; genericVerbs: GenericVerbs }): Query {
  return toQuery(sql`
    SELECT e.edition_id, e.year, e.region, e.title, e.tracks, e.topics, e.sentences, e.chars, e.has_bodies,
      (SELECT SUM(${pick(TRACK_TOKENS, p.genericVerbs)})::INTEGER FROM tracks WHERE edition_id = e.edition_id) AS tokens,
      (SELECT COUNT(*)::INTEGER FROM term_stats s
        WHERE s.edition_id = e.edition_id AND s.generic_verbs = ${p.genericVerbs}
        ${genericVerbClause(sql`s.term`, p.genericVerbs)}) AS terms
    FROM editions e
    WHERE e.edition_id = ${p.edition}`);
}

/** Metrics a user may rank top terms by; keys travel in the URL, values are SQL. */
export const TOP_TERM_METRICS = { count: 'count', per10k: 'per10k', topics: 'topics', tracks: 'tracks', tfidf: 'tfidf' } as const;
export type TopTermMetric = keyof typeof TOP_TERM_METRICS;

export interface TopTermRow {
  term: string;
  /** Tokens over the chosen tracks (or the one track in focus). */
  count: number;
  /** Topics containing the term, over the same tracks. */
  topics: number;
  /** Of those tracks, how many contain the term. */
  tracks: number;
  /** count / tokens of the same tracks × 10,000. */
  per10k: number;
  /** count · ln(T / df), T and df over the chosen tracks (queries/vocabulary.ts). */
  tfidf: number;
}

export interface TopTermParams extends FilterParams {
  limit: number;
  metric?: TopTermMetric;
  /** 'tfidf' ranks by distinctiveness, overriding `metric`. */
  rank?: TermRanking;
  vocab?: Vocabulary;
  /** One track of the chosen ones to count in (the cloud of one track); idf stays over the chosen tracks. */
  focus?: number | null;
}

/**
 * The top terms of an edition over the chosen tracks, or of one of them (`focus`; a
 * track outside the filter gives no rows). Summed from term_track so a subset of tracks
 * and all tracks go through the same arithmetic.
 */
export function topTerms(p: TopTermParams): Query {
  const focus = p.focus ?? null;
  const inFocus = focus === null ? empty : sql`AND track_no = ${focus}`;
  return toQuery(sql`
    WITH chosen AS (
      SELECT track_no, ${pick(TRACK_TOKENS, p.genericVerbs)} AS tokens
      FROM tracks WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    cells AS (
      SELECT tt.term, tt.track_no, tt.count, tt.topics
      FROM term_track tt JOIN chosen c ON c.track_no = tt.track_no
      WHERE tt.edition_id = ${p.edition} AND tt.generic_verbs = ${p.genericVerbs} AND tt.count > 0
        ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
        ${themeClause(sql`tt.term`, p.theme)}
        ${vocabularyClause(sql`tt.term`, p.vocab)}
    ),
    df AS (SELECT term, COUNT(*)::DOUBLE AS df FROM cells GROUP BY term),
    scoped AS (
      SELECT term, SUM(count)::INTEGER AS count, SUM(topics)::INTEGER AS topics, COUNT(*)::INTEGER AS tracks
      FROM cells WHERE TRUE ${inFocus} GROUP BY term
    )
    SELECT s.term, s.count, s.topics, s.tracks,
      s.count * 10000.0 / NULLIF((SELECT SUM(tokens) FROM chosen WHERE TRUE ${inFocus}), 0) AS per10k,
      s.count * ln((SELECT COUNT(*) FROM chosen)::DOUBLE / d.df) AS tfidf
    FROM scoped s JOIN df d ON d.term = s.term
    ORDER BY ${pick(TOP_TERM_METRICS, p.rank === 'tfidf' ? 'tfidf' : (p.metric ?? 'count'))} DESC, count DESC, s.term
    LIMIT ${p.limit}`);
}

export interface ThemeTrackCell {
  theme: string;
  track_no: number;
  track_name: string;
  count: number;
  topics: number;
  /** count / track tokens × 10,000; null for a track without tokens. */
  per10k: number | null;
}

/** Theme × track heatmap: every (theme, chosen track) cell, zero where the theme is absent. */
export function themeTrackHeatmap(p: FilterParams): Query {
  return toQuery(sql`
    WITH t AS (
      SELECT track_no, track_name, ${pick(TRACK_TOKENS, p.genericVerbs)} AS tokens
      FROM tracks WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    th AS (SELECT DISTINCT theme FROM themes WHERE TRUE ${p.theme === null ? sql`` : sql`AND theme = ${p.theme}`})
    SELECT th.theme, t.track_no, t.track_name,
      COALESCE(x.count, 0)::INTEGER AS count,
      COALESCE(x.topics, 0)::INTEGER AS topics,
      COALESCE(x.count, 0) * 10000.0 / NULLIF(t.tokens, 0) AS per10k
    FROM th CROSS JOIN t
    LEFT JOIN theme_track x ON x.edition_id = ${p.edition} AND x.theme = th.theme AND x.track_no = t.track_no
    ORDER BY th.theme, t.track_no`);
}

export interface CrossTrackCell {
  term: string;
  /** 1 = the term found in the most tracks (ties: more tokens, then code-point order). */
  rank: number;
  /** Chosen tracks containing the term. */
  term_tracks: number;
  track_no: number;
  track_name: string;
  count: number;
}

/** Term × track matrix of the terms spread over the most tracks (at least `minTracks`; `vocab` as the 「领域词」 switch). */
export function crossTrackTerms(p: FilterParams & { limit: number; minTracks?: number; vocab?: Vocabulary }): Query {
  return toQuery(sql`
    WITH t AS (
      SELECT track_no, track_name FROM tracks
      WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    cells AS (
      SELECT tt.term, tt.track_no, tt.count
      FROM term_track tt JOIN t ON t.track_no = tt.track_no
      WHERE tt.edition_id = ${p.edition} AND tt.generic_verbs = ${p.genericVerbs}
        ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
        ${themeClause(sql`tt.term`, p.theme)}
        ${vocabularyClause(sql`tt.term`, p.vocab)}
    ),
    spread AS (
      SELECT term, COUNT(*) FILTER (WHERE count > 0) AS tracks, SUM(count) AS total
      FROM cells GROUP BY term HAVING COUNT(*) FILTER (WHERE count > 0) >= ${p.minTracks ?? 2}
    ),
    ranked AS (
      SELECT term, tracks, row_number() OVER (ORDER BY tracks DESC, total DESC, term) AS rank FROM spread
    )
    SELECT r.term, r.rank::INTEGER AS rank, r.tracks::INTEGER AS term_tracks, t.track_no, t.track_name,
      COALESCE(c.count, 0)::INTEGER AS count
    FROM ranked r CROSS JOIN t
    LEFT JOIN cells c ON c.term = r.term AND c.track_no = t.track_no
    WHERE r.rank <= ${p.limit}
    ORDER BY r.rank, t.track_no`);
}

/**
 * Terms for the word cloud: the top terms of one track (`track`) or of the chosen tracks
 * (`track: null`). A track outside the global track filter gives no rows, so the cloud
 * never shows a track the filters exclude. Generic verbs, theme, vocabulary and ranking
 * follow the filters and the 「领域词」 switch, as the top-terms bar does.
 */
export function cloudTerms(p: Omit<TopTermParams, 'focus'> & { track: number | null }): Query {
  return topTerms({ ...p, focus: p.track });
}
