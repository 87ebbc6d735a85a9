/** Sentences and character shingles: the two views of a text the near-duplicate rules compare. */
import { countCodePoints } from '../order.ts';

const SENTENCE_BREAK = /[。！？；\n]/;
const CLAUSE_BREAK = /[，：]/;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Trimmed, non-empty pieces of a text split at 。！？； and newlines; nothing else is normalised. */
export function splitSentences(text: string): string[] {
  return trimmedPieces(text, SENTENCE_BREAK);
}

/**
 * The passages a text can repeat, text order, each once: every sentence, followed (when
 * `clauses`) by its clauses, the pieces between ， and ：, that are not the sentence itself.
 * Only pieces of at least `minChars` characters (code points) are kept.
 */
export function passages(text: string, minChars: number, clauses: boolean): string[] {
  const seen = new Set<string>();
  const keep = (piece: string) => {
    if (piece.length >= minChars && countCodePoints(piece) >= minChars) seen.add(piece);
  };
  for (const sentence of splitSentences(text)) {
    keep(sentence);
    if (clauses && CLAUSE_BREAK.test(sentence)) for (const clause of splitClauses(sentence)) keep(clause);
  }
  return [...seen];
}

/** Trimmed, non-empty pieces of a sentence split at ， and ：. */
export function splitClauses(sentence: string): string[] {
  return trimmedPieces(sentence, CLAUSE_BREAK);
}

function trimmedPieces(text: string, separator: RegExp): string[] {
  const pieces: string[] = [];
  for (const piece of text.split(separator)) {
    const trimmed = piece.trim();
    if (trimmed !== '') pieces.push(trimmed);
  }
  return pieces;
}

/**
 * Distinct character k-grams of a text (code points). A non-empty text shorter than k is
 * its own single shingle, so two short identical titles still compare as equal.
 */
export function shingleStrings(text: string, k: number): Set<string> {
  const out = new Set<string>();
  if (text === '') return out;
  if (!SURROGATE.test(text)) {
    if (text.length <= k) out.add(text);
    else for (let i = 0; i + k <= text.length; i++) out.add(text.substring(i, i + k));
    return out;
  }
  const chars = Array.from(text);
  if (chars.length <= k) out.add(text);
  else for (let i = 0; i + k <= chars.length; i++) out.add(chars.slice(i, i + k).join(''));
  return out;
}

/** |A ∩ B| / |A ∪ B| of two shingle sets; 0 when both are empty. */
export function jaccardOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Shingles as small integers: each distinct k-gram gets an id the first time it is seen,
 * so a text is kept as a sorted Uint32Array (exact, unlike hashes) and strings are stored once.
 */
export class ShingleDictionary {
  private readonly ids = new Map<string, number>();
  constructor(readonly k: number) {}

  get size(): number {
    return this.ids.size;
  }

  idsOf(text: string): Uint32Array {
    if (SURROGATE.test(text)) return this.idsOfShingles([...shingleStrings(text, this.k)]);
    if (text === '') return new Uint32Array(0);
    if (text.length <= this.k) return this.idsOfShingles([text]);
    // The common (BMP) case without building a set of strings first.
    const ids = new Uint32Array(text.length - this.k + 1);
    for (let i = 0; i < ids.length; i++) ids[i] = this.idOf(text.substring(i, i + this.k));
    return distinctSorted(ids.sort());
  }

  private idsOfShingles(shingles: string[]): Uint32Array {
    return distinctSorted(Uint32Array.from(shingles, (shingle) => this.idOf(shingle)).sort());
  }

  private idOf(shingle: string): number {
    let id = this.ids.get(shingle);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(shingle, id);
    }
    return id;
  }
}

function distinctSorted(sorted: Uint32Array): Uint32Array {
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[kept++] = sorted[i];
  return kept === sorted.length ? sorted : sorted.slice(0, kept);
}

/** Shared elements of two sorted id arrays. */
export function overlapOfSorted(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/** Jaccard of two sorted id arrays; 0 when both are empty. */
export function jaccardOfSorted(a: Uint32Array, b: Uint32Array): number {
  const shared = overlapOfSorted(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}
