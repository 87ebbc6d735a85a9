/**
 * Lines over the years (the comparison's series view): one line per term or theme, years
 * on the horizontal axis in order, a point per edition, labels in the legend, colours from
 * the categorical palette (grey past the tenth line).
 */
import type { TopLevelSpec } from 'vega-lite';
import { categoricalRange } from './palette.ts';
import type { FieldSpec } from './specs.ts';

export interface LineOptions {
  rows: readonly object[];
  /** Years (or another ordered category) on the horizontal axis, in the given order. */
  x: FieldSpec & { order: readonly string[] };
  y: FieldSpec;
  /** One line per value; the legend lists them in `order`. */
  series: FieldSpec & { order: readonly string[] };
  details?: FieldSpec[];
  clickable?: boolean;
}

export function lineSpec(o: LineOptions): TopLevelSpec {
  const tooltip = [o.series, o.x, o.y, ...(o.details ?? [])].map((f) => ({
    field: f.field,
    title: f.title,
    type: f.format ? ('quantitative' as const) : ('nominal' as const),
    ...(f.format ? { format: f.format } : {})
  }));
  const color = {
    field: o.series.field,
    type: 'nominal',
    title: o.series.title,
    sort: [...o.series.order],
    scale: { domain: [...o.series.order], range: categoricalRange(o.series.order.length) },
    legend: { orient: 'right', labelLimit: 160 }
  };
  const x = { field: o.x.field, type: 'ordinal', title: o.x.title, sort: [...o.x.order], axis: { labelAngle: 0 } };
  // The measure's name stands upright above the axis: CJK text is never rotated.
  const y = {
    field: o.y.field,
    type: 'quantitative',
    title: o.y.title,
    axis: { format: o.y.format, grid: true, tickCount: 5, titleAngle: 0, titleAlign: 'left', titleBaseline: 'bottom', titleX: 0, titleY: -8 }
  };
  return {
    width: 'container',
    height: 280,
    data: { values: o.rows as object[] },
    encoding: { x, y, color, tooltip },
    layer: [{ mark: { type: 'line', strokeWidth: 2 } }, { mark: { type: 'point', filled: true, size: 50, cursor: o.clickable ? 'pointer' : 'default' } }]
  } as TopLevelSpec;
}
