/**
 * Colours. Categorical: Okabe–Ito (colour-blind safe) plus two of Paul Tol's muted
 * colours to reach ten, grey for every category beyond ten. Sequential for counts,
 * diverging centred at 0 for log ratio and signed G² (blue = under, orange = over).
 */
import type { Scale } from 'vega-lite/types_unstable/scale.js';

export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const;
export const CATEGORICAL = [...OKABE_ITO, '#882255', '#44AA99'] as const;
export const BEYOND_TEN = '#BBBBBB';

/** Colour of the i-th category (0-based). */
export function categoricalColor(index: number): string {
  return index >= 0 && index < CATEGORICAL.length ? CATEGORICAL[index] : BEYOND_TEN;
}

/** A colour range for n categories, grey past the tenth. */
export function categoricalRange(n: number): string[] {
  return Array.from({ length: n }, (_, i) => categoricalColor(i));
}

/** Single-hue colour for plain bars. */
export const BAR_COLOR = '#0072B2';

/** Counts: light to dark blue; the lightest step stays visible on white. */
export const sequentialScale = (): Scale => ({ scheme: { name: 'blues', extent: [0.08, 1] }, zero: true });

/** Signed statistics: symmetric around 0 so equal magnitudes get equal strength. */
export const divergingScale = (): Scale => ({ scheme: 'blueorange', domainMid: 0 });
