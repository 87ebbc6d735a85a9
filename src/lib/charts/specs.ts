/**
 * Pure spec builders: rows → vega-lite spec. Charts carry no title of their own; the
 * ChartFrame around them shows title, subtitle and source, and adds them to exports.
 */
import type { TopLevelSpec } from 'vega-lite';
import { verticalCjkLabels } from './config.ts';
import { BAR_COLOR, divergingScale, sequentialScale } from './palette.ts';

export interface FieldSpec {
  field: string;
  /** Axis, legend and tooltip title (already translated). */
  title: string;
  /** d3-format specifier for numbers: ',d' for counts, ',.2f' for statistics. */
  format?: string;
}

/** Height of one bar's row in the bar charts. */
const BAR_STEP = 22;

/**
 * Width from the container, height from the number of bars. A step height ({ step: 22 })
 * would read the same, but vega-lite fits a container-wide chart ('fit-x') and warns
 * "Dropping fit-y because spec has discrete height" whenever the other size is a step.
 */
const barsHeight = (rows: readonly Row[], field: string) => BAR_STEP * Math.max(1, new Set(rows.map((r) => String(valueOf(r, field)))).size);

/** Any row object from a query (typed rows need no index signature). */
type Row = object;
const valueOf = (row: Row, field: string) => (row as Record<string, unknown>)[field];

const tooltipOf = (fields: FieldSpec[], quantitative: Set<string>) =>
  fields.map((f) => ({
    field: f.field,
    title: f.title,
    type: quantitative.has(f.field) ? ('quantitative' as const) : ('nominal' as const),
    ...(f.format ? { format: f.format } : {})
  }));

export interface BarOptions {
  rows: readonly Row[];
  /** Category on the vertical axis (Chinese labels read horizontally there). */
  category: FieldSpec;
  value: FieldSpec;
  /** Extra tooltip fields; category and value are always shown. */
  details?: FieldSpec[];
  /** 'value' sorts longest bar first; 'data' keeps row order (e.g. track order). */
  sort?: 'value' | 'data';
  /** Pointer cursor when a click drills down. */
  clickable?: boolean;
  color?: string;
}

/** Horizontal bars with the figure printed at the end of each bar. */
export function horizontalBarSpec(o: BarOptions): TopLevelSpec {
  const numeric = new Set([o.value.field, ...(o.details ?? []).filter((d) => d.format).map((d) => d.field)]);
  // Explicit order (ties keep the query's order); an encoding sort would conflict across layers.
  const ordered = o.sort === 'data' ? [...o.rows] : [...o.rows].sort((a, b) => Number(valueOf(b, o.value.field)) - Number(valueOf(a, o.value.field)));
  const y = {
    field: o.category.field,
    type: 'nominal' as const,
    title: null,
    sort: [...new Set(ordered.map((r) => String(valueOf(r, o.category.field))))],
    axis: { labelLimit: 200, ticks: false, domain: false }
  };
  const x = { field: o.value.field, type: 'quantitative' as const, title: o.value.title, axis: { format: o.value.format, grid: true, tickCount: 5, ...(o.value.format === ',d' ? { tickMinStep: 1 } : {}) } };
  return {
    width: 'container',
    height: barsHeight(o.rows, o.category.field),
    data: { values: o.rows as Row[] },
    encoding: { y, x, tooltip: tooltipOf([o.category, o.value, ...(o.details ?? [])], numeric) },
    layer: [
      { mark: { type: 'bar', color: o.color ?? BAR_COLOR, cursor: o.clickable ? 'pointer' : 'default', height: { band: 0.75 } } },
      {
        mark: { type: 'text', align: 'left', dx: 4, baseline: 'middle', cursor: o.clickable ? 'pointer' : 'default' },
        encoding: { text: { field: o.value.field, type: 'quantitative', format: o.value.format } }
      }
    ]
  } as TopLevelSpec;
}

export interface HeatmapOptions {
  rows: readonly Row[];
  /** Horizontal axis: Chinese labels are stacked character by character, never rotated. */
  x: FieldSpec & { order?: readonly string[] };
  y: FieldSpec & { order?: readonly string[] };
  value: FieldSpec;
  /** 'sequential' for counts, 'diverging' (centred at 0) for log ratio and signed G². */
  scheme: 'sequential' | 'diverging';
  details?: FieldSpec[];
  /** Print the figure in each cell (fine up to a few hundred cells). */
  labels?: boolean;
  clickable?: boolean;
  /**
   * Colour by the square root of the value: with counts, one large cell would otherwise
   * leave every other cell pale. The legend keeps the true values.
   */
  sqrt?: boolean;
  /** Rows whose `field` equals `value` (a totals row) are printed in bold, uncoloured, outside the colour scale. */
  totals?: { field: string; value: string };
  /** Outline what the reader clicked: the cell (x and y), a column (x only) or a row (y only). */
  selected?: { x?: string; y?: string };
}

export function heatmapSpec(o: HeatmapOptions): TopLevelSpec {
  const numeric = new Set([o.value.field, ...(o.details ?? []).filter((d) => d.format).map((d) => d.field)]);
  const cursor = o.clickable ? 'pointer' : 'default';
  const isTotal = o.totals ? `datum[${JSON.stringify(o.totals.field)}] === ${JSON.stringify(o.totals.value)}` : 'false';
  const scale = o.scheme === 'diverging' ? divergingScale() : { ...sequentialScale(), ...(o.sqrt ? { type: 'sqrt' as const } : {}) };
  const layers: unknown[] = [
    {
      ...(o.totals ? { transform: [{ filter: `!(${isTotal})` }] } : {}),
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1, cursor },
      encoding: {
        color: {
          field: o.value.field,
          type: 'quantitative',
          title: o.value.title,
          scale,
          legend: { format: o.value.format, direction: 'vertical', gradientLength: 160 }
        }
      }
    }
  ];
  if (o.totals) {
    // A pale band behind the totals row, so it reads as a row of the table, not as empty cells.
    layers.unshift({ transform: [{ filter: isTotal }], mark: { type: 'rect', fill: '#f1f3f5', stroke: 'white', strokeWidth: 1, cursor } });
  }
  if (o.labels) {
    const value = `datum[${JSON.stringify(o.value.field)}]`;
    // Dark cells get white text; the midpoint is the colour scale's (its range), not a fixed value.
    const dark = o.sqrt
      ? `sqrt(abs(${value})) > 0.55 * sqrt(max(abs(domain('color')[0]), abs(peek(domain('color')))))`
      : `abs(${value}) > 0.55 * max(abs(domain('color')[0]), abs(peek(domain('color'))))`;
    const text = { field: o.value.field, type: 'quantitative', format: o.value.format };
    layers.push({
      ...(o.totals ? { transform: [{ filter: `!(${isTotal})` }] } : {}),
      mark: { type: 'text', fontSize: 11, cursor },
      encoding: { text, color: { condition: { test: dark, value: 'white' }, value: '#222' } }
    });
    if (o.totals) layers.push({ transform: [{ filter: isTotal }], mark: { type: 'text', fontSize: 11, fontWeight: 'bold', cursor }, encoding: { text } });
  }
  if (o.selected && (o.selected.x !== undefined || o.selected.y !== undefined)) {
    const tests = [
      ...(o.selected.x !== undefined ? [`datum[${JSON.stringify(o.x.field)}] === ${JSON.stringify(o.selected.x)}`] : []),
      ...(o.selected.y !== undefined ? [`datum[${JSON.stringify(o.y.field)}] === ${JSON.stringify(o.selected.y)}`] : [])
    ];
    layers.push({ transform: [{ filter: tests.join(' && ') }], mark: { type: 'rect', fill: null, stroke: '#d55e00', strokeWidth: 2.5, cursor } });
  }
  return {
    width: { step: 34 },
    height: { step: 24 },
    data: { values: o.rows as Row[] },
    encoding: {
      x: { field: o.x.field, type: 'nominal', title: null, sort: o.x.order ? [...o.x.order] : null, axis: { ...verticalCjkLabels('bottom'), ticks: false, domain: false } },
      y: { field: o.y.field, type: 'nominal', title: null, sort: o.y.order ? [...o.y.order] : null, axis: { ticks: false, domain: false } },
      tooltip: tooltipOf([o.y, o.x, o.value, ...(o.details ?? [])], numeric)
    },
    layer: layers
  } as TopLevelSpec;
}

export interface DivergingBarOptions {
  rows: readonly Row[];
  /** Category on the vertical axis; rows keep their order (e.g. highest value first). */
  category: FieldSpec;
  /** A signed statistic (log ratio, signed G²): bars run left or right of 0. */
  value: FieldSpec;
  details?: FieldSpec[];
  clickable?: boolean;
  /**
   * Colour by a category each row names (e.g. 偏多 · p < 0.001 … 不显著) instead of by the
   * value, so one large value cannot wash out the rest; `domain` in legend order.
   */
  tiers?: { field: string; title: string; domain: readonly string[]; range: readonly string[] };
  /** Text printed at the end of each bar (e.g. "12.19 ***"); default the value. */
  label?: { field: string };
}

/** Horizontal bars centred at 0, coloured by the diverging palette centred at 0 (or by `tiers`). */
export function divergingBarSpec(o: DivergingBarOptions): TopLevelSpec {
  const numeric = new Set([o.value.field, ...(o.details ?? []).filter((d) => d.format).map((d) => d.field)]);
  const cursor = o.clickable ? 'pointer' : 'default';
  const field = JSON.stringify(o.value.field);
  const y = {
    field: o.category.field,
    type: 'nominal',
    title: null,
    sort: [...new Set(o.rows.map((r) => String(valueOf(r, o.category.field))))],
    axis: { labelLimit: 200, ticks: false, domain: false }
  };
  const x = { field: o.value.field, type: 'quantitative', title: o.value.title, scale: { nice: true }, axis: { format: o.value.format, grid: true, tickCount: 6 } };
  const tooltip = tooltipOf([o.category, o.value, ...(o.details ?? [])], numeric);
  const text = o.label ? { field: o.label.field, type: 'nominal' } : { field: o.value.field, type: 'quantitative', format: o.value.format };
  // Positive figures sit at the end of their bar; negative ones just right of 0, in the row's
  // empty half: at the bar's left end they would run into the category labels.
  const label = (positive: boolean) => ({
    transform: [{ filter: `datum[${field}] ${positive ? '>=' : '<'} 0` }],
    mark: { type: 'text', align: 'left', dx: 4, baseline: 'middle', cursor },
    encoding: { y, x: positive ? x : { datum: 0, type: 'quantitative' }, tooltip, text }
  });
  const color = o.tiers
    ? {
        field: o.tiers.field,
        type: 'nominal',
        title: o.tiers.title,
        scale: { domain: [...o.tiers.domain], range: [...o.tiers.range] },
        legend: { orient: 'bottom', direction: 'horizontal', columns: 4, symbolType: 'square', labelLimit: 200 }
      }
    : { field: o.value.field, type: 'quantitative', scale: divergingScale(), legend: null };
  return {
    width: 'container',
    height: barsHeight(o.rows, o.category.field),
    data: { values: o.rows as Row[] },
    layer: [
      { mark: { type: 'bar', cursor, height: { band: 0.75 } }, encoding: { y, x, tooltip, color } },
      // The zero line: one rule per row, all at x = 0, so it spans the chart.
      { mark: { type: 'rule', color: '#777' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      label(true),
      label(false)
    ]
  } as TopLevelSpec;
}
