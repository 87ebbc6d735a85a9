/**
 * The first charts of 总览 and 跨赛道 drawn on the server, from the first answers' rows, so the page shows
 * them before its JavaScript, vega or DuckDB-WASM have loaded. Each is the SVG vega draws
 * for the page's own spec (same recipe, same rows, same config), laid out at the width the
 * chart has on a 1280 px wide window, with label widths from the bundled font
 * (text-width.ts). The page swaps in its live chart as soon as vega has drawn it.
 *
 *   answers ─► recipe.present(ctx, rows).figure.spec ─► specHash ─┐
 *                                   └─► vega (headless) ─► SVG ───┴─► { hash, svg }
 */
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { Manifest } from '../../../../analysis/contract.ts';
import { specHash } from '../../charts/spec-hash.ts';
import { sizedSpec, vegaSvg } from '../../export/figure.ts';
import { themeOptions, type ThemeOption } from '../../queries/filters.ts';
import { answerKey, drawnRecipes, firstContext, type FirstRoute } from './queries.ts';
import { bundledFontWidths, type WidthOf } from './text-width.ts';

export interface FirstFigure {
  recipe: string;
  /** specHash of the spec the page will draw. */
  hash: string;
  svg: string;
  /** The drawing's own size in CSS pixels. */
  width: number;
  height: number;
  /** The frame's words, as the page writes them. */
  title: string;
  subtitle: string;
  source: string;
}

/** Charts whose spec says width: 'container' are drawn as wide as 高频词条's chart is at 1280 px. */
export const CONTAINER_WIDTH = 453;

interface Metrics {
  width: WidthOf;
}

/** vega's text measure (exported by vega-scenegraph through vega), pointed at the bundled font. */
function useFontWidths(widths: WidthOf): void {
  (vega as unknown as { textMetrics: Metrics }).textMetrics.width = widths;
}

function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(open)?.[1] ?? 0);
  return { width: read('width'), height: read('height') };
}

/** The drawings for the edition's default page on `route`; [] when the font is missing. */
export async function drawFirstFigures(
  manifest: Manifest,
  edition: string,
  rowsOf: ReadonlyMap<string, readonly Record<string, unknown>[]>,
  route: FirstRoute = '/'
): Promise<FirstFigure[]> {
  const widths = bundledFontWidths();
  if (!widths) return [];
  useFontWidths(widths);
  const themes = (rowsOf.get(answerKey(themeOptions())) ?? []) as unknown as ThemeOption[];
  const ctx = firstContext(manifest, edition, route, themes);
  const figures: FirstFigure[] = [];
  for (const recipe of drawnRecipes(route)) {
    const query = recipe.query(ctx);
    const rows = query && rowsOf.get(answerKey(query));
    if (!rows || rows.length === 0) continue;
    const shown = recipe.present(ctx, rows as never[]);
    const figure = shown.figure;
    if (figure?.kind !== 'vega') continue;
    const spec: TopLevelSpec = figure.spec;
    const drawn = (spec as { width?: unknown }).width === 'container' ? sizedSpec(spec, CONTAINER_WIDTH, null) : spec;
    const svg = await vegaSvg(drawn);
    figures.push({ recipe: recipe.id, hash: specHash(spec), svg, ...svgSize(svg), title: shown.title, subtitle: shown.subtitle, source: shown.source });
  }
  return figures;
}
