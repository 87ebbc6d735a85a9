/** Queries behind 跨赛道 (track × track overlap and one pair's shared terms). */
import type { GenericVerbs } from '../../../analysis/contract.ts';
import { pick, sql, toQuery, type Query } from './builder.ts';
import { genericVerbClause, themeClause, tracksClause, type FilterParams } from './filters.ts';
import { OVERLAP_METRICS, type OverlapMetric } from './track.ts';

export { OVERLAP_METRICS, OVERLAP_METRIC_KEYS, type OverlapMetric } from './track.ts';

export interface OverlapCell {
  track_a: number;
  name_a: string;
  track_b: number;
  name_b: string;
  shared_terms: number;
  jaccard: number;
  cosine: number;
  top_shared: string;
  /** The chosen metric. */
  value: number;
}

/**
 * Every ordered pair of distinct chosen tracks (both orientations, so a heatmap is
 * symmetric and a chord matrix reads row by row), in guide order.
 */
export function overlapMatrix(p: FilterParams & { metric: OverlapMetric }): Query {
  const metric = pick(OVERLAP_METRICS, p.metric);
  return toQuery(sql`
    WITH o AS (
      SELECT track_a, track_b, shared_terms, jaccard, cosine, top_shared, ${metric} AS value
      FROM track_overlap WHERE edition_id = ${p.edition} AND generic_verbs = ${p.genericVerbs}
      UNION ALL
      SELECT track_b, track_a, shared_terms, jaccard, cosine, top_shared, ${metric}
      FROM track_overlap WHERE edition_id = ${p.edition} AND generic_verbs = ${p.genericVerbs}
    )
    SELECT o.track_a, a.track_name AS name_a, o.track_b, b.track_name AS name_b,
      o.shared_terms, o.jaccard, o.cosine, o.top_shared, o.value
    FROM o
    JOIN tracks a ON a.edition_id = ${p.edition} AND a.track_no = o.track_a
    JOIN tracks b ON b.edition_id = ${p.edition} AND b.track_no = o.track_b
    WHERE TRUE ${tracksClause(sql`o.track_a`, p.tracks)} ${tracksClause(sql`o.track_b`, p.tracks)}
    ORDER BY o.track_a, o.track_b`);
}

interface PairParams {
  edition: string;
  genericVerbs: GenericVerbs;
  a: number;
  b: number;
}

/** The pair's row of track_overlap, oriented as asked (a may be greater than b). */
export function overlapPair(p: PairParams): Query {
  return toQuery(sql`
    SELECT ${p.a}::INTEGER AS track_a, ${p.b}::INTEGER AS track_b, shared_terms, jaccard, cosine, top_shared
    FROM track_overlap
    WHERE edition_id = ${p.edition} AND generic_verbs = ${p.genericVerbs}
      AND track_a = LEAST(${p.a}::INTEGER, ${p.b}::INTEGER) AND track_b = GREATEST(${p.a}::INTEGER, ${p.b}::INTEGER)`);
}

export interface SharedTermRow {
  term: string;
  count_a: number;
  count_b: number;
  topics_a: number;
  topics_b: number;
  /** min(count in a, count in b). */
  min_count: number;
  /** ln(T / df): T = tracks in the edition, df = tracks containing the term. */
  idf: number;
  /** min_count · idf, the order of top_shared. */
  weight: number;
}

/** Terms found in both tracks, by min(tf_a, tf_b) · idf like top_shared (statistics.md). */
export function sharedTerms(p: PairParams & { theme: string | null }): Query {
  return toQuery(sql`
    WITH tt AS (
      SELECT term, track_no, count, topics FROM term_track x
      WHERE edition_id = ${p.edition} AND generic_verbs = ${p.genericVerbs} AND count > 0
        ${genericVerbClause(sql`x.term`, p.genericVerbs)}
    ),
    df AS (SELECT term, COUNT(*) AS df FROM tt GROUP BY term),
    n AS (SELECT COUNT(*) AS tracks FROM tracks WHERE edition_id = ${p.edition})
    SELECT a.term, a.count AS count_a, b.count AS count_b, a.topics AS topics_a, b.topics AS topics_b,
      LEAST(a.count, b.count) AS min_count,
      ln(n.tracks / df.df) AS idf,
      LEAST(a.count, b.count) * ln(n.tracks / df.df) AS weight
    FROM tt a JOIN tt b ON b.term = a.term AND b.track_no = ${p.b}
    JOIN df ON df.term = a.term CROSS JOIN n
    WHERE a.track_no = ${p.a} AND ${p.a} <> ${p.b} ${themeClause(sql`a.term`, p.theme)}
    ORDER BY weight DESC, min_count DESC, a.term`);
}

export interface PairTopicRow {
  track_no: number;
  track_name: string;
  topic_no: number;
  title: string;
  /** Shared terms in this topic, most frequent in it first. */
  terms: string[];
}

/** Topics of either track that contain at least one of the pair's shared terms. */
export function pairTopics(p: PairParams & { theme: string | null }): Query {
  return toQuery(sql`
    WITH shared AS (
      SELECT a.term FROM term_track a JOIN term_track b
        ON b.edition_id = a.edition_id AND b.generic_verbs = a.generic_verbs AND b.term = a.term AND b.track_no = ${p.b}
      WHERE a.edition_id = ${p.edition} AND a.generic_verbs = ${p.genericVerbs} AND a.track_no = ${p.a}
        AND a.count > 0 AND b.count > 0 AND ${p.a} <> ${p.b}
        ${genericVerbClause(sql`a.term`, p.genericVerbs)}
        ${themeClause(sql`a.term`, p.theme)}
    )
    SELECT x.track_no, t.track_name, x.topic_no, t.title,
      list(x.term ORDER BY x.count DESC, x.term) AS terms
    FROM term_topic x
    JOIN shared s ON s.term = x.term
    JOIN topics t ON t.edition_id = x.edition_id AND t.track_no = x.track_no AND t.topic_no = x.topic_no
    WHERE x.edition_id = ${p.edition} AND x.track_no IN (${p.a}, ${p.b})
    GROUP BY x.track_no, t.track_name, x.topic_no, t.title
    ORDER BY (x.track_no = ${p.b}), x.topic_no`);
}
