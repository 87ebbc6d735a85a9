/**
 * Which terms a term list shows and how it ranks them — the 「领域词」 switch of 总览 and
 * 共现网络 (URL keys `vocab` and `rank`, see state/vocabulary.ts).
 *
 * - vocabulary 'all': every counted term; 'domain' (领域词): terms of the user dictionary
 *   (terms.txt) and compounds of three characters or more, never a generic verb. Words
 *   every guide uses (数据, 应用, 服务, 智能, 技术) are two-character words jieba knows
 *   from its own dictionary, so they drop out.
 * - ranking 'count': tokens over the chosen tracks; 'tfidf': how much of the term is
 *   concentrated in few tracks — Σ_k tf_k · idf with idf = ln(T/df) over the chosen
 *   tracks (statistics.md, the TF-IDF of the track overlap), i.e. count · ln(T/df).
 *   A term found in every chosen track scores 0.
 */
import { empty, sql, type Fragment } from './builder.ts';

export const VOCABULARIES = ['all', 'domain'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];
export const TERM_RANKINGS = ['count', 'tfidf'] as const;
export type TermRanking = (typeof TERM_RANKINGS)[number];

/** `AND <term col> IN (domain terms)` for the 'domain' vocabulary. */
export function vocabularyClause(termColumn: Fragment, vocabulary: Vocabulary | undefined): Fragment {
  return vocabulary === 'domain'
    ? sql`AND ${termColumn} IN (SELECT term FROM terms WHERE (in_dictionary OR chars >= 3) AND NOT generic_verb)`
    : empty;
}
