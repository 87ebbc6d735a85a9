/**
 * Near-identical sets among many: a prefix-filtering self-join (Chaudhuri et al. 2006;
 * Bayardo et al. 2007, "All-Pairs") with every candidate verified by exact Jaccard.
 *
 * Tokens of each set are ranked rarest first. Two sets with Jaccard ≥ t overlap in at least
 * ⌈t·|x|⌉ tokens, so they must share a token among the first |x| − ⌈t·|x|⌉ + 1 of each;
 * only sets that do are compared. Rare prefixes make the posting lists short, which is
 * what keeps this near-linear on real text.
 */
import { overlapOfSorted } from './text.ts';

export interface NearLink {
  /** Index of the earlier set. */
  earlier: number;
  /** Index of the later set. */
  later: number;
  similarity: number;
}

/**
 * For each set (in index order) the earlier sets with Jaccard ≥ `threshold`: all of them when
 * there are at most `allLinksUpTo`, else only the earliest (mass copies link to their origin).
 * `sets` hold sorted distinct token ids below `tokenCount`; empty sets never link.
 */
export function findNearSets(
  sets: readonly Uint32Array[],
  threshold: number,
  allLinksUpTo: number,
  tokenCount: number
): NearLink[] {
  const rarity = rarityRanks(sets, tokenCount);

  const postings = new Map<number, number[]>();
  const links: NearLink[] = [];
  for (let later = 0; later < sets.length; later++) {
    const set = sets[later];
    if (set.length === 0) continue;
    // Ranks stand for tokens one to one, so the prefix is kept as ranks.
    const ranks = new Uint32Array(set.length);
    for (let i = 0; i < set.length; i++) ranks[i] = rarity[set[i]];
    const prefix = ranks.sort().subarray(0, prefixLength(set.length, threshold));
    const lists = Array.from(prefix, (token) => postings.get(token)).filter((list) => list !== undefined);
    const found: NearLink[] = [];
    for (const earlier of ascendingUnion(lists)) {
      if (found.length > allLinksUpTo) break;
      const other = sets[earlier];
      if (other.length < threshold * set.length || set.length < threshold * other.length) continue;
      const shared = overlapOfSorted(set, other);
      const similarity = shared / (set.length + other.length - shared);
      if (similarity >= threshold) found.push({ earlier, later, similarity });
    }
    if (found.length > allLinksUpTo) links.push(found[0]);
    else links.push(...found);
    for (const token of prefix) {
      const list = postings.get(token);
      if (list) list.push(later);
      else postings.set(token, [later]);
    }
  }
  return links;
}

/** rank[token]: 0 for the rarest token over all sets, ties by token id. */
function rarityRanks(sets: readonly Uint32Array[], tokenCount: number): Uint32Array {
  const frequency = new Uint32Array(tokenCount);
  for (const set of sets) for (const token of set) frequency[token]++;
  const tokens = new Uint32Array(tokenCount).map((_, i) => i);
  tokens.sort((a, b) => frequency[a] - frequency[b] || a - b);
  const rank = new Uint32Array(tokenCount);
  tokens.forEach((token, i) => (rank[token] = i));
  return rank;
}

function prefixLength(size: number, threshold: number): number {
  // The epsilon only lengthens the prefix (never drops a true pair to rounding).
  const minOverlap = Math.max(1, Math.ceil(threshold * size - 1e-9));
  return Math.min(size, size - minOverlap + 1);
}

/** Distinct values of ascending lists, ascending, read lazily so the caller can stop early. */
function* ascendingUnion(lists: readonly number[][]): Generator<number> {
  const positions = new Array<number>(lists.length).fill(0);
  let previous = -1;
  for (;;) {
    let smallest = Infinity;
    for (let i = 0; i < lists.length; i++) {
      if (positions[i] < lists[i].length && lists[i][positions[i]] < smallest) smallest = lists[i][positions[i]];
    }
    if (smallest === Infinity) return;
    for (let i = 0; i < lists.length; i++) {
      if (positions[i] < lists[i].length && lists[i][positions[i]] === smallest) positions[i]++;
    }
    if (smallest !== previous) yield smallest;
    previous = smallest;
  }
}
