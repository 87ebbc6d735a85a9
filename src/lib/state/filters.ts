/**
 * The global filters (版本, 赛道, 主题, 通用动词停用) and the language, as URL query
 * parameters, so a copied link shows the same view:
 *
 *   ?edition=2026-hunan&tracks=1,3&theme=隐私计算&verbs=kept&lang=en
 *
 * - edition: always written (so a link keeps its edition when newer ones are added);
 *   missing or unknown → the newest edition in the manifest.
 * - tracks:  track numbers of the edition, comma-separated; absent = all tracks.
 * - theme:   a theme name; absent = no theme filter.
 * - verbs:   'kept' keeps generic policy verbs (推动, 提升 …); absent = removed (default).
 * - lang:    'en' for English; absent = 简体中文 (default).
 */
import { GENERIC_VERBS, type GenericVerbs, type Manifest, type ManifestEdition } from '../../../analysis/contract.ts';
import type { FilterParams } from '../queries/filters.ts';

export type GlobalFilters = FilterParams;
export type Lang = 'zh' | 'en';

export const FILTER_KEYS = { edition: 'edition', tracks: 'tracks', theme: 'theme', genericVerbs: 'verbs' } as const;
export const LANG_KEY = 'lang';
/**
 * The 「领域词」 switch (state/vocabulary.ts): not a filter of every view, but the term lists
 * that follow it (总览's bar and cloud, 共现网络's nodes) should agree, so links carry it.
 */
export const VOCABULARY_KEYS = { vocab: 'vocab', rank: 'rank' } as const;
/** Query keys every link carries and views may not use for their own parameters. */
export const GLOBAL_KEYS: readonly string[] = [...Object.values(FILTER_KEYS), LANG_KEY, ...Object.values(VOCABULARY_KEYS)];
/** Marks a link that changed the global filters: the previous ones, so the page can say so and undo it. */
export const WAS_KEY = 'was';

type Editions = Pick<Manifest, 'editions'> | null | undefined;

/** Newest first (year descending); editions of one year keep manifest order. */
export function editionsNewestFirst(manifest: Editions): ManifestEdition[] {
  return [...(manifest?.editions ?? [])].sort((a, b) => b.year - a.year);
}

export function defaultFilters(manifest: Editions): GlobalFilters {
  return { edition: editionsNewestFirst(manifest)[0]?.edition_id ?? '', tracks: null, theme: null, genericVerbs: 'removed' };
}

function parseTracks(raw: string | null, edition: ManifestEdition | undefined): number[] | null {
  if (raw === null || raw.trim() === '') return null;
  const numbers = raw.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n));
  const valid = edition ? new Set(edition.tracks.map((t) => t.track_no)) : null;
  const chosen = [...new Set(numbers)].filter((n) => (valid ? valid.has(n) : n > 0)).sort((a, b) => a - b);
  if (chosen.length === 0) return null;
  // Every track chosen is the same view as no track filter: keep one spelling of it.
  if (valid && chosen.length === valid.size) return null;
  return chosen;
}

/**
 * Reads the filters from a URL, repairing what does not fit the manifest (unknown edition
 * → newest; track numbers the edition lacks are dropped). Without a manifest yet, the
 * edition is taken as written.
 */
export function parseFilters(search: URLSearchParams, manifest: Editions): GlobalFilters {
  const defaults = defaultFilters(manifest);
  const rawEdition = search.get(FILTER_KEYS.edition);
  const known = manifest?.editions.find((e) => e.edition_id === rawEdition);
  const edition = manifest ? (known?.edition_id ?? defaults.edition) : (rawEdition ?? '');
  const editionMeta = manifest?.editions.find((e) => e.edition_id === edition);
  const theme = search.get(FILTER_KEYS.theme)?.trim() || null;
  const verbs = search.get(FILTER_KEYS.genericVerbs);
  return {
    edition,
    tracks: parseTracks(search.get(FILTER_KEYS.tracks), editionMeta),
    theme,
    genericVerbs: (GENERIC_VERBS as readonly string[]).includes(verbs ?? '') ? (verbs as GenericVerbs) : 'removed'
  };
}

/** Writes the filters into a copy of `search`, leaving other keys (view params, lang) alone. */
export function writeFilters(filters: GlobalFilters, search: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(search);
  const set = (key: string, value: string | null) => (value === null ? out.delete(key) : out.set(key, value));
  set(FILTER_KEYS.edition, filters.edition || null);
  set(FILTER_KEYS.tracks, filters.tracks === null ? null : filters.tracks.join(','));
  set(FILTER_KEYS.theme, filters.theme);
  set(FILTER_KEYS.genericVerbs, filters.genericVerbs === 'removed' ? null : filters.genericVerbs);
  return out;
}

export function parseLang(search: URLSearchParams): Lang {
  return search.get(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export function writeLang(lang: Lang, search: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(search);
  if (lang === 'en') out.set(LANG_KEY, 'en');
  else out.delete(LANG_KEY);
  return out;
}
