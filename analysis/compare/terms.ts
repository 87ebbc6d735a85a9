/**
 * Term trend between two editions, B against A as reference (statistics.md "Term trend
 * between editions"): per10k on each side, Log Ratio and signed G² of B's rate against
 * A's, and a status. On the titles basis (either edition titles-only) both sides count
 * title tokens only, so a titles-only list is not compared with a full guide's bodies.
 */
import { G2_SIGNIFICANT, type TermTrendStatus } from '../contract.ts';
import { g2Signed, logRatio, per10k } from '../tables/stats.ts';
import { compareCodePoints } from '../tables/order.ts';
import type { Basis, TermCount } from './types.ts';

export type { TermCount };

export interface TermTrend {
  term: string;
  count_a: number;
  count_b: number;
  per10k_a: number;
  per10k_b: number;
  log_ratio: number;
  g2: number;
  status: TermTrendStatus;
}

export function trendStatus(countA: number, countB: number, g2: number): TermTrendStatus {
  if (countA === 0 && countB > 0) return 'new';
  if (countA > 0 && countB === 0) return 'dropped';
  if (g2 >= G2_SIGNIFICANT) return 'rising';
  if (g2 <= -G2_SIGNIFICANT) return 'falling';
  return 'stable';
}

/** A term's tokens on the basis: titles and bodies, or titles alone. */
export const countOn = (basis: Basis, t: TermCount) => (basis === 'full' ? t.count : t.title_count);

/** Every term with a token on the basis in either edition, in code-point order. */
export function termTrend(a: readonly TermCount[], b: readonly TermCount[], basis: Basis): TermTrend[] {
  const counts = new Map<string, [number, number]>();
  let tokensA = 0;
  let tokensB = 0;
  for (const t of a) {
    const n = countOn(basis, t);
    tokensA += n;
    if (n > 0) counts.set(t.term, [n, 0]);
  }
  for (const t of b) {
    const n = countOn(basis, t);
    tokensB += n;
    if (n === 0) continue;
    const entry = counts.get(t.term);
    if (entry) entry[1] = n;
    else counts.set(t.term, [0, n]);
  }
  const terms = [...counts.keys()].sort(compareCodePoints);
  return terms.map((term) => {
    const [countA, countB] = counts.get(term)!;
    const g2 = g2Signed(countB, countA, tokensB, tokensA);
    return {
      term,
      count_a: countA,
      count_b: countB,
      per10k_a: per10k(countA, tokensA),
      per10k_b: per10k(countB, tokensB),
      log_ratio: logRatio(countB, countA, tokensB, tokensA),
      g2,
      status: trendStatus(countA, countB, g2)
    };
  });
}

/** Each theme's member terms summed on each side (tokens and per10k), from a term trend. */
export function themeTrend(
  trend: readonly Pick<TermTrend, 'term' | 'count_a' | 'count_b' | 'per10k_a' | 'per10k_b'>[],
  members: ReadonlyMap<string, readonly string[]>
): { theme: string; count_a: number; count_b: number; per10k_a: number; per10k_b: number }[] {
  const byTerm = new Map(trend.map((t) => [t.term, t]));
  return [...members].map(([theme, terms]) => {
    const out = { theme, count_a: 0, count_b: 0, per10k_a: 0, per10k_b: 0 };
    for (const term of new Set(terms)) {
      const t = byTerm.get(term);
      if (!t) continue;
      out.count_a += t.count_a;
      out.count_b += t.count_b;
      out.per10k_a += t.per10k_a;
      out.per10k_b += t.per10k_b;
    }
    return out;
  });
}

/** Term counts as parallel arrays: cheap to send from a worker thread. */
export interface TermCountColumns {
  terms: string[];
  counts: number[];
  titleCounts: number[];
}

/**
 * An edition's term counts from its segmented topics, generic verbs removed — the same
 * figures the dashboard sums from term_topic (count, title spans) and terms.generic_verb.
 */
export function termCountsOf(
  topics: readonly { tokens: readonly { term: string; part: 'title' | 'body'; generic_verb: boolean }[] }[]
): TermCountColumns {
  const index = new Map<string, number>();
  const out: TermCountColumns = { terms: [], counts: [], titleCounts: [] };
  for (const topic of topics) {
    for (const token of topic.tokens) {
      if (token.generic_verb) continue;
      let i = index.get(token.term);
      if (i === undefined) {
        index.set(token.term, (i = out.terms.length));
        out.terms.push(token.term);
        out.counts.push(0);
        out.titleCounts.push(0);
      }
      out.counts[i]++;
      if (token.part === 'title') out.titleCounts[i]++;
    }
  }
  return out;
}

export function termCountRows(columns: TermCountColumns): TermCount[] {
  return columns.terms.map((term, i) => ({ term, count: columns.counts[i], title_count: columns.titleCounts[i] }));
}
