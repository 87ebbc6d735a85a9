/** track_overlap: every pair of tracks, their shared terms, Jaccard and TF-IDF cosine. */
import { track_overlap, type GenericVerbs } from '../contract.ts';
import { columnBatch, floats, ints, same, strings, symbols, type ColumnBatch } from '../write/columns.ts';
import type { EditionIndex } from './counts.ts';
import { inOrder, VARIANT_SYMBOLS } from './keyness.ts';
import { cosineFromDot, idf, jaccard } from './stats.ts';

const TOP_SHARED = 10;

export function trackOverlapColumns(index: EditionIndex, variants: readonly GenericVerbs[]): ColumnBatch {
  const V = index.terms.length;
  const T = index.tracks.length;
  const variantIds: number[] = [];
  const trackA: number[] = [];
  const trackB: number[] = [];
  const sharedTerms: number[] = [];
  const jaccards: number[] = [];
  const cosines: number[] = [];
  const topShared: string[] = [];
  const top = new TopTerms(TOP_SHARED);
  inOrder(variants).forEach(({ variant, v }) => {
    const { trackTermCount, termTracks } = index.variants[variant];
    const idfs = new Float64Array(V);
    for (let id = 0; id < V; id++) idfs[id] = idf(T, termTracks[id]);
    // Per track: the ids it contains (ascending) and the squared norm of its tf·idf vector.
    const present: Int32Array[] = [];
    const squaredNorms = new Float64Array(T);
    for (let k = 0; k < T; k++) {
      const ids: number[] = [];
      for (let id = 0; id < V; id++) {
        const tf = trackTermCount[k * V + id];
        if (tf === 0) continue;
        ids.push(id);
        squaredNorms[k] += (tf * idfs[id]) ** 2;
      }
      present.push(Int32Array.from(ids));
    }

    for (let x = 0; x < T; x++) {
      for (let y = x + 1; y < T; y++) {
        let shared = 0;
        let dot = 0;
        top.clear();
        for (const id of present[x]) {
          const tfY = trackTermCount[y * V + id];
          if (tfY === 0) continue;
          const tfX = trackTermCount[x * V + id];
          shared++;
          dot += tfX * idfs[id] * tfY * idfs[id];
          top.offer(id, Math.min(tfX, tfY) * idfs[id]);
        }
        variantIds.push(v);
        trackA.push(index.tracks[x].track_no);
        trackB.push(index.tracks[y].track_no);
        sharedTerms.push(shared);
        jaccards.push(jaccard(shared, present[x].length, present[y].length));
        cosines.push(cosineFromDot(dot, squaredNorms[x], squaredNorms[y]));
        topShared.push(top.terms(index.terms).join('、'));
      }
    }
  });
  return columnBatch(track_overlap, trackA.length, {
    edition_id: same(index.editionId),
    generic_verbs: symbols(variantIds, VARIANT_SYMBOLS),
    track_a: ints(trackA),
    track_b: ints(trackB),
    shared_terms: ints(sharedTerms),
    jaccard: floats(jaccards),
    cosine: floats(cosines),
    top_shared: strings(topShared)
  });
}

/** The best few ids by score descending, then id ascending (id order is code-point order). */
class TopTerms {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  offer(id: number, score: number): void {
    let at = this.size;
    while (at > 0 && this.before(id, score, at - 1)) at--;
    if (at >= this.capacity) return;
    const end = Math.min(this.size, this.capacity - 1);
    this.ids.copyWithin(at + 1, at, end);
    this.scores.copyWithin(at + 1, at, end);
    this.ids[at] = id;
    this.scores[at] = score;
    if (this.size < this.capacity) this.size++;
  }

  terms(names: readonly string[]): string[] {
    return Array.from(this.ids.subarray(0, this.size), (id) => names[id]);
  }

  private before(id: number, score: number, slot: number): boolean {
    return score > this.scores[slot] || (score === this.scores[slot] && id < this.ids[slot]);
  }
}
