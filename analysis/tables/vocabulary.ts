/**
 * The terms table, accumulated edition by edition. It keeps one small record per
 * term (and the surface forms seen for it), so memory grows with the vocabulary,
 * not with the corpus.
 */
import type { TermRow, ThemeRow } from '../contract.ts';
import type { Dictionaries, SegmentedTopic } from '../model.ts';
import { compareCodePoints, countCodePoints } from './order.ts';

interface TermTally {
  count: number;
  editions: number;
  topics: number;
  flaggedGenericVerb: boolean;
  variants: Set<string>;
}

/** One edition's share of the vocabulary: small enough to send from a worker thread. */
export interface VocabularySummary {
  terms: string[];
  counts: number[];
  topics: number[];
  flagged: boolean[];
  /** Surface forms that differ from the term, per term. */
  variants: string[][];
}

export function summarizeVocabulary(topics: readonly SegmentedTopic[]): VocabularySummary {
  const index = new Map<string, number>();
  const summary: VocabularySummary = { terms: [], counts: [], topics: [], flagged: [], variants: [] };
  const lastTopic: number[] = [];
  for (const [serial, topic] of topics.entries()) {
    for (const token of topic.tokens) {
      let i = index.get(token.term);
      if (i === undefined) {
        i = summary.terms.length;
        index.set(token.term, i);
        summary.terms.push(token.term);
        summary.counts.push(0);
        summary.topics.push(0);
        summary.flagged.push(false);
        summary.variants.push([]);
        lastTopic.push(-1);
      }
      summary.counts[i]++;
      if (lastTopic[i] !== serial) {
        lastTopic[i] = serial;
        summary.topics[i]++;
      }
      if (token.generic_verb) summary.flagged[i] = true;
      if (token.surface !== token.term && !summary.variants[i].includes(token.surface)) summary.variants[i].push(token.surface);
    }
  }
  return summary;
}

export interface Vocabulary {
  /** Adds one edition's segmented topics; each edition id once. */
  add(editionId: string, topics: readonly SegmentedTopic[]): void;
  /** Adds one edition's summary (from summarizeVocabulary, possibly made in a worker). */
  addSummary(editionId: string, summary: VocabularySummary): void;
  /** The terms table, sorted by term in code-point order. */
  rows(): TermRow[];
  /** The themes table of the dictionaries this vocabulary was created with. */
  themeRows(): ThemeRow[];
}

type VocabularyDictionaries = Pick<Dictionaries, 'terms' | 'genericVerbs' | 'themes'>;

export function createVocabulary(dict: VocabularyDictionaries): Vocabulary {
  // terms.txt matches Latin letters in any case (AIGC = aigc).
  const userTerms = new Set(dict.terms.map((term) => term.toLowerCase()));
  const themesOfTerm = themesByTerm(dict.themes);
  const tallies = new Map<string, TermTally>();
  const editionIds = new Set<string>();

  function addSummary(editionId: string, summary: VocabularySummary): void {
    if (editionIds.has(editionId)) throw new Error(`vocabulary: edition ${editionId} was added twice`);
    editionIds.add(editionId);
    for (const [i, term] of summary.terms.entries()) {
      let tally = tallies.get(term);
      if (tally === undefined) {
        tally = { count: 0, editions: 0, topics: 0, flaggedGenericVerb: false, variants: new Set() };
        tallies.set(term, tally);
      }
      tally.count += summary.counts[i];
      tally.editions++;
      tally.topics += summary.topics[i];
      if (summary.flagged[i]) tally.flaggedGenericVerb = true;
      for (const variant of summary.variants[i]) tally.variants.add(variant);
    }
  }

  const add = (editionId: string, topics: readonly SegmentedTopic[]) => addSummary(editionId, summarizeVocabulary(topics));

  function rows(): TermRow[] {
    return [...tallies.keys()].sort(compareCodePoints).map((term) => {
      const tally = tallies.get(term)!;
      return {
        term,
        count: tally.count,
        editions: tally.editions,
        topics: tally.topics,
        chars: countCodePoints(term),
        in_dictionary: userTerms.has(term.toLowerCase()),
        generic_verb: tally.flaggedGenericVerb || dict.genericVerbs.has(term),
        themes: (themesOfTerm.get(term) ?? []).join('、'),
        variants: [...tally.variants].sort(compareCodePoints).join('、')
      };
    });
  }

  return { add, addSummary, rows, themeRows: () => themeRows(dict) };
}

/** term → themes containing it, in themes-file order, each once. */
function themesByTerm(themes: Dictionaries['themes']): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [theme, members] of themes) {
    for (const term of members) {
      const list = result.get(term) ?? [];
      if (!list.includes(theme)) list.push(theme);
      result.set(term, list);
    }
  }
  return result;
}

/** The themes table: one row per (theme, member term), sorted by theme then term. */
export function themeRows(dict: Pick<Dictionaries, 'themes'>): ThemeRow[] {
  const seen = new Set<string>();
  const rows: ThemeRow[] = [];
  for (const [theme, members] of dict.themes) {
    for (const term of members) {
      const key = `${theme}\u0000${term}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ theme, term });
    }
  }
  return rows.sort((a, b) => compareCodePoints(a.theme, b.theme) || compareCodePoints(a.term, b.term));
}
