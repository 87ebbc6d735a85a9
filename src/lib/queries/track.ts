/** Queries behind 赛道 (the track index and one track's page). */
import type { GenericVerbs } from '../../../analysis/contract.ts';
import { pick, sql, toQuery, type Query } from './builder.ts';
import { genericVerbClause, themeClause, tracksClause, TRACK_TOKENS, type FilterParams } from './filters.ts';

/** Track similarity measures of track_overlap; keys travel in the URL, values are columns. */
export const OVERLAP_METRICS = { jaccard: 'jaccard', cosine: 'cosine' } as const;
export type OverlapMetric = keyof typeof OVERLAP_METRICS;
export const OVERLAP_METRIC_KEYS = Object.keys(OVERLAP_METRICS) as OverlapMetric[];

/** Keyness statistics of term_track. */
export const KEYNESS_STATS = { g2: 'keyness_g2', logratio: 'log_ratio' } as const;
export type KeynessStat = keyof typeof KEYNESS_STATS;
export const KEYNESS_STAT_KEYS = Object.keys(KEYNESS_STATS) as KeynessStat[];

export interface TrackIndexRow {
  track_no: number;
  track_name: string;
  topics: number;
  /** Tokens under the generic-verb setting. */
  tokens: number;
  /** Up to `keyTerms` terms with the highest positive G² (theme filter applied). */
  key_terms: string[];
  /** The other track of the edition with the highest metric; null when it shares nothing. */
  similar_no: number | null;
  similar_name: string | null;
  similar_value: number | null;
}

/** Both orientations of every track pair, so "the other track" is one column. */
const bothWays = (edition: string, genericVerbs: GenericVerbs, metric: OverlapMetric) => sql`
  SELECT track_a AS track_no, track_b AS other, shared_terms, jaccard, cosine, top_shared,
    ${pick(OVERLAP_METRICS, metric)} AS value
  FROM track_overlap WHERE edition_id = ${edition} AND generic_verbs = ${genericVerbs}
  UNION ALL
  SELECT track_b, track_a, shared_terms, jaccard, cosine, top_shared, ${pick(OVERLAP_METRICS, metric)}
  FROM track_overlap WHERE edition_id = ${edition} AND generic_verbs = ${genericVerbs}`;

/**
 * The tracks of an edition (the chosen ones), each with its most distinctive terms and its
 * most similar other track (over all tracks of the edition).
 */
export function trackIndex(p: FilterParams & { metric: OverlapMetric; keyTerms?: number }): Query {
  return toQuery(sql`
    WITH t AS (
      SELECT track_no, track_name, topics, ${pick(TRACK_TOKENS, p.genericVerbs)} AS tokens
      FROM tracks WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    k AS (
      SELECT track_no, term,
        row_number() OVER (PARTITION BY track_no ORDER BY keyness_g2 DESC, count DESC, term) AS r
      FROM term_track tt
      WHERE edition_id = ${p.edition} AND generic_verbs = ${p.genericVerbs} AND keyness_g2 > 0
        ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
        ${themeClause(sql`tt.term`, p.theme)}
    ),
    best AS (
      SELECT track_no, other, value, row_number() OVER (PARTITION BY track_no ORDER BY value DESC, other) AS r
      FROM (${bothWays(p.edition, p.genericVerbs, p.metric)}) WHERE value > 0
    )
    SELECT t.track_no, t.track_name, t.topics, t.tokens::INTEGER AS tokens,
      COALESCE((SELECT list(k.term ORDER BY k.r) FROM k WHERE k.track_no = t.track_no AND k.r <= ${p.keyTerms ?? 5}), []) AS key_terms,
      b.other AS similar_no, o.track_name AS similar_name, b.value AS similar_value
    FROM t
    LEFT JOIN best b ON b.track_no = t.track_no AND b.r = 1
    LEFT JOIN tracks o ON o.edition_id = ${p.edition} AND o.track_no = b.other
    ORDER BY t.track_no`);
}

export interface TrackInfoRow {
  track_no: number;
  track_name: string;
  heading: string;
  topics: number;
  tokens: number;
  has_bodies: boolean;
}

export function trackInfo(p: { edition: string; track: number; genericVerbs: GenericVerbs }): Query {
  return toQuery(sql`
    SELECT t.track_no, t.track_name, t.heading, t.topics, t.${pick(TRACK_TOKENS, p.genericVerbs)}::INTEGER AS tokens, e.has_bodies
    FROM tracks t JOIN editions e ON e.edition_id = t.edition_id
    WHERE t.edition_id = ${p.edition} AND t.track_no = ${p.track}`);
}

export interface TrackTopicRow {
  topic_no: number;
  printed_no: number | null;
  title: string;
  body: string;
}

export function trackTopics(p: { edition: string; track: number }): Query {
  return toQuery(sql`
    SELECT topic_no, printed_no, title, body FROM topics
    WHERE edition_id = ${p.edition} AND track_no = ${p.track}
    ORDER BY topic_no`);
}

export interface TermSpanRow {
  topic_no: number;
  term: string;
  title_spans: string;
  body_spans: string;
}

/** Where each counted term sits in the track's titles and bodies (generic verbs left out when removed). */
export function trackTermSpans(p: { edition: string; track: number; genericVerbs: GenericVerbs }): Query {
  return toQuery(sql`
    SELECT topic_no, term, title_spans, body_spans FROM term_topic tt
    WHERE edition_id = ${p.edition} AND track_no = ${p.track}
      ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
    ORDER BY topic_no, term`);
}

export interface KeynessRow {
  term: string;
  count: number;
  topics: number;
  per10k: number;
  keyness_g2: number;
  log_ratio: number;
  /** The chosen statistic (G² or log ratio). */
  value: number;
}

/**
 * Distinctive terms of a track: the `top` strongest over-represented and the `top`
 * strongest under-represented terms by the chosen statistic, highest value first.
 * term_track holds only terms the track contains, so "under-represented" means present
 * but rarer than in the rest of the edition.
 */
export function trackKeyness(p: {
  edition: string;
  track: number;
  genericVerbs: GenericVerbs;
  theme: string | null;
  stat: KeynessStat;
  top: number;
}): Query {
  return toQuery(sql`
    WITH k AS (
      SELECT term, count, topics, per10k, keyness_g2, log_ratio, ${pick(KEYNESS_STATS, p.stat)} AS value
      FROM term_track tt
      WHERE edition_id = ${p.edition} AND generic_verbs = ${p.genericVerbs} AND track_no = ${p.track}
        ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
        ${themeClause(sql`tt.term`, p.theme)}
    ),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY value > 0 ORDER BY abs(value) DESC, count DESC, term) AS r
      FROM k WHERE value <> 0
    )
    SELECT term, count, topics, per10k, keyness_g2, log_ratio, value FROM ranked
    WHERE r <= ${p.top}
    ORDER BY value DESC, term`);
}

export interface TrackOverlapRow {
  other_no: number;
  other_name: string;
  shared_terms: number;
  jaccard: number;
  cosine: number;
  top_shared: string;
  /** The chosen metric. */
  value: number;
}

/** This track's overlap with every other (chosen) track of its edition, highest first. */
export function trackOverlaps(p: {
  edition: string;
  track: number;
  genericVerbs: GenericVerbs;
  tracks: readonly number[] | null;
  metric: OverlapMetric;
}): Query {
  return toQuery(sql`
    SELECT x.other AS other_no, o.track_name AS other_name, x.shared_terms, x.jaccard, x.cosine, x.top_shared, x.value
    FROM (${bothWays(p.edition, p.genericVerbs, p.metric)}) x
    JOIN tracks o ON o.edition_id = ${p.edition} AND o.track_no = x.other
    WHERE x.track_no = ${p.track} ${tracksClause(sql`x.other`, p.tracks)}
    ORDER BY x.value DESC, x.other`);
}

export interface TrackDuplicateRow {
  /** This track's topic. */
  topic_no: number;
  topic_title: string;
  other_edition: string;
  other_track: number;
  other_track_name: string;
  other_topic: number;
  other_title: string;
  kind: string;
  similarity: number;
  shared_text: string;
}

/** Near-duplicate pairs with a topic of this track on either side (within or across editions). */
export function trackNearDuplicates(p: { edition: string; track: number }): Query {
  return toQuery(sql`
    WITH pairs AS (
      SELECT topic_a AS topic_no, edition_b AS other_edition, track_b AS other_track, topic_b AS other_topic, kind, similarity, shared_text
      FROM near_duplicates WHERE edition_a = ${p.edition} AND track_a = ${p.track}
      UNION ALL
      SELECT topic_b, edition_a, track_a, topic_a, kind, similarity, shared_text
      FROM near_duplicates WHERE edition_b = ${p.edition} AND track_b = ${p.track}
        AND NOT (edition_a = ${p.edition} AND track_a = ${p.track})
    )
    SELECT x.topic_no, me.title AS topic_title, x.other_edition, x.other_track, other.track_name AS other_track_name,
      x.other_topic, other.title AS other_title, x.kind, x.similarity, x.shared_text
    FROM pairs x
    JOIN topics me ON me.edition_id = ${p.edition} AND me.track_no = ${p.track} AND me.topic_no = x.topic_no
    JOIN topics other ON other.edition_id = x.other_edition AND other.track_no = x.other_track AND other.topic_no = x.other_topic
    ORDER BY x.topic_no, x.other_edition, x.other_track, x.other_topic`);
}
