/**
 * The keyness formulas of statistics.md as SQL fragments, with the edge cases of
 * analysis/tables/stats.ts (g2Signed, logRatio): an empty target or reference gives 0,
 * equal rates give G² exactly 0, 0.5 replaces a zero count in Log Ratio. Arguments are
 * DOUBLE expressions: a, b = counts in target and reference; c, d = their tokens.
 */
import { sql, type Fragment } from './builder.ts';

/** Signed log-likelihood G² (Rayson & Garside 2000, two-term form). */
export function g2SignedSql(a: Fragment, b: Fragment, c: Fragment, d: Fragment): Fragment {
  const e1 = sql`(${c} * (${a} + ${b}) / (${c} + ${d}))`;
  const e2 = sql`(${d} * (${a} + ${b}) / (${c} + ${d}))`;
  return sql`(CASE WHEN ${c} <= 0 OR ${d} <= 0 OR ${a} + ${b} <= 0 OR ${a} * ${d} = ${b} * ${c} THEN 0.0
    ELSE sign(${a} * ${d} - ${b} * ${c}) * greatest(0.0, 2 * (
      CASE WHEN ${a} > 0 THEN ${a} * ln(${a} / ${e1}) ELSE 0.0 END +
      CASE WHEN ${b} > 0 THEN ${b} * ln(${b} / ${e2}) ELSE 0.0 END)) END)`;
}

/** Log Ratio (Hardie 2014): log₂((a/c)/(b/d)), 0.5 in place of a zero count. */
export function logRatioSql(a: Fragment, b: Fragment, c: Fragment, d: Fragment): Fragment {
  return sql`(CASE WHEN ${c} <= 0 OR ${d} <= 0 THEN 0.0
    ELSE log2((CASE WHEN ${a} = 0 THEN 0.5 ELSE ${a} END * ${d}) / (CASE WHEN ${b} = 0 THEN 0.5 ELSE ${b} END * ${c})) END)`;
}

/**
 * Critical values of G² (χ², one degree of freedom) and the marks the charts print:
 * 3.84 ≈ p < 0.05, 6.63 ≈ p < 0.01, 10.83 ≈ p < 0.001 (statistics.md; Rayson's
 * log-likelihood calculator uses the same). Level 0 = not significant.
 */
export const SIGNIFICANCE = [
  { level: 1, g2: 3.84, p: '0.05', mark: '*' },
  { level: 2, g2: 6.63, p: '0.01', mark: '**' },
  { level: 3, g2: 10.83, p: '0.001', mark: '***' }
] as const;
export type SignificanceLevel = 0 | 1 | 2 | 3;

/** The significance level (0–3) of a G² value (either sign). */
export function significanceLevel(g2: number): SignificanceLevel {
  const magnitude = Math.abs(g2);
  let level: SignificanceLevel = 0;
  for (const s of SIGNIFICANCE) if (magnitude >= s.g2) level = s.level;
  return level;
}

/** `*`, `**`, `***` or '' for a G² value. */
export function significanceMark(g2: number): string {
  const level = significanceLevel(g2);
  return level === 0 ? '' : SIGNIFICANCE[level - 1].mark;
}

/** The same levels in SQL, for filtering and ordering. */
export function significanceSql(g2: Fragment): Fragment {
  const [s1, s2, s3] = SIGNIFICANCE;
  return sql`(CASE WHEN abs(${g2}) >= ${s3.g2} THEN 3 WHEN abs(${g2}) >= ${s2.g2} THEN 2 WHEN abs(${g2}) >= ${s1.g2} THEN 1 ELSE 0 END)`;
}
