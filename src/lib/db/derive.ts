/**
 * Rows the files leave out, derived in SQL per edition:
 * - term_track and track_overlap, both generic-verb variants: the analysis stage writes
 *   neither (they were a third of its output and a large share of its encoding time, and
 *   every view reads them for one edition at a time);
 * - the 'kept' generic-verb rows of term_stats (the files hold its 'removed' rows: term pages
 *   read it for every edition, so it stays stored);
 * - the whole cooccurrence table (derive-cooccurrence.ts).
 *
 * Everything comes from term_topic, which holds every token (generic verbs included), with
 * terms.generic_verb telling which terms the 'removed' variant leaves out, and the track
 * totals tracks.tokens ('removed') and tracks.tokens_with_verbs ('kept'). The formulas and
 * their edge cases are those of analysis/tables/stats.ts (statistics.md), which stays the
 * reference: tests/src/lib/db/derive.test.ts checks every derived row against the analysis
 * stage's own computation of both variants on the real guides and on random editions.
 * Relative imports so Node scripts run through tsx can use this module.
 *
 * Every statement is a function of an edition scope (`{scope}` in the SQL stands for
 * `IN (?, …)` with the edition ids bound) and starts by deleting the scope's derived rows,
 * so deriving an edition twice leaves the same rows (and rows an older output stored are
 * replaced, not doubled). The loader derives every edition at once (tests, benchmarks); the
 * dashboard derives on first use (`deriveOnFirstUse`), edition by edition as they are loaded,
 * so the default view never waits for rows it does not show.
 */
import { DERIVED_TABLE_NAMES } from '../../../analysis/contract.ts';
import type { Connector, Query, QueryOptions } from './connector.ts';
import { deriveCooccurrence, SCOPE, scopeMarks } from './derive-cooccurrence.ts';

export type Variant = 'removed' | 'kept';

/** Per (edition, track, term) of the scope: tokens and topics; 'removed' leaves the generic verbs out. */
function counts(variant: Variant): string {
  const verbs = variant === 'removed' ? 'AND term NOT IN (SELECT term FROM terms WHERE generic_verb)' : '';
  return `
  SELECT edition_id, track_no, term, SUM(count)::INTEGER AS count, COUNT(*)::INTEGER AS topics
  FROM term_topic WHERE edition_id ${SCOPE} ${verbs}
  GROUP BY edition_id, track_no, term`;
}

/** The track total a variant's rates divide by. */
const TRACK_TOKENS: Record<Variant, string> = { removed: 'tokens', kept: 'tokens_with_verbs' };

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

export const deriveTermTrack = (variant: Variant) => `
INSERT INTO term_track
WITH k AS (${counts(variant)}),
trk AS (
  SELECT edition_id, track_no, ${TRACK_TOKENS[variant]}::DOUBLE AS c,
    SUM(${TRACK_TOKENS[variant]}) OVER (PARTITION BY edition_id)::DOUBLE AS total
  FROM tracks WHERE edition_id ${SCOPE}
),
totals AS (SELECT edition_id, term, SUM(count)::DOUBLE AS n FROM k GROUP BY edition_id, term),
x AS (
  SELECT k.edition_id, k.track_no, k.term, k.count, k.topics,
    k.count::DOUBLE AS a, totals.n - k.count AS b, trk.c, trk.total - trk.c AS d
  FROM k JOIN trk USING (edition_id, track_no) JOIN totals USING (edition_id, term)
)
SELECT edition_id, '${variant}', track_no, term, count, topics,
  ${per10k('a', 'c')}, ${g2Signed('a', 'b', 'c', 'd')}, ${logRatio('a', 'b', 'c', 'd')}
FROM x`;

/** Gries' DP over tracks (tracks without the term count, their deviation is their share). */
export const deriveTermStats = (variant: Variant) => `
INSERT INTO term_stats
WITH k AS (${counts(variant)}),
ed AS (
  SELECT edition_id, SUM(${TRACK_TOKENS[variant]})::DOUBLE AS total FROM tracks WHERE edition_id ${SCOPE} GROUP BY edition_id
),
shares AS (
  SELECT t.edition_id, t.track_no, CASE WHEN ed.total > 0 THEN t.${TRACK_TOKENS[variant]} / ed.total ELSE 0 END AS s
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
topic_counts AS (
  SELECT edition_id, term, COUNT(*)::INTEGER AS topics FROM term_topic WHERE edition_id ${SCOPE} GROUP BY edition_id, term
),
x AS (
  SELECT spread.*, topic_counts.topics, ed.total, edition_shares.min_share,
    CASE WHEN spread.count <= 0 OR ed.total <= 0 OR edition_shares.min_share >= 1 THEN 0
      ELSE least(1, (present_deviation + greatest(0, all_shares - present_share)) / 2) END AS dp
  FROM spread
    JOIN topic_counts USING (edition_id, term)
    JOIN ed USING (edition_id)
    JOIN edition_shares USING (edition_id)
)
SELECT edition_id, '${variant}', term, count, topics, tracks, ${per10k('count', 'total')}, dp,
  CASE WHEN min_share >= 1 THEN 0 ELSE least(1, dp / (1 - min_share)) END
FROM x`;

/**
 * Every pair of tracks: shared terms, Jaccard, TF-IDF cosine, top shared by min(tf) · idf.
 * The cosine's sums add their terms in term order (list_sum of an ordered list), not in the
 * order the rows happen to lie: SUM gave last-digit differences between an engine holding one
 * edition and one holding all, and between the server's first answers and the page's engine.
 */
export const deriveTrackOverlap = (variant: Variant) => `
INSERT INTO track_overlap
WITH k AS (${counts(variant)}),
track_counts AS (SELECT edition_id, COUNT(*)::DOUBLE AS t FROM tracks WHERE edition_id ${SCOPE} GROUP BY edition_id),
df AS (SELECT edition_id, term, COUNT(*)::DOUBLE AS df FROM k GROUP BY edition_id, term),
w AS (
  SELECT k.edition_id, k.track_no, k.term, k.count::DOUBLE AS tf,
    CASE WHEN df.df <= 0 OR tc.t <= 0 THEN 0 ELSE ln(tc.t / df.df) END AS idf
  FROM k JOIN df USING (edition_id, term) JOIN track_counts tc USING (edition_id)
),
norms AS (
  SELECT edition_id, track_no, list_sum(list((tf * idf) * (tf * idf) ORDER BY term)) AS squared, COUNT(*) AS terms
  FROM w GROUP BY edition_id, track_no
),
shared AS (
  SELECT x.edition_id, x.track_no AS track_a, y.track_no AS track_b, COUNT(*) AS shared,
    list_sum(list(x.tf * x.idf * y.tf * y.idf ORDER BY x.term)) AS dot,
    list(x.term ORDER BY least(x.tf, y.tf) * x.idf DESC, x.term) AS ranked
  FROM w x JOIN w y ON x.edition_id = y.edition_id AND x.term = y.term AND x.track_no < y.track_no
  GROUP BY x.edition_id, x.track_no, y.track_no
),
pairs AS (
  SELECT a.edition_id, a.track_no AS track_a, b.track_no AS track_b
  FROM tracks a JOIN tracks b ON a.edition_id = b.edition_id AND a.track_no < b.track_no
  WHERE a.edition_id ${SCOPE}
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
SELECT edition_id, '${variant}', track_a, track_b, shared::INTEGER,
  CASE WHEN terms_a + terms_b - shared <= 0 THEN 0 ELSE shared / (terms_a + terms_b - shared) END,
  CASE WHEN norms = 0 OR dot = 0 THEN 0 ELSE least(1, greatest(-1, dot / norms)) END,
  coalesce(array_to_string(ranked[1:10], '、'), '')
FROM x`;

/** What a derivation needs besides the tables: the analysis run's options (manifest.options). */
export interface DeriveOptions {
  /** A co-occurring pair is kept when it shares at least this many topics or sentences. */
  minPairCount: number;
}

/** One derived set of rows: which queries read it, and the statements that make it for a scope. */
export interface Derivation {
  name: VariantTable | 'kept' | 'cooccurrence';
  /** The tables it fills (for messages). */
  tables: readonly string[];
  /** Whether a query may read the rows this derivation adds. */
  reads(q: Query): boolean;
  /** Of the loaded editions, those a query that reads these rows needs derived. */
  scope(q: Query, loaded: readonly string[]): readonly string[];
  /** Statements for these editions; running them again replaces the rows, never adds. */
  statements(editionIds: readonly string[], options: DeriveOptions): Query[];
}

/** The statement with `{scope}` bound to the editions (the ids once per mark). */
function scoped(sql: string, editionIds: readonly string[]): Query {
  const parts = sql.split(SCOPE);
  return { sql: parts.join(scopeMarks(editionIds)), params: parts.slice(1).flatMap(() => editionIds) };
}

/** The tables with a generic-verb variant column (term_track and track_overlap are wholly derived; term_stats only its 'kept' rows). */
export const VARIANT_TABLES = ['term_track', 'term_stats', 'track_overlap'] as const;
type VariantTable = (typeof VARIANT_TABLES)[number];

const DERIVE_STATEMENT: Record<VariantTable, (variant: Variant) => string> = {
  term_track: deriveTermTrack,
  term_stats: deriveTermStats,
  track_overlap: deriveTrackOverlap
};

/** The variant tables the files do not hold at all (contract.ts DERIVED_TABLE_NAMES): their 'removed' rows are derived too. */
export const WHOLLY_DERIVED: readonly VariantTable[] = VARIANT_TABLES.filter((table) => DERIVED_TABLE_NAMES.includes(table));

const MENTIONS_VARIANT_TABLE = new RegExp(`\\b(${VARIANT_TABLES.join('|')})\\b`, 'i');
const mentions = (table: string) => new RegExp(`\\b${table}\\b`, 'i');
const MENTIONS_COOCCURRENCE = /\bcooccurrence\b/i;

/**
 * Whether a query could read 'kept' rows: it names a variant table and does not bind
 * 'removed' as its only variant. Every view binds the variant as a parameter; SQL typed
 * in the console binds none, so it always sees both variants.
 */
export function mayReadKeptRows(q: Query): boolean {
  if (!MENTIONS_VARIANT_TABLE.test(q.sql)) return false;
  const params = q.params ?? [];
  return !params.includes('removed') || params.includes('kept') || /kept/i.test(q.sql);
}

/** Whether a query names the cooccurrence table (the network, a term's partners, the console). */
export function mayReadCooccurrence(q: Query): boolean {
  return MENTIONS_COOCCURRENCE.test(q.sql);
}

/** Delete the scope's rows of the variant, then insert them again. */
function variantStatements(tables: readonly VariantTable[], variant: Variant, editionIds: readonly string[]): Query[] {
  if (editionIds.length === 0) return [];
  return tables.flatMap((table) => [
    { sql: `DELETE FROM ${table} WHERE generic_verbs = '${variant}' AND edition_id ${scopeMarks(editionIds)}`, params: [...editionIds] },
    scoped(DERIVE_STATEMENT[table](variant), editionIds)
  ]);
}

export const KEPT_DERIVATION: Derivation = {
  name: 'kept',
  tables: VARIANT_TABLES,
  reads: mayReadKeptRows,
  // Some views read the 'kept' rows of every edition while binding one (the term trend).
  scope: (_q, loaded) => loaded,
  statements: (editionIds) => variantStatements(VARIANT_TABLES, 'kept', editionIds)
};

/**
 * The editions whose pairs a query needs: those it binds as parameters (every view that reads
 * pairs binds its edition: the network, a term's partners), else every loaded one (SQL typed in the
 * console binds none, so it sees every edition). Opening the network of one edition of
 * 1,000 then derives that edition, not all of them.
 */
export function boundEditions(q: Query, loaded: readonly string[]): readonly string[] {
  const bound = new Set((q.params ?? []).filter((p): p is string => typeof p === 'string'));
  const named = loaded.filter((id) => bound.has(id));
  return named.length > 0 ? named : loaded;
}

/**
 * The generic-verbs-removed rows of one wholly derived table, for the edition a query binds
 * (every view binds the one it shows): a query naming the table may read them. One derivation
 * per table, so 总览, which reads term_track alone, does not wait for track_overlap.
 */
function removedDerivation(table: VariantTable): Derivation & { name: VariantTable } {
  const named = mentions(table);
  return {
    name: table,
    tables: [table],
    reads: (q) => named.test(q.sql),
    scope: boundEditions,
    statements: (editionIds) => variantStatements([table], 'removed', editionIds)
  };
}

export const REMOVED_DERIVATIONS: readonly (Derivation & { name: VariantTable })[] = WHOLLY_DERIVED.map(removedDerivation);

export const COOCCURRENCE_DERIVATION: Derivation = {
  name: 'cooccurrence',
  tables: ['cooccurrence'],
  reads: mayReadCooccurrence,
  scope: boundEditions,
  statements: (editionIds, options) => deriveCooccurrence(editionIds, options.minPairCount)
};

/** Every derivation, in the order the loader runs them. */
export const DERIVATIONS: readonly Derivation[] = [...REMOVED_DERIVATIONS, KEPT_DERIVATION, COOCCURRENCE_DERIVATION];

/**
 * Editions per run of a derivation's statements: the self-joins hold every pair of every
 * edition of the run before grouping (a Hunan-sized edition: ~200,000 rows), so a 1,000-edition
 * scope is derived a few editions at a time instead of in one join that would not fit a tab.
 */
export const EDITIONS_PER_RUN = 16;

/** Runs one derivation for the editions (statement by statement: each binds parameters). */
export async function runDerivation(connector: Connector, derivation: Derivation, editionIds: readonly string[], options: DeriveOptions): Promise<void> {
  for (let at = 0; at < editionIds.length; at += EDITIONS_PER_RUN) {
    for (const statement of derivation.statements(editionIds.slice(at, at + EDITIONS_PER_RUN), options)) await connector.query(statement);
  }
}

/** Every edition in the editions table: what "loaded" means while all tables load at once. */
export async function loadedEditions(connector: Connector): Promise<string[]> {
  const rows = await connector.query<{ edition_id: string }>({ sql: 'SELECT edition_id FROM editions ORDER BY edition_id' });
  return rows.map((r) => r.edition_id);
}

/** Derives the 'kept' rows of the editions (default: every loaded one). */
export async function deriveKeptVariant(connector: Connector, editionIds?: readonly string[]): Promise<void> {
  await runDerivation(connector, KEPT_DERIVATION, editionIds ?? (await loadedEditions(connector)), { minPairCount: 1 });
}

export interface FirstUseOptions extends DeriveOptions {
  /** The editions whose rows are loaded now (default: every row of the editions table). */
  editions?: () => readonly string[] | Promise<readonly string[]>;
  /** The derivations (default DERIVATIONS); tests pass counting wrappers. */
  derivations?: readonly Derivation[];
}

/**
 * The connector with each derivation run before the first query that may read its rows,
 * for the editions that query needs (`Derivation.scope`) among those loaded at that moment
 * and not derived yet: an edition loaded later is derived by the next query that needs it.
 * Derivations run one at a time; a failed one fails that query, and its editions are
 * tried again by the next one.
 */
export function deriveOnFirstUse(connector: Connector, options: FirstUseOptions): Connector {
  const derivations = options.derivations ?? DERIVATIONS;
  const editions = options.editions ?? (() => loadedEditions(connector));
  const derived = new Map<Derivation, Set<string>>(derivations.map((d) => [d, new Set()]));
  let queue: Promise<void> = Promise.resolve();
  const ensure = (q: Query, needed: readonly Derivation[]): Promise<void> => {
    const run = queue.then(async () => {
      const loaded = await editions();
      for (const derivation of needed) {
        const done = derived.get(derivation)!;
        const missing = derivation.scope(q, loaded).filter((id) => !done.has(id));
        if (missing.length === 0) continue;
        await runDerivation(connector, derivation, missing, options);
        for (const id of missing) done.add(id);
      }
    });
    queue = run.catch(() => {});
    return run;
  };
  return {
    async query<T = Record<string, unknown>>(q: Query, queryOptions?: QueryOptions): Promise<T[]> {
      const needed = derivations.filter((d) => d.reads(q));
      if (needed.length > 0) await ensure(q, needed);
      return connector.query<T>(q, queryOptions);
    },
    close: () => connector.close()
  };
}
