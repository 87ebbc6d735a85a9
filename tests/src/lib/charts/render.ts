/** Renders a vega-lite spec to an SVG string in Node, as the browser would (svg renderer, ARIA off as in VegaChart). */
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatLocale, parse, View } from 'vega';
import { hideRootAria, withoutAria } from '../../../../src/lib/charts/aria.ts';
import { CHART_CONFIG } from '../../../../src/lib/charts/config.ts';
import { ZH_NUMBER_LOCALE } from '../../../../src/lib/format.ts';

export async function renderSvg(spec: TopLevelSpec, width = 600): Promise<string> {
  const sized = { ...spec, width: (spec as { width?: unknown }).width === 'container' ? width : (spec as { width?: never }).width } as TopLevelSpec;
  const vg = withoutAria(compile(sized, { config: CHART_CONFIG }).spec);
  formatLocale(ZH_NUMBER_LOCALE);
  const view = new View(parse(vg), { renderer: 'none' });
  hideRootAria(view);
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
