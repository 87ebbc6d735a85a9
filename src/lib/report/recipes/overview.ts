/** 总览's charts: top terms, word cloud, theme × track heatmap, most cross-track terms. */
import { editionLabel, filterSummary, sourceLine } from '../../charts/frame-text.ts';
import { cloudFigure } from '../../charts/cloud-layout.ts';
import { heatmapSpec, horizontalBarSpec } from '../../charts/specs.ts';
import type { TableColumn } from '../../charts/types.ts';
import { cloudWords, seedOf } from '../../charts/wordcloud.ts';
import { formatCount, formatStat } from '../../format.ts';
import { cloudTerms, crossTrackTerms, themeTrackHeatmap, topTerms, type CrossTrackCell, type ThemeTrackCell, type TopTermRow } from '../../queries/overview.ts';
import { defineParams, int, trackNo } from '../../state/params.ts';
import { queryRecipe, wordsOf, type RecipeContext } from '../recipe.ts';
import { fileParts, selectionTitle } from '../selection.ts';

export const OVERVIEW_TOP = 20;
export const CLOUD_TERMS = 80;
export const CROSS_CHOICES = [10, 20, 30, 50];
export const overviewView = defineParams({ cloud: trackNo(), cross: int(20, 5, 50) });

const edition = (ctx: RecipeContext) => ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition);
const frameBase = (ctx: RecipeContext) => ({
  subtitle: filterSummary(ctx.filters, ctx.manifest, ctx.lang),
  source: sourceLine(ctx.manifest, [ctx.filters.edition], ctx.lang),
  editions: [ctx.filters.edition]
});

/** The tracks the filters choose, in guide order. */
export function chosenTracks(ctx: RecipeContext) {
  return (edition(ctx)?.tracks ?? []).filter((tr) => ctx.filters.tracks === null || ctx.filters.tracks.includes(tr.track_no));
}

export function termColumns(ctx: RecipeContext): TableColumn[] {
  const w = wordsOf(ctx);
  return [
    { key: 'term', label: w('word.term') },
    { key: 'count', label: w('word.frequency'), numeric: true, format: (v) => formatCount(v as number) },
    { key: 'topics', label: w('word.topicsWithTerm'), numeric: true, format: (v) => formatCount(v as number) },
    { key: 'tracks', label: w('word.tracksCovered'), numeric: true, format: (v) => formatCount(v as number) },
    { key: 'per10k', label: w('word.per10k'), numeric: true, format: (v) => formatStat(v as number) }
  ];
}

export const overviewTop = queryRecipe<TopTermRow>({
  id: 'overview.top',
  kind: 'chart',
  route: '/',
  query: (ctx) => topTerms({ ...ctx.filters, limit: OVERVIEW_TOP }),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const base = w('overview.topTerms', { edition: editionLabel(edition(ctx), ctx.lang), n: OVERVIEW_TOP });
    return {
      ...frameBase(ctx),
      title: selectionTitle(ctx, base),
      filename: fileParts(ctx, base),
      columns: termColumns(ctx),
      rows,
      help: w('help.frequency'),
      statistics: ['count', 'topics', 'tracks', 'per10k'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows,
          category: { field: 'term', title: w('word.term') },
          value: { field: 'count', title: w('word.frequency'), format: ',d' },
          details: [
            { field: 'topics', title: w('word.topicsWithTerm'), format: ',d' },
            { field: 'tracks', title: w('word.tracksCovered'), format: ',d' },
            { field: 'per10k', title: w('word.per10k'), format: ',.2f' }
          ],
          clickable: true
        })
      }
    };
  }
});

/** The cloud's track (0 = all chosen tracks); a track outside the filters reads as all. */
export function cloudTrack(ctx: RecipeContext) {
  const no = overviewView.parse(ctx.search).cloud;
  return chosenTracks(ctx).find((tr) => tr.track_no === no) ?? null;
}

/** The seed comes from the words, so a word list always gets the same layout. */
export const cloudSeed = (rows: readonly TopTermRow[]) => seedOf(cloudWords(rows).map((w) => `${w.text}:${w.count}`).join('|'));

export const overviewCloud = queryRecipe<TopTermRow>({
  id: 'overview.cloud',
  kind: 'chart',
  route: '/',
  query: (ctx) => cloudTerms({ ...ctx.filters, track: cloudTrack(ctx)?.track_no ?? null, limit: CLOUD_TERMS }),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const track = cloudTrack(ctx);
    const base = w('overview.cloudTitle', { edition: editionLabel(edition(ctx), ctx.lang), scope: track?.track_name ?? w('overview.cloudAllTracks'), n: CLOUD_TERMS });
    return {
      ...frameBase(ctx),
      title: selectionTitle(ctx, base, { theme: true, tracks: track === null }),
      filename: fileParts(ctx, base),
      columns: termColumns(ctx),
      rows,
      help: w('overview.helpCloud'),
      emptyMessage: w('overview.cloudEmpty'),
      statistics: ['count'],
      figure: rows && cloudWords(rows).length ? cloudFigure(rows, cloudSeed(rows)) : null
    };
  }
});

export const overviewHeatmap = queryRecipe<ThemeTrackCell>({
  id: 'overview.heatmap',
  kind: 'chart',
  route: '/',
  query: (ctx) => themeTrackHeatmap(ctx.filters),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const base = w('overview.heatmapTitle', { edition: editionLabel(edition(ctx), ctx.lang) });
    return {
      ...frameBase(ctx),
      title: selectionTitle(ctx, base),
      filename: fileParts(ctx, base),
      columns: [
        { key: 'theme', label: w('word.theme') },
        { key: 'track_name', label: w('word.track') },
        { key: 'count', label: w('word.frequency'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'topics', label: w('word.topicsWithTerm'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'per10k', label: w('word.per10k'), numeric: true, format: (v) => formatStat(v as number | null) }
      ],
      rows,
      help: w('overview.helpHeatmap'),
      statistics: ['count', 'topics', 'per10k'],
      figure: rows && {
        kind: 'vega',
        spec: heatmapSpec({
          rows,
          x: { field: 'track_name', title: w('word.track'), order: chosenTracks(ctx).map((tr) => tr.track_name) },
          y: { field: 'theme', title: w('word.theme') },
          value: { field: 'count', title: w('word.frequency'), format: ',d' },
          details: [
            { field: 'topics', title: w('word.topicsWithTerm'), format: ',d' },
            { field: 'per10k', title: w('word.per10k'), format: ',.2f' }
          ],
          scheme: 'sequential',
          labels: true,
          clickable: true
        })
      }
    };
  }
});

export const overviewCross = queryRecipe<CrossTrackCell>({
  id: 'overview.cross',
  kind: 'chart',
  route: '/',
  query: (ctx) => crossTrackTerms({ ...ctx.filters, limit: overviewView.parse(ctx.search).cross }),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const n = overviewView.parse(ctx.search).cross;
    const base = w('overview.crossTitle', { edition: editionLabel(edition(ctx), ctx.lang), n });
    return {
      ...frameBase(ctx),
      title: selectionTitle(ctx, base),
      filename: fileParts(ctx, base),
      columns: [
        { key: 'term', label: w('word.term') },
        { key: 'term_tracks', label: w('word.tracksCovered'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'track_name', label: w('word.track') },
        { key: 'count', label: w('word.frequency'), numeric: true, format: (v) => formatCount(v as number) }
      ],
      rows,
      help: w('overview.helpCross'),
      emptyMessage: w('overview.crossEmpty'),
      statistics: ['count', 'tracks'],
      figure: rows && {
        kind: 'vega',
        spec: heatmapSpec({
          rows,
          x: { field: 'track_name', title: w('word.track'), order: chosenTracks(ctx).map((tr) => tr.track_name) },
          y: { field: 'term', title: w('word.term'), order: [...new Set(rows.map((c) => c.term))] },
          value: { field: 'count', title: w('word.frequency'), format: ',d' },
          details: [{ field: 'term_tracks', title: w('word.tracksCovered'), format: ',d' }],
          scheme: 'sequential',
          labels: true,
          clickable: true
        })
      }
    };
  }
});
