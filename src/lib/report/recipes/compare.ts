/**
 * 版本对比's charts and tables, rebuilt from /compare?a=&b=… alone: the summary counts, the
 * track table, the aligned topic list (the rows the list shows for `show` and `tstatus`), the
 * term chart (`by`, `kind`, `top`, the theme filter) and the theme × edition heatmap. Each
 * loads the pair's comparison (precomputed rows or computed on demand, compare/source.ts) and
 * the themes' members; the page loads them once and presents all five from them.
 */
import type { TopLevelSpec } from 'vega-lite';
import {
  TOPIC_STATUSES,
  TRACK_STATUSES,
  type TermTrendRow,
  type TermTrendStatus,
  type TopicStatus,
  type TrackAlignmentRow,
  type TrackStatus
} from '../../../../analysis/contract.ts';
import { editionLabel, sourceLine } from '../../charts/frame-text.ts';
import { divergingBarSpec, heatmapSpec } from '../../charts/specs.ts';
import type { TableColumn } from '../../charts/types.ts';
import { defaultPair } from '../../compare/editions.ts';
import { loadComparison, type ComparisonData } from '../../compare/source.ts';
import {
  alignedGroups,
  filteredGroups,
  LIST_FILTERS,
  statusCounts,
  TERM_KINDS,
  termChartRows,
  themeCells,
  topicCounts,
  trackCounts,
  type ListFilter,
  type TermKind,
  type TermMetric
} from '../../compare/view.ts';
import { formatCount, formatPercent, formatStat } from '../../format.ts';
import { compareThemes, type ThemeMemberRow } from '../../queries/compare.ts';
import { defineParams, int, oneOf, text } from '../../state/params.ts';
import { wordsOf, type Recipe, type RecipeContext, type RunQuery } from '../recipe.ts';
import { fileParts, selectionTitle } from '../selection.ts';

export const TERM_METRICS = ['g2', 'log_ratio'] as const;
export const compareView = defineParams({
  a: text(),
  b: text(),
  show: oneOf(LIST_FILTERS, 'changed'),
  tstatus: oneOf(['all', ...TRACK_STATUSES] as const, 'all'),
  by: oneOf(TERM_METRICS, 'g2'),
  kind: oneOf(TERM_KINDS, 'changed'),
  top: int(30, 5, 200)
});

export type ThemeMembers = ReadonlyMap<string, readonly string[]>;

export interface CompareData {
  comparison: ComparisonData;
  /** Each theme's terms; null while they load (the term chart under a theme and the heatmap wait). */
  members: ThemeMembers | null;
}

/** The pair the URL names, the default one filling what it leaves out (A may equal B); null with one edition. */
export function urlPair(ctx: Pick<RecipeContext, 'manifest' | 'search'>): { a: string; b: string } | null {
  const p = compareView.parse(ctx.search);
  return defaultPair(ctx.manifest, { a: p.a || undefined, b: p.b || undefined });
}

/** The pair compared: null unless the URL's pair is two distinct editions. */
export function comparePair(ctx: Pick<RecipeContext, 'manifest' | 'search'>): { a: string; b: string } | null {
  const pair = urlPair(ctx);
  return pair && pair.a !== pair.b ? pair : null;
}

export async function loadThemeMembers(run: RunQuery): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  for (const r of await run<ThemeMemberRow>(compareThemes())) members.set(r.theme, [...(members.get(r.theme) ?? []), r.term]);
  return members;
}

async function load(run: RunQuery, ctx: RecipeContext): Promise<CompareData | null> {
  const pair = comparePair(ctx);
  if (!pair) return null;
  const [comparison, members] = await Promise.all([loadComparison({ query: run }, pair.a, pair.b, ctx.filters.genericVerbs), loadThemeMembers(run)]);
  return { comparison, members };
}

/** What every /compare item shares: the pair's labels, basis words, source line and file tag. */
function common(ctx: RecipeContext, data: CompareData | null) {
  const w = wordsOf(ctx);
  const p = compareView.parse(ctx.search);
  const pair = comparePair(ctx);
  const meta = (id: string | undefined) => ctx.manifest.editions.find((e) => e.edition_id === id);
  const labels = { a: editionLabel(meta(pair?.a), ctx.lang), b: editionLabel(meta(pair?.b), ctx.lang) };
  // A comparison of another pair (the page while the next one loads) is not shown as this one.
  const current =
    data && pair && data.comparison.editions.a.edition_id === pair.a && data.comparison.editions.b.edition_id === pair.b ? data : null;
  const titlesOnly = [meta(pair?.a), meta(pair?.b)].some((e) => e && !e.has_bodies);
  const ids = pair ? [pair.a, pair.b] : [];
  return {
    w,
    p,
    pair,
    labels,
    data: current,
    basis: w(titlesOnly ? 'compare.basisTitles' : 'compare.basisFull'),
    verbs: w(ctx.filters.genericVerbs === 'removed' ? 'filter.summaryVerbsRemoved' : 'filter.summaryVerbsKept'),
    source: sourceLine(ctx.manifest, ids, ctx.lang),
    editions: ids,
    pairTag: pair ? `${pair.a}_${pair.b}` : '',
    /** Rows for a table or chart: [] without a pair, null while loading. */
    rowsOf: <T>(make: (d: CompareData) => T[] | null): T[] | null => (pair ? (current ? make(current) : null) : [])
  };
}

const counted = (v: unknown) => formatCount(v as number | null);
const stat = (v: unknown) => formatStat(v as number | null);

export const compareSummary: Recipe<CompareData> = {
  id: 'compare.summary',
  kind: 'table',
  route: '/compare',
  load,
  present(ctx, raw) {
    const c = common(ctx, raw);
    const title = `${c.w('compare.summary')}：${c.labels.a} → ${c.labels.b}`;
    return {
      title,
      subtitle: c.basis,
      source: c.source,
      editions: c.editions,
      filename: fileParts(ctx, title, {}, c.pairTag),
      columns: [
        { key: 'what', label: c.w('compare.summaryWhat') },
        { key: 'status', label: c.w('compare.status') },
        { key: 'count', label: c.w('compare.summaryCount'), numeric: true, format: counted }
      ],
      rows: c.rowsOf((d) => {
        const tracks = trackCounts(d.comparison);
        const topics = topicCounts(d.comparison);
        return [
          ...TRACK_STATUSES.map((s) => ({ what: c.w('compare.summaryTracks'), status: c.w(`compare.trackStatus.${s}`), count: tracks[s] })),
          ...TOPIC_STATUSES.map((s) => ({ what: c.w('compare.summaryTopics'), status: c.w(`compare.topicStatus.${s}`), count: topics[s] }))
        ];
      }),
      emptyMessage: c.w('compare.pickTwo'),
      help: c.w('compare.helpList'),
      statistics: ['alignment']
    };
  }
};

export type CompareTrackRow = TrackAlignmentRow & { status_label: string; topics_a: number | null; topics_b: number | null };
export type CompareTermRow = TermTrendRow & { status_label: string; value: number };

export const compareTracks: Recipe<CompareData> = {
  id: 'compare.tracks',
  kind: 'table',
  route: '/compare',
  load,
  present(ctx, raw) {
    const c = common(ctx, raw);
    const status = c.p.tstatus as TrackStatus | 'all';
    const title = c.w('compare.tracksTitle', c.labels);
    const columns: TableColumn[] = [
      { key: 'status_label', label: c.w('compare.status') },
      { key: 'name_a', label: c.w('compare.trackA') },
      { key: 'name_b', label: c.w('compare.trackB') },
      { key: 'similarity', label: c.w('compare.trackSimilarity'), numeric: true, format: (v) => formatPercent(v as number | null) },
      { key: 'topics_a', label: c.w('compare.topicsA'), numeric: true, format: counted },
      { key: 'topics_b', label: c.w('compare.topicsB'), numeric: true, format: counted }
    ];
    return {
      title,
      subtitle: [c.basis, ...(status !== 'all' ? [`${c.w('compare.summaryTracks')}：${c.w(`compare.trackStatus.${status}`)}`] : [])].join(' · '),
      source: c.source,
      editions: c.editions,
      filename: fileParts(ctx, title, {}, c.pairTag).concat(status === 'all' ? [] : [status]),
      columns,
      rows: c.rowsOf<CompareTrackRow>(({ comparison: d }) => {
        const topicsIn = (side: 'a' | 'b', no: number | null) => (no === null ? null : d.editions[side].topics.filter((x) => x.track_no === no).length);
        return d.tracks
          .filter((r) => status === 'all' || r.status === status)
          .map((r) => ({ ...r, status_label: c.w(`compare.trackStatus.${r.status as TrackStatus}`), topics_a: topicsIn('a', r.track_a), topics_b: topicsIn('b', r.track_b) }));
      }),
      emptyMessage: c.pair ? c.w('compare.listEmpty') : c.w('compare.pickTwo'),
      help: c.w('compare.helpTracks'),
      statistics: ['alignment']
    };
  }
};

/** 有变化的 / 全部 / a topic status, in the page's words. */
export function listFilterLabel(ctx: Pick<RecipeContext, 'lang'>, filter: ListFilter): string {
  const w = wordsOf(ctx);
  return filter === 'all' ? w('compare.showAll') : filter === 'changed' ? w('compare.showChanged') : w(`compare.topicStatus.${filter as TopicStatus}`);
}

export const compareTopics: Recipe<CompareData> = {
  id: 'compare.topics',
  kind: 'table',
  route: '/compare',
  load,
  present(ctx, raw) {
    const c = common(ctx, raw);
    const filter = c.p.show as ListFilter;
    const status = c.p.tstatus as TrackStatus | 'all';
    const title = c.w('compare.listTitle', c.labels);
    const shown = listFilterLabel(ctx, filter);
    const columns: TableColumn[] = [
      { key: 'status', label: c.w('compare.status') },
      { key: 'track_a', label: c.w('compare.trackA') },
      { key: 'topic_a', label: c.w('compare.topicA'), numeric: true, format: counted },
      { key: 'title_a', label: c.w('compare.titleA') },
      { key: 'track_b', label: c.w('compare.trackB') },
      { key: 'topic_b', label: c.w('compare.topicB'), numeric: true, format: counted },
      { key: 'title_b', label: c.w('compare.titleB') },
      { key: 'title_similarity', label: c.w('compare.titleSimilarity'), numeric: true, format: stat },
      { key: 'body_similarity', label: c.w('compare.bodySimilarity'), numeric: true, format: stat }
    ];
    return {
      title,
      subtitle: [shown, ...(status !== 'all' ? [`${c.w('compare.summaryTracks')}：${c.w(`compare.trackStatus.${status}`)}`] : []), c.basis].join(' · '),
      source: c.source,
      editions: c.editions,
      filename: fileParts(ctx, title, {}, c.pairTag).concat(shown, status === 'all' ? [] : [status]),
      columns,
      rows: c.rowsOf(({ comparison }) =>
        filteredGroups(alignedGroups(comparison), filter, status).flatMap((g) =>
          g.topics.map((x) => ({
            status: c.w(`compare.topicStatus.${x.status}`),
            track_a: x.trackA,
            topic_a: x.a?.topic_no ?? null,
            title_a: x.a?.title ?? '',
            track_b: x.trackB,
            topic_b: x.b?.topic_no ?? null,
            title_b: x.b?.title ?? '',
            title_similarity: x.row.title_similarity,
            body_similarity: x.row.body_similarity
          }))
        )
      ),
      emptyMessage: c.pair ? c.w('compare.listEmpty') : c.w('compare.pickTwo'),
      help: c.w('compare.helpList'),
      statistics: ['alignment']
    };
  }
};

/** The metric's name: 显著性 (G²) or 对数比. */
export const termMetricName = (ctx: Pick<RecipeContext, 'lang'>, m: TermMetric) => wordsOf(ctx)(m === 'g2' ? 'word.keyness' : 'word.logRatio');
/** 有变化的 or a term status, in the page's words. */
export const termKindName = (ctx: Pick<RecipeContext, 'lang'>, k: TermKind) =>
  wordsOf(ctx)(k === 'changed' ? 'compare.showChanged' : `compare.termStatus.${k}`);

/** Room beyond the longest bars for their figures, which sit outside the bar ends. */
function withRoom(spec: TopLevelSpec, values: readonly number[]): TopLevelSpec {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = (hi - lo || 1) * 0.14;
  const x = (spec as unknown as { layer: { encoding: { x: { scale?: object } } }[] }).layer[0].encoding.x;
  x.scale = { ...x.scale, domain: [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0] };
  return spec;
}

export const compareTerms: Recipe<CompareData> = {
  id: 'compare.terms',
  kind: 'chart',
  route: '/compare',
  load,
  present(ctx, raw) {
    const c = common(ctx, raw);
    const metric = c.p.by as TermMetric;
    const kind = c.p.kind as TermKind;
    const other: TermMetric = metric === 'g2' ? 'log_ratio' : 'g2';
    const theme = ctx.filters.theme;
    const title = c.w('compare.termsTitle', c.labels);
    const rows = c.rowsOf<CompareTermRow>(({ comparison, members }) => {
      if (theme && !members) return null;
      const chosen = theme ? new Set(members!.get(theme) ?? []) : null;
      return termChartRows(comparison.terms, { kind, metric, top: c.p.top, members: chosen }).map((r) => ({
        ...r,
        status_label: c.w(`compare.termStatus.${r.status as TermTrendStatus}`),
        value: r[metric]
      }));
    });
    return {
      title: selectionTitle(ctx, title, { theme: true }),
      subtitle: [termMetricName(ctx, metric), termKindName(ctx, kind), c.basis, c.verbs].join(' · '),
      source: c.source,
      editions: c.editions,
      filename: fileParts(ctx, title, { theme: true }, c.pairTag).concat(metric, kind),
      columns: [
        { key: 'term', label: c.w('word.term') },
        { key: 'status_label', label: c.w('compare.status') },
        { key: 'g2', label: c.w('word.keyness'), numeric: true, format: stat },
        { key: 'log_ratio', label: c.w('word.logRatio'), numeric: true, format: stat },
        { key: 'count_a', label: c.w('compare.countA'), numeric: true, format: counted },
        { key: 'count_b', label: c.w('compare.countB'), numeric: true, format: counted },
        { key: 'per10k_a', label: c.w('compare.per10kA'), numeric: true, format: stat },
        { key: 'per10k_b', label: c.w('compare.per10kB'), numeric: true, format: stat }
      ],
      rows,
      help: c.w('compare.helpTerms'),
      emptyMessage: c.pair ? c.w('compare.termsEmpty') : c.w('compare.pickTwo'),
      statistics: ['per10k', 'trend', 'logRatio', 'g2', 'trendStatus'],
      figure: rows && {
        kind: 'vega',
        spec: withRoom(
          divergingBarSpec({
            rows,
            category: { field: 'term', title: c.w('word.term') },
            value: { field: 'value', title: termMetricName(ctx, metric), format: ',.2f' },
            details: [
              { field: 'status_label', title: c.w('compare.status') },
              { field: other, title: termMetricName(ctx, other), format: ',.2f' },
              { field: 'count_a', title: c.w('compare.countA'), format: ',d' },
              { field: 'count_b', title: c.w('compare.countB'), format: ',d' },
              { field: 'per10k_a', title: c.w('compare.per10kA'), format: ',.2f' },
              { field: 'per10k_b', title: c.w('compare.per10kB'), format: ',.2f' }
            ],
            clickable: true
          }),
          rows.map((r) => r.value)
        )
      }
    };
  }
};

/** How many terms each status has, for the chart's kind switch. */
export const termStatusCounts = (data: ComparisonData) => statusCounts(['new', 'dropped', 'rising', 'falling', 'stable'] as const, data.terms);

/** Two columns wide enough for an edition's name written across, on top of the cells. */
function widened(spec: TopLevelSpec): TopLevelSpec {
  const s = spec as unknown as { width: unknown; encoding: { x: { axis: unknown } } };
  s.width = { step: 110 };
  s.encoding.x.axis = { orient: 'top', labelAngle: 0, ticks: false, domain: false, labelLimit: 110 };
  return spec;
}

export const compareThemeHeatmap: Recipe<CompareData> = {
  id: 'compare.themes',
  kind: 'chart',
  route: '/compare',
  load,
  present(ctx, raw) {
    const c = common(ctx, raw);
    const title = c.w('compare.themeTitle', c.labels);
    const rows = c.rowsOf(({ comparison, members }) =>
      members ? themeCells(comparison.terms, members, { ...c.labels, idA: comparison.editions.a.edition_id, idB: comparison.editions.b.edition_id }) : null
    );
    return {
      title,
      subtitle: [c.basis, c.verbs].join(' · '),
      source: c.source,
      editions: c.editions,
      filename: fileParts(ctx, title, {}, c.pairTag),
      columns: [
        { key: 'theme', label: c.w('word.theme') },
        { key: 'edition', label: c.w('word.edition') },
        { key: 'per10k', label: c.w('word.per10k'), numeric: true, format: stat },
        { key: 'count', label: c.w('word.frequency'), numeric: true, format: counted }
      ],
      rows,
      help: c.w('compare.helpTheme'),
      emptyMessage: c.pair ? undefined : c.w('compare.pickTwo'),
      statistics: ['count', 'per10k'],
      figure: rows && {
        kind: 'vega',
        spec: widened(
          heatmapSpec({
            rows,
            x: { field: 'edition', title: c.w('word.edition'), order: [c.labels.a, c.labels.b] },
            y: { field: 'theme', title: c.w('word.theme'), order: [...new Set(rows.map((r) => r.theme))] },
            value: { field: 'per10k', title: c.w('word.per10k'), format: ',.2f' },
            scheme: 'sequential',
            details: [{ field: 'count', title: c.w('word.frequency'), format: ',d' }],
            labels: true,
            clickable: true
          })
        )
      }
    };
  }
};
