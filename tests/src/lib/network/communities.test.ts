/** Leiden communities on hand-made graphs. */
import { describe, expect, it } from 'vitest';
import { detectCommunities, modularity, type WeightedEdge } from '../../../../src/lib/network/communities.ts';

/** Two 5-cliques (0–4 and 5–9) joined by one weak edge. */
function twoClusters(): WeightedEdge[] {
  const edges: WeightedEdge[] = [];
  for (const base of [0, 5]) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) edges.push({ source: base + i, target: base + j, weight: 1 });
  edges.push({ source: 4, target: 5, weight: 0.2 });
  return edges;
}

describe('detectCommunities', () => {
  it('finds the two obvious clusters', () => {
    const c = detectCommunities(10, twoClusters());
    expect(new Set(c.slice(0, 5)).size).toBe(1);
    expect(new Set(c.slice(5)).size).toBe(1);
    expect(c[0]).not.toBe(c[5]);
    expect(modularity(10, twoClusters(), c)).toBeGreaterThan(0.4);
  });

  it('is the same on every run with the same seed', () => {
    const ring: WeightedEdge[] = Array.from({ length: 30 }, (_, i) => ({ source: i, target: (i + 1) % 30, weight: 1 + (i % 3) }));
    const first = detectCommunities(30, ring, { seed: 7 });
    for (let k = 0; k < 3; k++) expect(detectCommunities(30, ring, { seed: 7 })).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('numbers communities by size, largest first', () => {
    // A 6-clique and a triangle.
    const edges: WeightedEdge[] = [];
    for (let i = 3; i < 9; i++) for (let j = i + 1; j < 9; j++) edges.push({ source: i, target: j, weight: 1 });
    edges.push({ source: 0, target: 1, weight: 1 }, { source: 1, target: 2, weight: 1 }, { source: 0, target: 2, weight: 1 });
    const c = detectCommunities(9, edges);
    expect(c.slice(3).every((x) => x === 0)).toBe(true);
    expect(c.slice(0, 3).every((x) => x === 1)).toBe(true);
  });

  it('puts nodes without edges in communities of their own', () => {
    expect(detectCommunities(3, [])).toEqual([0, 1, 2]);
    expect(detectCommunities(0, [])).toEqual([]);
    const c = detectCommunities(4, [{ source: 0, target: 1, weight: 1 }]);
    expect(c[0]).toBe(c[1]);
    expect(new Set([c[0], c[2], c[3]]).size).toBe(3);
  });
});
