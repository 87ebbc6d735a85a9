/** Queries behind 题目检索 (full-text search over topic titles and bodies). */
import { empty, sql, toQuery, type Fragment, type Query } from './builder.ts';
import { tracksClause, type FilterParams } from './filters.ts';

export const SEARCH_SCOPES = ['edition', 'all'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

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

/**
 * Topics whose title or body contains `q` as a substring: case-insensitive for Latin
 * letters, and literal for every character (strpos knows no wildcards; the text is a
 * bound parameter). An empty `q` lists every topic the filters allow. `scope: 'all'`
 * searches every edition and ignores the track filter (track numbers belong to one edition).
 * Theme: topics containing any member term of the theme.
 */
export function searchTopics(p: FilterParams & { q: string; scope: SearchScope; limit: number }): Query {
  const q = p.q.trim();
  // Lower-casing every title and body is most of a search's cost over many editions; a
  // query with no cased letters (Chinese, digits) matches the same without it.
  const cased = q.toLowerCase() !== q.toUpperCase();
  const match = (column: Fragment) =>
    q === '' ? sql`TRUE` : cased ? sql`strpos(lower(${column}), lower(${q})) > 0` : sql`strpos(${column}, ${q}) > 0`;
  return toQuery(sql`
    SELECT t.edition_id, e.year, e.region, t.track_no, t.track_name, t.topic_no, t.title, t.body,
      ${match(sql`t.title`)} AS in_title, ${q === '' ? sql`FALSE` : match(sql`t.body`)} AS in_body,
      (COUNT(*) OVER ())::INTEGER AS total
    FROM topics t JOIN editions e ON e.edition_id = t.edition_id
    WHERE TRUE
      ${p.scope === 'all' ? empty : sql`AND t.edition_id = ${p.edition} ${tracksClause(sql`t.track_no`, p.tracks)}`}
      ${q === '' ? empty : sql`AND (${match(sql`t.title`)} OR ${match(sql`t.body`)})`}
      ${p.theme === null ? empty : sql`AND EXISTS (
        SELECT 1 FROM term_topic x JOIN themes th ON th.term = x.term
        WHERE th.theme = ${p.theme} AND x.edition_id = t.edition_id AND x.track_no = t.track_no AND x.topic_no = t.topic_no)`}
    ORDER BY e.year DESC, t.edition_id, t.track_no, t.topic_no
    LIMIT ${p.limit}`);
}
