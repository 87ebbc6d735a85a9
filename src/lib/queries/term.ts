/**
 * Queries behind 词条: the term index (the segmentation audit list) and one term's page
 * (count by track, spread, KWIC lines, co-occurring terms, trend across editions).
 */
import { G2_SIGNIFICANT, type GenericVerbs } from '../../../analysis/contract.ts';
import { empty, pick, sql, toQuery, type Fragment, type Query } from './builder.ts';
import { genericVerbClause, themeClause, tracksClause, TRACK_TOKENS, type FilterParams } from './filters.ts';

export interface SpreadRow {
  term: string;
  /** Tokens over the chosen tracks. */
  count: number;
  /** Topics of the chosen tracks containing the term. */
  topics: number;
  /** Chosen tracks containing the term (覆盖赛道数). */
  tracks: number;
  /** count / tokens of the chosen tracks × 10,000. */
  per10k: number;
  /** Gries' DP over the chosen tracks. */
  dispersion_dp: number;
  dp_norm: number;
}

/**
 * Frequency and spread of every term (or one) over the chosen tracks, summed from
 * term_track so a subset of tracks and the whole edition go through the same arithmetic.
 * With all tracks it equals term_stats (tested on the real tables). DP follows
 * statistics.md and analysis/tables/stats.ts griesDp: parts are the chosen tracks, shares
 * their token counts, a term's absent tracks count as 0, one part → DP 0. The deviations add
 * in track order, so an engine holding one edition or all of them gives the same last digit.
 */
function spreadCte(p: FilterParams, term: string | null): Fragment {
  return sql`
    chosen AS (
      SELECT track_no, ${pick(TRACK_TOKENS, p.genericVerbs)}::DOUBLE AS tokens
      FROM tracks WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    size AS (
      SELECT SUM(tokens) AS tokens, MIN(tokens) / NULLIF(SUM(tokens), 0) AS min_share FROM chosen
    ),
    cells AS (
      SELECT tt.term, tt.track_no, tt.count, tt.topics
      FROM term_track tt JOIN chosen c ON c.track_no = tt.track_no
      WHERE tt.edition_id = ${p.edition} AND tt.generic_verbs = ${p.genericVerbs}
        ${term === null ? empty : sql`AND tt.term = ${term}`}
        ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
    ),
    per_term AS (
      SELECT term, SUM(count)::DOUBLE AS v, SUM(count)::INTEGER AS count, SUM(topics)::INTEGER AS topics,
        (COUNT(*) FILTER (WHERE count > 0))::INTEGER AS tracks
      FROM cells GROUP BY term HAVING SUM(count) > 0
    ),
    deviation AS (
      SELECT pt.term, list_sum(list(abs(COALESCE(x.count, 0) / pt.v - c.tokens / NULLIF(s.tokens, 0)) ORDER BY c.track_no)) AS d
      FROM per_term pt CROSS JOIN chosen c CROSS JOIN size s
      LEFT JOIN cells x ON x.term = pt.term AND x.track_no = c.track_no
      GROUP BY pt.term
    ),
    spread AS (
      SELECT pt.term, pt.count, pt.topics, pt.tracks,
        COALESCE(pt.v * 10000.0 / NULLIF(s.tokens, 0), 0) AS per10k,
        CASE WHEN COALESCE(s.tokens, 0) <= 0 OR s.min_share >= 1 THEN 0.0 ELSE least(1.0, d.d / 2) END AS dispersion_dp,
        CASE WHEN COALESCE(s.tokens, 0) <= 0 OR s.min_share >= 1 THEN 0.0 ELSE least(1.0, (d.d / 2) / (1 - s.min_share)) END AS dp_norm
      FROM per_term pt JOIN deviation d ON d.term = pt.term CROSS JOIN size s
    )`;
}

// ── /terms: the index ─────────────────────────────────────────────

/** Columns the index can be sorted by; keys travel in the URL, values are SQL. */
export const TERM_SORTS = {
  count: 's.count',
  tracks: 's.tracks',
  dp: 's.dispersion_dp',
  topics: 's.topics',
  chars: 'w.chars',
  term: 's.term'
} as const;
export type TermSort = keyof typeof TERM_SORTS;
export const TERM_SORT_KEYS = Object.keys(TERM_SORTS) as TermSort[];
export const SORT_DIRECTIONS = { desc: 'DESC', asc: 'ASC' } as const;
export type SortDirection = keyof typeof SORT_DIRECTIONS;

export interface TermIndexRow extends SpreadRow {
  chars: number;
  in_dictionary: boolean;
  generic_verb: boolean;
  themes: string;
  variants: string;
  /** Rows matching the search, however many the limit lets through. */
  total: number;
}

/**
 * Every term of the edition (over the chosen tracks) with its figures and dictionary facts.
 * `q` matches the term or one of its variants as a literal substring (case-insensitive for
 * Latin letters); `single` keeps single-character terms only (the segmentation audit).
 */
export function termIndex(
  p: FilterParams & { q: string; single: boolean; sort: TermSort; dir: SortDirection; limit: number }
): Query {
  const q = p.q.trim();
  return toQuery(sql`
    WITH ${spreadCte(p, null)}
    SELECT s.term, s.count, s.topics, s.tracks, s.per10k, s.dispersion_dp, s.dp_norm,
      w.chars, w.in_dictionary, w.generic_verb, w.themes, w.variants,
      (COUNT(*) OVER ())::INTEGER AS total
    FROM spread s JOIN terms w ON w.term = s.term
    WHERE TRUE
      ${themeClause(sql`s.term`, p.theme)}
      ${p.single ? sql`AND w.chars = 1` : empty}
      ${q === '' ? empty : sql`AND (strpos(lower(s.term), lower(${q})) > 0 OR strpos(lower(w.variants), lower(${q})) > 0)`}
    ORDER BY ${pick(TERM_SORTS, p.sort)} ${pick(SORT_DIRECTIONS, p.dir)}, s.count DESC, s.term
    LIMIT ${p.limit}`);
}

export interface TermCountsRow {
  /** Terms of the edition over the chosen tracks (theme filter applied). */
  terms: number;
  /** Of which single characters: the first place to look for segmentation errors. */
  single: number;
}

export function termCounts(p: FilterParams): Query {
  return toQuery(sql`
    WITH ${spreadCte(p, null)}
    SELECT COUNT(*)::INTEGER AS terms, (COUNT(*) FILTER (WHERE w.chars = 1))::INTEGER AS single
    FROM spread s JOIN terms w ON w.term = s.term
    WHERE TRUE ${themeClause(sql`s.term`, p.theme)}`);
}

// ── /terms/[term]: one term ───────────────────────────────────────

export interface TermInfoRow {
  term: string;
  /** Tokens over all editions. */
  count: number;
  editions: number;
  topics: number;
  chars: number;
  in_dictionary: boolean;
  generic_verb: boolean;
  themes: string;
  variants: string;
}

/** The term's row of the vocabulary; no row when the term is unknown. */
export function termInfo(p: { term: string }): Query {
  return toQuery(sql`
    SELECT term, count, editions, topics, chars, in_dictionary, generic_verb, themes, variants
    FROM terms WHERE term = ${p.term}`);
}

export interface TermSpreadRow extends SpreadRow {
  /** Tracks chosen (the most the term could cover). */
  chosen_tracks: number;
}

/** The term's frequency, 覆盖赛道数 and DP in the edition over the chosen tracks. */
export function termSpread(p: FilterParams & { term: string }): Query {
  return toQuery(sql`
    WITH ${spreadCte(p, p.term)}
    SELECT s.*, (SELECT COUNT(*) FROM chosen)::INTEGER AS chosen_tracks FROM spread s`);
}

export interface SimilarTermRow {
  term: string;
  count: number;
  editions: number;
}

/**
 * Terms that look like `term`: contain it, are contained in it (two characters or more),
 * or share its first two characters. For the "unknown term" message.
 */
export function similarTerms(p: { term: string; limit: number }): Query {
  const q = p.term.trim();
  const prefix = [...q].slice(0, 2).join('');
  return toQuery(sql`
    SELECT term, count, editions FROM terms
    WHERE term <> ${q} AND (
      strpos(lower(term), lower(${q})) > 0
      OR (chars >= 2 AND strpos(lower(${q}), lower(term)) > 0)
      OR (length(${prefix}) = 2 AND starts_with(term, ${prefix}))
    )
    ORDER BY count DESC, term
    LIMIT ${p.limit}`);
}

export interface TermTrackRow {
  track_no: number;
  track_name: string;
  count: number;
  topics: number;
  per10k: number;
  keyness_g2: number;
  log_ratio: number;
}

/** The term's count in each chosen track that contains it, in guide order. */
export function termByTrack(p: FilterParams & { term: string }): Query {
  return toQuery(sql`
    SELECT tt.track_no, t.track_name, tt.count, tt.topics, tt.per10k, tt.keyness_g2, tt.log_ratio
    FROM term_track tt JOIN tracks t ON t.edition_id = tt.edition_id AND t.track_no = tt.track_no
    WHERE tt.edition_id = ${p.edition} AND tt.generic_verbs = ${p.genericVerbs} AND tt.term = ${p.term}
      AND tt.count > 0
      ${tracksClause(sql`tt.track_no`, p.tracks)}
    ORDER BY tt.track_no`);
}

export const KWIC_SORTS = {
  position: 'k.track_no, k.topic_no, k.part_order, k.start',
  left: 'reverse(k.left_text), k.track_no, k.topic_no, k.part_order, k.start',
  right: 'k.right_text, k.track_no, k.topic_no, k.part_order, k.start'
} as const;
export type KwicSort = keyof typeof KWIC_SORTS;
export const KWIC_SORT_KEYS = Object.keys(KWIC_SORTS) as KwicSort[];

export interface KwicRow {
  track_no: number;
  track_name: string;
  topic_no: number;
  /** 'title' or 'body'. */
  part: string;
  /** Offset of the match in the title or body (0-based, UTF-16 units = characters here). */
  start: number;
  length: number;
  left_text: string;
  /** The surface form as written (a thesaurus variant may differ from the term). */
  match_text: string;
  right_text: string;
  /** The context was cut at the window (text goes on beyond it). */
  clipped_left: boolean;
  clipped_right: boolean;
  /** All lines, however many the limit lets through. */
  total: number;
}

/**
 * 关键词上下文: every occurrence of the term in the chosen tracks' titles and bodies with
 * `window` characters either side, from term_topic's spans. Spans are 0-based; DuckDB's
 * substr is 1-based.
 */
export function termKwic(
  p: { edition: string; tracks: readonly number[] | null; term: string; window: number; sort: KwicSort; limit: number }
): Query {
  return toQuery(sql`
    WITH spans AS (
      SELECT track_no, topic_no, 'title' AS part, 0 AS part_order, unnest(string_split(title_spans, ' ')) AS span
      FROM term_topic WHERE edition_id = ${p.edition} AND term = ${p.term} ${tracksClause(sql`track_no`, p.tracks)}
      UNION ALL
      SELECT track_no, topic_no, 'body', 1, unnest(string_split(body_spans, ' '))
      FROM term_topic WHERE edition_id = ${p.edition} AND term = ${p.term} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    parsed AS (
      SELECT track_no, topic_no, part, part_order,
        CAST(split_part(span, ':', 1) AS INTEGER) AS start, CAST(split_part(span, ':', 2) AS INTEGER) AS len
      FROM spans WHERE span <> ''
    ),
    located AS (
      SELECT x.*, t.track_name, CASE x.part WHEN 'title' THEN t.title ELSE t.body END AS text,
        greatest(x.start - ${p.window}::INTEGER, 0) AS from_at
      FROM parsed x JOIN topics t ON t.edition_id = ${p.edition} AND t.track_no = x.track_no AND t.topic_no = x.topic_no
    ),
    k AS (
      SELECT track_no, track_name, topic_no, part, part_order, start, len,
        substr(text, from_at + 1, start - from_at) AS left_text,
        substr(text, start + 1, len) AS match_text,
        substr(text, start + len + 1, ${p.window}::INTEGER) AS right_text,
        from_at > 0 AS clipped_left,
        start + len + ${p.window}::INTEGER < length(text) AS clipped_right
      FROM located
    )
    SELECT k.track_no, k.track_name, k.topic_no, k.part, k.start, k.len AS length, k.left_text, k.match_text, k.right_text,
      k.clipped_left, k.clipped_right, (COUNT(*) OVER ())::INTEGER AS total
    FROM k
    ORDER BY ${pick(KWIC_SORTS, p.sort)}
    LIMIT ${p.limit}`);
}

/** Co-occurrence figures per window; keys travel in the URL, values are columns. */
export const COOC_WINDOWS = ['topic', 'sentence'] as const;
export type CoocWindow = (typeof COOC_WINDOWS)[number];
const TOPIC_STATS = { count: 'topics', jaccard: 'jaccard', association: 'association_strength', npmi: 'npmi' } as const;
const SENTENCE_STATS = {
  count: 'sentences',
  jaccard: 'sentence_jaccard',
  association: 'sentence_association_strength',
  npmi: 'sentence_npmi'
} as const;
export type CoocStat = keyof typeof TOPIC_STATS;
export const COOC_STAT_KEYS = Object.keys(TOPIC_STATS) as CoocStat[];

export interface CooccurrenceRow {
  partner: string;
  /** The chosen statistic in the chosen window. */
  value: number;
  /** Topics (or sentences, for the sentence window) containing both terms. */
  together: number;
  jaccard: number;
  association_strength: number;
  npmi: number;
}

/**
 * Terms co-occurring with `term` in the edition, by the chosen statistic and window.
 * The table keeps pairs sharing at least min_pair_count topics or sentences; the sentence
 * window lists pairs that share a sentence. Track filters do not apply (the table is per
 * edition); theme and generic-verb filters apply to the partner.
 */
export function termCooccurrence(
  p: FilterParams & { term: string; window: CoocWindow; stat: CoocStat; limit: number }
): Query {
  const stats = p.window === 'topic' ? TOPIC_STATS : SENTENCE_STATS;
  const col = (key: CoocStat) => pick(stats, key);
  return toQuery(sql`
    WITH pairs AS (
      SELECT term_b AS partner, * FROM cooccurrence WHERE edition_id = ${p.edition} AND term_a = ${p.term}
      UNION ALL
      SELECT term_a AS partner, * FROM cooccurrence WHERE edition_id = ${p.edition} AND term_b = ${p.term}
    )
    SELECT partner, ${col(p.stat)} AS value, ${col('count')}::INTEGER AS together,
      ${col('jaccard')} AS jaccard, ${col('association')} AS association_strength, ${col('npmi')} AS npmi
    FROM pairs x
    WHERE ${col('count')} > 0
      ${genericVerbClause(sql`x.partner`, p.genericVerbs)}
      ${themeClause(sql`x.partner`, p.theme)}
    ORDER BY value DESC, together DESC, partner
    LIMIT ${p.limit}`);
}

export interface TermTrendRow {
  edition_id: string;
  year: number;
  region: string;
  has_bodies: boolean;
  /** Tokens of the edition under the generic-verb setting, titles and bodies. */
  tokens: number;
  count: number;
  per10k: number;
  /** Title tokens of the edition and of the term (0 unless some edition is titles-only). */
  title_tokens: number;
  title_count: number;
  /** 'titles' when any edition is titles-only: the chart then compares every edition on titles. */
  series_basis: 'full' | 'titles';
  /** count, tokens and per10k on the series basis (what the bars show). */
  basis_count: number;
  basis_tokens: number;
  basis_per10k: number;
  /**
   * The reference A of the comparison: the previous edition of the same region (by year),
   * else the previous edition overall; null for the first.
   */
  prev_edition: string | null;
  /** This pair's basis: 'full' when both have bodies, 'titles' when either is titles-only; null for the first. */
  basis: 'full' | 'titles' | null;
  /** The term's tokens in A (previous) and B (this edition) on the pair's basis. */
  count_a: number | null;
  count_b: number | null;
  /** Log Ratio of this edition (B) against the previous one (A); null for the first. */
  log_ratio: number | null;
  /** Signed G² of B against A; null for the first. */
  g2: number | null;
  /** new, dropped, rising, falling or stable (|G²| ≥ 3.84), as in term_trend; null for the first. */
  status: 'new' | 'dropped' | 'rising' | 'falling' | 'stable' | null;
}

/**
 * The term's rate in every edition (oldest first) and, against the previous edition of
 * the same region (else the previous one overall), Log Ratio and signed G² with the
 * earlier edition as reference — statistics.md "Term
 * trend between editions", with the edge cases of analysis/tables/stats.ts (logRatio,
 * g2Signed): empty corpus → 0; 0.5 for a zero count in Log Ratio; equal rates → G² 0.
 * The basis rule of analysis/compare: a pair with a titles-only edition counts both
 * sides on titles alone (title spans of term_topic), so a titles-only list is not
 * compared with a full guide. Title tokens are summed only when some edition needs them.
 */
export function termTrend(p: { term: string; genericVerbs: GenericVerbs }): Query {
  return toQuery(sql`
    WITH e AS (
      SELECT e.edition_id, e.year, e.region, e.has_bodies, SUM(t.${pick(TRACK_TOKENS, p.genericVerbs)})::DOUBLE AS tokens
      FROM editions e JOIN tracks t ON t.edition_id = e.edition_id
      GROUP BY e.edition_id, e.year, e.region, e.has_bodies
    ),
    titles AS (
      SELECT tt.edition_id,
        SUM(CASE WHEN tt.title_spans = '' THEN 0 ELSE length(string_split(tt.title_spans, ' ')) END)::DOUBLE AS title_tokens,
        SUM(CASE WHEN tt.term <> ${p.term} OR tt.title_spans = '' THEN 0 ELSE length(string_split(tt.title_spans, ' ')) END)::DOUBLE AS title_count
      FROM term_topic tt
      WHERE EXISTS (SELECT 1 FROM editions WHERE NOT has_bodies) ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
      GROUP BY tt.edition_id
    ),
    c AS (
      SELECT e.*, COALESCE(s.count, 0)::DOUBLE AS count,
        COALESCE(ti.title_tokens, 0) AS title_tokens, COALESCE(ti.title_count, 0) AS title_count,
        CASE WHEN bool_and(e.has_bodies) OVER () THEN 'full' ELSE 'titles' END AS series_basis
      FROM e
      LEFT JOIN term_stats s ON s.edition_id = e.edition_id AND s.generic_verbs = ${p.genericVerbs} AND s.term = ${p.term}
      LEFT JOIN titles ti ON ti.edition_id = e.edition_id
    ),
    ordered AS (
      SELECT *, COALESCE(
        lag(edition_id) OVER (PARTITION BY region ORDER BY year, edition_id),
        lag(edition_id) OVER (ORDER BY year, edition_id)) AS prev_edition
      FROM c
    ),
    pairs AS (
      SELECT o.*,
        CASE WHEN o.prev_edition IS NULL THEN NULL WHEN o.has_bodies AND p.has_bodies THEN 'full' ELSE 'titles' END AS basis,
        p.count AS prev_count, p.tokens AS prev_tokens, p.title_count AS prev_title_count, p.title_tokens AS prev_title_tokens
      FROM ordered o LEFT JOIN c p ON p.edition_id = o.prev_edition
    ),
    based AS (
      SELECT *,
        CASE WHEN basis = 'full' THEN count ELSE title_count END AS a,
        CASE WHEN basis = 'full' THEN prev_count ELSE prev_title_count END AS b,
        CASE WHEN basis = 'full' THEN tokens ELSE title_tokens END AS c_tok,
        CASE WHEN basis = 'full' THEN prev_tokens ELSE prev_title_tokens END AS d_tok,
        CASE WHEN series_basis = 'full' THEN count ELSE title_count END AS basis_count,
        CASE WHEN series_basis = 'full' THEN tokens ELSE title_tokens END AS basis_tokens
      FROM pairs
    ),
    g AS (
      SELECT *,
        c_tok * (a + b) / (c_tok + d_tok) AS e1,
        d_tok * (a + b) / (c_tok + d_tok) AS e2,
        CASE WHEN prev_edition IS NULL THEN NULL
          WHEN c_tok <= 0 OR d_tok <= 0 OR a + b <= 0 OR a * d_tok = b * c_tok THEN 0.0
          ELSE sign(a * d_tok - b * c_tok) * greatest(0.0, 2 * (
            CASE WHEN a > 0 THEN a * ln(a / (c_tok * (a + b) / (c_tok + d_tok))) ELSE 0.0 END +
            CASE WHEN b > 0 THEN b * ln(b / (d_tok * (a + b) / (c_tok + d_tok))) ELSE 0.0 END)) END AS g2
      FROM based
    )
    SELECT edition_id, year, region, has_bodies, tokens::INTEGER AS tokens, count::INTEGER AS count,
      CASE WHEN tokens > 0 THEN count * 10000.0 / tokens ELSE 0.0 END AS per10k,
      title_tokens::INTEGER AS title_tokens, title_count::INTEGER AS title_count, series_basis,
      basis_count::INTEGER AS basis_count, basis_tokens::INTEGER AS basis_tokens,
      CASE WHEN basis_tokens > 0 THEN basis_count * 10000.0 / basis_tokens ELSE 0.0 END AS basis_per10k,
      prev_edition, basis,
      CASE WHEN basis IS NULL THEN NULL ELSE b::INTEGER END AS count_a,
      CASE WHEN basis IS NULL THEN NULL ELSE a::INTEGER END AS count_b,
      CASE WHEN prev_edition IS NULL THEN NULL
        WHEN c_tok <= 0 OR d_tok <= 0 THEN 0.0
        ELSE log2((greatest(a, 0.5) * d_tok) / (greatest(b, 0.5) * c_tok)) END AS log_ratio,
      g2,
      CASE WHEN prev_edition IS NULL THEN NULL
        WHEN b = 0 AND a > 0 THEN 'new'
        WHEN b > 0 AND a = 0 THEN 'dropped'
        WHEN g2 >= ${G2_SIGNIFICANT} THEN 'rising'
        WHEN g2 <= ${-G2_SIGNIFICANT} THEN 'falling'
        ELSE 'stable' END AS status
    FROM g
    ORDER BY year, edition_id`);
}
