/** Title, subtitle and source texts for chart frames and exports (pure; tested). */
import type { Manifest, ManifestEdition } from '../../../analysis/contract.ts';
import { translate } from '../i18n/messages.ts';
import type { GlobalFilters, Lang } from '../state/filters.ts';

export function editionLabel(edition: Pick<ManifestEdition, 'year' | 'region'> | undefined, lang: Lang): string {
  return edition ? translate(lang, 'filter.editionOption', { year: String(edition.year), region: edition.region }) : '';
}

/** Members named in a subtitle; a longer list ends with "等 N 个". */
const SUBTITLE_MEMBERS = 6;

/**
 * The active filters in one line, e.g. "赛道：工业制造、医疗健康 · 主题：隐私计算（隐私计算、联邦学习…）
 * · 通用动词已停用". With `members` (the theme's member terms) the theme says what it counts.
 */
export function filterSummary(
  filters: GlobalFilters,
  manifest: Pick<Manifest, 'editions'> | null,
  lang: Lang,
  members: readonly string[] = []
): string {
  const edition = manifest?.editions.find((e) => e.edition_id === filters.edition);
  let tracks = translate(lang, 'filter.allTracks');
  if (filters.tracks !== null) {
    const names = filters.tracks.map((no) => edition?.tracks.find((t) => t.track_no === no)?.track_name ?? String(no));
    tracks = names.length > 4 ? translate(lang, 'filter.someTracks', { n: names.length }) : names.join('、');
  }
  const parts = [translate(lang, 'filter.summaryTracks', { tracks })];
  if (filters.theme !== null) parts.push(themeSummary(filters.theme, members, lang));
  parts.push(translate(lang, filters.genericVerbs === 'removed' ? 'filter.summaryVerbsRemoved' : 'filter.summaryVerbsKept'));
  return parts.join(' · ');
}

/** "来源：2026 湖南；词典版本 ab12cd；Crosstrack 0.1.0" — which editions, which dictionaries. */
export function sourceLine(manifest: Pick<Manifest, 'editions' | 'dictionary_version' | 'tool'>, editionIds: readonly string[], lang: Lang): string {
  const labels = editionIds.map((id) => editionLabel(manifest.editions.find((e) => e.edition_id === id), lang) || id);
  return translate(lang, 'chart.source', {
    editions: labels.join('、'),
    dictionary: manifest.dictionary_version,
    tool: manifest.tool.name === 'crosstrack' ? 'Crosstrack' : manifest.tool.name,
    version: manifest.tool.version
  });
}

/** "主题：隐私计算（隐私计算、联邦学习、…等 8 个）", or "主题：隐私计算" without the members. */
export function themeSummary(theme: string, members: readonly string[], lang: Lang): string {
  if (members.length === 0) return translate(lang, 'filter.summaryTheme', { theme });
  const shown = members.slice(0, SUBTITLE_MEMBERS).join('、');
  const list = members.length > SUBTITLE_MEMBERS ? `${shown}、…${translate(lang, 'filter.themeMore', { n: members.length })}` : shown;
  return translate(lang, 'filter.summaryThemeMembers', { theme, members: list });
}
