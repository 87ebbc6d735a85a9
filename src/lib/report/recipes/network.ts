/**
 * 共现网络: the network (its edges are the chart's rows) and its node table. The data is
 * two queries — the top-N nodes, then every pair among them — and the graph, communities
 * and layout follow from them and the URL (network/*.ts), on the page and in the basket.
 */
import { editionLabel, filterSummary, sourceLine } from '../../charts/frame-text.ts';
import type { TableColumn } from '../../charts/types.ts';
import { formatCount, formatStat } from '../../format.ts';
import { detectCommunities } from '../../network/communities.ts';
import { buildGraph, DEFAULT_THRESHOLD, edgeWeight, type Graph } from '../../network/graph.ts';
import { networkView } from '../../network/params.ts';
import { networkFigure } from '../../network/svg.ts';
import { networkEdges, networkNodes, type NetworkEdgeRow, type NetworkNodeRow } from '../../queries/network.ts';
import { parseVocabulary } from '../../state/vocabulary.ts';
import type { Recipe, RecipeContext, RunQuery } from '../recipe.ts';
import { membersOf, wordsOf } from '../recipe.ts';
import { fileParts, selectionTitle } from '../selection.ts';
import type { StatisticKey } from '../statistics.ts';

export interface NetworkData {
  nodes: NetworkNodeRow[];
  edges: NetworkEdgeRow[];
}

// The 「领域词」 switch of 总览 (URL `vocab`, `rank`) picks the nodes here too.
export const nodesQuery = (ctx: RecipeContext) => networkNodes({ ...ctx.filters, ...parseVocabulary(ctx.search), top: networkView.parse(ctx.search).top });
export const edgesQuery = (ctx: RecipeContext, terms: readonly string[]) =>
  networkEdges({
    edition: ctx.filters.edition,
    tracks: ctx.filters.tracks,
    terms: [...terms],
    minPairCount: ctx.manifest.options.min_pair_count,
    window: networkView.parse(ctx.search).window
  });

async function load(run: RunQuery, ctx: RecipeContext): Promise<NetworkData> {
  const nodes = await run<NetworkNodeRow>(nodesQuery(ctx));
  const edges = nodes.length ? await run<NetworkEdgeRow>(edgesQuery(ctx, nodes.map((n) => n.term))) : [];
  return { nodes, edges };
}

export interface NetworkModel {
  graph: Graph | null;
  communities: number[];
  weights: { source: number; target: number; weight: number }[];
  threshold: number;
  /** A sentence window on an edition without paragraphs. */
  titlesOnlySentence: boolean;
}

/** Graph, communities and edge weights from the query rows and the URL's settings. */
export function networkModel(ctx: RecipeContext, data: NetworkData | null): NetworkModel {
  const p = networkView.parse(ctx.search);
  const edition = ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition);
  const titlesOnlySentence = p.window === 'sentence' && edition !== undefined && !edition.has_bodies;
  const threshold = p.min ?? DEFAULT_THRESHOLD[p.stat];
  if (!data || titlesOnlySentence) return { graph: null, communities: [], weights: [], threshold, titlesOnlySentence };
  const graph = buildGraph(data.nodes, data.edges, { stat: p.stat, window: p.window, threshold, maxEdges: p.edges });
  const weights = graph.edges.map((e) => ({ source: e.source, target: e.target, weight: edgeWeight(e.value, p.stat) }));
  return { graph, communities: detectCommunities(graph.nodes.length, weights), weights, threshold, titlesOnlySentence };
}

const STAT_KEYS: Record<string, StatisticKey> = { topics: 'cooccurrence', jaccard: 'jaccard', association: 'association', npmi: 'npmi' };

/** What the 「领域词」 switch does to the nodes, for the subtitle. */
function vocabularyNotes(ctx: RecipeContext): string[] {
  const w = wordsOf(ctx);
  const vocabulary = parseVocabulary(ctx.search);
  return [...(vocabulary.vocab === 'domain' ? [w('overview.vocabDomainNote')] : []), ...(vocabulary.rank === 'tfidf' ? [w('network.rankTfidfNote')] : [])];
}

function common(ctx: RecipeContext) {
  const w = wordsOf(ctx);
  const p = networkView.parse(ctx.search);
  const statLabel = w(`network.stat.${p.stat}`);
  const label = editionLabel(ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition), ctx.lang);
  return {
    w,
    p,
    statLabel,
    formatValue: (v: number) => (p.stat === 'topics' ? formatCount(v) : formatStat(v)),
    title: w('network.title', { edition: label, n: p.top, stat: statLabel }),
    subtitle: [filterSummary(ctx.filters, ctx.manifest, ctx.lang, membersOf(ctx, ctx.filters.theme)), ...vocabularyNotes(ctx)].join(' · '),
    source: sourceLine(ctx.manifest, [ctx.filters.edition], ctx.lang),
    editions: [ctx.filters.edition],
    statistics: ['count', STAT_KEYS[p.stat], 'communities'] as StatisticKey[]
  };
}

export const networkGraph: Recipe<NetworkData> = {
  id: 'network.graph',
  kind: 'chart',
  route: '/network',
  load,
  present(ctx, data) {
    const c = common(ctx);
    const model = networkModel(ctx, data);
    const { graph, communities } = model;
    const columns: TableColumn[] = [
      { key: 'term_a', label: c.w('network.col.a') },
      { key: 'term_b', label: c.w('network.col.b') },
      { key: 'value', label: c.statLabel, numeric: true, format: (v) => c.formatValue(v as number) },
      { key: 'topics', label: c.w('network.col.topics'), numeric: true, format: (v) => formatCount(v as number) },
      { key: 'sentences', label: c.w('network.col.sentences'), numeric: true, format: (v) => formatCount(v as number | null) },
      { key: 'community_a', label: `${c.w('network.col.community')} A`, numeric: true },
      { key: 'community_b', label: `${c.w('network.col.community')} B`, numeric: true }
    ];
    const rows = model.titlesOnlySentence
      ? []
      : graph
        ? graph.edges.map((e) => ({
            term_a: e.term_a,
            term_b: e.term_b,
            value: e.value,
            topics: e.topics,
            sentences: e.sentences,
            community_a: communities[e.source] + 1,
            community_b: communities[e.target] + 1
          }))
        : null;
    return {
      ...c,
      title: selectionTitle(ctx, c.title),
      filename: fileParts(ctx, c.w('network.edgesFile'), undefined).concat(c.p.stat),
      columns,
      rows,
      help: `${c.w(`network.help.${c.p.stat}`)} ${c.w('network.help.communities')}`,
      emptyMessage: model.titlesOnlySentence
        ? c.w('network.emptyTitlesOnly')
        : data?.nodes.length === 0
          ? c.w('network.emptyNodes')
          : c.w('network.emptyEdges', { stat: c.statLabel, threshold: c.formatValue(model.threshold) }),
      figure: graph && graph.edges.length ? networkFigure(graph, communities, model.weights, c.p.layout, ctx.lang) : null
    };
  }
};

export const networkNodesTable: Recipe<NetworkData> = {
  id: 'network.nodes',
  kind: 'table',
  route: '/network',
  load,
  present(ctx, data) {
    const c = common(ctx);
    const { graph, communities } = networkModel(ctx, data);
    const rows = graph ? graph.nodes.map((n, i) => ({ term: n.term, count: n.count, topics: n.topics, community: communities[i] + 1, degree: n.degree })) : data ? [] : null;
    return {
      ...c,
      title: selectionTitle(ctx, `${c.title} · ${c.w('network.nodesTitle', { n: rows?.length ?? 0 })}`),
      filename: fileParts(ctx, c.w('network.nodesFile')).concat(c.p.stat),
      columns: [
        { key: 'term', label: c.w('word.term') },
        { key: 'count', label: c.w('word.frequency'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'topics', label: c.w('word.topicsWithTerm'), numeric: true, format: (v) => formatCount(v as number) },
        { key: 'community', label: c.w('network.col.community'), numeric: true },
        { key: 'degree', label: c.w('network.col.degree'), numeric: true }
      ],
      rows,
      emptyMessage: c.w('network.emptyNodes')
    };
  }
};
