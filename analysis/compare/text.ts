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
 * Gram ids shared by both editions of a comparison: a character bigram (two code points)
 * is looked up once and replaced by a small integer id, so topics compare as sorted
 * Int32Arrays. Bigrams of two BMP characters (all of Chinese text) are 32-bit keys in an
 * open-addressing table; the rare astral ones go through a Map.
 */
export class GramIds {
  private keys = new Uint32Array(1 << 12);
  private values = new Int32Array(1 << 12).fill(-1);
  private readonly astral = new Map<string, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The sorted bigram ids of normalised text (a multiset); one code point is its own gram. */
  grams(normalized: string): Int32Array {
    const points: number[] = [];
    for (let i = 0; i < normalized.length; i++) {
      const unit = normalized.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < normalized.length) {
        points.push(normalized.codePointAt(i)!);
        i++;
      } else points.push(unit);
    }
    if (points.length === 0) return new Int32Array(0);
    if (points.length === 1) return Int32Array.of(this.id(points[0], -1));
    const out = new Int32Array(points.length - 1);
    for (let i = 0; i + 1 < points.length; i++) out[i] = this.id(points[i], points[i + 1]);
    return out.sort();
  }

  /** The id of the pair (x, y); y = -1 for a lone code point. */
  private id(x: number, y: number): number {
    if (x > 0xffff || y > 0xffff || y < 0) {
      const key = `${x}:${y}`;
      let id = this.astral.get(key);
      if (id === undefined) this.astral.set(key, (id = this.count++));
      return id;
    }
    const key = ((x << 16) | y) >>> 0;
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.values[slot] !== -1) {
      if (this.keys[slot] === key) return this.values[slot];
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    this.keys[slot] = key;
    this.values[slot] = id;
    if (this.count * 2 > this.keys.length) this.grow();
    return id;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (values[i] === -1) continue;
      let slot = Math.imul(keys[i], 0x9e3779b1) >>> 0 & mask;
      while (this.values[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i];
      this.values[slot] = values[i];
    }
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
