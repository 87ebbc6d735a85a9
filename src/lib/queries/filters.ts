/**
 * SQL for the global filters (edition, tracks, theme, generic verbs), shared by every
 * view's builders so all views filter the same way.
 */
import type { GenericVerbs } from '../../../analysis/contract.ts';
import { empty, list, sql, toQuery, type Fragment, type Query } from './builder.ts';

/** The filters every query builder understands. `tracks: null` means all tracks. */
export interface FilterParams {
  edition: string;
  tracks: readonly number[] | null;
  theme: string | null;
  genericVerbs: GenericVerbs;
}

/** `AND <col> IN (…)` when a subset of tracks is chosen. */
export function tracksClause(column: Fragment, tracks: readonly number[] | null): Fragment {
  return tracks === null ? empty : sql`AND ${column} IN (${list(tracks)})`;
}

/** `AND <term col> IN (members of the theme)` when a theme is chosen. */
export function themeClause(termColumn: Fragment, theme: string | null): Fragment {
  return theme === null ? empty : sql`AND ${termColumn} IN (SELECT term FROM themes WHERE theme = ${theme})`;
}

/**
 * With generic verbs removed, drop the terms flagged generic_verb, even from tables
 * that carry no generic_verbs variant (term_topic, cooccurrence).
 */
export function genericVerbClause(termColumn: Fragment, genericVerbs: GenericVerbs): Fragment {
  return genericVerbs === 'removed'
    ? sql`AND ${termColumn} NOT IN (SELECT term FROM terms WHERE generic_verb)`
    : empty;
}

/** Token column of `tracks` that matches the generic-verb setting (whitelisted identifiers). */
export const TRACK_TOKENS = { removed: 'tokens', kept: 'tokens_with_verbs' } as const;

export interface ThemeOption {
  theme: string;
  terms: number;
  /** Member terms, most frequent over all editions first (never-seen members last). */
  members: string[];
}

/** Themes for the 主题 picker, with their members (shown wherever a theme is named). */
export function themeOptions(): Query {
  return toQuery(sql`
    SELECT m.theme, COUNT(*)::INTEGER AS terms, list(m.term ORDER BY COALESCE(w.count, 0) DESC, m.term) AS members
    FROM themes m LEFT JOIN terms w ON w.term = m.term
    GROUP BY m.theme ORDER BY m.theme`);
}
