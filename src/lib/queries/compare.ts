/**
 * Queries behind 版本对比: what a comparison reads from the loaded tables (tracks, topics,
 * term counts, token spans for the word diff), the precomputed pair tables, and the
 * region series (term counts of every edition of one region).
 */
import type { GenericVerbs } from '../../../analysis/contract.ts';
import { list, sql, toQuery, type Query } from './builder.ts';
import { genericVerbClause } from './filters.ts';

export function compareTracks(p: { edition: string }): Query {
  return toQuery(sql`SELECT track_no, track_name FROM tracks WHERE edition_id = ${p.edition} ORDER BY track_no`);
}

export function compareTopics(p: { edition: string }): Query {
  return toQuery(sql`
    SELECT track_no, topic_no, title, body FROM topics WHERE edition_id = ${p.edition} ORDER BY track_no, topic_no`);
}

export interface TermCountRow {
  edition_id: string;
  term: string;
  count: number;
  title_count: number;
}

/**
 * Each term's tokens in each edition, over titles and bodies and in titles alone (the
 * title spans, counted by their separators), with the generic-verb setting: the analysis
 * stage's termCountsOf.
 */
export function compareTermCounts(p: { editions: readonly string[]; genericVerbs: GenericVerbs }): Query {
  return toQuery(sql`
    SELECT tt.edition_id, tt.term, SUM(tt.count)::INTEGER AS count,
      SUM(CASE WHEN tt.title_spans = '' THEN 0 ELSE length(tt.title_spans) - length(replace(tt.title_spans, ' ', '')) + 1 END)::INTEGER AS title_count
    FROM term_topic tt
    WHERE tt.edition_id IN (${list(p.editions)}) ${genericVerbClause(sql`tt.term`, p.genericVerbs)}
    GROUP BY tt.edition_id, tt.term
    ORDER BY tt.edition_id, tt.term`);
}

export interface SpanRow {
  track_no: number;
  topic_no: number;
  title_spans: string;
  body_spans: string;
}

/** Every token position of an edition's topics (all terms, generic verbs included): the diff's words. */
export function compareSpans(p: { edition: string }): Query {
  return toQuery(sql`
    SELECT track_no, topic_no, string_agg(title_spans, ' ') AS title_spans, string_agg(body_spans, ' ') AS body_spans
    FROM term_topic WHERE edition_id = ${p.edition}
    GROUP BY track_no, topic_no ORDER BY track_no, topic_no`);
}

export interface StoredCountRow {
  rows: number;
}

/** Whether the analysis stage precomputed the pair (A, B). */
export function storedPair(p: { a: string; b: string }): Query {
  return toQuery(sql`SELECT COUNT(*)::INTEGER AS rows FROM track_alignment WHERE edition_a = ${p.a} AND edition_b = ${p.b}`);
}

/** The precomputed rows of a pair, in the order compareEditions returns them. */
export function storedTrackAlignment(p: { a: string; b: string }): Query {
  return toQuery(sql`
    SELECT * FROM track_alignment WHERE edition_a = ${p.a} AND edition_b = ${p.b}
    ORDER BY track_a IS NULL, track_a, track_b`);
}

export function storedTopicAlignment(p: { a: string; b: string }): Query {
  return toQuery(sql`
    SELECT * FROM topic_alignment WHERE edition_a = ${p.a} AND edition_b = ${p.b}
    ORDER BY track_a IS NULL, track_a, topic_a, track_b, topic_b`);
}

export function storedTermTrend(p: { a: string; b: string }): Query {
  return toQuery(sql`SELECT * FROM term_trend WHERE edition_a = ${p.a} AND edition_b = ${p.b} ORDER BY term`);
}

export interface ThemeMemberRow {
  theme: string;
  term: string;
}

export function compareThemes(): Query {
  return toQuery(sql`SELECT theme, term FROM themes ORDER BY theme, term`);
}
