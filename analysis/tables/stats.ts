/**
 * The formulas of /work/shared/reference/statistics.md, one function each.
 * Natural logs unless the definition says log₂. Every edge case returns a finite
 * number so the non-nullable float columns never hold NaN or ±Infinity.
 */

/** a·ln(a/e) with 0·ln 0 = 0. */
function xLnXOverE(x: number, expected: number): number {
  return x === 0 ? 0 : x * Math.log(x / expected);
}

/**
 * Signed log-likelihood G² (Rayson & Garside 2000, two-term form).
 * a, b = counts in target and reference; c, d = tokens in target and reference.
 */
export function g2Signed(a: number, b: number, c: number, d: number): number {
  // Empty target or reference corpus: nothing to compare against, G² = 0.
  if (c <= 0 || d <= 0) return 0;
  const total = a + b;
  // A term with zero total: both summands are 0·ln 0 = 0.
  if (total <= 0) return 0;
  // Equal rates give exactly 0; the formula would leave a rounding residue of either sign.
  if (a * d === b * c) return 0;
  const e1 = (c * total) / (c + d);
  const e2 = (d * total) / (c + d);
  const g2 = Math.max(0, 2 * (xLnXOverE(a, e1) + xLnXOverE(b, e2)));
  // a/c < b/d compared as a·d < b·c, exact for integer counts.
  return a * d < b * c ? -g2 : g2;
}

/** Log Ratio (Hardie 2014): log₂((a/c)/(b/d)), 0.5 in place of a zero count a or b. */
export function logRatio(a: number, b: number, c: number, d: number): number {
  // Empty target or reference corpus (c or d = 0): the rate ratio is undefined; report 0, like G².
  if (c <= 0 || d <= 0) return 0;
  const target = a === 0 ? 0.5 : a;
  const reference = b === 0 ? 0.5 : b;
  return Math.log2((target * d) / (reference * c));
}

/** a_ij / (n_i + n_j − a_ij). */
export function jaccard(aij: number, ni: number, nj: number): number {
  const union = ni + nj - aij;
  // Both sets empty: no union, defined as 0.
  if (union <= 0) return 0;
  return aij / union;
}

/** a_ij · N / (n_i · n_j): observed ÷ expected co-occurrence (van Eck & Waltman 2009). */
export function associationStrength(aij: number, N: number, ni: number, nj: number): number {
  // A term in no unit has no expected co-occurrence: 0.
  if (ni <= 0 || nj <= 0) return 0;
  return (aij * N) / (ni * nj);
}

/**
 * Normalised PMI: log₂(a_ij·N/(n_i·n_j)) / −log₂(a_ij/N), in −1 … 1, written as sums of
 * log₂ counts so a caller with many pairs can pass a table lookup as `log2`.
 */
export function npmi(aij: number, N: number, ni: number, nj: number, log2: (n: number) => number = Math.log2): number {
  // Never together: the limit as a_ij → 0 is −1.
  if (aij <= 0 || ni <= 0 || nj <= 0) return -1;
  // Together in every unit: 0/0, defined as 1.
  if (aij >= N) return 1;
  const logA = log2(aij);
  const logN = log2(N);
  const value = (logA + logN - log2(ni) - log2(nj)) / (logN - logA);
  // The bounds hold exactly in real arithmetic; clamp the last-bit rounding.
  return Math.min(1, Math.max(-1, value));
}

/** log₂ of 0 … max as a lookup (log₂ 0 = −∞ is never read: npmi returns before). */
export function log2Table(max: number): (n: number) => number {
  const table = new Float64Array(max + 1);
  for (let n = 0; n <= max; n++) table[n] = Math.log2(n);
  return (n) => table[n];
}

export interface Dispersion {
  dp: number;
  dpNorm: number;
}

/**
 * Gries' DP (2008) over parts: ½ · Σ |v_k/v − s_k| with s_k = partSizes[k] / Σ partSizes,
 * and DPnorm = DP / (1 − min s_k). Parts of size 0 count (their s_k is 0).
 */
export function griesDp(counts: ArrayLike<number>, partSizes: ArrayLike<number>): Dispersion {
  if (counts.length !== partSizes.length) {
    throw new Error(`griesDp: ${counts.length} counts for ${partSizes.length} parts`);
  }
  let total = 0;
  let size = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k];
    size += partSizes[k];
  }
  // A term with zero total, or a text with no tokens: no distribution to compare, 0.
  if (total <= 0 || size <= 0) return { dp: 0, dpNorm: 0 };
  let deviation = 0;
  let minShare = 1;
  for (let k = 0; k < counts.length; k++) {
    const share = partSizes[k] / size;
    deviation += Math.abs(counts[k] / total - share);
    if (share < minShare) minShare = share;
  }
  const dp = Math.min(1, deviation / 2);
  // A single part (min share 1) leaves no room to concentrate: DP is 0 and so is DPnorm.
  if (minShare >= 1) return { dp: 0, dpNorm: 0 };
  return { dp, dpNorm: Math.min(1, dp / (1 - minShare)) };
}

/** Cosine of two sparse vectors (absent keys are 0). */
export function cosine<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, value] of small) {
    const other = large.get(key);
    if (other !== undefined) dot += value * other;
  }
  return cosineFromDot(dot, squaredNorm(a), squaredNorm(b));
}

/** Cosine from a dot product and the two squared norms. */
export function cosineFromDot(dot: number, squaredNormA: number, squaredNormB: number): number {
  const norms = Math.sqrt(squaredNormA) * Math.sqrt(squaredNormB);
  // A zero vector (e.g. every idf 0 when T = 1) has no direction: cosine 0.
  if (norms === 0 || dot === 0) return 0;
  return Math.min(1, Math.max(-1, dot / norms));
}

function squaredNorm<K>(vector: ReadonlyMap<K, number>): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return sum;
}

/** ln(T / df): T units (tracks), df of them contain the term. */
export function idf(T: number, df: number): number {
  // A term in no unit carries no weight: 0 rather than ln(T/0) = ∞.
  if (df <= 0 || T <= 0) return 0;
  return Math.log(T / df);
}

/** count / tokens × 10,000. */
export function per10k(count: number, tokens: number): number {
  // A unit with no tokens has no rate: 0.
  if (tokens <= 0) return 0;
  return (count / tokens) * 10000;
}
