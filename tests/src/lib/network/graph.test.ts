/** Threshold, cap and node pruning on hand-made rows. */
import { describe, expect, it } from 'vitest';
import { buildGraph, DEFAULT_THRESHOLD, edgeValue, edgeWeight, maxEdgeValue, thresholdRange } from '../../../../src/lib/network/graph.ts';
import type { NetworkEdgeRow, NetworkNodeRow } from '../../../../src/lib/queries/network.ts';

const node = (term: string, count: number): NetworkNodeRow => ({ term, count, topics: count });
const edge = (term_a: string, term_b: string, topics: number, jaccard: number, sentences = 0): NetworkEdgeRow => ({
  term_a, term_b, topics, sentences, jaccard, association_strength: jaccard * 10, npmi: jaccard - 0.5,
  sentence_jaccard: sentences ? jaccard / 2 : null, sentence_association_strength: sentences ? 1 : null, sentence_npmi: sentences ? 0 : null
});

const NODES = [node('a', 9), node('b', 8), node('c', 7), node('d', 6), node('e', 5)];
const EDGES = [edge('a', 'b', 5, 0.5, 3), edge('a', 'c', 4, 0.3), edge('b', 'c', 3, 0.2, 1), edge('c', 'd', 2, 0.1), edge('a', 'x', 9, 0.9)];

describe('buildGraph', () => {
  it('keeps edges at or above the threshold, strongest first, and drops nodes left alone', () => {
    const g = buildGraph(NODES, EDGES, { stat: 'jaccard', window: 'topic', threshold: 0.2, maxEdges: 60 });
    expect(g.edges.map((e) => [e.term_a, e.term_b, e.value])).toEqual([['a', 'b', 0.5], ['a', 'c', 0.3], ['b', 'c', 0.2]]);
    expect(g.nodes.map((n) => [n.term, n.degree])).toEqual([['a', 2], ['b', 2], ['c', 2]]);
    expect(g.isolated).toEqual(['d', 'e']);
    expect(g.edgesAboveThreshold).toBe(3);
    // Edges point at the kept nodes by index; the edge to a term outside the nodes (x) is ignored.
    for (const e of g.edges) expect([g.nodes[e.source].term, g.nodes[e.target].term]).toEqual([e.term_a, e.term_b]);
  });

  it('caps the number of edges, keeping the strongest', () => {
    const g = buildGraph(NODES, EDGES, { stat: 'jaccard', window: 'topic', threshold: 0, maxEdges: 2 });
    expect(g.edges.map((e) => e.term_a + e.term_b)).toEqual(['ab', 'ac']);
    expect(g.edgesAboveThreshold).toBe(4);
    expect(g.nodes.map((n) => n.term)).toEqual(['a', 'b', 'c']);
    expect(buildGraph(NODES, EDGES, { stat: 'jaccard', window: 'topic', threshold: 0, maxEdges: 0 }).edges).toHaveLength(4);
  });

  it('breaks ties by shared topics, then by the pair', () => {
    const tied = [edge('c', 'd', 2, 0.4), edge('a', 'b', 2, 0.4), edge('b', 'c', 7, 0.4)];
    const g = buildGraph(NODES, tied, { stat: 'jaccard', window: 'topic', threshold: 0, maxEdges: 2 });
    expect(g.edges.map((e) => e.term_a + e.term_b)).toEqual(['bc', 'ab']);
  });

  it('uses the sentence figures in the sentence window and skips pairs sharing no sentence', () => {
    const g = buildGraph(NODES, EDGES, { stat: 'jaccard', window: 'sentence', threshold: 0, maxEdges: 60 });
    expect(g.edges.map((e) => [e.term_a + e.term_b, e.value])).toEqual([['ab', 0.25], ['bc', 0.1]]);
    const counts = buildGraph(NODES, EDGES, { stat: 'topics', window: 'sentence', threshold: 2, maxEdges: 60 });
    expect(counts.edges.map((e) => [e.term_a + e.term_b, e.value])).toEqual([['ab', 3]]);
  });

  it('leaves out pairs whose sentences were not counted in the sentence window', () => {
    const uncounted = { ...edge('a', 'b', 5, 0.5), sentences: null };
    expect(buildGraph(NODES, [uncounted], { stat: 'topics', window: 'sentence', threshold: 0, maxEdges: 60 }).edges).toEqual([]);
    expect(buildGraph(NODES, [uncounted], { stat: 'topics', window: 'topic', threshold: 0, maxEdges: 60 }).edges).toHaveLength(1);
  });

  it('counts a value a rounding step below the threshold as reaching it', () => {
    const g = buildGraph(NODES, [edge('a', 'b', 2, 0.19999999999999998)], { stat: 'jaccard', window: 'topic', threshold: 0.2, maxEdges: 60 });
    expect(g.edges).toHaveLength(1);
  });

  it('gives an empty graph when nothing reaches the threshold', () => {
    const g = buildGraph(NODES, EDGES, { stat: 'jaccard', window: 'topic', threshold: 0.95, maxEdges: 60 });
    expect(g.nodes).toEqual([]);
    expect(g.edges).toEqual([]);
    expect(g.isolated).toHaveLength(5);
  });
});

describe('statistics', () => {
  it('picks the figure of each statistic and window', () => {
    const e = EDGES[0];
    expect(edgeValue(e, 'topics', 'topic')).toBe(5);
    expect(edgeValue(e, 'association', 'topic')).toBe(5);
    expect(edgeValue(e, 'npmi', 'topic')).toBe(0);
    expect(edgeValue(e, 'topics', 'sentence')).toBe(3);
    expect(edgeValue(EDGES[1], 'jaccard', 'sentence')).toBeNull();
  });

  it('turns NPMI into a non-negative weight and keeps the others', () => {
    expect(edgeWeight(-1, 'npmi')).toBe(0);
    expect(edgeWeight(1, 'npmi')).toBe(1);
    expect(edgeWeight(0.4, 'jaccard')).toBe(0.4);
  });

  it('gives slider ranges that contain the defaults', () => {
    for (const stat of ['topics', 'jaccard', 'association', 'npmi'] as const) {
      const r = thresholdRange(stat, maxEdgeValue(EDGES, stat, 'topic'));
      expect(DEFAULT_THRESHOLD[stat]).toBeGreaterThanOrEqual(r.min);
      expect(DEFAULT_THRESHOLD[stat]).toBeLessThanOrEqual(r.max);
    }
    expect(thresholdRange('topics', 9)).toEqual({ min: 1, max: 9, step: 1 });
    expect(DEFAULT_THRESHOLD.jaccard).toBe(0.2);
  });
});
