/**
 * Communities (clusters) with the Leiden algorithm from networkanalysis-ts (VOSviewer's
 * library), optimising modularity like KH Coder's "modularity" colouring. Seeded, so the
 * same graph always gets the same communities; numbered by size (0 = largest).
 */
import Random from 'java-random';
import { Clustering, LeidenAlgorithm, Network } from 'networkanalysis-ts';

export interface WeightedEdge {
  source: number;
  target: number;
  /** Non-negative. */
  weight: number;
}

export interface CommunityOptions {
  seed?: number;
  /** Modularity resolution: above 1 gives more, smaller communities. */
  resolution?: number;
  randomStarts?: number;
  iterations?: number;
}

export const COMMUNITY_SEED = 20261124;

/** Community of each node, 0 = the largest; a node without edges is a community of its own. */
export function detectCommunities(nNodes: number, edges: readonly WeightedEdge[], options: CommunityOptions = {}): number[] {
  if (nNodes === 0) return [];
  const usable = edges.filter((e) => e.source !== e.target && e.weight > 0);
  if (usable.length === 0) return Array.from({ length: nNodes }, (_, i) => i);
  const network = new Network({
    nNodes,
    setNodeWeightsToTotalEdgeWeights: true,
    edges: [usable.map((e) => e.source), usable.map((e) => e.target)],
    edgeWeights: usable.map((e) => e.weight),
    sortedEdges: false,
    checkIntegrity: false
  });
  // Modularity as CPM with node weights = degrees and resolution / 2m (as the library's own runner does).
  const resolution = (options.resolution ?? 1) / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
  const algorithm = new LeidenAlgorithm();
  algorithm.initializeBasedOnResolutionAndNIterationsAndRandomnessAndRandom(
    resolution,
    options.iterations ?? 50,
    LeidenAlgorithm.DEFAULT_RANDOMNESS,
    new Random(options.seed ?? COMMUNITY_SEED)
  );
  let best: Clustering | null = null;
  let bestQuality = -Infinity;
  for (let start = 0; start < (options.randomStarts ?? 10); start++) {
    const clustering = new Clustering({ nNodes });
    algorithm.improveClustering(network, clustering);
    const quality = algorithm.calcQuality(network, clustering);
    if (quality > bestQuality) {
      best = clustering;
      bestQuality = quality;
    }
  }
  best!.orderClustersByNNodes();
  return best!.getClusters();
}

/** Modularity Q of a partition (Newman 2006), for tests and the help text's figure. */
export function modularity(nNodes: number, edges: readonly WeightedEdge[], communities: readonly number[]): number {
  const strength = new Array<number>(nNodes).fill(0);
  let m = 0;
  for (const e of edges) {
    strength[e.source] += e.weight;
    strength[e.target] += e.weight;
    m += e.weight;
  }
  if (m === 0) return 0;
  let inside = 0;
  for (const e of edges) if (communities[e.source] === communities[e.target]) inside += e.weight;
  const totals = new Map<number, number>();
  for (let i = 0; i < nNodes; i++) totals.set(communities[i], (totals.get(communities[i]) ?? 0) + strength[i]);
  let expected = 0;
  for (const s of totals.values()) expected += (s / (2 * m)) ** 2;
  return inside / m - expected;
}
