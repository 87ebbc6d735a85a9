/**
 * Queries behind 题目检索 (search over topic titles and bodies), also the passages behind a
 * theme's cells (主题 page).
 *
 * Two ways to match:
 * - by term (`term` given): topics whose counted tokens include the term — every
 *   thesaurus variant included (隐私保护计算 counts as 隐私计算), so the count equals the
 *   term page's 含该词题目数 over the same tracks;
 * - by text: topics whose title or body contains `q` literally.
 */
import { empty, sql, toQuery, type Fragment, type Query } from './builder.ts';
import { tracksClause, type FilterParams } from './filters.ts';

export const SEARCH_SCOPES = ['edition', 'all'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];
/** 'term': a known term (or a variant of one) is searched as that term; 'text': literal text. */
export const MATCH_MODES = ['term', 'text'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export interface SearchTermRow {
  term: string;
  /** Its thesaurus variants seen in the text, joined with 、 (may be empty). */
  variants: string;
  /** The search text is the term itself (true) or one of its variants (false). */
  exact: boolean;
}

/**
 * The term a search text stands for: the term of that name, else the term that has it as a
 * variant (Latin letters in any case). No row when the text is not a term.
 */
export function searchTerm(p: { q: string }): Query {
  const q = p.q.trim();
  return toQuery(sql`
    SELECT term, variants, lower(term) = lower(${q}) AS exact FROM terms
    WHERE ${q} <> '' AND (lower(term) = lower(${q}) OR list_contains(string_split(lower(variants), '、'), lower(${q})))
    ORDER BY exact DESC, count DESC, term
    LIMIT 1`);
}

export interface TopicHitRow {
  edition_id: string;
  year: number;
  region: string;
  track_no: number;
  track_name: string;
  topic_no: number;
  title: string;
  body: string;
  in_title: boolean;
  in_body: boolean;
  /** All matching topics, however many rows the limit lets through. */
  total: number;
}

export interface SearchParams extends FilterParams {
  /** Literal text (ignored when `term` is given). */
  q: string;
  /** Search by this term's tokens (variants included) instead of by text. */
  term?: string | null;
  scope: SearchScope;
  limit: number;
}

/**
 * The matching topics (keys, where they match, the total) in result order, limited. Text
 * matching is case-insensitive for Latin letters and literal for every character (strpos
 * knows no wildcards; the text is a bound parameter). An empty `q` (text mode) lists every
 * topic the filters allow. `scope: 'all'` searches every edition and ignores the track
 * filter (track numbers belong to one edition). Theme: topics with a member term.
 */
function hitsCte(p: SearchParams): Fragment {
  const q = p.q.trim();
  const term = p.term ?? null;
  // Lower-casing every title and body is most of a search's cost over many editions; a
  // query with no cased letters (Chinese, digits) matches the same without it.
  const cased = q.toLowerCase() !== q.toUpperCase();
  const match = (column: Fragment) =>
    q === '' ? sql`TRUE` : cased ? sql`strpos(lower(${column}), lower(${q})) > 0` : sql`strpos(${column}, ${q}) > 0`;
  const spans = term === null ? empty : sql`LEFT JOIN term_topic s ON s.edition_id = t.edition_id AND s.track_no = t.track_no AND s.topic_no = t.topic_no AND s.term = ${term}`;
  const inTitle = term !== null ? sql`COALESCE(s.title_spans, '') <> ''` : match(sql`t.title`);
  const inBody = term !== null ? sql`COALESCE(s.body_spans, '') <> ''` : q === '' ? sql`FALSE` : match(sql`t.body`);
  const where =
    term !== null ? sql`AND s.count > 0` : q === '' ? empty : sql`AND (${match(sql`t.title`)} OR ${match(sql`t.body`)})`;
  return sql`
    hits AS (
      SELECT t.edition_id, e.year, t.track_no, t.topic_no, ${inTitle} AS in_title, ${inBody} AS in_body,
        (COUNT(*) OVER ())::INTEGER AS total
      FROM topics t JOIN editions e ON e.edition_id = t.edition_id ${spans}
      WHERE TRUE
        ${p.scope === 'all' ? empty : sql`AND t.edition_id = ${p.edition} ${tracksClause(sql`t.track_no`, p.tracks)}`}
        ${where}
        ${p.theme === null ? empty : sql`AND EXISTS (
          SELECT 1 FROM term_topic x JOIN themes th ON th.term = x.term
          WHERE th.theme = ${p.theme} AND x.count > 0 AND x.edition_id = t.edition_id AND x.track_no = t.track_no AND x.topic_no = t.topic_no)`}
      ORDER BY e.year DESC, t.edition_id, t.track_no, t.topic_no
      LIMIT ${p.limit}
    )`;
}

export function searchTopics(p: SearchParams): Query {
  return toQuery(sql`
    WITH ${hitsCte(p)}
    SELECT h.edition_id, e.year, e.region, t.track_no, t.track_name, t.topic_no, t.title, t.body, h.in_title, h.in_body, h.total
    FROM hits h
    JOIN topics t ON t.edition_id = h.edition_id AND t.track_no = h.track_no AND t.topic_no = h.topic_no
    JOIN editions e ON e.edition_id = h.edition_id
    ORDER BY e.year DESC, h.edition_id, h.track_no, h.topic_no`);
}

export interface HitMarkRow {
  edition_id: string;
  track_no: number;
  topic_no: number;
  term: string;
  title_spans: string;
  body_spans: string;
  /** 'match' = the searched term; 'theme' = a member of the chosen theme. */
  kind: 'match' | 'theme';
}

/**
 * Where to mark the hits of searchTopics (same parameters, same limit): the spans of the
 * searched term (variants as written) and of the chosen theme's members; null when there
 * is nothing to mark (text search without a theme: the page marks the text itself).
 */
export function searchMarks(p: SearchParams): Query | null {
  const term = p.term ?? null;
  if (term === null && p.theme === null) return null;
  return toQuery(sql`
    WITH ${hitsCte(p)}
    SELECT x.edition_id, x.track_no, x.topic_no, x.term, x.title_spans, x.body_spans,
      CASE WHEN ${term === null ? sql`FALSE` : sql`x.term = ${term}`} THEN 'match' ELSE 'theme' END AS kind
    FROM hits h
    JOIN term_topic x ON x.edition_id = h.edition_id AND x.track_no = h.track_no AND x.topic_no = h.topic_no
    WHERE x.count > 0 AND (${term === null ? sql`FALSE` : sql`x.term = ${term}`}
      ${p.theme === null ? empty : sql`OR x.term IN (SELECT term FROM themes WHERE theme = ${p.theme})`})
    ORDER BY x.edition_id, x.track_no, x.topic_no, x.term`);
}
