/** term_track (keyness of a track against the rest of its edition) and term_stats (spread). */
import { GENERIC_VERBS, term_stats, term_track, type GenericVerbs } from '../contract.ts';
import { columnBatch, floats, ints, same, Symbols, symbols, type ColumnBatch } from '../write/columns.ts';
import type { EditionIndex } from './counts.ts';
import { compareCodePoints } from './order.ts';
import { g2Signed, griesDp, logRatio, per10k } from './stats.ts';

/** The variants in contract key order ('kept' < 'removed'). */
export const VARIANTS_IN_ORDER: readonly GenericVerbs[] = [...GENERIC_VERBS].sort(compareCodePoints);

/** The variant column's strings, ids in VARIANTS_IN_ORDER. */
export const VARIANT_SYMBOLS = new Symbols(VARIANTS_IN_ORDER);

/** The requested variants in key order, each with its id in VARIANT_SYMBOLS. */
export function inOrder(variants: readonly GenericVerbs[]): { variant: GenericVerbs; v: number }[] {
  return VARIANTS_IN_ORDER.flatMap((variant, v) => (variants.includes(variant) ? [{ variant, v }] : []));
}

export function termTrackColumns(index: EditionIndex, variants: readonly GenericVerbs[]): ColumnBatch {
  let whole: ColumnBatch | null = null;
  termTrackChunks(index, variants, Infinity, (batch) => (whole = batch));
  return whole!;
}

/** The same rows in batches of about `chunkRows` (whole tracks, in order), each handed to `emit` before the next is built. */
export function termTrackChunks(index: EditionIndex, variants: readonly GenericVerbs[], chunkRows: number, emit: (batch: ColumnBatch) => void): void {
  const V = index.terms.length;
  let variantIds: number[] = [];
  let trackNo: number[] = [];
  let term: number[] = [];
  let count: number[] = [];
  let topics: number[] = [];
  let rate: number[] = [];
  let g2: number[] = [];
  let lr: number[] = [];
  const flush = () => {
    emit(
      columnBatch(term_track, term.length, {
        edition_id: same(index.editionId),
        generic_verbs: symbols(variantIds, VARIANT_SYMBOLS),
        track_no: ints(trackNo),
        term: symbols(term, index.symbols),
        count: ints(count),
        topics: ints(topics),
        per10k: floats(rate),
        keyness_g2: floats(g2),
        log_ratio: floats(lr)
      })
    );
    [variantIds, trackNo, term, count, topics, rate, g2, lr] = [[], [], [], [], [], [], [], []];
  };
  inOrder(variants).forEach(({ variant, v }) => {
    const counts = index.variants[variant];
    index.tracks.forEach((track, k) => {
      const c = counts.trackTokens[k];
      const d = counts.editionTokens - c;
      for (let id = 0; id < V; id++) {
        const a = counts.trackTermCount[k * V + id];
        if (a === 0) continue;
        const b = counts.termCount[id] - a;
        variantIds.push(v);
        trackNo.push(track.track_no);
        term.push(id);
        count.push(a);
        topics.push(counts.trackTermTopics[k * V + id]);
        rate.push(per10k(a, c));
        g2.push(g2Signed(a, b, c, d));
        lr.push(logRatio(a, b, c, d));
      }
      if (term.length >= chunkRows) flush();
    });
  });
  if (term.length > 0 || chunkRows === Infinity) flush();
}

export function termStatsColumns(index: EditionIndex, variants: readonly GenericVerbs[]): ColumnBatch {
  const V = index.terms.length;
  const T = index.tracks.length;
  const variantIds: number[] = [];
  const term: number[] = [];
  const count: number[] = [];
  const topics: number[] = [];
  const tracks: number[] = [];
  const rate: number[] = [];
  const dp: number[] = [];
  const dpNorm: number[] = [];
  const perTrack = new Float64Array(T);
  inOrder(variants).forEach(({ variant, v }) => {
    const counts = index.variants[variant];
    for (let id = 0; id < V; id++) {
      const n = counts.termCount[id];
      if (n === 0) continue;
      for (let k = 0; k < T; k++) perTrack[k] = counts.trackTermCount[k * V + id];
      // Every track is a part, including tracks without the term and tracks without tokens.
      const spread = griesDp(perTrack, counts.trackTokens);
      variantIds.push(v);
      term.push(id);
      count.push(n);
      topics.push(counts.termTopics[id]);
      tracks.push(counts.termTracks[id]);
      rate.push(per10k(n, counts.editionTokens));
      dp.push(spread.dp);
      dpNorm.push(spread.dpNorm);
    }
  });
  return columnBatch(term_stats, term.length, {
    edition_id: same(index.editionId),
    generic_verbs: symbols(variantIds, VARIANT_SYMBOLS),
    term: symbols(term, index.symbols),
    count: ints(count),
    topics: ints(topics),
    tracks: ints(tracks),
    per10k: floats(rate),
    dispersion_dp: floats(dp),
    dp_norm: floats(dpNorm)
  });
}
