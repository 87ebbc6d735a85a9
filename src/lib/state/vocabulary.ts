/**
 * The 「领域词」 switch in the URL: `vocab=domain` (dictionary terms and compounds only) and
 * `rank=tfidf` (distinctiveness across the chosen tracks), both left out at their default
 * (every term, by frequency). Links carry them (GLOBAL_KEYS), so 总览 and 共现网络 agree.
 */
import { TERM_RANKINGS, VOCABULARIES, type TermRanking, type Vocabulary } from '../queries/vocabulary.ts';
import { VOCABULARY_KEYS } from './filters.ts';

export interface VocabularySetting {
  vocab: Vocabulary;
  rank: TermRanking;
}

export const DEFAULT_VOCABULARY: VocabularySetting = { vocab: 'all', rank: 'count' };

export function parseVocabulary(search: URLSearchParams): VocabularySetting {
  const vocab = search.get(VOCABULARY_KEYS.vocab);
  const rank = search.get(VOCABULARY_KEYS.rank);
  return {
    vocab: (VOCABULARIES as readonly string[]).includes(vocab ?? '') ? (vocab as Vocabulary) : DEFAULT_VOCABULARY.vocab,
    rank: (TERM_RANKINGS as readonly string[]).includes(rank ?? '') ? (rank as TermRanking) : DEFAULT_VOCABULARY.rank
  };
}

/** A copy of `search` with the setting changed; defaults are left out. */
export function writeVocabulary(search: URLSearchParams, changes: Partial<VocabularySetting>): URLSearchParams {
  const out = new URLSearchParams(search);
  const next = { ...parseVocabulary(search), ...changes };
  for (const key of ['vocab', 'rank'] as const) {
    if (next[key] === DEFAULT_VOCABULARY[key]) out.delete(VOCABULARY_KEYS[key]);
    else out.set(VOCABULARY_KEYS[key], next[key]);
  }
  return out;
}
