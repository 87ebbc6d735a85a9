/**
 * Queries behind 主题 (the theme index and one theme's page): what a theme holds and where
 * its member terms occur.
 *
 * theme_track counts every token of a theme's members, generic verbs included (the
 * analysis stage, tables/themes.ts), so the member figures here are summed from
 * term_topic, which holds every token too: a theme's member × track counts add up to
 * its theme × track cell exactly (tested on the real guides).
 */
import { sql, toQuery, type Fragment, type Query } from './builder.ts';
import { tracksClause, type FilterParams } from './filters.ts';

export interface ThemeIndexRow {
  theme: string;
  /** Member terms, most frequent over all editions first. */
  members: string[];
  /** Tokens of member terms over the chosen tracks (the theme × track heatmap's row total). */
  count: number;
  /** Chosen tracks where a member occurs. */
  tracks: number;
  /** Topics of the chosen tracks with a member term. */
  topics: number;
}

/** Members of a theme, most frequent (over all editions) first; members never seen last. */
const membersOf = (theme: Fragment) => sql`(
  SELECT list(m.term ORDER BY COALESCE(w.count, 0) DESC, m.term)
  FROM themes m LEFT JOIN terms w ON w.term = m.term WHERE m.theme = ${theme})`;

/** Every theme with its members and its figures in the edition over the chosen tracks. */
export function themeIndex(p: Pick<FilterParams, 'edition' | 'tracks'>): Query {
  return toQuery(sql`
    WITH names AS (SELECT DISTINCT theme FROM themes),
    cells AS (
      SELECT theme, track_no, count, topics FROM theme_track
      WHERE edition_id = ${p.edition} AND count > 0 ${tracksClause(sql`track_no`, p.tracks)}
    )
    SELECT n.theme, ${membersOf(sql`n.theme`)} AS members,
      COALESCE(SUM(c.count), 0)::INTEGER AS count,
      COUNT(c.track_no)::INTEGER AS tracks,
      COALESCE(SUM(c.topics), 0)::INTEGER AS topics
    FROM names n LEFT JOIN cells c ON c.theme = n.theme
    GROUP BY n.theme
    ORDER BY count DESC, n.theme`);
}

export interface ThemeMemberRow {
  term: string;
  /** Tokens over the chosen tracks; 0 for a member the edition never uses. */
  count: number;
  topics: number;
  tracks: number;
}

export interface ThemeParams {
  edition: string;
  tracks: readonly number[] | null;
  theme: string;
}

/** The members of one theme with their figures in the edition (every token counted), most frequent first. */
export function themeMembers(p: ThemeParams): Query {
  return toQuery(sql`
    WITH hits AS (
      SELECT x.term, SUM(x.count) AS count, COUNT(*) AS topics, COUNT(DISTINCT x.track_no) AS tracks
      FROM term_topic x
      WHERE x.edition_id = ${p.edition} AND x.count > 0 ${tracksClause(sql`x.track_no`, p.tracks)}
        AND x.term IN (SELECT term FROM themes WHERE theme = ${p.theme})
      GROUP BY x.term
    )
    SELECT m.term, COALESCE(h.count, 0)::INTEGER AS count, COALESCE(h.topics, 0)::INTEGER AS topics,
      COALESCE(h.tracks, 0)::INTEGER AS tracks
    FROM themes m LEFT JOIN hits h ON h.term = m.term
    WHERE m.theme = ${p.theme}
    ORDER BY count DESC, m.term`);
}

export interface MemberTrackCell {
  term: string;
  track_no: number;
  track_name: string;
  /** Tokens of the member in the track (0 where absent). */
  count: number;
  /** Topics of the track containing the member. */
  topics: number;
  /** The member's tokens over the chosen tracks (its row total). */
  term_count: number;
}

/**
 * Member × track matrix of one theme: a cell for every member found in the chosen tracks
 * and every chosen track (zeros included), members by their total, tracks in guide order.
 * Each track's cells add up to the theme's cell of that track in themeTrackHeatmap.
 */
export function memberTrackCells(p: ThemeParams): Query {
  return toQuery(sql`
    WITH t AS (
      SELECT track_no, track_name FROM tracks WHERE edition_id = ${p.edition} ${tracksClause(sql`track_no`, p.tracks)}
    ),
    hits AS (
      SELECT x.term, x.track_no, SUM(x.count) AS count, COUNT(*) AS topics
      FROM term_topic x JOIN t ON t.track_no = x.track_no
      WHERE x.edition_id = ${p.edition} AND x.count > 0
        AND x.term IN (SELECT term FROM themes WHERE theme = ${p.theme})
      GROUP BY x.term, x.track_no
    ),
    members AS (SELECT term, SUM(count) AS total FROM hits GROUP BY term)
    SELECT m.term, t.track_no, t.track_name, COALESCE(h.count, 0)::INTEGER AS count,
      COALESCE(h.topics, 0)::INTEGER AS topics, m.total::INTEGER AS term_count
    FROM members m CROSS JOIN t
    LEFT JOIN hits h ON h.term = m.term AND h.track_no = t.track_no
    ORDER BY m.total DESC, m.term, t.track_no`);
}
