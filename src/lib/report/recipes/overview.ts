/**
 * 总览's charts: top terms, word cloud (both under the 「领域词」 switch: vocabulary and
 * TF-IDF ranking, state/vocabulary.ts), theme × track heatmap (members named in each cell),
 * most cross-track terms (under a theme: every member, so its cells add up to the theme's row).
 */
import { editionLabel, filterSummary, sourceLine } from '../../charts/frame-text.ts';
import { cloudFigure } from '../../charts/cloud-layout.ts';
import { heatmapSpec, horizontalBarSpec } from '../../charts/specs.ts';
import type { TableColumn } from '../../charts/types.ts';
import { cloudWords, seedOf } from '../../charts/wordcloud.ts';
import { formatCount, formatStat } from '../../format.ts';
import { cloudTerms, crossTrackTerms, themeTrackHeatmap, topTerms, type CrossTrackCell, type ThemeTrackCell, type TopTermRow } from '../../queries/overview.ts';
import { defineParams, int, trackNo } from '../../state/params.ts';
import { parseVocabulary } from '../../state/vocabulary.ts';
import { membersOf, queryRecipe, wordsOf, type RecipeContext } from '../recipe.ts';
import { fileParts, selectionTitle } from '../selection.ts';

export const OVERVIEW_TOP = 20;
export const CLOUD_TERMS = 80;
export const CROSS_CHOICES = [10, 20, 30, 50];
export const overviewView = defineParams({ cloud: trackNo(), cross: int(20, 5, 50) });

const edition = (ctx: RecipeContext) => ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition);
const frameBase = (ctx: RecipeContext) => ({
  subtitle: filterSummary(ctx.filters, ctx.manifest, ctx.lang, membersOf(ctx, ctx.filters.theme)),
  source: sourceLine(ctx.manifest, [ctx.filters.edition], ctx.lang),
  editions: [ctx.filters.edition]
});

/** The tracks the filters choose, in guide order. */
export function chosenTracks(ctx: RecipeContext) {
  return (edition(ctx)?.tracks ?? []).filter((tr) => ctx.filters.tracks === null || ctx.filters.tracks.includes(tr.track_no));
}

export const vocabularyOf = (ctx: RecipeContext) => parseVocabulary(ctx.search);
const byTfidf = (ctx: RecipeContext) => vocabularyOf(ctx).rank === 'tfidf';

/** The filters' subtitle plus what the 「领域词」 switch does to the list. */
function termsSubtitle(ctx: RecipeContext, rank = true): string {
  const w = wordsOf(ctx);
  const vocabulary = vocabularyOf(ctx);
  const notes = [
    ...(vocabulary.vocab === 'domain' ? [w('overview.vocabDomainNote')] : []),
    ...(rank && vocabulary.rank === 'tfidf' ? [w('overview.rankTfidfNote')] : [])
  ];
  return [frameBase(ctx).subtitle, ...notes].join(' · ');
}

/** Why a term list is empty: nothing of the theme, of the domain vocabulary, or at all in `scope`. */
function termsEmpty(ctx: RecipeContext, scope: string): string {
  const w = wordsOf(ctx);
  if (ctx.filters.theme !== null) return w('overview.cloudEmptyTheme', { theme: ctx.filters.theme, scope });
  return w(vocabularyOf(ctx).vocab === 'domain' ? 'overview.cloudEmptyDomain' : 'overview.cloudEmptyNone', { scope });
}

export function termColumns(ctx: RecipeContext): TableColumn[] {
  const w = wordsOf(ctx);
  return [
    { key: 'term', label: w('word.term') },
    { key: 'count', label: w('word.frequency'), numeric: true, format: (v) => formatCount(v as number) },
    ...(byTfidf(ctx) ? [{ key: 'tfidf', label: w('overview.tfidf'), numeric: true, format: (v: unknown) => formatStat(v as number) }] : []),
    { key: 'topics', label: w('word.topicsWithTerm'), numeric: true, format: (v) => formatCount(v as number) },
    { key: 'tracks', label: w('word.tracksCovered'), numeric: true, format: (v) => formatCount(v as number) },
    { key: 'per10k', label: w('word.per10k'), numeric: true, format: (v) => formatStat(v as number) }
  ];
}

export const overviewTop = queryRecipe<TopTermRow>({
  id: 'overview.top',
  kind: 'chart',
  route: '/',
  query: (ctx) => topTerms({ ...ctx.filters, ...vocabularyOf(ctx), limit: OVERVIEW_TOP }),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const { vocab, rank } = vocabularyOf(ctx);
    const tfidf = rank === 'tfidf';
    const base = w(`overview.top.${vocab}.${rank}`, { edition: editionLabel(edition(ctx), ctx.lang), n: OVERVIEW_TOP });
    return {
      ...frameBase(ctx),
      subtitle: termsSubtitle(ctx),
      title: selectionTitle(ctx, base),
      filename: fileParts(ctx, base),
      columns: termColumns(ctx),
      rows,
      help: w(tfidf ? 'overview.helpTfidf' : 'help.frequency'),
      emptyMessage: termsEmpty(ctx, w('overview.cloudAllTracks')),
      statistics: tfidf ? ['tfidf', 'count', 'topics', 'tracks', 'per10k'] : ['count', 'topics', 'tracks', 'per10k'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows,
          category: { field: 'term', title: w('word.term') },
          value: tfidf ? { field: 'tfidf', title: w('overview.tfidf'), format: ',.2f' } : { field: 'count', title: w('word.frequency'), format: ',d' },
          details: [
            ...(tfidf ? [{ field: 'count', title: w('word.frequency'), format: ',d' }] : []),
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

/** The cloud's words sized by the ranking: frequency, or TF-IDF under rank=tfidf. */
export const cloudScored = (ctx: RecipeContext, rows: readonly TopTermRow[]) =>
  byTfidf(ctx) ? rows.map((r) => ({ term: r.term, count: r.tfidf })) : rows.map((r) => ({ term: r.term, count: r.count }));

/** The seed comes from the words, so a word list always gets the same layout. */
export const cloudSeed = (rows: readonly { term: string; count: number }[]) => seedOf(cloudWords(rows).map((w) => `${w.text}:${w.count}`).join('|'));

export const overviewCloud = queryRecipe<TopTermRow>({
  id: 'overview.cloud',
  kind: 'chart',
  route: '/',
  query: (ctx) => cloudTerms({ ...ctx.filters, ...vocabularyOf(ctx), track: cloudTrack(ctx)?.track_no ?? null, limit: CLOUD_TERMS }),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const track = cloudTrack(ctx);
    const scope = track?.track_name ?? w('overview.cloudAllTracks');
    const base = w('overview.cloudTitle', { edition: editionLabel(edition(ctx), ctx.lang), scope, n: CLOUD_TERMS });
    const filteredOut = overviewView.parse(ctx.search).cloud > 0 && track === null;
    const scored = rows && cloudScored(ctx, rows);
    return {
      ...frameBase(ctx),
      subtitle: termsSubtitle(ctx),
      title: selectionTitle(ctx, base, { theme: true, tracks: track === null }),
      filename: fileParts(ctx, base),
      columns: termColumns(ctx),
      rows,
      help: w('overview.helpCloud'),
      emptyMessage: filteredOut ? w('overview.cloudEmptyFiltered') : termsEmpty(ctx, scope),
      statistics: byTfidf(ctx) ? ['tfidf', 'count'] : ['count'],
      figure: scored && cloudWords(scored).length ? cloudFigure(scored, cloudSeed(scored)) : null
    };
  }
});

export const overviewHeatmap = queryRecipe<ThemeTrackCell>({
  id: 'overview.heatmap',
  kind: 'chart',
  route: '/',
  query: (ctx) => themeTrackHeatmap(ctx.filters),
  present(ctx, cells) {
    const w = wordsOf(ctx);
    const base = w('overview.heatmapTitle', { edition: editionLabel(edition(ctx), ctx.lang) });
    // Each cell names the theme's members in its tooltip and table row.
    const rows = cells && cells.map((c) => ({ ...c, members: membersOf(ctx, c.theme).join('、') }));
    return {
      ...frameBase(ctx),
      title: selectionTitle(ctx, base),
      filename: fileParts(ctx, base),
      columns: [
        { key: 'theme', label: w('word.theme') },
        { key: 'track_name', label: w('word.track') },
        { key: 'count', label: w('word.frequency'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'topics', label: w('word.topicsWithTerm'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'per10k', label: w('word.per10k'), numeric: true, format: (v) => formatStat(v as number | null) },
        { key: 'members', label: w('filter.themeMembers') }
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
            { field: 'per10k', title: w('word.per10k'), format: ',.2f' },
            { field: 'members', title: w('filter.themeMembers') }
          ],
          scheme: 'sequential',
          labels: true,
          sqrt: true,
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
  // Under a theme the matrix lists every member, also those found in one track: its cells
  // then add up to the theme's row of the heatmap.
  query: (ctx) =>
    crossTrackTerms({ ...ctx.filters, limit: overviewView.parse(ctx.search).cross, minTracks: ctx.filters.theme === null ? 2 : 1, vocab: vocabularyOf(ctx).vocab }),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const n = overviewView.parse(ctx.search).cross;
    const label = editionLabel(edition(ctx), ctx.lang);
    const theme = ctx.filters.theme;
    const base = theme === null ? w('overview.crossTitle', { edition: label, n }) : w('overview.crossThemeTitle', { edition: label, theme, n });
    return {
      ...frameBase(ctx),
      subtitle: termsSubtitle(ctx, false),
      title: selectionTitle(ctx, base, { tracks: true, theme: theme === null }),
      filename: fileParts(ctx, base),
      columns: [
        { key: 'term', label: w('word.term') },
        { key: 'term_tracks', label: w('word.tracksCovered'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'track_name', label: w('word.track') },
        { key: 'count', label: w('word.frequency'), numeric: true, format: (v) => formatCount(v as number) }
      ],
      rows,
      help: w(theme === null ? 'overview.helpCross' : 'overview.helpCrossTheme'),
      emptyMessage: theme === null ? w('overview.crossEmpty') : w('overview.crossThemeEmpty', { theme }),
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
