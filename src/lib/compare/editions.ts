/**
 * Editions as the comparison sees them in the manifest: which pair to show by default, a
 * region's editions for the series view, and the same track (by name) in other editions.
 */
import { trackKey } from '../../../analysis/compare/tracks.ts';
import type { Manifest, ManifestEdition, ManifestTrack } from '../../../analysis/contract.ts';

type Editions = Pick<Manifest, 'editions'> | null | undefined;

const byYear = (x: ManifestEdition, y: ManifestEdition) => x.year - y.year || (x.edition_id < y.edition_id ? -1 : x.edition_id > y.edition_id ? 1 : 0);

/** A region's editions, oldest first. */
export function regionEditions(manifest: Editions, region: string): ManifestEdition[] {
  return (manifest?.editions ?? []).filter((e) => e.region === region).sort(byYear);
}

/**
 * The pair to compare when the URL names none (or only one): B = `b` (else the newest
 * edition), A = `a` (else the previous edition of B's region, else the newest older edition,
 * else any other). Null with fewer than two editions.
 */
export function defaultPair(manifest: Editions, wanted: { a?: string; b?: string }): { a: string; b: string } | null {
  const all = [...(manifest?.editions ?? [])].sort(byYear);
  if (all.length < 2) return null;
  const known = (id?: string) => all.find((e) => e.edition_id === id);
  const b = known(wanted.b) ?? (known(wanted.a) ? all.filter((e) => e.edition_id !== wanted.a).at(-1)! : all.at(-1)!);
  const a =
    known(wanted.a) ??
    regionEditions(manifest, b.region).filter((e) => byYear(e, b) < 0).at(-1) ??
    all.filter((e) => e !== b && byYear(e, b) < 0).at(-1) ??
    all.find((e) => e !== b)!;
  return { a: a.edition_id, b: b.edition_id };
}

export interface SameTrack {
  edition: ManifestEdition;
  track: ManifestTrack;
}

/** The track with the same name (normalised) in every other edition, newest first. */
export function sameTrackElsewhere(manifest: Editions, editionId: string, trackNo: number): SameTrack[] {
  const edition = manifest?.editions.find((e) => e.edition_id === editionId);
  const name = edition?.tracks.find((t) => t.track_no === trackNo)?.track_name;
  if (!edition || name === undefined) return [];
  const key = trackKey(name);
  const out: SameTrack[] = [];
  for (const other of [...(manifest?.editions ?? [])].sort((x, y) => y.year - x.year || byYear(x, y))) {
    if (other.edition_id === editionId) continue;
    const track = other.tracks.find((t) => trackKey(t.track_name) === key);
    if (track) out.push({ edition: other, track });
  }
  return out;
}

/** The number of the track in edition `to` with the name track `trackNo` has in `from`; null if none. */
export function trackAcross(manifest: Editions, from: string, to: string, trackNo: number): number | null {
  const name = manifest?.editions.find((e) => e.edition_id === from)?.tracks.find((t) => t.track_no === trackNo)?.track_name;
  const target = manifest?.editions.find((e) => e.edition_id === to);
  if (name === undefined || !target) return null;
  return target.tracks.find((t) => trackKey(t.track_name) === trackKey(name))?.track_no ?? null;
}

/**
 * Track numbers of one edition carried to another by name: each chosen track becomes the
 * same-named track there; tracks the other edition lacks are dropped. Null (all tracks) when
 * the choice was all tracks, or covers all of the other edition's tracks, or none of them.
 */
export function tracksAcross(manifest: Editions, from: string, to: string, tracks: readonly number[] | null): number[] | null {
  if (tracks === null) return null;
  const target = manifest?.editions.find((e) => e.edition_id === to);
  const numbers = new Set<number>();
  for (const no of tracks) {
    const match = trackAcross(manifest, from, to, no);
    if (match !== null) numbers.add(match);
  }
  if (!target || numbers.size === 0 || numbers.size === target.tracks.length) return null;
  return [...numbers].sort((x, y) => x - y);
}
