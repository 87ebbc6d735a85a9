/**
 * One-to-one assignment over a sparse set of weighted candidate pairs: the Hungarian
 * algorithm (munkres-js) on each connected component of the candidate graph, so two
 * 1,000-topic editions never build a 1,000 × 1,000 matrix. Components larger than
 * MAX_HUNGARIAN on either side fall back to greedy (best weight first); the result says
 * how many did, and the benchmark reports it.
 */
/// <reference path="./munkres-js.d.ts" />
import munkres from 'munkres-js';

export interface Edge {
  a: number;
  b: number;
  weight: number;
}

export interface Assignment {
  pairs: Edge[];
  /** Components solved greedily because they were too large for the Hungarian algorithm. */
  greedyComponents: number;
  largestComponent: number;
}

/** Side length beyond which munkres-js (O(n³)) would cost more than the whole alignment budget. */
export const MAX_HUNGARIAN = 150;

/** Maximum-weight matching over `edges` (each a ∈ [0, nA), b ∈ [0, nB)), deterministic. */
export function assign(nA: number, nB: number, edges: readonly Edge[]): Assignment {
  const parent = Array.from({ length: nA + nB }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const e of edges) {
    const x = find(e.a);
    const y = find(nA + e.b);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const components = new Map<number, Edge[]>();
  for (const e of edges) {
    const root = find(e.a);
    let list = components.get(root);
    if (!list) components.set(root, (list = []));
    list.push(e);
  }
  const pairs: Edge[] = [];
  let greedyComponents = 0;
  let largestComponent = 0;
  for (const list of components.values()) {
    const as = [...new Set(list.map((e) => e.a))].sort((x, y) => x - y);
    const bs = [...new Set(list.map((e) => e.b))].sort((x, y) => x - y);
    largestComponent = Math.max(largestComponent, as.length, bs.length);
    if (list.length === 1) pairs.push(list[0]);
    else if (as.length > MAX_HUNGARIAN || bs.length > MAX_HUNGARIAN) {
      greedyComponents++;
      pairs.push(...greedy(list));
    } else pairs.push(...hungarian(as, bs, list));
  }
  return { pairs: pairs.sort((x, y) => x.a - y.a), greedyComponents, largestComponent };
}

function hungarian(as: number[], bs: number[], list: readonly Edge[]): Edge[] {
  const row = new Map(as.map((a, i) => [a, i]));
  const col = new Map(bs.map((b, j) => [b, j]));
  // Cost = 1 − weight for a candidate, 1 (as good as leaving both unassigned) otherwise;
  // weights are in (0, 1.1], so every candidate is cheaper than no pair.
  const cost = as.map(() => bs.map(() => 2));
  const edgeAt = new Map<number, Edge>();
  for (const e of list) {
    const i = row.get(e.a)!;
    const j = col.get(e.b)!;
    cost[i][j] = 2 - e.weight;
    edgeAt.set(i * bs.length + j, e);
  }
  const out: Edge[] = [];
  for (const [i, j] of munkres(cost)) {
    const e = edgeAt.get(i * bs.length + j);
    if (e) out.push(e);
  }
  return out;
}

function greedy(list: readonly Edge[]): Edge[] {
  const sorted = [...list].sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Edge[] = [];
  for (const e of sorted) {
    if (usedA.has(e.a) || usedB.has(e.b)) continue;
    usedA.add(e.a);
    usedB.add(e.b);
    out.push(e);
  }
  return out;
}
