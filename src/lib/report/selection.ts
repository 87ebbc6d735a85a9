/**
 * What a title and a file name say about the selection behind a chart: the theme and the
 * tracks chosen (the edition is in every title already), and for file names also the
 * generic-verb setting and the dictionary version, so two exports of one chart under
 * different filters never get the same name.
 */
import { translate } from '../i18n/messages.ts';
import type { RecipeContext } from './recipe.ts';

export interface SelectionParts {
  /** The chart follows the track filter. */
  tracks?: boolean;
  /** The chart follows the theme filter. */
  theme?: boolean;
}

function trackNames(ctx: RecipeContext): string[] | null {
  const { tracks, edition } = ctx.filters;
  if (tracks === null) return null;
  const meta = ctx.manifest.editions.find((e) => e.edition_id === edition);
  return tracks.map((no) => meta?.tracks.find((t) => t.track_no === no)?.track_name ?? String(no));
}

/** "2026 湖南 主题 × 赛道（词频）· 主题：隐私计算 · 赛道：工业制造、医疗健康". */
export function selectionTitle(ctx: RecipeContext, base: string, parts: SelectionParts = { tracks: true, theme: true }): string {
  const extra: string[] = [];
  if (parts.theme && ctx.filters.theme !== null) extra.push(translate(ctx.lang, 'filter.summaryTheme', { theme: ctx.filters.theme }));
  const names = parts.tracks ? trackNames(ctx) : null;
  if (names) {
    const tracks = names.length > 4 ? translate(ctx.lang, 'filter.someTracks', { n: names.length }) : names.join('、');
    extra.push(translate(ctx.lang, 'filter.summaryTracks', { tracks }));
  }
  return [base, ...extra].join(' · ');
}

/** [what, edition, 赛道1-3, 主题-隐私计算, 保留通用动词, 词典ab12cd] for exportFilename. */
export function fileParts(ctx: RecipeContext, what: string, parts: SelectionParts = { tracks: true, theme: true }, edition = ctx.filters.edition): string[] {
  const out = [what, edition];
  const w = (key: 'export.fileTracks' | 'export.fileTheme' | 'export.fileVerbsKept' | 'export.fileDictionary', value = '') =>
    translate(ctx.lang, key, { value });
  if (parts.tracks && ctx.filters.tracks !== null) out.push(w('export.fileTracks', ctx.filters.tracks.join('-')));
  if (parts.theme && ctx.filters.theme !== null) out.push(w('export.fileTheme', ctx.filters.theme));
  if (ctx.filters.genericVerbs === 'kept') out.push(w('export.fileVerbsKept'));
  out.push(w('export.fileDictionary', ctx.manifest.dictionary_version));
  return out;
}
