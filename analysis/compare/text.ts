/**
 * Text similarity for aligning topics: normalised text, character bigrams as sorted
 * id arrays, and the Sørensen–Dice coefficient on those multisets.
 *
 * Normalisation folds width and compatibility forms (NFKC: full-width ＡＩ → AI, ５Ｇ → 5G),
 * lower-cases Latin letters and drops whitespace, punctuation and symbols, so a topic
 * whose only change is a comma, a space or a full-width letter compares as unchanged.
 */

const DROPPED = /[\s\p{P}\p{S}]/gu;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DROPPED, '');
}

/**
 * Gram ids shared by both editions of a comparison: a character bigram is one number
 * (two code points), looked up once and replaced by a small integer id, so topics
 * compare as sorted Int32Arrays.
 */
export class GramIds {
  private readonly ids = new Map<number, number>();

  get size(): number {
    return this.ids.size;
  }

  /** The sorted bigram ids of normalised text (a multiset); one code point is its own gram. */
  grams(normalized: string): Int32Array {
    const points = Array.from(normalized, (ch) => ch.codePointAt(0)!);
    if (points.length === 0) return new Int32Array(0);
    if (points.length === 1) return Int32Array.of(this.id(points[0] * 0x110000 + 0x10ffff));
    const out = new Int32Array(points.length - 1);
    for (let i = 0; i + 1 < points.length; i++) out[i] = this.id(points[i] * 0x110000 + points[i + 1]);
    return out.sort();
  }

  private id(key: number): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

/**
 * Dice on bigram multisets: 2·|A ∩ B| / (|A| + |B|), 0 … 1. Two empty texts are equal (1);
 * an empty and a non-empty text share nothing (0).
 */
export function dice(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
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
  return (2 * shared) / (a.length + b.length);
}

/** The distinct values of a sorted array (for the candidate index). */
export function distinct(sorted: Int32Array): Int32Array {
  let n = 0;
  const out = new Int32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out[n++] = sorted[i];
  return out.subarray(0, n);
}

/** The sorted union of two sorted arrays, without repeats. */
export function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return distinct(out.sort());
}
