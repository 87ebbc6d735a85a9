/**
 * A chart as something that can be drawn again at any size: a vega-lite spec (given a
 * width and height, vega lays axes, bands and labels out anew) or a d3 figure that runs
 * its own layout for the box (word cloud, chord, network). Exports and the report basket
 * draw from here, never by scaling the picture on screen.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../charts/config.ts';
import { loadVega } from '../charts/vega-modules.ts';
import { ZH_NUMBER_LOCALE } from '../format.ts';
import { svgSize } from './svg.ts';

export interface ChartBox {
  width: number;
  /** null: as tall as the chart reads well at, up to maxHeight. */
  height: number | null;
  maxHeight: number;
}

export type Figure =
  | { kind: 'vega'; spec: TopLevelSpec }
  | {
      kind: 'svg';
      /** Height ÷ width the figure reads well at (the Word preset's choice). */
      aspect: number;
      /** SVG markup exactly `width` × `height`, laid out for that box. */
      render(box: { width: number; height: number }): string | Promise<string>;
    };

/**
 * The spec laid out for a width (and a height, or the height its bands ask for): the whole
 * view, axes and legend included, fits the box.
 */
export function sizedSpec(spec: TopLevelSpec, width: number, height: number | null): TopLevelSpec {
  return {
    ...spec,
    width,
    ...(height === null ? {} : { height }),
    autosize: { type: height === null ? 'fit-x' : 'fit', contains: 'padding' }
  } as TopLevelSpec;
}

/** vega-lite's notes ("dropping fit-y because spec has discrete height") are expected here. */
const quiet = {
  level: () => quiet,
  error: (...args: unknown[]) => console.error(...args),
  warn: () => quiet,
  info: () => quiet,
  debug: () => quiet
};

/** A vega-lite spec drawn to SVG markup without a page (vega's headless view). */
export async function vegaSvg(spec: TopLevelSpec): Promise<string> {
  const [{ compile }, vega, { expressionInterpreter }] = await loadVega();
  vega.formatLocale(ZH_NUMBER_LOCALE);
  const compiled = compile(spec, { config: CHART_CONFIG, logger: quiet as never }).spec;
  // The same AST + interpreter as on screen: the Content-Security-Policy allows no eval.
  const view = new vega.View(vega.parse(compiled, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The figure drawn for the box: exactly box.width wide, as tall as asked (or as it needs). */
export async function figureSvg(figure: Figure, box: ChartBox): Promise<string> {
  const width = Math.max(80, box.width);
  if (figure.kind === 'svg') {
    const height = box.height ?? Math.min(box.maxHeight, Math.round(width * figure.aspect));
    return figure.render({ width, height: Math.max(60, height) });
  }
  if (box.height !== null) return vegaSvg(sizedSpec(figure.spec, width, Math.max(60, box.height)));
  const natural = await vegaSvg(sizedSpec(figure.spec, width, null));
  // Too tall for the page (a long bar list): squeeze the bands into the page height.
  return svgSize(natural).height > box.maxHeight ? vegaSvg(sizedSpec(figure.spec, width, box.maxHeight)) : natural;
}

/** An SVG drawn at its own size, scaled (not laid out again) to fill a box: for charts without a layout of their own. */
export function fitSvg(svg: string, box: { width: number; height: number }): string {
  const markup = svg.replace(/<\?xml[^>]*>\s*/, '').trim();
  const { width, height } = svgSize(markup);
  return markup.replace(/<svg\b[^>]*>/, (open) => {
    const rest = open
      .replace(/\s(width|height|viewBox|preserveAspectRatio)="[^"]*"/g, '')
      .replace(/^<svg/, `<svg width="${box.width}" height="${box.height}" viewBox="0 0 ${width || box.width} ${height || box.height}" preserveAspectRatio="xMidYMid meet"`);
    return rest.includes('xmlns=') ? rest : rest.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  });
}

/** A figure made from a function returning the chart's current SVG (scaled into each box). */
export function scaledFigure(current: () => string | Promise<string>, aspect: number): Figure {
  return { kind: 'svg', aspect, render: async (box) => fitSvg(await current(), box) };
}
