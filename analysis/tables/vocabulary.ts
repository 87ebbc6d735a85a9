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
  /** Serial of the last edition / topic that counted this term, to count each once. */
  lastEdition: number;
  lastTopic: number;
  flaggedGenericVerb: boolean;
  variants: Set<string>;
}

export interface Vocabulary {
  /** Adds one edition's segmented topics; each edition id once. */
  add(editionId: string, topics: readonly SegmentedTopic[]): void;
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
  let topicSerial = 0;

  function add(editionId: string, topics: readonly SegmentedTopic[]): void {
    if (editionIds.has(editionId)) throw new Error(`vocabulary: edition ${editionId} was added twice`);
    editionIds.add(editionId);
    const editionSerial = editionIds.size;
    for (const topic of topics) {
      topicSerial++;
      for (const token of topic.tokens) {
        let tally = tallies.get(token.term);
        if (tally === undefined) {
          tally = {
            count: 0,
            editions: 0,
            topics: 0,
            lastEdition: 0,
            lastTopic: 0,
            flaggedGenericVerb: false,
            variants: new Set()
          };
          tallies.set(token.term, tally);
        }
        tally.count++;
        if (tally.lastEdition !== editionSerial) {
          tally.lastEdition = editionSerial;
          tally.editions++;
        }
        if (tally.lastTopic !== topicSerial) {
          tally.lastTopic = topicSerial;
          tally.topics++;
        }
        if (token.generic_verb) tally.flaggedGenericVerb = true;
        if (token.surface !== token.term) tally.variants.add(token.surface);
      }
    }
  }

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

  return { add, rows, themeRows: () => themeRows(dict) };
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
