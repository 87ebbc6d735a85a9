/**
 * 主题 pages: every theme's frequency (bars, members in the tooltip and table), and one
 * theme's member × track matrix with its 合计 row (the theme's cells of 总览's heatmap, so
 * each column of members adds up to it). The theme pages follow the track filter, never
 * the theme filter: the theme is the page's own (its route), so subtitles leave it out.
 */
import { editionLabel, filterSummary, sourceLine } from '../../charts/frame-text.ts';
import { heatmapSpec, horizontalBarSpec } from '../../charts/specs.ts';
import { formatCount } from '../../format.ts';
import { themeTrackHeatmap, type ThemeTrackCell } from '../../queries/overview.ts';
import { memberTrackCells, themeIndex, type MemberTrackCell, type ThemeIndexRow } from '../../queries/themes.ts';
import { defineParams, int, text } from '../../state/params.ts';
import { queryRecipe, wordsOf, type Recipe, type RecipeContext } from '../recipe.ts';
import { fileParts, selectionTitle } from '../selection.ts';

export const themeView = defineParams({ track: int(0, 0), term: text() });

const counted = (v: unknown) => formatCount(v as number);
const editionName = (ctx: RecipeContext) => editionLabel(ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition), ctx.lang);
/** The theme pages' frame lines: the track and verb filters, not the theme filter. */
const frameBase = (ctx: RecipeContext) => ({
  subtitle: filterSummary({ ...ctx.filters, theme: null }, ctx.manifest, ctx.lang),
  source: sourceLine(ctx.manifest, [ctx.filters.edition], ctx.lang),
  editions: [ctx.filters.edition]
});
const noTheme = (ctx: RecipeContext): RecipeContext => ({ ...ctx, filters: { ...ctx.filters, theme: null } });

export type ThemeIndexChartRow = ThemeIndexRow & { member_list: string };

export const themesIndex = queryRecipe<ThemeIndexRow>({
  id: 'themes.index',
  kind: 'chart',
  route: '/themes',
  query: (ctx) => themeIndex(ctx.filters),
  present(ctx, data) {
    const w = wordsOf(ctx);
    const title = w('themes.chartTitle', { edition: editionName(ctx) });
    const rows: ThemeIndexChartRow[] | null = data && data.map((r) => ({ ...r, member_list: [...r.members].join('、') }));
    return {
      ...frameBase(ctx),
      title: selectionTitle(ctx, title, { tracks: true }),
      filename: fileParts(noTheme(ctx), title, { tracks: true }),
      columns: [
        { key: 'theme', label: w('word.theme') },
        { key: 'member_list', label: w('filter.themeMembers') },
        { key: 'count', label: w('word.frequency'), numeric: true, format: counted },
        { key: 'tracks', label: w('word.tracksCovered'), numeric: true, format: counted },
        { key: 'topics', label: w('themes.topics'), numeric: true, format: counted }
      ],
      rows,
      help: w('themes.help'),
      statistics: ['count', 'tracks', 'topics'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows,
          category: { field: 'theme', title: w('word.theme') },
          value: { field: 'count', title: w('word.frequency'), format: ',d' },
          details: [
            { field: 'tracks', title: w('word.tracksCovered'), format: ',d' },
            { field: 'topics', title: w('themes.topics'), format: ',d' },
            { field: 'member_list', title: w('filter.themeMembers') }
          ],
          clickable: true
        })
      }
    };
  }
});

// ── one theme (/themes/[theme]) ───────────────────────────────────────────────

export interface ThemeMatrixData {
  cells: MemberTrackCell[];
  totals: ThemeTrackCell[];
}

export interface ThemeMatrixRow {
  term: string;
  /** '' on the 合计 row. */
  member: string;
  track_no: number;
  track_name: string;
  count: number;
  topics: number;
}

export const themeOf = (ctx: RecipeContext) => ctx.params.theme ?? '';
const themeScope = (ctx: RecipeContext) => ({ edition: ctx.filters.edition, tracks: ctx.filters.tracks, theme: themeOf(ctx) });
export const themeCellsQuery = (ctx: RecipeContext) => memberTrackCells(themeScope(ctx));
export const themeTotalsQuery = (ctx: RecipeContext) => themeTrackHeatmap({ ...ctx.filters, theme: themeOf(ctx) });

/** One table for the chart: the theme's row (合计, from theme_track) above its members' rows. */
export function themeMatrixRows(ctx: RecipeContext, data: ThemeMatrixData): ThemeMatrixRow[] {
  const total = wordsOf(ctx)('theme.totalRow');
  return [
    ...data.totals.map((c) => ({ term: total, member: '', track_no: c.track_no, track_name: c.track_name, count: c.count, topics: c.topics })),
    ...data.cells.map((c) => ({ term: c.term, member: c.term, track_no: c.track_no, track_name: c.track_name, count: c.count, topics: c.topics }))
  ];
}

export const themeMatrix: Recipe<ThemeMatrixData> = {
  id: 'theme.matrix',
  kind: 'chart',
  route: '/themes/[theme]',
  async load(run, ctx) {
    if (!themeOf(ctx)) return null;
    const [cells, totals] = [await run<MemberTrackCell>(themeCellsQuery(ctx)), await run<ThemeTrackCell>(themeTotalsQuery(ctx))];
    return { cells, totals };
  },
  present(ctx, data) {
    const w = wordsOf(ctx);
    const theme = themeOf(ctx);
    const p = themeView.parse(ctx.search);
    const edition = editionName(ctx);
    const title = w('theme.matrixTitle', { theme, edition });
    const rows = data && themeMatrixRows(ctx, data);
    const total = w('theme.totalRow');
    const trackName = (no: number) => data?.totals.find((c) => c.track_no === no)?.track_name;
    return {
      ...frameBase(ctx),
      title: selectionTitle(ctx, title, { tracks: true }),
      filename: fileParts(noTheme(ctx), title, { tracks: true }),
      columns: [
        { key: 'term', label: w('word.term') },
        { key: 'track_name', label: w('word.track') },
        { key: 'count', label: w('word.frequency'), numeric: true, format: counted },
        { key: 'topics', label: w('word.topicsWithTerm'), numeric: true, format: counted }
      ],
      rows,
      help: w('theme.helpMatrix'),
      emptyMessage: w('theme.matrixEmpty', { theme, edition }),
      statistics: ['count', 'topics'],
      figure: data && rows && {
        kind: 'vega',
        spec: heatmapSpec({
          rows,
          x: { field: 'track_name', title: w('word.track'), order: data.totals.map((c) => c.track_name) },
          y: { field: 'term', title: w('word.term'), order: [total, ...new Set(data.cells.map((c) => c.term))] },
          value: { field: 'count', title: w('word.frequency'), format: ',d' },
          details: [{ field: 'topics', title: w('word.topicsWithTerm'), format: ',d' }],
          scheme: 'sequential',
          labels: true,
          sqrt: true,
          totals: { field: 'member', value: '' },
          selected:
            p.track > 0 || p.term ? { x: p.track > 0 ? trackName(p.track) : undefined, y: p.term || (p.track > 0 ? undefined : total) } : undefined,
          clickable: true
        })
      }
    };
  }
};
