import { describe, expect, it } from 'vitest';
import type { ManifestEdition } from '../../../../analysis/contract.ts';
import { defaultPair, regionEditions, sameTrackElsewhere, trackAcross, tracksAcross } from '../../../../src/lib/compare/editions.ts';

const edition = (edition_id: string, year: number, region: string, tracks: string[], has_bodies = true): ManifestEdition => ({
  edition_id, year, region, title: edition_id, file: `${edition_id}.txt`, topics: tracks.length, has_bodies,
  tracks: tracks.map((track_name, i) => ({ track_no: i + 1, track_name, topics: 1 }))
});

const manifest = {
  editions: [
    edition('2026-hunan', 2026, '湖南', ['工业制造', '现代农业', '医疗健康']),
    edition('2025-fujian-xiamen', 2025, '福建厦门', ['文化旅游', '工业制造', '医疗健康'], false),
    edition('2025-hunan', 2025, '湖南', ['现代农业', '工业制造']),
    edition('2024-hunan', 2024, '湖南', ['工业制造'])
  ]
};

describe('defaultPair', () => {
  it('compares the newest edition with the previous one of its region', () => {
    expect(defaultPair(manifest, {})).toEqual({ a: '2025-hunan', b: '2026-hunan' });
    expect(defaultPair(manifest, { b: '2025-hunan' })).toEqual({ a: '2024-hunan', b: '2025-hunan' });
  });

  it('falls back to the newest older edition of any region, then to any other edition', () => {
    expect(defaultPair({ editions: manifest.editions.slice(0, 2) }, {})).toEqual({ a: '2025-fujian-xiamen', b: '2026-hunan' });
    expect(defaultPair(manifest, { b: '2024-hunan' })).toEqual({ a: '2025-fujian-xiamen', b: '2024-hunan' });
    expect(defaultPair(manifest, { a: '2026-hunan' })).toEqual({ a: '2026-hunan', b: '2025-hunan' });
  });

  it('keeps what the URL names and needs two editions', () => {
    expect(defaultPair(manifest, { a: '2026-hunan', b: '2025-fujian-xiamen' })).toEqual({ a: '2026-hunan', b: '2025-fujian-xiamen' });
    expect(defaultPair(manifest, { a: 'nope', b: 'gone' })).toEqual({ a: '2025-hunan', b: '2026-hunan' });
    expect(defaultPair({ editions: manifest.editions.slice(0, 1) }, {})).toBeNull();
  });
});

describe('regionEditions', () => {
  it('lists a region’s editions oldest first', () => {
    expect(regionEditions(manifest, '湖南').map((e) => e.edition_id)).toEqual(['2024-hunan', '2025-hunan', '2026-hunan']);
  });
});

describe('tracks across editions (by name, never by number)', () => {
  it('finds the same-named track, newest edition first', () => {
    // 工业制造 is track 1 in 2026 Hunan, 2 in Xiamen and 2025 Hunan, 1 in 2024 Hunan.
    expect(sameTrackElsewhere(manifest, '2026-hunan', 1).map((s) => [s.edition.edition_id, s.track.track_no])).toEqual([
      ['2025-fujian-xiamen', 2],
      ['2025-hunan', 2],
      ['2024-hunan', 1]
    ]);
    expect(sameTrackElsewhere(manifest, '2025-fujian-xiamen', 1)).toEqual([]);
    expect(trackAcross(manifest, '2026-hunan', '2025-hunan', 2)).toBe(1);
    expect(trackAcross(manifest, '2026-hunan', '2024-hunan', 3)).toBeNull();
  });

  it('carries a chosen set of tracks, drops the missing ones, and reads all-or-none as all', () => {
    expect(tracksAcross(manifest, '2026-hunan', '2025-fujian-xiamen', [1, 3])).toEqual([2, 3]);
    expect(tracksAcross(manifest, '2026-hunan', '2025-fujian-xiamen', [2])).toBeNull();
    expect(tracksAcross(manifest, '2026-hunan', '2025-hunan', [1, 2])).toBeNull(); // both of 2025's tracks
    expect(tracksAcross(manifest, '2026-hunan', '2025-hunan', [1, 3])).toEqual([2]);
    expect(tracksAcross(manifest, '2026-hunan', '2025-hunan', null)).toBeNull();
  });
});
