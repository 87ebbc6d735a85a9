/**
 * The network picture without a page: the community legend (flowed into rows across the
 * width, shared with NetworkChart) and the whole drawing as SVG markup for exports, laid
 * out again for the export box with the page's seed. Pure: no DOM.
 */
import { BEYOND_TEN, CATEGORICAL, categoricalColor } from '../charts/palette.ts';
import { FONT_STACK } from '../charts/config.ts';
import type { Figure } from '../export/figure.ts';
import { escapeXml, estimateTextWidth } from '../export/svg.ts';
import { translate } from '../i18n/messages.ts';
import type { Lang } from '../state/filters.ts';
import type { Graph } from './graph.ts';
import { layoutNetwork, type NetworkLayout } from './layout.ts';

export const LEGEND_FONT = 12;
export const LEGEND_LINE = 20;

export interface LegendItem {
  color: string;
  text: string;
  x: number;
  row: number;
}

/** Legend items: each community's size and its most frequent terms; the grey rest as one item. */
export function networkLegend(graph: Graph, communities: readonly number[], width: number, lang: Lang): { items: LegendItem[]; rows: number } {
  const groups = new Map<number, number[]>();
  communities.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), i]));
  const items: { color: string; text: string }[] = [];
  let grey = 0;
  for (const [c, members] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    if (c >= CATEGORICAL.length) {
      grey += members.length;
      continue;
    }
    const top = members.slice(0, 3).map((i) => graph.nodes[i].term).join('、');
    items.push({ color: categoricalColor(c), text: translate(lang, 'network.legendItem', { n: c + 1, size: members.length, terms: top }) });
  }
  if (grey > 0) items.push({ color: BEYOND_TEN, text: translate(lang, 'network.legendGrey', { size: grey }) });
  let x = 0;
  let row = 0;
  const placed = items.map((item) => {
    const w = 16 + estimateTextWidth(item.text, LEGEND_FONT) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const at = { ...item, x, row };
    x += w;
    return at;
  });
  return { items: placed, rows: placed.length ? row + 1 : 0 };
}

export const legendHeight = (rows: number) => rows * LEGEND_LINE + (rows ? 8 : 0);

/** Edge widths between 0.8 and 5 px by the statistic's value. */
export function edgeWidthScale(values: readonly number[]): (v: number) => number {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return (v: number) => (hi === lo ? 2 : 0.8 + 4.2 * ((v - lo) / (hi - lo)));
}

export function networkSvg(graph: Graph, layout: NetworkLayout, communities: readonly number[], lang: Lang): string {
  const legend = networkLegend(graph, communities, layout.width, lang);
  const height = layout.height + legendHeight(legend.rows);
  const width = layout.width;
  const edgeWidth = edgeWidthScale(graph.edges.map((e) => e.value));
  const edges = graph.edges
    .map((e) => {
      const a = layout.nodes[e.source];
      const b = layout.nodes[e.target];
      return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="#8c959f" stroke-opacity="0.6" stroke-width="${edgeWidth(e.value).toFixed(2)}" stroke-linecap="round"/>`;
    })
    .join('');
  const order = graph.nodes.map((_, i) => i).sort((a, b) => layout.nodes[a].r - layout.nodes[b].r || a - b);
  const nodes = order
    .map((i) => {
      const p = layout.nodes[i];
      return (
        `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${p.r.toFixed(1)}" fill="${categoricalColor(communities[i])}" stroke="white" stroke-width="1.5"/>` +
        `<text x="${p.label.x.toFixed(1)}" y="${p.baselineY.toFixed(1)}" font-size="${layout.fontSize}" fill="#1f2328" stroke="white" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${escapeXml(graph.nodes[i].term)}</text>`
      );
    })
    .join('');
  const legendMarkup = legend.items
    .map(
      (item) =>
        `<g transform="translate(${item.x},${item.row * LEGEND_LINE})"><circle cx="6" cy="8" r="6" fill="${item.color}"/><text x="16" y="12.5" font-size="${LEGEND_FONT}" fill="#1f2328">${escapeXml(item.text)}</text></g>`
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<g>${edges}</g><g>${nodes}</g>`,
    legend.rows ? `<g transform="translate(0,${layout.height + 8})">${legendMarkup}</g>` : '',
    `</svg>`
  ].join('');
}

/**
 * The network as an export figure: the force layout runs again for the box (its legend
 * rows come off the height first), with the page's seed, so the picture fills the box.
 */
export function networkFigure(
  graph: Graph,
  communities: readonly number[],
  weights: readonly { source: number; target: number; weight: number }[],
  seed: number,
  lang: Lang,
  fontSize = 13
): Figure {
  return {
    kind: 'svg',
    aspect: 0.72,
    render(box) {
      const legend = networkLegend(graph, communities, box.width, lang);
      const height = Math.max(120, box.height - legendHeight(legend.rows));
      const layout = layoutNetwork({ nodes: graph.nodes, edges: weights }, { width: box.width, height, seed, fontSize });
      return networkSvg(graph, layout, communities, lang);
    }
  };
}
