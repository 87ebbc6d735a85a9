/**
 * URL state of 共现网络: ?top=60&stat=jaccard&window=topic&min=0.2&edges=60&layout=1
 * Every key is left out at its default; `min` absent = the statistic's default threshold.
 */
import { defineParams, int, oneOf, type ParamCodec } from '../state/params.ts';
import { DEFAULT_MAX_EDGES, DEFAULT_TOP, STATISTICS, WINDOWS } from './graph.ts';
import { LAYOUT_SEED } from './layout.ts';

/** A decimal number, or null for "the default of the chosen statistic". */
const optionalNumber = (): ParamCodec<number | null> => ({
  fallback: null,
  parse: (raw) => {
    if (raw === null || raw.trim() === '') return null;
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  },
  format: (value) => (value === null ? null : String(Math.round(value * 1000) / 1000))
});

export const TOP_CHOICES = [20, 40, 60, 80, 100, 150, 200] as const;
export const MAX_EDGE_CHOICES = [30, 60, 100, 150, 200, 300, 0] as const;

export const networkView = defineParams({
  top: int(DEFAULT_TOP, 5, 200),
  stat: oneOf(STATISTICS, 'jaccard'),
  window: oneOf(WINDOWS, 'topic'),
  min: optionalNumber(),
  edges: int(DEFAULT_MAX_EDGES, 0, 1000),
  layout: int(LAYOUT_SEED, 1, 1_000_000)
});
