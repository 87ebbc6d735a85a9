/** The look every vega-lite chart shares: CJK font stack, quiet axes, no rotated labels. */
import type { Config } from 'vega-lite';
import { CATEGORICAL } from './palette.ts';

/** The bundled CJK font (src/lib/assets/fonts): the page's last resort, and embedded in exports. */
export const EXPORT_FONT_FAMILY = 'Crosstrack Sans SC';
export const FONT_STACK = `"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "${EXPORT_FONT_FAMILY}", sans-serif`;

const INK = '#222';
const MUTED = '#555';

export const CHART_CONFIG: Config = {
  // Vega's own ARIA texts are English ("Y-axis for a discrete scale…", "bar") and name raw
  // fields; the chart's container carries the Chinese title as its label and 表格 the figures.
  aria: false,
  font: FONT_STACK,
  background: 'white',
  padding: 4,
  view: { stroke: null },
  // Trailing zeros trimmed; builders give ',d' for counts and ',.2f' for statistics.
  numberFormat: ',.2~f',
  axis: {
    labelAngle: 0, // never rotate CJK text; see verticalCjkLabels for crowded x axes
    labelFontSize: 12,
    labelColor: INK,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: MUTED,
    gridColor: '#e6e6e6',
    domainColor: '#999',
    tickColor: '#999',
    labelLimit: 240
  },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', titleColor: MUTED, labelColor: INK },
  title: { fontSize: 15, anchor: 'start', color: INK, subtitleColor: MUTED, subtitleFontSize: 12 },
  text: { fontSize: 11, color: INK },
  range: { category: [...CATEGORICAL] }
};

/**
 * Axis settings for Chinese category labels along a horizontal axis: each character on
 * its own line, read top to bottom (upright, not rotated). Non-Han labels stay as they are.
 * The label block hangs below a bottom axis and stands on a top axis.
 */
export function verticalCjkLabels(orient: 'top' | 'bottom' = 'bottom') {
  return {
    orient,
    labelAngle: 0,
    labelAlign: 'center',
    labelBaseline: orient === 'top' ? 'bottom' : 'top',
    labelLineHeight: 13,
    labelExpr: "test(/[\\u3400-\\u9fff]/, datum.label) ? split(datum.label, '') : datum.label"
  } as const;
}
