/** term_track (keyness of a track against the rest of its edition) and term_stats (spread). */
import { GENERIC_VERBS, type GenericVerbs, type TermStatsRow, type TermTrackRow } from '../contract.ts';
import type { EditionIndex } from './counts.ts';
import { compareCodePoints } from './order.ts';
import { g2Signed, griesDp, logRatio, per10k } from './stats.ts';

/** The variants in contract key order ('kept' < 'removed'). */
export const VARIANTS_IN_ORDER: readonly GenericVerbs[] = [...GENERIC_VERBS].sort(compareCodePoints);

export function termTrackRows(index: EditionIndex): TermTrackRow[] {
  const V = index.terms.length;
  const rows: TermTrackRow[] = [];
  for (const variant of VARIANTS_IN_ORDER) {
    const counts = index.variants[variant];
    index.tracks.forEach((track, k) => {
      const c = counts.trackTokens[k];
      const d = counts.editionTokens - c;
      for (let id = 0; id < V; id++) {
        const a = counts.trackTermCount[k * V + id];
        if (a === 0) continue;
        const b = counts.termCount[id] - a;
        rows.push({
          edition_id: index.editionId,
          generic_verbs: variant,
          track_no: track.track_no,
          term: index.terms[id],
          count: a,
          topics: counts.trackTermTopics[k * V + id],
          per10k: per10k(a, c),
          keyness_g2: g2Signed(a, b, c, d),
          log_ratio: logRatio(a, b, c, d)
        });
      }
    });
  }
  return rows;
}

export function termStatsRows(index: EditionIndex): TermStatsRow[] {
  const V = index.terms.length;
  const T = index.tracks.length;
  const rows: TermStatsRow[] = [];
  const perTrack = new Float64Array(T);
  for (const variant of VARIANTS_IN_ORDER) {
    const counts = index.variants[variant];
    for (let id = 0; id < V; id++) {
      const count = counts.termCount[id];
      if (count === 0) continue;
      for (let k = 0; k < T; k++) perTrack[k] = counts.trackTermCount[k * V + id];
      // Every track is a part, including tracks without the term and tracks without tokens.
      const { dp, dpNorm } = griesDp(perTrack, counts.trackTokens);
      rows.push({
        edition_id: index.editionId,
        generic_verbs: variant,
        term: index.terms[id],
        count,
        topics: counts.termTopics[id],
        tracks: counts.termTracks[id],
        per10k: per10k(count, counts.editionTokens),
        dispersion_dp: dp,
        dp_norm: dpNorm
      });
    }
  }
  return rows;
}
