/** Queries behind 赛道 (the track index and one track's page). */
import type { GenericVerbs } from '../../../analysis/contract.ts';
import { empty, pick, sql, toQuery, type Fragment, type Query } from './builder.ts';
import { genericVerbClause, themeClause, tracksClause, TRACK_TOKENS, type FilterParams } from './filters.ts';
import { g2SignedSql, logRatioSql, SIGNIFICANCE, significanceSql, type SignificanceLevel } from './stats.ts';

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
  /**
   * Up to `keyTerms` terms with the highest G², by default significant ones only (G² ≥ 3.84)
   * and without the track's own name and its words, as on the track page (theme filter applied).
   */
  key_terms: string[];
  /** The other track of the edition with the highest metric; null when it shares nothing. */
  similar_no: number | null;
  similar_name: string | null;
  similar_value: number | null;
}

/** The term is the track's name or a word of it of two characters or more (医疗 in 医疗保障). */
const ownName = (term: Fragment, trackName: Fragment) =>
  sql`(${term} = ${trackName} OR (length(${term}) >= 2 AND strpos(${trackName}, ${term}) > 0))`;

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
export function trackIndex(
  p: FilterParams & { metric: OverlapMetric; keyTerms?: number; significantOnly?: boolean; excludeOwnName?: boolean }
): Query {
  return toQuery(sql`
    WITH t AS (
      SELECT track_no, track_name, topics, ${pick(TRACK_TOKENS, p.genericVerbs)} AS tokens
      FROM tracks WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    k AS (
      SELECT tt.track_no, tt.term,
        row_number() OVER (PARTITION BY tt.track_no ORDER BY tt.keyness_g2 DESC, tt.count DESC, tt.term) AS r
      FROM term_track tt JOIN tracks n ON n.edition_id = tt.edition_id AND n.track_no = tt.track_no
      WHERE tt.edition_id = ${p.edition} AND tt.generic_verbs = ${p.genericVerbs}
        AND tt.keyness_g2 ${p.significantOnly === false ? sql`> 0` : sql`>= ${SIGNIFICANCE[0].g2}`}
        ${p.excludeOwnName === false ? empty : sql`AND NOT ${ownName(sql`tt.term`, sql`n.track_name`)}`}
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
  /** Tokens in the track (0: the term occurs only elsewhere in the edition). */
  count: number;
  /** Tokens in the whole edition. */
  edition_count: number;
  topics: number;
  per10k: number;
  keyness_g2: number;
  log_ratio: number;
  /** The chosen statistic (G² or log ratio). */
  value: number;
  /** 'over' (more frequent in the track than in the rest of the edition) or 'under'. */
  side: 'over' | 'under';
  /** Significance of G²: 0 = not significant, 1 = p < 0.05, 2 = p < 0.01, 3 = p < 0.001 (queries/stats.ts). */
  sig: SignificanceLevel;
  /** Place on its side by the size of the statistic; tied values share a place. */
  rank: number;
  /** How many terms of that side share this value (1 = no tie). */
  tied: number;
}

export interface KeynessParams {
  edition: string;
  track: number;
  genericVerbs: GenericVerbs;
  theme: string | null;
  stat: KeynessStat;
  /** Places kept on each side; every term tied at the last place is kept too. */
  top: number;
  /** Terms with fewer tokens in the whole edition are left out (default 1: none). */
  minCount?: number;
  /** Leave out the track's own name and the words of it (医疗保障 in 医疗保障). Default false. */
  excludeOwnName?: boolean;
}

/**
 * Every term of the edition against this track (target) and the rest of the edition
 * (reference): a = tokens in the track (0 when only the rest has it), b = the rest's,
 * c and d the tokens of each, G² and Log Ratio as in analysis/tables/stats.ts. For a
 * term the track contains the figures equal term_track's (tested on the real tables).
 * `own_name`: the term is the track's name or a word of it of two characters or more.
 */
function keynessCte(p: KeynessParams): Fragment {
  const tokens = pick(TRACK_TOKENS, p.genericVerbs);
  const [a, b, c, d] = [sql`x.a`, sql`x.b`, sql`tok.c`, sql`tok.d`];
  return sql`
    tok AS (
      SELECT COALESCE(SUM(CASE WHEN track_no = ${p.track} THEN ${tokens} END), 0)::DOUBLE AS c,
        COALESCE(SUM(CASE WHEN track_no <> ${p.track} THEN ${tokens} END), 0)::DOUBLE AS d
      FROM tracks WHERE edition_id = ${p.edition}
    ),
    x AS (
      SELECT s.term, COALESCE(tt.count, 0)::DOUBLE AS a, (s.count - COALESCE(tt.count, 0))::DOUBLE AS b,
        COALESCE(tt.topics, 0)::INTEGER AS topics, s.count::INTEGER AS edition_count,
        ${ownName(sql`s.term`, sql`n.track_name`)} AS own_name
      FROM term_stats s
      JOIN tracks n ON n.edition_id = s.edition_id AND n.track_no = ${p.track}
      LEFT JOIN term_track tt ON tt.edition_id = s.edition_id AND tt.generic_verbs = s.generic_verbs
        AND tt.track_no = ${p.track} AND tt.term = s.term
      WHERE s.edition_id = ${p.edition} AND s.generic_verbs = ${p.genericVerbs} AND s.count > 0
        ${genericVerbClause(sql`s.term`, p.genericVerbs)}
        ${themeClause(sql`s.term`, p.theme)}
    ),
    k AS (
      SELECT x.term, x.a::INTEGER AS count, x.edition_count, x.topics, x.own_name,
        CASE WHEN ${c} > 0 THEN ${a} * 10000.0 / ${c} ELSE 0.0 END AS per10k,
        ${g2SignedSql(a, b, c, d)} AS keyness_g2,
        ${logRatioSql(a, b, c, d)} AS log_ratio
      FROM x CROSS JOIN tok
    )`;
}

/**
 * Distinctive terms of a track: the `top` places on each side of 0 by the chosen
 * statistic, highest value first, every term tied at the last place included. The side
 * is G²'s sign. Log Ratio measures only the size of a difference, so its ranking keeps
 * significant terms only (|G²| ≥ 3.84) whose ratio points the same way — otherwise terms
 * seen once lead it. Values are ranked at 6 decimals, so equal figures tie.
 */
export function trackKeyness(p: KeynessParams): Query {
  return toQuery(sql`
    WITH ${keynessCte(p)},
    scored AS (
      SELECT *, ${pick(KEYNESS_STATS, p.stat)} AS value,
        CASE WHEN keyness_g2 > 0 THEN 'over' ELSE 'under' END AS side,
        ${significanceSql(sql`keyness_g2`)} AS sig
      FROM k
      WHERE keyness_g2 <> 0 AND edition_count >= ${p.minCount ?? 1}
        ${p.excludeOwnName ? sql`AND NOT own_name` : empty}
        ${p.stat === 'logratio' ? sql`AND ${significanceSql(sql`keyness_g2`)} >= 1 AND sign(log_ratio) = sign(keyness_g2)` : empty}
    ),
    ranked AS (
      SELECT *,
        rank() OVER (PARTITION BY side ORDER BY round(abs(value), 6) DESC) AS rank,
        COUNT(*) OVER (PARTITION BY side, round(abs(value), 6)) AS tied
      FROM scored
    )
    SELECT term, count, edition_count, topics, per10k, keyness_g2, log_ratio, value, side,
      sig::INTEGER AS sig, rank::INTEGER AS rank, tied::INTEGER AS tied
    FROM ranked
    WHERE rank <= ${p.top}
    ORDER BY value DESC, count DESC, term`);
}

export interface OwnNameTermRow {
  term: string;
  count: number;
  keyness_g2: number;
}

/** The terms excludeOwnName leaves out of trackKeyness, strongest first (for the note under the chart). */
export function trackOwnNameTerms(p: Omit<KeynessParams, 'stat' | 'top'>): Query {
  return toQuery(sql`
    WITH ${keynessCte({ ...p, stat: 'g2', top: 0 })}
    SELECT term, count, keyness_g2 FROM k WHERE own_name AND count > 0
    ORDER BY keyness_g2 DESC, term`);
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
