import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../analysis/contract.ts';
import {
  defaultFilters,
  editionsNewestFirst,
  parseFilters,
  parseLang,
  writeFilters,
  writeLang,
  type GlobalFilters
} from '../../../../src/lib/state/filters.ts';
import { hrefWithGlobals } from '../../../../src/lib/state/url.ts';

const edition = (edition_id: string, year: number, tracks: number) => ({
  edition_id, year, region: '', title: '', file: '', topics: 0, has_bodies: true,
  tracks: Array.from({ length: tracks }, (_, i) => ({ track_no: i + 1, track_name: `赛道${i + 1}`, topics: 1 }))
});
// Manifest order is not date order: the default must still be the newest.
const manifest = { editions: [edition('2025-fujian-xiamen', 2025, 9), edition('2026-hunan', 2026, 17), edition('2024-x', 2024, 3)] } as Pick<Manifest, 'editions'>;
const q = (s: string) => new URLSearchParams(s);

describe('global filters in the URL', () => {
  it('defaults to the newest edition, all tracks, no theme, generic verbs removed', () => {
    expect(editionsNewestFirst(manifest).map((e) => e.year)).toEqual([2026, 2025, 2024]);
    expect(parseFilters(q(''), manifest)).toEqual({ edition: '2026-hunan', tracks: null, theme: null, genericVerbs: 'removed' });
    expect(defaultFilters(null).edition).toBe('');
  });

  it('reads every filter', () => {
    expect(parseFilters(q('edition=2025-fujian-xiamen&tracks=3,1&theme=隐私计算&verbs=kept'), manifest)).toEqual({
      edition: '2025-fujian-xiamen', tracks: [1, 3], theme: '隐私计算', genericVerbs: 'kept'
    });
  });

  it('repairs values that do not fit the manifest', () => {
    expect(parseFilters(q('edition=1999-nowhere'), manifest).edition).toBe('2026-hunan');
    expect(parseFilters(q('edition=2024-x&tracks=2,9,x,2'), manifest).tracks).toEqual([2]);
    expect(parseFilters(q('edition=2024-x&tracks=9'), manifest).tracks).toBeNull();
    expect(parseFilters(q('edition=2024-x&tracks=3,2,1'), manifest).tracks).toBeNull(); // all = no filter
    expect(parseFilters(q('verbs=maybe&theme=%20'), manifest)).toMatchObject({ genericVerbs: 'removed', theme: null });
  });

  it('keeps the edition as written before the manifest is there', () => {
    expect(parseFilters(q('edition=2024-x&tracks=2'), null)).toMatchObject({ edition: '2024-x', tracks: [2] });
  });

  it('always writes the edition, leaves defaults out and keeps other keys', () => {
    const search = writeFilters(defaultFilters(manifest), q('term=数据&lang=en&tracks=1'));
    expect(search.toString()).toBe(q('term=数据&lang=en&edition=2026-hunan').toString());
  });

  it('round-trips any valid filters', () => {
    const filters = fc
      .constantFrom(...manifest.editions)
      .chain((e) =>
        fc.record({
          edition: fc.constant(e.edition_id),
          tracks: fc.option(
            fc.uniqueArray(fc.integer({ min: 1, max: e.tracks.length }), { minLength: 1, maxLength: e.tracks.length - 1 }).map((t) => t.sort((a, b) => a - b)),
            { nil: null }
          ),
          theme: fc.option(fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''), { nil: null }),
          genericVerbs: fc.constantFrom('removed' as const, 'kept' as const)
        })
      );
    fc.assert(
      fc.property(filters, (f: GlobalFilters) => {
        const url = new URL(`http://x/?${writeFilters(f).toString()}`);
        expect(parseFilters(url.searchParams, manifest)).toEqual(f);
      })
    );
  });

  it('reads and writes the language', () => {
    expect(parseLang(q(''))).toBe('zh');
    expect(parseLang(q('lang=en'))).toBe('en');
    expect(parseLang(q('lang=fr'))).toBe('zh');
    expect(writeLang('en', q('a=1')).toString()).toBe('a=1&lang=en');
    expect(writeLang('zh', q('a=1&lang=en')).toString()).toBe('a=1');
  });

  it('carries global filters and language into links, not view params', () => {
    const current = q('edition=2025-fujian-xiamen&tracks=1&lang=en&metric=per10k');
    expect(hrefWithGlobals('/term', current, { term: '数据' })).toBe(
      `/term?edition=2025-fujian-xiamen&tracks=1&lang=en&term=${encodeURIComponent('数据')}`
    );
    expect(hrefWithGlobals('/', q(''))).toBe('/');
  });
});
