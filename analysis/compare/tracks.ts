/**
 * Track alignment. Tracks with the same name (after normalisation) are `matched`; a track
 * of A without a same-named partner is `renamed` to the unpaired B track that received
 * most of its topics — more than half of them — and otherwise `removed`; B tracks left
 * over are `added`. similarity = 2·(topics aligned between the two) / (topics of A's track +
 * topics of B's track), Dice over topics.
 */
import type { TrackStatus } from '../contract.ts';
import { normalizeText } from './text.ts';
import type { CompareTrack } from './types.ts';

/** Track names compare without width, spacing or punctuation differences. */
export const trackKey = (name: string) => normalizeText(name);

/** Same-named tracks, A track_no → B track_no, one-to-one in guide order. */
export function tracksByName(a: readonly CompareTrack[], b: readonly CompareTrack[]): Map<number, number> {
  const free = new Map<string, number[]>();
  for (const t of b) {
    const key = trackKey(t.track_name);
    const list = free.get(key);
    if (list) list.push(t.track_no);
    else free.set(key, [t.track_no]);
  }
  const out = new Map<number, number>();
  for (const t of a) {
    const next = free.get(trackKey(t.track_name))?.shift();
    if (next !== undefined) out.set(t.track_no, next);
  }
  return out;
}

export interface AlignedTrack {
  track_a: number | null;
  track_b: number | null;
  status: TrackStatus;
  similarity: number | null;
}

/**
 * The renamed tracks implied by topic pairs (A track → B track, both without a same-named
 * partner), then every track's row: A's tracks in guide order, then B's added tracks.
 */
export function alignTracks(
  a: readonly CompareTrack[],
  b: readonly CompareTrack[],
  byName: ReadonlyMap<number, number>,
  topicPairs: readonly { trackA: number; trackB: number }[],
  topicsPerTrack: { a: ReadonlyMap<number, number>; b: ReadonlyMap<number, number> }
): { rows: AlignedTrack[]; aligned: Map<number, number> } {
  const shared = new Map<string, number>();
  for (const p of topicPairs) {
    const key = `${p.trackA}:${p.trackB}`;
    shared.set(key, (shared.get(key) ?? 0) + 1);
  }
  const sharedOf = (x: number, y: number) => shared.get(`${x}:${y}`) ?? 0;
  const namedB = new Set(byName.values());
  const renameCandidates: { x: number; y: number; n: number }[] = [];
  for (const ta of a) {
    if (byName.has(ta.track_no)) continue;
    const size = topicsPerTrack.a.get(ta.track_no) ?? 0;
    for (const tb of b) {
      if (namedB.has(tb.track_no)) continue;
      const n = sharedOf(ta.track_no, tb.track_no);
      if (2 * n > size) renameCandidates.push({ x: ta.track_no, y: tb.track_no, n });
    }
  }
  renameCandidates.sort((p, q) => q.n - p.n || p.x - q.x || p.y - q.y);
  const aligned = new Map(byName);
  const renamed = new Set<number>();
  const takenB = new Set(namedB);
  for (const c of renameCandidates) {
    if (aligned.has(c.x) || takenB.has(c.y)) continue;
    aligned.set(c.x, c.y);
    takenB.add(c.y);
    renamed.add(c.x);
  }
  const dice = (x: number, y: number) => {
    const total = (topicsPerTrack.a.get(x) ?? 0) + (topicsPerTrack.b.get(y) ?? 0);
    return total === 0 ? 0 : (2 * sharedOf(x, y)) / total;
  };
  const rows: AlignedTrack[] = a.map((ta) => {
    const y = aligned.get(ta.track_no);
    if (y === undefined) return { track_a: ta.track_no, track_b: null, status: 'removed', similarity: null };
    return { track_a: ta.track_no, track_b: y, status: renamed.has(ta.track_no) ? 'renamed' : 'matched', similarity: dice(ta.track_no, y) };
  });
  for (const tb of b) {
    if (!takenB.has(tb.track_no)) rows.push({ track_a: null, track_b: tb.track_no, status: 'added', similarity: null });
  }
  return { rows, aligned };
}
