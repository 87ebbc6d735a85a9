/**
 * The 'kept' generic-verb rows of term_track, term_stats and track_overlap, derived in
 * SQL once the tables are loaded (the analysis stage writes only the 'removed' rows:
 * storing both doubled these tables for a switch few people flip).
 *
 * Everything comes from term_topic, which holds every token (generic verbs included),
 * and tracks.tokens_with_verbs. The formulas and their edge cases are those of
 * analysis/tables/stats.ts (statistics.md); tests/src/lib/db/derive.test.ts checks the
 * rows against the analysis stage's own 'kept' computation on the real guides and on
 * random editions. Relative imports so Node scripts run through tsx can use this module.
 *
 * The loader derives at once (tests, benchmarks); the dashboard derives on first use
 * (`deriveOnFirstUse`), so the default view never waits for rows it does not show.
 */
import type { Connector, Query, QueryOptions } from './connector.ts';

/** Per (edition, track, term): tokens and topics, every token counted. */
const KEPT_COUNTS = `
  SELECT edition_id, track_no, term, SUM(count)::INTEGER AS count, COUNT(*)::INTEGER AS topics
  FROM term_topic
  GROUP BY edition_id, track_no, term`;

/** x · ln(x / e) with 0 · ln 0 = 0. */
const xLnXOverE = (x: string, e: string) => `(CASE WHEN ${x} = 0 THEN 0 ELSE ${x} * ln(${x} / (${e})) END)`;

/** Signed G² (Rayson & Garside 2000), as g2Signed in analysis/tables/stats.ts. */
function g2Signed(a: string, b: string, c: string, d: string): string {
  const e1 = `${c} * (${a} + ${b}) / (${c} + ${d})`;
  const e2 = `${d} * (${a} + ${b}) / (${c} + ${d})`;
  return `CASE WHEN ${c} <= 0 OR ${d} <= 0 OR ${a} + ${b} <= 0 OR ${a} * ${d} = ${b} * ${c} THEN 0
    ELSE (CASE WHEN ${a} * ${d} < ${b} * ${c} THEN -1 ELSE 1 END)
      * greatest(0, 2 * (${xLnXOverE(a, e1)} + ${xLnXOverE(b, e2)})) END`;
}

/** Log Ratio (Hardie 2014) with 0.5 for a zero count, 0 when a corpus is empty. */
function logRatio(a: string, b: string, c: string, d: string): string {
  const half = (x: string) => `(CASE WHEN ${x} = 0 THEN 0.5 ELSE ${x} END)`;
  return `CASE WHEN ${c} <= 0 OR ${d} <= 0 THEN 0 ELSE log2(${half(a)} * ${d} / (${half(b)} * ${c})) END`;
}

const per10k = (count: string, tokens: string) => `CASE WHEN ${tokens} <= 0 THEN 0 ELSE ${count} / ${tokens} * 10000 END`;

export const DERIVE_TERM_TRACK = `
INSERT INTO term_track
WITH k AS (${KEPT_COUNTS}),
trk AS (
  SELECT edition_id, track_no, tokens_with_verbs::DOUBLE AS c,
    SUM(tokens_with_verbs) OVER (PARTITION BY edition_id)::DOUBLE AS total
  FROM tracks
),
totals AS (SELECT edition_id, term, SUM(count)::DOUBLE AS n FROM k GROUP BY edition_id, term),
x AS (
  SELECT k.edition_id, k.track_no, k.term, k.count, k.topics,
    k.count::DOUBLE AS a, totals.n - k.count AS b, trk.c, trk.total - trk.c AS d
  FROM k JOIN trk USING (edition_id, track_no) JOIN totals USING (edition_id, term)
)
SELECT edition_id, 'kept', track_no, term, count, topics,
  ${per10k('a', 'c')}, ${g2Signed('a', 'b', 'c', 'd')}, ${logRatio('a', 'b', 'c', 'd')}
FROM x`;

/** Gries' DP over tracks (tracks without the term count, their deviation is their share). */
export const DERIVE_TERM_STATS = `
INSERT INTO term_stats
WITH k AS (${KEPT_COUNTS}),
ed AS (
  SELECT edition_id, SUM(tokens_with_verbs)::DOUBLE AS total FROM tracks GROUP BY edition_id
),
shares AS (
  SELECT t.edition_id, t.track_no, CASE WHEN ed.total > 0 THEN t.tokens_with_verbs / ed.total ELSE 0 END AS s
  FROM tracks t JOIN ed USING (edition_id)
),
edition_shares AS (SELECT edition_id, MIN(s) AS min_share, SUM(s) AS all_shares FROM shares GROUP BY edition_id),
per_track AS (
  SELECT k.edition_id, k.term, k.count, shares.s,
    SUM(k.count) OVER (PARTITION BY k.edition_id, k.term)::DOUBLE AS v
  FROM k JOIN shares USING (edition_id, track_no)
),
spread AS (
  SELECT edition_id, term, SUM(count)::INTEGER AS count, COUNT(*)::INTEGER AS tracks,
    SUM(abs(count / v - s)) AS present_deviation, SUM(s) AS present_share
  FROM per_track GROUP BY edition_id, term
),
topic_counts AS (SELECT edition_id, term, COUNT(*)::INTEGER AS topics FROM term_topic GROUP BY edition_id, term),
x AS (
  SELECT spread.*, topic_counts.topics, ed.total, edition_shares.min_share,
    CASE WHEN spread.count <= 0 OR ed.total <= 0 OR edition_shares.min_share >= 1 THEN 0
      ELSE least(1, (present_deviation + greatest(0, all_shares - present_share)) / 2) END AS dp
  FROM spread
    JOIN topic_counts USING (edition_id, term)
    JOIN ed USING (edition_id)
    JOIN edition_shares USING (edition_id)
)
SELECT edition_id, 'kept', term, count, topics, tracks, ${per10k('count', 'total')}, dp,
  CASE WHEN min_share >= 1 THEN 0 ELSE least(1, dp / (1 - min_share)) END
FROM x`;

/** Every pair of tracks: shared terms, Jaccard, TF-IDF cosine, top shared by min(tf) · idf. */
export const DERIVE_TRACK_OVERLAP = `
INSERT INTO track_overlap
WITH k AS (${KEPT_COUNTS}),
track_counts AS (SELECT edition_id, COUNT(*)::DOUBLE AS t FROM tracks GROUP BY edition_id),
df AS (SELECT edition_id, term, COUNT(*)::DOUBLE AS df FROM k GROUP BY edition_id, term),
w AS (
  SELECT k.edition_id, k.track_no, k.term, k.count::DOUBLE AS tf,
    CASE WHEN df.df <= 0 OR tc.t <= 0 THEN 0 ELSE ln(tc.t / df.df) END AS idf
  FROM k JOIN df USING (edition_id, term) JOIN track_counts tc USING (edition_id)
),
norms AS (
  SELECT edition_id, track_no, SUM((tf * idf) * (tf * idf)) AS squared, COUNT(*) AS terms
  FROM w GROUP BY edition_id, track_no
),
shared AS (
  SELECT x.edition_id, x.track_no AS track_a, y.track_no AS track_b, COUNT(*) AS shared,
    SUM(x.tf * x.idf * y.tf * y.idf) AS dot,
    list(x.term ORDER BY least(x.tf, y.tf) * x.idf DESC, x.term) AS ranked
  FROM w x JOIN w y ON x.edition_id = y.edition_id AND x.term = y.term AND x.track_no < y.track_no
  GROUP BY x.edition_id, x.track_no, y.track_no
),
pairs AS (
  SELECT a.edition_id, a.track_no AS track_a, b.track_no AS track_b
  FROM tracks a JOIN tracks b ON a.edition_id = b.edition_id AND a.track_no < b.track_no
),
x AS (
  SELECT p.edition_id, p.track_a, p.track_b, coalesce(s.shared, 0) AS shared, coalesce(s.dot, 0) AS dot, s.ranked,
    coalesce(na.terms, 0) AS terms_a, coalesce(nb.terms, 0) AS terms_b,
    sqrt(coalesce(na.squared, 0)) * sqrt(coalesce(nb.squared, 0)) AS norms
  FROM pairs p
    LEFT JOIN shared s USING (edition_id, track_a, track_b)
    LEFT JOIN norms na ON na.edition_id = p.edition_id AND na.track_no = p.track_a
    LEFT JOIN norms nb ON nb.edition_id = p.edition_id AND nb.track_no = p.track_b
)
SELECT edition_id, 'kept', track_a, track_b, shared::INTEGER,
  CASE WHEN terms_a + terms_b - shared <= 0 THEN 0 ELSE shared / (terms_a + terms_b - shared) END,
  CASE WHEN norms = 0 OR dot = 0 THEN 0 ELSE least(1, greatest(-1, dot / norms)) END,
  coalesce(array_to_string(ranked[1:10], '、'), '')
FROM x`;

/** The statements, in the order the loader runs them. */
export const DERIVE_KEPT_VARIANT = [DERIVE_TERM_TRACK, DERIVE_TERM_STATS, DERIVE_TRACK_OVERLAP] as const;

export const DERIVED_TABLES = ['term_track', 'term_stats', 'track_overlap'] as const;

/** Runs the derivation; the tables must hold the stored rows and no 'kept' rows yet. */
export async function deriveKeptVariant(connector: Connector): Promise<void> {
  for (const statement of DERIVE_KEPT_VARIANT) await connector.query({ sql: statement });
}

const MENTIONS_DERIVED = new RegExp(`\\b(${DERIVED_TABLES.join('|')})\\b`, 'i');

/**
 * Whether a query could read 'kept' rows: it names a derived table and does not bind
 * 'removed' as its only variant. Every view binds the variant as a parameter; SQL typed
 * in the console binds none, so it always sees both variants.
 */
export function mayReadKeptRows(q: Query): boolean {
  if (!MENTIONS_DERIVED.test(q.sql)) return false;
  const params = q.params ?? [];
  return !params.includes('removed') || params.includes('kept') || /kept/i.test(q.sql);
}

/**
 * The connector with the 'kept' rows derived before the first query that may read them
 * (once; queries after it wait for the same derivation). A failed derivation fails that
 * query and is retried by the next one.
 */
export function deriveOnFirstUse(connector: Connector, derive: (c: Connector) => Promise<void> = deriveKeptVariant): Connector {
  let derived: Promise<void> | null = null;
  const ensure = () =>
    (derived ??= derive(connector).catch((error: unknown) => {
      derived = null;
      throw error;
    }));
  return {
    async query<T = Record<string, unknown>>(q: Query, options?: QueryOptions): Promise<T[]> {
      if (mayReadKeptRows(q)) await ensure();
      return connector.query<T>(q, options);
    },
    close: () => connector.close()
  };
}
