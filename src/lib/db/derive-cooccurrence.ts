/**
 * The cooccurrence table, derived in SQL from term_topic and topics (the analysis stage no
 * longer writes it: it was 41% of the output bytes and a large share of the analysis time).
 * The rows and figures are the ones the analysis stage wrote (statistics.md, edge cases as
 * analysis/tables/stats.ts); tests/src/lib/db/derive-cooccurrence.test.ts compares them with
 * that computation (tests/analysis/tables/cooccurrence-reference.ts) on both engines.
 *
 * - Topic window: N = the edition's topics, n_i = topics containing term i (term_topic rows),
 *   a_ij = topics containing both.
 * - Sentence window, rebuilt from the spans as the segmenter numbers sentences: a title is
 *   one sentence; a body is cut at the sentence breaks of analysis/segment/chars.ts, and a
 *   token belongs to the piece its span starts in. Spans count UTF-16 code units while
 *   DuckDB counts code points, so each piece's start is summed in UTF-16 units (a character
 *   beyond the BMP counts 2) and tokens find their piece by an ASOF join. The sentence total
 *   counts the non-empty pieces (with a character that is not space, punctuation or symbol).
 * - A pair is kept when a_ij or s_ij reaches min_pair_count; term_a < term_b in DuckDB's
 *   VARCHAR order, which is byte order of UTF-8, i.e. code-point order, as the analysis sorts.
 * - Sentence figures are null when the pair shares no sentence.
 */
import type { Query } from './connector.ts';

/** Sentence breaks of analysis/segment/chars.ts, as an RE2 class. */
export const SENTENCE_BREAK_CLASS = "'[。！？；!?;\\n\\r\\x{2028}\\x{2029}\\x{FF61}]'";
/** A character the segmenter puts in a word run: not space, control, format, punctuation or symbol. */
export const WORD_CHAR_CLASS = "'[^\\s\\p{Z}\\p{Cc}\\p{Cf}\\p{P}\\p{S}]'";
/** Everything but characters beyond the BMP (those are two UTF-16 code units each). */
const NOT_ASTRAL_CLASS = "'[^\\x{10000}-\\x{10FFFF}]'";

/** The three statistics of one window from DOUBLE counts (as analysis/tables/stats.ts). */
function statistics(a: string, ni: string, nj: string, n: string): [string, string, string] {
  return [
    `CASE WHEN ${ni} + ${nj} - ${a} <= 0 THEN 0 ELSE ${a} / (${ni} + ${nj} - ${a}) END`,
    `CASE WHEN ${ni} <= 0 OR ${nj} <= 0 THEN 0 ELSE (${a} * ${n}) / (${ni} * ${nj}) END`,
    `CASE WHEN ${a} <= 0 OR ${ni} <= 0 OR ${nj} <= 0 THEN -1 WHEN ${a} >= ${n} THEN 1
      ELSE least(1, greatest(-1, (log2(${a}) + log2(${n}) - log2(${ni}) - log2(${nj})) / (log2(${n}) - log2(${a})))) END`
  ];
}

/** `IN (?, ?, …)` for the scope; every statement binds the edition ids once per mark. */
export const SCOPE = '{scope}';

const topicStats = statistics('p.topics::DOUBLE', 'na.n', 'nb.n', 't.n');
const sentenceStats = statistics('p.sentences::DOUBLE', 'sa.n', 'sb.n', 't.ns').map((f) => `CASE WHEN p.sentences > 0 THEN ${f} END`);

/**
 * INSERT of the scope's rows; `{scope}` stands for the edition filter and `?` after the
 * scope marks for min_pair_count (see deriveCooccurrence).
 */
export const DERIVE_COOCCURRENCE = `
INSERT INTO cooccurrence
WITH units AS (
  -- u: one integer per topic of the scope, so the joins below compare integers.
  SELECT edition_id, track_no, topic_no, title, body, row_number() OVER (ORDER BY edition_id, track_no, topic_no) AS u
  FROM topics WHERE edition_id ${SCOPE}
),
totals AS (
  SELECT edition_id, COUNT(*)::DOUBLE AS n,
    (COUNT(*) FILTER (WHERE regexp_matches(title, ${WORD_CHAR_CLASS}))
      + COALESCE(SUM(len(list_filter(regexp_split_to_array(body, ${SENTENCE_BREAK_CLASS}), lambda piece: regexp_matches(piece, ${WORD_CHAR_CLASS})))), 0))::DOUBLE AS ns
  FROM units GROUP BY edition_id
),
tt AS (
  SELECT edition_id, track_no, topic_no, term, title_spans, body_spans FROM term_topic WHERE edition_id ${SCOPE}
),
vocab AS (
  -- id: one integer per (edition, term), ascending with the term within an edition (VARCHAR order).
  SELECT edition_id, term, COUNT(*)::DOUBLE AS n, row_number() OVER (ORDER BY edition_id, term) AS id
  FROM tt GROUP BY edition_id, term
),
occ AS (
  SELECT units.u, vocab.id, tt.title_spans, tt.body_spans
  FROM tt JOIN units USING (edition_id, track_no, topic_no) JOIN vocab USING (edition_id, term)
),
split AS (
  SELECT u, unnest(range(1, len(parts) + 1)) AS s, unnest(parts) AS piece
  FROM (SELECT u, regexp_split_to_array(body, ${SENTENCE_BREAK_CLASS}) AS parts FROM units WHERE body <> '')
),
pieces AS (
  -- Each piece starts after the pieces before it and one break character each (all in the BMP).
  SELECT u, s,
    COALESCE(SUM(length(piece) + length(regexp_replace(piece, ${NOT_ASTRAL_CLASS}, '', 'g')) + 1)
      OVER (PARTITION BY u ORDER BY s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start
  FROM split
),
body_tokens AS (
  SELECT u, id, CAST(split_part(span, ':', 1) AS INTEGER) AS at
  FROM (SELECT u, id, unnest(string_split(body_spans, ' ')) AS span FROM occ WHERE body_spans <> '')
),
sent AS (
  SELECT u, 0 AS s, id FROM occ WHERE title_spans <> ''
  UNION
  SELECT b.u, p.s, b.id FROM body_tokens b ASOF JOIN pieces p ON b.u = p.u AND b.at >= p.start
),
sentence_n AS (SELECT id, COUNT(*)::DOUBLE AS n FROM sent GROUP BY id),
topic_pairs AS (
  SELECT a.id AS id_a, b.id AS id_b, COUNT(*) AS topics
  FROM occ a JOIN occ b ON a.u = b.u AND a.id < b.id
  GROUP BY a.id, b.id
),
sentence_pairs AS (
  SELECT a.id AS id_a, b.id AS id_b, COUNT(*) AS sentences
  FROM sent a JOIN sent b ON a.u = b.u AND a.s = b.s AND a.id < b.id
  GROUP BY a.id, b.id
),
p AS (
  SELECT tp.id_a, tp.id_b, tp.topics, COALESCE(sp.sentences, 0) AS sentences
  FROM topic_pairs tp LEFT JOIN sentence_pairs sp USING (id_a, id_b)
  WHERE tp.topics >= ? OR sp.sentences >= ?
)
SELECT na.edition_id, na.term, nb.term, p.topics::INTEGER, p.sentences::INTEGER,
  ${topicStats.join(',\n  ')},
  ${sentenceStats.join(',\n  ')}
FROM p
  JOIN vocab na ON na.id = p.id_a
  JOIN vocab nb ON nb.id = p.id_b
  JOIN totals t ON t.edition_id = na.edition_id
  LEFT JOIN sentence_n sa ON sa.id = p.id_a
  LEFT JOIN sentence_n sb ON sb.id = p.id_b
ORDER BY na.edition_id, na.term, nb.term`;

/** `IN (?, …)` with one mark per edition id. */
export function scopeMarks(editionIds: readonly string[]): string {
  return `IN (${editionIds.map(() => '?').join(', ')})`;
}

/** The statements that (re)derive the editions' rows: a second run replaces, never adds. */
export function deriveCooccurrence(editionIds: readonly string[], minPairCount: number): Query[] {
  if (editionIds.length === 0) return [];
  const marks = scopeMarks(editionIds);
  // Pairs always share a topic, so a minimum below 1 keeps every pair, as the analysis did.
  const minimum = Math.max(1, Math.floor(minPairCount));
  return [
    { sql: `DELETE FROM cooccurrence WHERE edition_id ${marks}`, params: [...editionIds] },
    { sql: DERIVE_COOCCURRENCE.replaceAll(SCOPE, marks), params: [...editionIds, ...editionIds, minimum, minimum] }
  ];
}
