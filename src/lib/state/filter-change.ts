/**
 * Links that change the global filters say so. Such a link carries `was` (the filters
 * before, as a query string); the page shows what changed with a one-click undo
 * (FilterChangeNotice in the layout). Pure, so it is tested without a browser.
 */
import type { Manifest } from '../../../analysis/contract.ts';
import { tracksAcross } from '../compare/editions.ts';
import { translate } from '../i18n/messages.ts';
import { FILTER_KEYS, parseFilters, WAS_KEY, writeFilters, type GlobalFilters, type Lang } from './filters.ts';

type Editions = Pick<Manifest, 'editions'> | null | undefined;

/**
 * `changes` applied to `current`. Track numbers belong to one edition: on a new edition a
 * track choice moves to the same-named tracks there, and tracks it lacks are dropped.
 */
export function nextFilters(current: GlobalFilters, changes: Partial<GlobalFilters>, manifest: Editions): GlobalFilters {
  const next = { ...current, ...changes };
  if (changes.edition !== undefined && changes.edition !== current.edition && changes.tracks === undefined) {
    next.tracks = tracksAcross(manifest, current.edition, changes.edition, current.tracks);
  }
  return next;
}

export const sameFilters = (a: GlobalFilters, b: GlobalFilters) =>
  a.edition === b.edition && a.theme === b.theme && a.genericVerbs === b.genericVerbs && (a.tracks ?? []).join(',') === (b.tracks ?? []).join(',');

/**
 * The global part of a link's query after `changes`: every key of `search` that links
 * carry, the filters changed, and `was` when anything changed. `keys` = what links carry.
 */
export function searchWithFilters(
  search: URLSearchParams,
  manifest: Editions,
  changes: Partial<GlobalFilters>,
  keys: readonly string[]
): URLSearchParams {
  const carried = new URLSearchParams();
  for (const key of keys) {
    const value = search.get(key);
    if (value !== null) carried.set(key, value);
  }
  const before = parseFilters(search, manifest);
  const after = nextFilters(before, changes, manifest);
  const out = writeFilters(after, carried);
  if (!sameFilters(before, after)) out.set(WAS_KEY, writeFilters(before).toString());
  return out;
}

/** The filters a `was` mark holds, or null when there is none (or it says nothing different). */
export function previousFilters(search: URLSearchParams, manifest: Editions): GlobalFilters | null {
  const was = search.get(WAS_KEY);
  if (was === null) return null;
  const before = parseFilters(new URLSearchParams(was), manifest);
  return sameFilters(before, parseFilters(search, manifest)) ? null : before;
}

/** The current query with the filters of `before` back and the mark gone (view parameters kept). */
export function undoSearch(search: URLSearchParams, before: GlobalFilters): URLSearchParams {
  const out = writeFilters(before, search);
  out.delete(WAS_KEY);
  return out;
}

/** The current query without the mark. */
export function dismissSearch(search: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(search);
  out.delete(WAS_KEY);
  return out;
}

/** One line per changed filter: "赛道：医疗保障 → 全部赛道". */
export function describeFilterChanges(before: GlobalFilters, after: GlobalFilters, manifest: Editions, lang: Lang): string[] {
  const editionName = (id: string) => {
    const e = manifest?.editions.find((x) => x.edition_id === id);
    return e ? translate(lang, 'filter.editionOption', { year: String(e.year), region: e.region }) : id;
  };
  const tracksName = (f: GlobalFilters) => {
    if (f.tracks === null) return translate(lang, 'filter.allTracks');
    const edition = manifest?.editions.find((x) => x.edition_id === f.edition);
    return f.tracks.map((no) => edition?.tracks.find((t) => t.track_no === no)?.track_name ?? String(no)).join('、');
  };
  const themeName = (f: GlobalFilters) => f.theme ?? translate(lang, 'filter.noTheme');
  const verbsName = (f: GlobalFilters) => translate(lang, f.genericVerbs === 'removed' ? 'filter.summaryVerbsRemoved' : 'filter.summaryVerbsKept');
  const lines: string[] = [];
  const line = (key: keyof typeof FILTER_KEYS, from: string, to: string) => {
    if (from !== to) lines.push(translate(lang, 'filter.changeLine', { filter: translate(lang, LABELS[key]), from, to }));
  };
  line('edition', editionName(before.edition), editionName(after.edition));
  line('tracks', tracksName(before), tracksName(after));
  line('theme', themeName(before), themeName(after));
  line('genericVerbs', verbsName(before), verbsName(after));
  return lines;
}

const LABELS = { edition: 'filter.edition', tracks: 'filter.tracks', theme: 'filter.theme', genericVerbs: 'filter.genericVerbs' } as const;
