import { describe, expect, it } from 'vitest';
import { assign, MAX_HUNGARIAN } from '../../../analysis/compare/assignment.ts';

describe('assign', () => {
  it('finds the best total where taking the best pair first would not', () => {
    // a0–b0 0.9 is the single best pair, but a0–b1 0.8 + a1–b0 0.85 = 1.65 beats 0.9 + nothing.
    const edges = [
      { a: 0, b: 0, weight: 0.9 },
      { a: 0, b: 1, weight: 0.8 },
      { a: 1, b: 0, weight: 0.85 }
    ];
    const result = assign(2, 2, edges);
    expect(result.pairs.map((e) => [e.a, e.b])).toEqual([
      [0, 1],
      [1, 0]
    ]);
    expect(result.greedyComponents).toBe(0);
  });

  it('leaves topics without a candidate unassigned and solves components apart', () => {
    const result = assign(4, 5, [
      { a: 0, b: 4, weight: 0.7 },
      { a: 2, b: 1, weight: 0.6 },
      { a: 2, b: 2, weight: 0.65 },
      { a: 3, b: 2, weight: 0.9 }
    ]);
    expect(result.pairs.map((e) => [e.a, e.b])).toEqual([
      [0, 4],
      [2, 1],
      [3, 2]
    ]);
    expect(result.largestComponent).toBe(2);
  });

  it('falls back to best-first for a component too large for the Hungarian algorithm, and says so', () => {
    const n = MAX_HUNGARIAN + 1;
    const edges = Array.from({ length: n }, (_, i) => [
      { a: i, b: i, weight: 0.9 },
      { a: i, b: (i + 1) % n, weight: 0.5 }
    ]).flat();
    const result = assign(n, n, edges);
    expect(result.greedyComponents).toBe(1);
    expect(result.pairs).toHaveLength(n);
    expect(result.pairs.every((e) => e.a === e.b)).toBe(true);
  });
});
