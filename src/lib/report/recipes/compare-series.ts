/**
 * 版本对比's series view, for a region with three or more editions (B's region, else A's):
 * themes and the strongest-moving terms over the years, and the year each term first
 * appears. The data is every edition's term counts and the themes' members; the series
 * follows from them (compare/series.ts), on the page and in the basket.
 */
import { sourceLine } from '../../charts/frame-text.ts';
import { lineSpec } from '../../charts/line.ts';
import type { TableColumn } from '../../charts/types.ts';
import { regionEditions } from '../../compare/editions.ts';
import { regionSeries, type Series } from '../../compare/series.ts';
import { formatCount, formatStat } from '../../format.ts';
import { compareTermCounts, type TermCountRow } from '../../queries/compare.ts';
import { wordsOf, type Presented, type Recipe, type RecipeContext, type RunQuery } from '../recipe.ts';
import { fileParts } from '../selection.ts';
import { comparePair, loadThemeMembers, type ThemeMembers } from './compare.ts';

export interface SeriesData {
  counts: TermCountRow[];
  /** null while the members load. */
  members: ThemeMembers | null;
}

/** The region whose series /compare shows for its pair, or null when neither has three editions. */
export function seriesRegion(ctx: Pick<RecipeContext, 'manifest' | 'search'>): string | null {
  const pair = comparePair(ctx);
  if (!pair) return null;
  const regionOf = (id: string) => ctx.manifest.editions.find((e) => e.edition_id === id)?.region;
  for (const region of [regionOf(pair.b), regionOf(pair.a)]) if (region !== undefined && regionEditions(ctx.manifest, region).length >= 3) return region;
  return null;
}

export const seriesCountsQuery = (ctx: RecipeContext, region: string) =>
  compareTermCounts({ editions: regionEditions(ctx.manifest, region).map((e) => e.edition_id), genericVerbs: ctx.filters.genericVerbs });

async function load(run: RunQuery, ctx: RecipeContext): Promise<SeriesData | null> {
  const region = seriesRegion(ctx);
  if (!region) return null;
  const [counts, members] = await Promise.all([run<TermCountRow>(seriesCountsQuery(ctx, region)), loadThemeMembers(run)]);
  return { counts, members };
}

function common(ctx: RecipeContext, data: SeriesData | null) {
  const w = wordsOf(ctx);
  const region = seriesRegion(ctx);
  const editions = region ? regionEditions(ctx.manifest, region) : [];
  const series: Series | null = region && data?.members ? regionSeries(editions, data.counts, data.members) : null;
  const ids = editions.map((e) => e.edition_id);
  const verbs = w(ctx.filters.genericVerbs === 'removed' ? 'filter.summaryVerbsRemoved' : 'filter.summaryVerbsKept');
  const titlesOnly = editions.some((e) => !e.has_bodies);
  return {
    w,
    region: region ?? '',
    series,
    /** [] for a pair without a series, null while loading. */
    rowsOf: <T>(make: (s: Series) => T[]): T[] | null => (region ? (series ? make(series) : null) : []),
    base: {
      subtitle: [w('compare.seriesNote', { region: region ?? '', n: editions.length }), w(titlesOnly ? 'compare.basisTitles' : 'compare.basisFull'), verbs].join(' · '),
      source: sourceLine(ctx.manifest, ids, ctx.lang),
      editions: ids,
      help: w('compare.helpSeries'),
      emptyMessage: region ? undefined : w('compare.seriesNone')
    }
  };
}

function lines(ctx: RecipeContext, data: SeriesData | null, which: 'themes' | 'terms'): Presented {
  const c = common(ctx, data);
  const name = c.w(which === 'themes' ? 'word.theme' : 'word.term');
  const title = c.w(which === 'themes' ? 'compare.seriesTitle' : 'compare.seriesTermsTitle', { region: c.region });
  const rows = c.rowsOf((s) => s[which]);
  const columns: TableColumn[] = [
    { key: 'name', label: name },
    { key: 'year', label: c.w('compare.year') },
    { key: 'per10k', label: c.w('word.per10k'), numeric: true, format: (v) => formatStat(v as number) },
    { key: 'count', label: c.w('word.frequency'), numeric: true, format: (v) => formatCount(v as number) }
  ];
  return {
    ...c.base,
    title,
    filename: fileParts(ctx, title, {}, ''),
    columns,
    rows,
    statistics: ['count', 'per10k', ...(which === 'terms' ? (['g2'] as const) : [])],
    figure:
      rows && c.series
        ? {
            kind: 'vega',
            spec: lineSpec({
              rows,
              x: { field: 'year', title: c.w('compare.year'), order: c.series.years },
              y: { field: 'per10k', title: c.w('word.per10k'), format: ',.2f' },
              series: { field: 'name', title: name, order: which === 'themes' ? c.series.themeOrder : c.series.termOrder },
              details: [{ field: 'count', title: c.w('word.frequency'), format: ',d' }],
              clickable: which === 'terms'
            })
          }
        : null
  };
}

export const compareSeriesThemes: Recipe<SeriesData> = {
  id: 'compare.seriesThemes',
  kind: 'chart',
  route: '/compare',
  load,
  present: (ctx, data) => lines(ctx, data, 'themes')
};

export const compareSeriesTerms: Recipe<SeriesData> = {
  id: 'compare.seriesTerms',
  kind: 'chart',
  route: '/compare',
  load,
  present: (ctx, data) => lines(ctx, data, 'terms')
};

/** Terms a Word table lists of the first appearances (the page shows 30; CSV / XLSX hold all). */
export const FIRST_SEEN_REPORT = 60;

export const compareFirstSeen: Recipe<SeriesData> = {
  id: 'compare.firstSeen',
  kind: 'table',
  route: '/compare',
  load,
  present(ctx, data) {
    const c = common(ctx, data);
    const title = c.w('compare.firstSeenTitle', { region: c.region });
    return {
      ...c.base,
      title,
      filename: fileParts(ctx, title, {}, ''),
      columns: [
        { key: 'term', label: c.w('word.term') },
        { key: 'first_year', label: c.w('compare.firstYear'), numeric: true, format: (v) => String(v) },
        { key: 'editions', label: c.w('compare.yearsPresent'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'latest_count', label: c.w('compare.latestCount'), numeric: true, format: (v) => formatCount(v as number) }
      ],
      rows: c.rowsOf((s) => s.firstSeen),
      statistics: ['count'],
      wordRows: FIRST_SEEN_REPORT
    };
  }
};
