/** The seeded layout: same input and seed → same picture; nodes inside the box; labels apart. */
import { describe, expect, it } from 'vitest';
import { layoutNetwork, nodeRadii, overlapArea } from '../../../../src/lib/network/layout.ts';

function sampleGraph(n: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({ term: `词条${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}`, count: 100 - i }));
  const edges = [];
  for (let i = 0; i < n; i++) {
    edges.push({ source: i, target: (i + 1) % n, weight: 1 + (i % 4) });
    if (i % 3 === 0) edges.push({ source: i, target: (i + 7) % n, weight: 0.5 });
  }
  return { nodes, edges };
}

describe('layoutNetwork', () => {
  it('gives the same positions for the same graph and seed', () => {
    const graph = sampleGraph(40);
    const a = layoutNetwork(graph, { width: 1000, height: 620, seed: 3 });
    const b = layoutNetwork(graph, { width: 1000, height: 620, seed: 3 });
    expect(b).toEqual(a);
    const other = layoutNetwork(graph, { width: 1000, height: 620, seed: 4 });
    expect(other.nodes.map((n) => [n.x, n.y])).not.toEqual(a.nodes.map((n) => [n.x, n.y]));
  });

  it('keeps nodes and labels inside the drawing', () => {
    const { nodes } = layoutNetwork(sampleGraph(60), { width: 1000, height: 620 });
    for (const n of nodes) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r).toBeLessThanOrEqual(1000);
      expect(n.y - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y + n.r).toBeLessThanOrEqual(620);
      expect(n.label.x).toBeGreaterThanOrEqual(0);
      expect(n.label.x + n.label.width).toBeLessThanOrEqual(1000);
    }
  });

  it('places labels horizontally without overlaps on a 60-node graph', () => {
    const layout = layoutNetwork(sampleGraph(60), { width: 1000, height: 620 });
    expect(layout.labelOverlaps).toBe(0);
    const boxes = layout.nodes.map((n) => n.label);
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlapArea(boxes[i], boxes[j]) > 0) overlapping++;
    expect(overlapping).toBe(0);
  });

  it('sizes nodes by frequency', () => {
    const r = nodeRadii([1, 4, 16]);
    expect(r[0]).toBeLessThan(r[1]);
    expect(r[1]).toBeLessThan(r[2]);
    expect(nodeRadii([5, 5])[0]).toBe(nodeRadii([5, 5])[1]);
    expect(layoutNetwork({ nodes: [], edges: [] }, { width: 100, height: 100 }).nodes).toEqual([]);
    const single = layoutNetwork({ nodes: [{ term: '数据', count: 3 }], edges: [] }, { width: 100, height: 100 });
    expect([single.nodes[0].x, single.nodes[0].y]).toEqual([50, 50]);
  });
});
