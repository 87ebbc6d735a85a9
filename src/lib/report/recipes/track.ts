/** 赛道 pages: the track list and tokens per track; one track's overlaps, near-duplicates and topics (its key terms: track-keyness.ts). */
import { editionLabel, filterSummary, sourceLine, themeSummary } from '../../charts/frame-text.ts';
import { horizontalBarSpec } from '../../charts/specs.ts';
import type { TableColumn } from '../../charts/types.ts';
import { formatCount, formatStat } from '../../format.ts';
import {
  KEYNESS_STAT_KEYS,
  OVERLAP_METRIC_KEYS,
  trackIndex,
  trackNearDuplicates,
  trackOverlaps,
  trackTopics,
  type KeynessStat,
  type OverlapMetric,
  type TrackDuplicateRow,
  type TrackIndexRow,
  type TrackOverlapRow,
  type TrackTopicRow
} from '../../queries/track.ts';
import { bool, defineParams, int, oneOf, text } from '../../state/params.ts';
import { membersOf, queryRecipe, wordsOf, type RecipeContext } from '../recipe.ts';
import { fileParts, selectionTitle } from '../selection.ts';

export const KEY_TERMS = 5;
export const tracksView = defineParams({ metric: oneOf(OVERLAP_METRIC_KEYS, 'jaccard') });
export const trackView = defineParams({
  topic: int(0, 0),
  term: text(),
  stat: oneOf(KEYNESS_STAT_KEYS, 'g2'),
  metric: oneOf(OVERLAP_METRIC_KEYS, 'jaccard'),
  top: int(12, 3, 50),
  // Keyness: terms with fewer tokens in the edition are left out; own=1 keeps the track's own name.
  min: int(2, 1, 100),
  own: bool(false)
});

export const counted = (v: unknown) => formatCount(v as number);
export const stat = (v: unknown) => formatStat(v as number | null);
const metricWord = (m: OverlapMetric): 'overlap.jaccard' | 'overlap.cosine' => (m === 'jaccard' ? 'overlap.jaccard' : 'overlap.cosine');
export const statWord = (s: KeynessStat): 'track.statG2' | 'track.statLogRatio' => (s === 'g2' ? 'track.statG2' : 'track.statLogRatio');

// ── the track list (/tracks) ──────────────────────────────────────────────────

function tracksColumns(ctx: RecipeContext): TableColumn[] {
  const w = wordsOf(ctx);
  return [
    { key: 'track_name', label: w('word.track') },
    { key: 'track_no', label: w('export.col.trackNo'), numeric: true },
    { key: 'topics', label: w('word.topics'), numeric: true, format: counted },
    { key: 'tokens', label: w('word.tokens'), numeric: true, format: counted },
    { key: 'key_terms', label: w('tracks.keyTerms', { n: KEY_TERMS }) },
    { key: 'similar_name', label: w('tracks.similar') },
    { key: 'similar_value', label: w(metricWord(tracksView.parse(ctx.search).metric)), numeric: true, format: stat }
  ];
}

const indexQuery = (ctx: RecipeContext) => trackIndex({ ...ctx.filters, metric: tracksView.parse(ctx.search).metric, keyTerms: KEY_TERMS });
const indexBase = (ctx: RecipeContext) => ({
  subtitle: filterSummary(ctx.filters, ctx.manifest, ctx.lang, membersOf(ctx, ctx.filters.theme)),
  source: sourceLine(ctx.manifest, [ctx.filters.edition], ctx.lang),
  editions: [ctx.filters.edition]
});
const editionName = (ctx: RecipeContext, id = ctx.filters.edition) => editionLabel(ctx.manifest.editions.find((e) => e.edition_id === id), ctx.lang);

export const tracksList = queryRecipe<TrackIndexRow>({
  id: 'tracks.list',
  kind: 'table',
  route: '/tracks',
  query: indexQuery,
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const title = w('tracks.listTitle', { edition: editionName(ctx) });
    const metric = tracksView.parse(ctx.search).metric;
    return {
      ...indexBase(ctx),
      title: selectionTitle(ctx, title),
      filename: fileParts(ctx, title),
      columns: tracksColumns(ctx),
      rows,
      help: `${w('track.helpG2')} ${w(metric === 'jaccard' ? 'overlap.helpJaccard' : 'overlap.helpCosine')}`,
      statistics: ['g2', metric === 'jaccard' ? 'trackJaccard' : 'cosine']
    };
  }
});

export const tracksTokens = queryRecipe<TrackIndexRow>({
  id: 'tracks.tokens',
  kind: 'chart',
  route: '/tracks',
  query: indexQuery,
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const title = w('tracks.tokensTitle', { edition: editionName(ctx) });
    return {
      ...indexBase(ctx),
      title: selectionTitle(ctx, title, { tracks: true }),
      filename: fileParts(ctx, title, { tracks: true }),
      columns: tracksColumns(ctx).slice(0, 4),
      rows,
      help: w('tracks.helpTokens'),
      statistics: ['count'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows,
          category: { field: 'track_name', title: w('word.track') },
          value: { field: 'tokens', title: w('word.tokens'), format: ',d' },
          details: [{ field: 'topics', title: w('word.topics'), format: ',d' }],
          sort: 'data',
          clickable: true
        })
      }
    };
  }
});

// ── one track (/tracks/[edition]/[track]) ────────────────────────────────────

const ROUTE = '/tracks/[edition]/[track]';

/** The page's edition and track (its route), not the global filter. */
export function trackOf(ctx: RecipeContext) {
  const edition = ctx.params.edition ?? ctx.filters.edition;
  const no = Number(ctx.params.track);
  const editionMeta = ctx.manifest.editions.find((e) => e.edition_id === edition);
  const meta = editionMeta?.tracks.find((tr) => tr.track_no === no);
  return { edition, no, meta, name: meta?.track_name ?? '', label: editionName(ctx, edition), hasBodies: editionMeta?.has_bodies ?? true };
}

export const trackBase = (ctx: RecipeContext) => ({ edition: trackOf(ctx).edition, track: trackOf(ctx).no, genericVerbs: ctx.filters.genericVerbs });
export const trackSource = (ctx: RecipeContext) => {
  const edition = trackOf(ctx).edition;
  return { source: sourceLine(ctx.manifest, [edition], ctx.lang), editions: [edition] };
};
export const trackFile = (ctx: RecipeContext, title: string, theme = false) => fileParts({ ...ctx, filters: { ...ctx.filters, tracks: null } }, title, { theme }, trackOf(ctx).edition);

/** One track's subtitle names the theme and verb settings, not the track filter. */
export function trackSubtitle(ctx: RecipeContext): string {
  const w = wordsOf(ctx);
  const theme = ctx.filters.theme;
  return [
    ...(theme !== null ? [themeSummary(theme, membersOf(ctx, theme), ctx.lang)] : []),
    w(ctx.filters.genericVerbs === 'removed' ? 'filter.summaryVerbsRemoved' : 'filter.summaryVerbsKept')
  ].join(' · ');
}

export const trackOverlapRecipe = queryRecipe<TrackOverlapRow>({
  id: 'track.overlap',
  kind: 'chart',
  route: ROUTE,
  query: (ctx) => (trackOf(ctx).meta ? trackOverlaps({ ...trackBase(ctx), tracks: ctx.filters.tracks, metric: trackView.parse(ctx.search).metric }) : null),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const p = trackView.parse(ctx.search);
    const t = trackOf(ctx);
    const metricName = w(metricWord(p.metric));
    const title = w('track.overlapTitle', { track: t.name, metric: metricName, edition: t.label });
    const other = p.metric === 'jaccard' ? 'cosine' : 'jaccard';
    return {
      ...trackSource(ctx),
      title: selectionTitle(ctx, title, { tracks: true }),
      subtitle: filterSummary({ ...ctx.filters, theme: null }, ctx.manifest, ctx.lang),
      filename: fileParts(ctx, title, { tracks: true }, t.edition),
      columns: [
        { key: 'other_name', label: w('word.track') },
        { key: 'jaccard', label: w('overlap.jaccard'), numeric: true, format: stat },
        { key: 'cosine', label: w('overlap.cosine'), numeric: true, format: stat },
        { key: 'shared_terms', label: w('overlap.sharedTerms'), numeric: true, format: counted },
        { key: 'top_shared', label: w('overlap.topShared') }
      ],
      rows,
      help: w(p.metric === 'jaccard' ? 'overlap.helpJaccard' : 'overlap.helpCosine'),
      emptyMessage: w('track.overlapEmpty'),
      statistics: ['trackJaccard', 'cosine', 'sharedWeight'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows,
          category: { field: 'other_name', title: w('word.track') },
          value: { field: 'value', title: metricName, format: ',.2f' },
          details: [
            { field: 'shared_terms', title: w('overlap.sharedTerms'), format: ',d' },
            { field: other, title: w(metricWord(other)), format: ',.2f' },
            { field: 'top_shared', title: w('overlap.topShared') }
          ],
          clickable: true
        })
      }
    };
  }
});

export const trackDuplicatesRecipe = queryRecipe<TrackDuplicateRow>({
  id: 'track.duplicates',
  kind: 'table',
  route: ROUTE,
  query: (ctx) => (trackOf(ctx).meta ? trackNearDuplicates({ edition: trackOf(ctx).edition, track: trackOf(ctx).no }) : null),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const title = w('track.duplicatesTitle', { track: trackOf(ctx).name });
    const kind = (v: unknown) => w(v === 'body' ? 'track.duplicateBody' : 'track.duplicateSentence');
    const edition = (v: unknown) => editionName(ctx, String(v)) || String(v);
    return {
      ...trackSource(ctx),
      title: `${title}（${trackOf(ctx).label}）`,
      subtitle: w('track.duplicatesIntro'),
      filename: trackFile(ctx, title),
      columns: [
        { key: 'topic_no', label: w('export.col.thisTopicNo'), numeric: true },
        { key: 'topic_title', label: w('export.col.thisTitle') },
        { key: 'other_edition', label: w('export.col.otherEdition'), format: edition, exportValue: edition },
        { key: 'other_track_name', label: w('export.col.otherTrack') },
        { key: 'other_topic', label: w('export.col.otherTopicNo'), numeric: true },
        { key: 'other_title', label: w('export.col.otherTitle') },
        { key: 'kind', label: w('export.col.kind'), format: kind, exportValue: kind },
        { key: 'similarity', label: w('track.similarityCol'), numeric: true, format: stat },
        { key: 'shared_text', label: w('track.duplicateShared') }
      ],
      rows,
      help: w('track.helpSimilarity'),
      emptyMessage: w('track.duplicatesNone'),
      statistics: ['nearDuplicate']
    };
  }
});

export const trackTopicsRecipe = queryRecipe<TrackTopicRow>({
  id: 'track.topics',
  kind: 'table',
  route: ROUTE,
  query: (ctx) => (trackOf(ctx).meta ? trackTopics({ edition: trackOf(ctx).edition, track: trackOf(ctx).no }) : null),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const t = trackOf(ctx);
    const title = `${t.name} · ${w('track.topicsTitle')}（${t.label}）`;
    return {
      ...trackSource(ctx),
      title,
      subtitle: t.hasBodies ? '' : w('track.noBody'),
      filename: trackFile(ctx, `${t.name}_${w('track.topicsTitle')}`),
      columns: [
        { key: 'topic_no', label: w('export.col.topicNo'), numeric: true },
        { key: 'printed_no', label: w('export.col.printedNo'), numeric: true },
        { key: 'title', label: w('export.col.title') },
        ...(t.hasBodies ? [{ key: 'body', label: w('export.col.body') }] : [])
      ],
      rows,
      statistics: []
    };
  }
});
