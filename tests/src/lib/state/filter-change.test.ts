/** Links that change the global filters carry `was`; the page says what changed and undoes it (state/filter-change.ts). */
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../analysis/contract.ts';
import { GLOBAL_KEYS, parseFilters } from '../../../../src/lib/state/filters.ts';
import {
  describeFilterChanges,
  dismissSearch,
  nextFilters,
  previousFilters,
  searchWithFilters,
  undoSearch
} from '../../../../src/lib/state/filter-change.ts';

const manifest = {
  editions: [
    { edition_id: '2026-hunan', year: 2026, region: '湖南', tracks: [{ track_no: 4, track_name: '交通运输' }, { track_no: 8, track_name: '医疗保障' }] },
    { edition_id: '2025-fujian-xiamen', year: 2025, region: '福建厦门', tracks: [{ track_no: 1, track_name: '智慧城市' }] }
  ]
} as unknown as Pick<Manifest, 'editions'>;

const current = new URLSearchParams('edition=2026-hunan&tracks=4&theme=隐私计算&lang=en&vocab=domain&q=view-only');

describe('links that change the filters', () => {
  it('carry the other global keys, drop the view’s own, and mark what the filters were', () => {
    const out = searchWithFilters(current, manifest, { theme: null, tracks: null }, GLOBAL_KEYS);
    expect(out.get('theme')).toBeNull();
    expect(out.get('tracks')).toBeNull();
    expect([out.get('edition'), out.get('lang'), out.get('vocab'), out.get('q')]).toEqual(['2026-hunan', 'en', 'domain', null]);
    expect(new URLSearchParams(out.get('was')!).get('theme')).toBe('隐私计算');
    // Nothing changes, nothing to say.
    expect(searchWithFilters(current, manifest, { theme: '隐私计算' }, GLOBAL_KEYS).has('was')).toBe(false);
  });

  it('a new edition drops tracks it lacks (track numbers belong to one edition)', () => {
    expect(nextFilters(parseFilters(current, manifest), { edition: '2025-fujian-xiamen' }, manifest).tracks).toBeNull();
    expect(nextFilters(parseFilters(current, manifest), { edition: '2026-hunan' }, manifest).tracks).toEqual([4]);
  });

  it('a new edition carries a track choice to the same-named track, never to the same number, links included', () => {
    const both = {
      editions: [
        manifest.editions[0],
        { edition_id: '2027-hunan', year: 2027, region: '湖南', tracks: [{ track_no: 1, track_name: '医疗保障' }, { track_no: 4, track_name: '文化旅游' }, { track_no: 9, track_name: '交通运输' }] }
      ]
    } as unknown as Pick<Manifest, 'editions'>;
    expect(nextFilters(parseFilters(current, both), { edition: '2027-hunan' }, both).tracks).toEqual([9]);
    const arrived = searchWithFilters(current, both, { edition: '2027-hunan' }, GLOBAL_KEYS);
    expect(arrived.get('tracks')).toBe('9');
    expect(new URLSearchParams(arrived.get('was')!).get('tracks')).toBe('4');
  });

  it('the target reads the mark, describes each change in words and undoes it, keeping its own view', () => {
    const arrived = searchWithFilters(current, manifest, { theme: null, tracks: null }, GLOBAL_KEYS);
    arrived.set('scope', 'all');
    const before = previousFilters(arrived, manifest)!;
    expect(before).toMatchObject({ edition: '2026-hunan', tracks: [4], theme: '隐私计算' });
    expect(describeFilterChanges(before, parseFilters(arrived, manifest), manifest, 'zh')).toEqual([
      '赛道 由“交通运输”改为“全部赛道”',
      '主题 由“隐私计算”改为“不限主题”'
    ]);
    const undone = undoSearch(arrived, before);
    expect([undone.get('theme'), undone.get('tracks'), undone.get('scope'), undone.has('was')]).toEqual(['隐私计算', '4', 'all', false]);
    expect(dismissSearch(arrived).has('was')).toBe(false);
    expect(dismissSearch(arrived).get('scope')).toBe('all');
  });

  it('ignores a mark that says nothing different, or is garbage', () => {
    const same = new URLSearchParams(current);
    same.set('was', 'edition=2026-hunan&tracks=4&theme=隐私计算');
    expect(previousFilters(same, manifest)).toBeNull();
    expect(previousFilters(new URLSearchParams('edition=2026-hunan'), manifest)).toBeNull();
    const garbage = new URLSearchParams('edition=2026-hunan&was=%%%');
    expect(() => previousFilters(garbage, manifest)).not.toThrow();
    expect(describeFilterChanges(parseFilters(new URLSearchParams('edition=2025-fujian-xiamen'), manifest), parseFilters(current, manifest), manifest, 'en')).toEqual([
      'Edition from “2025 福建厦门” to “2026 湖南”',
      'Tracks from “All tracks” to “交通运输”',
      'Theme from “Any theme” to “隐私计算”'
    ]);
  });
});
