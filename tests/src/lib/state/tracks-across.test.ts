import { describe, expect, it } from 'vitest';
import type { ManifestEdition } from '../../../../analysis/contract.ts';
import { defineParams, trackNo, trackParamKeys } from '../../../../src/lib/state/params.ts';
import { trackParamsAcross } from '../../../../src/lib/state/tracks-across.ts';

const edition = (edition_id: string, tracks: string[]): ManifestEdition => ({
  edition_id, year: 2026, region: '湖南', title: '', file: '', topics: 0, has_bodies: true,
  tracks: tracks.map((track_name, i) => ({ track_no: i + 1, track_name, topics: 1 }))
});
const manifest = { editions: [edition('new', ['工业制造', '现代农业', '医疗健康']), edition('old', ['文化旅游', '医疗健康', '工业制造'])] };

describe('track-number view parameters across editions', () => {
  it('are registered by the views that declare them', () => {
    defineParams({ cloud: trackNo(), other: trackNo() });
    expect(trackParamKeys().has('cloud')).toBe(true);
  });

  it('move to the same-named track, or go when the other edition lacks it', () => {
    const search = new URLSearchParams({ edition: 'new', cloud: '3', a: '1', b: '2', q: '7' });
    const out = trackParamsAcross(search, manifest, 'new', 'old', ['cloud', 'a', 'b']);
    // 医疗健康 3 → 2, 工业制造 1 → 3, 现代农业 is not in the old edition.
    expect(Object.fromEntries(out)).toEqual({ edition: 'new', cloud: '2', a: '3', q: '7' });
  });

  it('leave values that are not track numbers alone (another view’s key of the same name)', () => {
    const search = new URLSearchParams({ a: '2025-fujian-xiamen', b: '0' });
    expect(Object.fromEntries(trackParamsAcross(search, manifest, 'new', 'old', ['a', 'b']))).toEqual({ a: '2025-fujian-xiamen', b: '0' });
  });
});
