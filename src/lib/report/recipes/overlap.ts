/** 跨赛道: overlap heatmap and chord diagram, and one pair's shared terms and the topics carrying them. */
import { chordFit, chordLayout, chordSvg } from '../../charts/chord.ts';
import { editionLabel, filterSummary, sourceLine } from '../../charts/frame-text.ts';
import { heatmapSpec, horizontalBarSpec } from '../../charts/specs.ts';
import type { TableColumn } from '../../charts/types.ts';
import type { Figure } from '../../export/figure.ts';
import { formatCount, formatStat } from '../../format.ts';
import { OVERLAP_METRIC_KEYS, overlapMatrix, pairTopics, sharedTerms, type OverlapCell, type OverlapMetric, type PairTopicRow, type SharedTermRow } from '../../queries/overlap.ts';
import { defineParams, int, oneOf, trackNo } from '../../state/params.ts';
import { membersOf, queryRecipe, wordsOf, type RecipeContext } from '../recipe.ts';
import { fileParts, selectionTitle } from '../selection.ts';

export const WEIGHTS = ['shared', 'metric'] as const;
export const SHARED_BARS = 25;
export const overlapView = defineParams({
  a: trackNo(),
  b: trackNo(),
  metric: oneOf(OVERLAP_METRIC_KEYS, 'jaccard'),
  weight: oneOf(WEIGHTS, 'shared')
});

const counted = (v: unknown) => formatCount(v as number);
const stat = (v: unknown) => formatStat(v as number | null);
const metricWord = (m: OverlapMetric): 'overlap.jaccard' | 'overlap.cosine' => (m === 'jaccard' ? 'overlap.jaccard' : 'overlap.cosine');

function scope(ctx: RecipeContext) {
  const edition = ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition);
  const all = edition?.tracks ?? [];
  const chosen = ctx.filters.tracks === null ? all : all.filter((tr) => ctx.filters.tracks!.includes(tr.track_no));
  const p = overlapView.parse(ctx.search);
  const has = (no: number) => all.some((tr) => tr.track_no === no);
  return {
    label: editionLabel(edition, ctx.lang),
    all,
    chosen,
    p,
    pairValid: p.a !== p.b && has(p.a) && has(p.b),
    nameOf: (no: number) => all.find((tr) => tr.track_no === no)?.track_name ?? String(no)
  };
}

/** Overlap is over every term; the theme filter narrows only the pair's term list. */
function matrixFrame(ctx: RecipeContext) {
  const w = wordsOf(ctx);
  return {
    subtitle: filterSummary({ ...ctx.filters, theme: null }, ctx.manifest, ctx.lang) + (ctx.filters.theme !== null ? ` · ${w('overlap.themeNote')}` : ''),
    source: sourceLine(ctx.manifest, [ctx.filters.edition], ctx.lang),
    editions: [ctx.filters.edition]
  };
}

function matrixColumns(ctx: RecipeContext): TableColumn[] {
  const w = wordsOf(ctx);
  return [
    { key: 'name_a', label: w('overlap.trackA') },
    { key: 'name_b', label: w('overlap.trackB') },
    { key: 'jaccard', label: w('overlap.jaccard'), numeric: true, format: stat },
    { key: 'cosine', label: w('overlap.cosine'), numeric: true, format: stat },
    { key: 'shared_terms', label: w('overlap.sharedTerms'), numeric: true, format: counted },
    { key: 'top_shared', label: w('overlap.topShared') }
  ];
}

const matrixQuery = (ctx: RecipeContext) => overlapMatrix({ ...ctx.filters, metric: overlapView.parse(ctx.search).metric });

export const overlapHeatmap = queryRecipe<OverlapCell>({
  id: 'overlap.heatmap',
  kind: 'chart',
  route: '/overlap',
  query: matrixQuery,
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const s = scope(ctx);
    const title = w('overlap.heatmapTitle', { edition: s.label, metric: w(metricWord(s.p.metric)) });
    const other = s.p.metric === 'jaccard' ? 'cosine' : 'jaccard';
    const names = s.chosen.map((tr) => tr.track_name);
    return {
      ...matrixFrame(ctx),
      title: selectionTitle(ctx, title, { tracks: true }),
      filename: fileParts(ctx, title, { tracks: true }),
      columns: matrixColumns(ctx),
      rows: s.chosen.length < 2 && rows ? [] : rows,
      help: w(s.p.metric === 'jaccard' ? 'overlap.helpJaccard' : 'overlap.helpCosine'),
      emptyMessage: w('overlap.empty'),
      statistics: [s.p.metric === 'jaccard' ? 'trackJaccard' : 'cosine', 'sharedWeight'],
      figure: rows && {
        kind: 'vega',
        spec: heatmapSpec({
          rows,
          x: { field: 'name_b', title: w('word.track'), order: names },
          y: { field: 'name_a', title: w('word.track'), order: names },
          value: { field: 'value', title: w(metricWord(s.p.metric)), format: ',.2f' },
          scheme: 'sequential',
          details: [
            { field: 'shared_terms', title: w('overlap.sharedTerms'), format: ',d' },
            { field: other, title: w(metricWord(other)), format: ',.2f' },
            { field: 'top_shared', title: w('overlap.topShared') }
          ],
          labels: true,
          clickable: true
        })
      }
    };
  }
});

/** The chord's weights matrix over the chosen tracks, and the chosen pair's indices in it. */
export function chordInput(ctx: RecipeContext, rows: readonly OverlapCell[]) {
  const s = scope(ctx);
  const index = new Map(s.chosen.map((tr, i) => [tr.track_no, i]));
  const matrix = s.chosen.map(() => s.chosen.map(() => 0));
  for (const c of rows) {
    const i = index.get(c.track_a);
    const j = index.get(c.track_b);
    if (i !== undefined && j !== undefined) matrix[i][j] = s.p.weight === 'shared' ? c.shared_terms : c.value;
  }
  const tracks = s.chosen.map((tr) => tr.track_no);
  const i = tracks.indexOf(s.p.a);
  const j = tracks.indexOf(s.p.b);
  const selected: [number, number] | null = s.pairValid && i >= 0 && j >= 0 ? [i, j] : null;
  return { names: s.chosen.map((tr) => tr.track_name), matrix, tracks, selected };
}

function chordFigure(input: ReturnType<typeof chordInput>): Figure {
  return {
    kind: 'svg',
    aspect: 1,
    render(box) {
      const layout = chordLayout({ names: input.names, matrix: input.matrix, ...chordFit(box) });
      return chordSvg(layout, box, input.selected);
    }
  };
}

export const overlapChord = queryRecipe<OverlapCell>({
  id: 'overlap.chord',
  kind: 'chart',
  route: '/overlap',
  query: matrixQuery,
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const s = scope(ctx);
    const weight = s.p.weight === 'shared' ? w('overlap.weightShared') : w(metricWord(s.p.metric));
    const title = w('overlap.chordTitle', { edition: s.label, weight });
    const tooFew = s.chosen.length < 2;
    const shown = rows && !tooFew ? rows.filter((c) => c.track_a < c.track_b && (s.p.weight === 'metric' ? c.value > 0 : c.shared_terms > 0)) : rows && [];
    return {
      ...matrixFrame(ctx),
      title: selectionTitle(ctx, title, { tracks: true }),
      filename: fileParts(ctx, title, { tracks: true }),
      columns: matrixColumns(ctx),
      rows: shown,
      help: w('overlap.helpChord'),
      emptyMessage: tooFew ? w('overlap.empty') : w('overlap.noOverlap'),
      statistics: [s.p.weight === 'shared' || s.p.metric === 'jaccard' ? 'trackJaccard' : 'cosine'],
      figure: rows && shown?.length ? chordFigure(chordInput(ctx, rows)) : null
    };
  }
});

function pairFrame(ctx: RecipeContext) {
  const s = scope(ctx);
  const pair = [s.p.a, s.p.b].sort((x, y) => x - y);
  return {
    s,
    subtitle: filterSummary({ ...ctx.filters, tracks: pair }, ctx.manifest, ctx.lang, membersOf(ctx, ctx.filters.theme)),
    source: sourceLine(ctx.manifest, [ctx.filters.edition], ctx.lang),
    editions: [ctx.filters.edition],
    params: { edition: ctx.filters.edition, genericVerbs: ctx.filters.genericVerbs, a: s.p.a, b: s.p.b, theme: ctx.filters.theme }
  };
}

export const overlapShared = queryRecipe<SharedTermRow>({
  id: 'overlap.shared',
  kind: 'chart',
  route: '/overlap',
  query: (ctx) => (scope(ctx).pairValid ? sharedTerms(pairFrame(ctx).params) : null),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const { s, subtitle, source, editions } = pairFrame(ctx);
    const nameA = s.nameOf(s.p.a);
    const nameB = s.nameOf(s.p.b);
    const title = w('overlap.sharedTitle', { a: nameA, b: nameB, edition: s.label });
    return {
      subtitle,
      source,
      editions,
      title: selectionTitle(ctx, title, { theme: true }),
      filename: fileParts({ ...ctx, filters: { ...ctx.filters, tracks: null } }, title, { theme: true }),
      columns: [
        { key: 'term', label: w('word.term') },
        { key: 'count_a', label: w('overlap.countIn', { track: nameA }), numeric: true, format: counted },
        { key: 'count_b', label: w('overlap.countIn', { track: nameB }), numeric: true, format: counted },
        { key: 'min_count', label: w('overlap.minCount'), numeric: true, format: counted },
        { key: 'idf', label: w('overlap.idf'), numeric: true, format: stat },
        { key: 'weight', label: w('overlap.weightCol'), numeric: true, format: stat }
      ],
      rows,
      help: w('overlap.helpShared'),
      emptyMessage: s.pairValid ? w('overlap.sharedNone') : w('overlap.pairPrompt'),
      statistics: ['sharedWeight', 'cosine'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows: rows.slice(0, SHARED_BARS),
          category: { field: 'term', title: w('word.term') },
          value: { field: 'weight', title: w('overlap.weightCol'), format: ',.2f' },
          details: [
            { field: 'count_a', title: w('overlap.countIn', { track: nameA }), format: ',d' },
            { field: 'count_b', title: w('overlap.countIn', { track: nameB }), format: ',d' },
            { field: 'min_count', title: w('overlap.minCount'), format: ',d' },
            { field: 'idf', title: w('overlap.idf'), format: ',.2f' }
          ],
          clickable: true
        })
      }
    };
  }
});

export const overlapPairTopics = queryRecipe<PairTopicRow>({
  id: 'overlap.pairTopics',
  kind: 'table',
  route: '/overlap',
  query: (ctx) => (scope(ctx).pairValid ? pairTopics(pairFrame(ctx).params) : null),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const { s, subtitle, source, editions } = pairFrame(ctx);
    const pairTitle = w('overlap.pairTitle', { a: s.nameOf(s.p.a), b: s.nameOf(s.p.b), edition: s.label });
    const title = `${w('overlap.topicsTitle')}：${pairTitle}`;
    return {
      subtitle,
      source,
      editions,
      title: selectionTitle(ctx, title, { theme: true }),
      filename: fileParts({ ...ctx, filters: { ...ctx.filters, tracks: null } }, title, { theme: true }),
      columns: [
        { key: 'track_name', label: w('word.track') },
        { key: 'topic_no', label: w('export.col.topicNo'), numeric: true },
        { key: 'title', label: w('export.col.title') },
        { key: 'terms', label: w('export.col.terms') }
      ],
      rows,
      emptyMessage: s.pairValid ? w('overlap.topicsNone') : w('overlap.pairPrompt'),
      statistics: ['sharedWeight']
    };
  }
});
