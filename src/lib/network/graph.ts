/**
 * From query rows to the graph that is drawn: pick each pair's figure for the chosen
 * statistic and window, keep the pairs at or above the threshold, cap the number of
 * edges (KH Coder: the strongest 60), and drop nodes left without an edge.
 * Pure: no DOM, no engine.
 */
import type { NetworkEdgeRow, NetworkNodeRow } from '../queries/network.ts';

export const STATISTICS = ['topics', 'jaccard', 'association', 'npmi'] as const;
export type Statistic = (typeof STATISTICS)[number];
export const WINDOWS = ['topic', 'sentence'] as const;
export type CoWindow = (typeof WINDOWS)[number];

/**
 * Starting thresholds: Jaccard ≥ 0.2 is KH Coder's; association strength ≥ 2 means
 * "twice as often as expected"; NPMI ≥ 0.2 keeps clearly positive pairs; 3 shared
 * topics (or sentences) is one above the analysis' minimum pair count.
 */
export const DEFAULT_THRESHOLD: Record<Statistic, number> = { topics: 3, jaccard: 0.2, association: 2, npmi: 0.2 };
/** KH Coder draws the strongest 60 edges by default. */
export const DEFAULT_MAX_EDGES = 60;
export const DEFAULT_TOP = 60;

/** Slider range and step for each statistic; counts and association strength grow with the data. */
export function thresholdRange(stat: Statistic, maxValue: number): { min: number; max: number; step: number } {
  switch (stat) {
    case 'topics':
      return { min: 1, max: Math.max(2, Math.ceil(maxValue)), step: 1 };
    case 'jaccard':
      return { min: 0, max: 1, step: 0.01 };
    case 'association':
      return { min: 0, max: Math.max(2, Math.ceil(maxValue)), step: 0.1 };
    case 'npmi':
      return { min: -1, max: 1, step: 0.01 };
  }
}

/** The pair's figure for the statistic and window; null when the pair shares no such window. */
export function edgeValue(edge: NetworkEdgeRow, stat: Statistic, window: CoWindow): number | null {
  if (window === 'topic') {
    if (edge.topics <= 0) return null;
    return stat === 'topics' ? edge.topics : stat === 'jaccard' ? edge.jaccard : stat === 'association' ? edge.association_strength : edge.npmi;
  }
  if (edge.sentences === null || edge.sentences <= 0) return null;
  return stat === 'topics'
    ? edge.sentences
    : stat === 'jaccard'
      ? edge.sentence_jaccard
      : stat === 'association'
        ? edge.sentence_association_strength
        : edge.sentence_npmi;
}

/** Non-negative weight for community detection: NPMI (−1 … 1) is moved to 0 … 1. */
export function edgeWeight(value: number, stat: Statistic): number {
  return stat === 'npmi' ? (value + 1) / 2 : Math.max(0, value);
}

export interface GraphOptions {
  stat: Statistic;
  window: CoWindow;
  threshold: number;
  /** Keep at most this many edges, strongest first; 0 = no cap. */
  maxEdges: number;
}

export interface GraphNode extends NetworkNodeRow {
  /** Edges drawn at this node. */
  degree: number;
}

export interface GraphEdge {
  /** Indexes into Graph.nodes. */
  source: number;
  target: number;
  term_a: string;
  term_b: string;
  /** The chosen statistic's figure. */
  value: number;
  topics: number;
  /** Null when not counted (topic window over a track subset). */
  sentences: number | null;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Pairs at or above the threshold before the cap. */
  edgesAboveThreshold: number;
  /** Terms among the top N with no edge drawn (not shown). */
  isolated: string[];
}

// Figures come back from SQL as doubles; 0.2 stored as 0.19999999999999998 still passes 0.2.
const EPSILON = 1e-9;

/** Strongest first; ties: more shared topics, then code-point order of the pair. */
function stronger(a: GraphEdge, b: GraphEdge): number {
  return b.value - a.value || b.topics - a.topics || (a.term_a < b.term_a ? -1 : a.term_a > b.term_a ? 1 : a.term_b < b.term_b ? -1 : a.term_b > b.term_b ? 1 : 0);
}

export function buildGraph(nodeRows: readonly NetworkNodeRow[], edgeRows: readonly NetworkEdgeRow[], options: GraphOptions): Graph {
  const known = new Set(nodeRows.map((n) => n.term));
  const candidates: GraphEdge[] = [];
  for (const row of edgeRows) {
    if (!known.has(row.term_a) || !known.has(row.term_b)) continue;
    const value = edgeValue(row, options.stat, options.window);
    if (value === null || value < options.threshold - EPSILON) continue;
    candidates.push({ source: -1, target: -1, term_a: row.term_a, term_b: row.term_b, value, topics: row.topics, sentences: row.sentences });
  }
  candidates.sort(stronger);
  const kept = options.maxEdges > 0 ? candidates.slice(0, options.maxEdges) : candidates;

  const linked = new Set(kept.flatMap((e) => [e.term_a, e.term_b]));
  const nodes: GraphNode[] = nodeRows.filter((n) => linked.has(n.term)).map((n) => ({ ...n, degree: 0 }));
  const index = new Map(nodes.map((n, i) => [n.term, i]));
  for (const e of kept) {
    e.source = index.get(e.term_a)!;
    e.target = index.get(e.term_b)!;
    nodes[e.source].degree++;
    nodes[e.target].degree++;
  }
  return {
    nodes,
    edges: kept,
    edgesAboveThreshold: candidates.length,
    isolated: nodeRows.filter((n) => !linked.has(n.term)).map((n) => n.term)
  };
}

/** Largest figure of the statistic among the pairs (for the slider's range). */
export function maxEdgeValue(edgeRows: readonly NetworkEdgeRow[], stat: Statistic, window: CoWindow): number {
  let max = 0;
  for (const row of edgeRows) {
    const v = edgeValue(row, stat, window);
    if (v !== null && v > max) max = v;
  }
  return max;
}
