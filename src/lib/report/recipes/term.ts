/** 词条 pages: the index, and one term's count by track, KWIC lines, co-occurring terms and trend. */
import { editionLabel, filterSummary, sourceLine } from '../../charts/frame-text.ts';
import { horizontalBarSpec } from '../../charts/specs.ts';
import type { TableColumn } from '../../charts/types.ts';
import { formatCount, formatStat } from '../../format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import {
  COOC_STAT_KEYS,
  COOC_WINDOWS,
  KWIC_SORT_KEYS,
  TERM_SORT_KEYS,
  termByTrack,
  termCooccurrence,
  termIndex,
  termKwic,
  termTrend,
  type CoocStat,
  type CooccurrenceRow,
  type KwicRow,
  type TermIndexRow,
  type TermTrackRow,
  type TermTrendRow
} from '../../queries/term.ts';
import { bool, defineParams, int, oneOf, text } from '../../state/params.ts';
import { membersOf, queryRecipe, wordsOf, type RecipeContext } from '../recipe.ts';
import { fileParts, selectionTitle } from '../selection.ts';
import type { StatisticKey } from '../statistics.ts';

export const TERMS_PAGE = 100;
export const termsView = defineParams({
  q: text(),
  single: bool(false),
  sort: oneOf(TERM_SORT_KEYS, 'count'),
  dir: oneOf(['desc', 'asc'] as const, 'desc'),
  n: int(TERMS_PAGE, TERMS_PAGE, 100_000)
});

export const KWIC_WINDOWS = [10, 20, 40];
export const KWIC_LIMIT = 300;
export const TERM_TOP_CHOICES = [10, 20, 30, 50];
export const termView = defineParams({
  order: oneOf(['value', 'guide'] as const, 'value'),
  kwic: int(20, 5, 60),
  ksort: oneOf(KWIC_SORT_KEYS, 'position'),
  stat: oneOf(COOC_STAT_KEYS, 'count'),
  window: oneOf(COOC_WINDOWS, 'topic'),
  top: int(20, 5, 100)
});

export const STAT_WORDS: Record<CoocStat, { name: MessageKey; help: MessageKey; statistic: StatisticKey }> = {
  count: { name: 'term.statCount', help: 'term.helpCount', statistic: 'cooccurrence' },
  jaccard: { name: 'term.statJaccard', help: 'term.helpJaccard', statistic: 'jaccard' },
  association: { name: 'term.statAssociation', help: 'term.helpAssociation', statistic: 'association' },
  npmi: { name: 'term.statNpmi', help: 'term.helpNpmi', statistic: 'npmi' }
};

const editionOf = (ctx: RecipeContext) => editionLabel(ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition), ctx.lang);
const termOf = (ctx: RecipeContext) => ctx.params.term ?? '';
const base = (ctx: RecipeContext) => ({
  subtitle: filterSummary(ctx.filters, ctx.manifest, ctx.lang, membersOf(ctx, ctx.filters.theme)),
  source: sourceLine(ctx.manifest, [ctx.filters.edition], ctx.lang),
  editions: [ctx.filters.edition]
});
const counted = (v: unknown) => formatCount(v as number);
const stat = (v: unknown) => formatStat(v as number | null);

export const termsIndex = queryRecipe<TermIndexRow>({
  id: 'terms.index',
  kind: 'table',
  route: '/terms',
  // Every matching row (a few thousand at most); the page shows the first `n`.
  query: (ctx) => {
    const p = termsView.parse(ctx.search);
    return termIndex({ ...ctx.filters, q: p.q, single: p.single, sort: p.sort, dir: p.dir, limit: 100_000 });
  },
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const p = termsView.parse(ctx.search);
    const title = w('terms.tableTitle', { edition: editionOf(ctx) });
    const extra = [...(p.q ? [`“${p.q}”`] : []), ...(p.single ? [w('terms.singleOnly')] : [])];
    const yesNo = (v: unknown) => w(v ? 'terms.yes' : 'terms.no');
    return {
      ...base(ctx),
      title: selectionTitle(ctx, [title, ...extra].join(' · ')),
      filename: [...fileParts(ctx, title), ...extra],
      columns: [
        { key: 'term', label: w('word.term') },
        { key: 'count', label: w('word.frequency'), numeric: true, format: counted },
        { key: 'per10k', label: w('word.per10k'), numeric: true, format: stat },
        { key: 'topics', label: w('word.topicsWithTerm'), numeric: true, format: counted },
        { key: 'tracks', label: w('word.tracksCovered'), numeric: true, format: counted },
        { key: 'dispersion_dp', label: 'DP', numeric: true, format: stat },
        { key: 'dp_norm', label: 'DPnorm', numeric: true, format: stat },
        { key: 'themes', label: w('word.theme') },
        { key: 'in_dictionary', label: w('terms.inDictionary'), format: yesNo, exportValue: yesNo },
        { key: 'generic_verb', label: w('terms.genericVerb'), format: yesNo, exportValue: yesNo },
        { key: 'variants', label: w('terms.variants') },
        { key: 'chars', label: w('terms.chars'), numeric: true }
      ],
      rows,
      statistics: ['count', 'per10k', 'topics', 'tracks', 'dp'],
      wordRows: p.n
    };
  }
});

export const termByTrackRecipe = queryRecipe<TermTrackRow>({
  id: 'term.byTrack',
  kind: 'chart',
  route: '/terms/[term]',
  query: (ctx) => termByTrack({ ...ctx.filters, term: termOf(ctx) }),
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const title = w('term.byTrackTitle', { term: termOf(ctx), edition: editionOf(ctx) });
    return {
      ...base(ctx),
      title: selectionTitle(ctx, title, { tracks: true }),
      filename: fileParts(ctx, title, { tracks: true }),
      columns: [
        { key: 'track_name', label: w('word.track') },
        { key: 'track_no', label: w('export.col.trackNo'), numeric: true },
        { key: 'count', label: w('word.frequency'), numeric: true, format: counted },
        { key: 'topics', label: w('word.topicsWithTerm'), numeric: true, format: counted },
        { key: 'per10k', label: w('word.per10k'), numeric: true, format: stat },
        { key: 'keyness_g2', label: w('word.keyness'), numeric: true, format: stat },
        { key: 'log_ratio', label: w('word.logRatio'), numeric: true, format: stat }
      ],
      rows,
      help: w('term.helpByTrack'),
      statistics: ['count', 'topics', 'per10k', 'g2', 'logRatio'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows,
          category: { field: 'track_name', title: w('word.track') },
          value: { field: 'count', title: w('word.frequency'), format: ',d' },
          details: [
            { field: 'topics', title: w('word.topicsWithTerm'), format: ',d' },
            { field: 'per10k', title: w('word.per10k'), format: ',.2f' },
            { field: 'keyness_g2', title: w('word.keyness'), format: ',.2f' },
            { field: 'log_ratio', title: w('word.logRatio'), format: ',.2f' }
          ],
          sort: termView.parse(ctx.search).order === 'guide' ? 'data' : 'value',
          clickable: true
        })
      }
    };
  }
});

export function kwicColumns(ctx: RecipeContext): TableColumn[] {
  const w = wordsOf(ctx);
  const part = (v: unknown) => w(v === 'title' ? 'term.kwicTitlePart' : 'term.kwicBodyPart');
  return [
    { key: 'track_name', label: w('word.track') },
    { key: 'topic_no', label: w('export.col.topicNo'), numeric: true },
    { key: 'part', label: w('term.kwicWhere'), format: part, exportValue: part },
    { key: 'start', label: w('export.col.start'), numeric: true },
    { key: 'left_text', label: w('term.kwicLeftCol') },
    { key: 'match_text', label: w('term.kwicMatchCol') },
    { key: 'right_text', label: w('term.kwicRightCol') }
  ];
}

export const termKwicRecipe = queryRecipe<KwicRow>({
  id: 'term.kwic',
  kind: 'table',
  route: '/terms/[term]',
  query: (ctx) => {
    const p = termView.parse(ctx.search);
    return termKwic({ edition: ctx.filters.edition, tracks: ctx.filters.tracks, term: termOf(ctx), window: p.kwic, sort: p.ksort, limit: KWIC_LIMIT });
  },
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const title = w('term.kwicTitle', { term: termOf(ctx), edition: editionOf(ctx) });
    return {
      ...base(ctx),
      title: selectionTitle(ctx, title, { tracks: true }),
      filename: fileParts(ctx, title, { tracks: true }),
      columns: kwicColumns(ctx),
      rows,
      help: w('term.helpKwic'),
      emptyMessage: w('term.kwicEmpty'),
      statistics: []
    };
  }
});

export const termCoocRecipe = queryRecipe<CooccurrenceRow>({
  id: 'term.cooc',
  kind: 'chart',
  route: '/terms/[term]',
  query: (ctx) => {
    const p = termView.parse(ctx.search);
    const edition = ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition);
    if (p.window === 'sentence' && edition?.has_bodies === false) return null;
    return termCooccurrence({ ...ctx.filters, term: termOf(ctx), window: p.window, stat: p.stat, limit: p.top });
  },
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const p = termView.parse(ctx.search);
    const statName = w(STAT_WORDS[p.stat].name);
    const windowName = w(p.window === 'topic' ? 'term.windowTopic' : 'term.windowSentence');
    const title = w('term.coocTitle', { term: termOf(ctx), stat: statName, window: windowName, edition: editionOf(ctx) });
    const together = w(p.window === 'topic' ? 'term.togetherTopics' : 'term.togetherSentences');
    const noBodies = p.window === 'sentence' && ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition)?.has_bodies === false;
    return {
      ...base(ctx),
      subtitle: `${filterSummary(ctx.filters, ctx.manifest, ctx.lang, membersOf(ctx, ctx.filters.theme))} · ${w('term.coocNote')}`,
      title: selectionTitle(ctx, title, { theme: true }),
      filename: fileParts(ctx, title, { theme: true }),
      columns: [
        { key: 'partner', label: w('word.term') },
        { key: 'together', label: together, numeric: true, format: counted },
        { key: 'jaccard', label: 'Jaccard', numeric: true, format: stat },
        { key: 'association_strength', label: w('word.association'), numeric: true, format: stat },
        { key: 'npmi', label: 'NPMI', numeric: true, format: stat }
      ],
      rows: noBodies ? [] : rows,
      help: w(STAT_WORDS[p.stat].help),
      emptyMessage: noBodies ? w('term.coocNoBodies') : w('term.coocEmpty', { min: ctx.manifest.options.min_pair_count }),
      statistics: ['cooccurrence', 'jaccard', 'association', 'npmi'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows,
          category: { field: 'partner', title: w('word.term') },
          value: { field: 'value', title: statName, format: p.stat === 'count' ? ',d' : ',.2f' },
          details: [
            ...(p.stat === 'count' ? [] : [{ field: 'together', title: together, format: ',d' }]),
            { field: 'jaccard', title: 'Jaccard', format: ',.2f' },
            { field: 'association_strength', title: w('word.association'), format: ',.2f' },
            { field: 'npmi', title: 'NPMI', format: ',.2f' }
          ],
          clickable: true
        })
      }
    };
  }
});

export type LabelledTrendRow = TermTrendRow & { edition: string; status_label: string };

/**
 * Bars count on each row's series basis (titles only on every bar when any edition is
 * titles-only); each pair's Log Ratio, G² and status on the pair's basis, as /compare does.
 */
export const termTrendRecipe = queryRecipe<TermTrendRow>({
  id: 'term.trend',
  kind: 'chart',
  route: '/terms/[term]',
  query: (ctx) => termTrend({ term: termOf(ctx), genericVerbs: ctx.filters.genericVerbs }),
  present(ctx, raw) {
    const w = wordsOf(ctx);
    const rows: LabelledTrendRow[] | null =
      raw &&
      raw.map((r) => ({
        ...r,
        edition: editionLabel(r, ctx.lang),
        status_label: r.status ? w(`compare.termStatus.${r.status}`) : ''
      }));
    const title = w('term.trendTitle', { term: termOf(ctx) });
    const verbs = w(ctx.filters.genericVerbs === 'removed' ? 'filter.summaryVerbsRemoved' : 'filter.summaryVerbsKept');
    const titlesSeries = (raw ?? []).some((r) => r.series_basis === 'titles');
    const editions = (raw ?? []).map((r) => r.edition_id);
    const full = w('compare.basisFull');
    return {
      title,
      subtitle: [verbs, ...(titlesSeries ? [w('compare.trendSeriesTitles')] : []), w('term.trendNote')].join(' · '),
      source: sourceLine(ctx.manifest, editions, ctx.lang),
      editions,
      filename: fileParts(ctx, title, {}, ''),
      columns: [
        { key: 'edition', label: w('word.edition') },
        { key: 'basis_count', label: w('word.frequency'), numeric: true, format: counted },
        { key: 'basis_tokens', label: w('word.tokens'), numeric: true, format: counted },
        { key: 'basis_per10k', label: w('word.per10k'), numeric: true, format: stat },
        { key: 'count', label: `${w('word.frequency')}（${full}）`, numeric: true, format: counted },
        { key: 'per10k', label: `${w('word.per10k')}（${full}）`, numeric: true, format: stat },
        { key: 'log_ratio', label: w('word.logRatio'), numeric: true, format: stat },
        { key: 'g2', label: w('word.keyness'), numeric: true, format: stat },
        { key: 'status_label', label: w('compare.status') }
      ],
      rows,
      help: w('term.helpTrend'),
      statistics: ['per10k', 'trend', 'logRatio', 'g2', 'trendStatus'],
      figure: rows && {
        kind: 'vega',
        spec: horizontalBarSpec({
          rows,
          category: { field: 'edition', title: w('word.edition') },
          value: { field: 'basis_per10k', title: w('word.per10k'), format: ',.2f' },
          details: [
            { field: 'basis_count', title: w('word.frequency'), format: ',d' },
            { field: 'basis_tokens', title: w('word.tokens'), format: ',d' }
          ],
          sort: 'data'
        })
      }
    };
  }
});
