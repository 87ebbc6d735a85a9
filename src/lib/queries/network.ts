/**
 * Queries behind 共现网络 (co-occurrence network).
 *
 * Nodes are the top-N terms by frequency (or TF-IDF) over the chosen tracks (generic-verb,
 * theme, track and 「领域词」 filters applied). Edges are every co-occurring pair of the nodes (passed in as a
 * list, so the node ranking is computed once) with all six statistics; the page picks
 * one, applies the threshold and the edge cap in `network/graph.ts`, so changing the
 * statistic or the threshold never re-queries.
 *
 * Where the edges come from:
 * - All tracks: the `cooccurrence` table (the analysis stage's figures, topic and sentence window).
 * - A subset of tracks: the figures are recomputed in SQL from `term_topic` over the chosen
 *   tracks' topics only, so N, n_i and a_ij describe the subset (statistics.md). Sentences
 *   are rebuilt from the spans: a title is one sentence (sentence 0); a body token's
 *   sentence is the number of sentence breaks (。！？； and line breaks, as in
 *   analysis/segment/chars.ts) before it; the sentence total counts the non-empty pieces.
 *   Pairs are kept like the analysis keeps them (a_ij or s_ij ≥ min_pair_count), so over
 *   all tracks both paths give the same rows (tested on the real guides). Rebuilding the
 *   sentences costs most, so the topic window skips them (and keeps a_ij ≥ min_pair_count).
 */
import { genericVerbClause, themeClause, tracksClause, type FilterParams } from './filters.ts';
import { Fragment, list, sql, toQuery, type Query } from './builder.ts';
import { vocabularyClause, type TermRanking, type Vocabulary } from './vocabulary.ts';

export interface NetworkNodeRow {
  term: string;
  /** Tokens over the chosen tracks. */
  count: number;
  /** Topics containing the term, over the chosen tracks. */
  topics: number;
}

export interface NetworkEdgeRow {
  term_a: string;
  term_b: string;
  /** a_ij: topics containing both. */
  topics: number;
  /** Sentences containing both; null when not counted (topic window over a track subset). */
  sentences: number | null;
  jaccard: number;
  association_strength: number;
  npmi: number;
  sentence_jaccard: number | null;
  sentence_association_strength: number | null;
  sentence_npmi: number | null;
}

export interface NetworkEdgeParams {
  edition: string;
  tracks: readonly number[] | null;
  /** The nodes (from networkNodes): only pairs of these terms are returned. */
  terms: readonly string[];
  /** The analysis run's minimum pair count (manifest.options.min_pair_count). */
  minPairCount: number;
  /**
   * For a track subset, 'topic' counts topics only (sentences come back null, and pairs
   * need a_ij ≥ minPairCount): rebuilding sentences from spans is the costly part.
   * The table path always has both windows. Default 'sentence' (both windows).
   */
  window?: 'topic' | 'sentence';
}

/** Sentence breaks of analysis/segment/chars.ts. */
const BREAKS = [...'。！？；!?;\n\r\u2028\u2029\uFF61'];
/** Constant RE2 patterns go into the SQL text (not parameters), so each compiles once. */
const BREAK_CLASS = new Fragment("'[。！？；!?;\\n\\r\\x{2028}\\x{2029}\\x{FF61}]'", []);
/** A character the segmenter treats as part of a word run (not space, not punctuation). */
const WORD_CHAR = new Fragment("'[^\\s\\p{Z}\\p{Cc}\\p{Cf}\\p{P}\\p{S}]'", []);

/** SQL for the number of sentence breaks in a text: its length minus its length without them. */
function breaksIn(text: string): Fragment {
  const stripped = BREAKS.reduce((inner, ch) => `replace(${inner}, chr(${ch.codePointAt(0)}), '')`, text);
  return new Fragment(`(length(${text}) - length(${stripped}))`, []);
}

/**
 * The nodes: the top-N terms over the chosen tracks by frequency, or by TF-IDF across the
 * chosen tracks (`rank: 'tfidf'`, as 总览 ranks them: count · ln(T/df)); `vocab: 'domain'`
 * keeps dictionary terms and compounds only (queries/vocabulary.ts). Ties in code-point order.
 */
export function networkNodes(p: FilterParams & { top: number; vocab?: Vocabulary; rank?: TermRanking }): Query {
  const score = p.rank === 'tfidf' ? sql`SUM(tt.count) * ln((SELECT COUNT(*) FROM chosen)::DOUBLE / COUNT(*))` : sql`SUM(tt.count)`;
  return toQuery(sql`
    WITH chosen AS (SELECT track_no FROM tracks WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)})
    SELECT tt.term, SUM(tt.count)::INTEGER AS count, SUM(tt.topics)::INTEGER AS topics
    FROM term_track tt JOIN chosen c ON c.track_no = tt.track_no
    WHERE tt.edition_id = ${p.edition} AND tt.generic_verbs = ${p.genericVerbs} AND tt.count > 0
      ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
      ${themeClause(sql`tt.term`, p.theme)}
      ${vocabularyClause(sql`tt.term`, p.vocab)}
    GROUP BY tt.term
    ORDER BY ${score} DESC, SUM(tt.count) DESC, tt.term
    LIMIT ${Math.max(0, Math.floor(p.top))}`);
}

const EDGE_ORDER = sql`ORDER BY term_a, term_b`;

/** Edges between the nodes from the cooccurrence table (all tracks of the edition). */
export function networkEdgesFromTable(p: NetworkEdgeParams): Query {
  return toQuery(sql`
    SELECT term_a, term_b, topics, sentences, jaccard, association_strength, npmi,
      sentence_jaccard, sentence_association_strength, sentence_npmi
    FROM cooccurrence
    WHERE edition_id = ${p.edition}
      AND term_a IN (${list(p.terms)}) AND term_b IN (${list(p.terms)})
      AND (topics >= ${p.minPairCount} OR sentences >= ${p.minPairCount})
    ${EDGE_ORDER}`);
}

/** The three statistics of one window from counts (statistics.md; edge cases as analysis/tables/stats.ts). */
function statistics(a: Fragment, ni: Fragment, nj: Fragment, n: Fragment): Record<'jaccard' | 'association_strength' | 'npmi', Fragment> {
  return {
    jaccard: sql`CASE WHEN ${ni} + ${nj} - ${a} <= 0 THEN 0 ELSE ${a} / (${ni} + ${nj} - ${a}) END`,
    association_strength: sql`CASE WHEN ${ni} <= 0 OR ${nj} <= 0 THEN 0 ELSE ${a} * ${n} / (${ni} * ${nj}) END`,
    npmi: sql`CASE WHEN ${a} <= 0 THEN -1 WHEN ${a} >= ${n} THEN 1
      ELSE greatest(-1, least(1, (log2(${a}) + log2(${n}) - log2(${ni}) - log2(${nj})) / (log2(${n}) - log2(${a})))) END`
  };
}

/**
 * Edges between the nodes recomputed from term_topic over the chosen tracks' topics
 * (see the header). With `tracks: null` it covers every track and equals the table.
 */
export function networkEdgesFromTopics(p: NetworkEdgeParams): Query {
  const topic = statistics(sql`p.topics::DOUBLE`, sql`na.topics`, sql`nb.topics`, sql`t.n`);
  const sentence = statistics(sql`p.sentences::DOUBLE`, sql`na.sentences`, sql`nb.sentences`, sql`t.ns`);
  // The sentence figures are null when the pair shares no sentence, as in the table.
  const shared = (f: Fragment) => sql`CASE WHEN p.sentences > 0 THEN ${f} END`;
  return toQuery(sql`
    WITH units AS (
      SELECT track_no, topic_no, title, body FROM topics
      WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    totals AS (
      SELECT COUNT(*)::DOUBLE AS n,
        (COUNT(*) FILTER (WHERE regexp_matches(title, ${WORD_CHAR}))
          + SUM(len(list_filter(regexp_split_to_array(body, ${BREAK_CLASS}), lambda piece: regexp_matches(piece, ${WORD_CHAR})))))::DOUBLE AS ns
      FROM units
    ),
    occ AS (
      SELECT tt.track_no, tt.topic_no, tt.term, tt.title_spans, tt.body_spans, u.body
      FROM term_topic tt JOIN units u ON u.track_no = tt.track_no AND u.topic_no = tt.topic_no
      WHERE tt.edition_id = ${p.edition} AND tt.term IN (${list(p.terms)})
    ),
    sent AS (
      -- A title is sentence 0; a body token's sentence is 1 + the breaks before it.
      SELECT track_no, topic_no, 0 AS s, term FROM occ WHERE title_spans <> ''
      UNION
      SELECT track_no, topic_no, 1 + ${breaksIn('substr(body, 1, CAST(split_part(span, \':\', 1) AS INTEGER))')} AS s, term
      FROM (SELECT track_no, topic_no, term, body, unnest(string_split(body_spans, ' ')) AS span FROM occ WHERE body_spans <> '')
    ),
    per_term AS (
      SELECT o.term, o.topics, COALESCE(s.sentences, 0) AS sentences
      FROM (SELECT term, COUNT(*)::DOUBLE AS topics FROM occ GROUP BY term) o
      LEFT JOIN (SELECT term, COUNT(*)::DOUBLE AS sentences FROM sent GROUP BY term) s ON s.term = o.term
    ),
    topic_pairs AS (
      SELECT a.term AS term_a, b.term AS term_b, COUNT(*) AS topics
      FROM occ a JOIN occ b ON a.track_no = b.track_no AND a.topic_no = b.topic_no AND a.term < b.term
      GROUP BY a.term, b.term
    ),
    sentence_pairs AS (
      SELECT a.term AS term_a, b.term AS term_b, COUNT(*) AS sentences
      FROM sent a JOIN sent b ON a.track_no = b.track_no AND a.topic_no = b.topic_no AND a.s = b.s AND a.term < b.term
      GROUP BY a.term, b.term
    )
    SELECT p.term_a, p.term_b, p.topics::INTEGER AS topics, p.sentences::INTEGER AS sentences,
      ${topic.jaccard} AS jaccard,
      ${topic.association_strength} AS association_strength,
      ${topic.npmi} AS npmi,
      ${shared(sentence.jaccard)} AS sentence_jaccard,
      ${shared(sentence.association_strength)} AS sentence_association_strength,
      ${shared(sentence.npmi)} AS sentence_npmi
    FROM (
      SELECT tp.term_a, tp.term_b, tp.topics, COALESCE(sp.sentences, 0) AS sentences
      FROM topic_pairs tp LEFT JOIN sentence_pairs sp ON sp.term_a = tp.term_a AND sp.term_b = tp.term_b
    ) p
    JOIN per_term na ON na.term = p.term_a
    JOIN per_term nb ON nb.term = p.term_b
    CROSS JOIN totals t
    WHERE p.topics >= ${p.minPairCount} OR p.sentences >= ${p.minPairCount}
    ${EDGE_ORDER}`);
}

/** Topic window only, over the chosen tracks' topics: the pairs and the topic statistics. */
export function networkTopicEdgesFromTopics(p: NetworkEdgeParams): Query {
  const topic = statistics(sql`p.topics::DOUBLE`, sql`na.topics`, sql`nb.topics`, sql`t.n`);
  return toQuery(sql`
    WITH units AS (
      SELECT track_no, topic_no FROM topics
      WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    occ AS (
      SELECT tt.track_no, tt.topic_no, tt.term
      FROM term_topic tt JOIN units u ON u.track_no = tt.track_no AND u.topic_no = tt.topic_no
      WHERE tt.edition_id = ${p.edition} AND tt.term IN (${list(p.terms)})
    ),
    per_term AS (SELECT term, COUNT(*)::DOUBLE AS topics FROM occ GROUP BY term)
    SELECT p.term_a, p.term_b, p.topics::INTEGER AS topics, NULL::INTEGER AS sentences,
      ${topic.jaccard} AS jaccard,
      ${topic.association_strength} AS association_strength,
      ${topic.npmi} AS npmi,
      NULL::DOUBLE AS sentence_jaccard, NULL::DOUBLE AS sentence_association_strength, NULL::DOUBLE AS sentence_npmi
    FROM (
      SELECT a.term AS term_a, b.term AS term_b, COUNT(*) AS topics
      FROM occ a JOIN occ b ON a.track_no = b.track_no AND a.topic_no = b.topic_no AND a.term < b.term
      GROUP BY a.term, b.term
      HAVING COUNT(*) >= ${p.minPairCount}
    ) p
    JOIN per_term na ON na.term = p.term_a
    JOIN per_term nb ON nb.term = p.term_b
    CROSS JOIN (SELECT COUNT(*)::DOUBLE AS n FROM units) t
    ${EDGE_ORDER}`);
}

/** Edges for the view: the table for all tracks, recomputed for a subset (see the header). */
export function networkEdges(p: NetworkEdgeParams): Query {
  if (p.tracks === null) return networkEdgesFromTable(p);
  return p.window === 'topic' ? networkTopicEdgesFromTopics(p) : networkEdgesFromTopics(p);
}
