/**
 * Numbers in zh-CN form (12,345; 12.3%; statistics to two decimals), the same in both
 * UI languages, and the same d3-format locale vega uses inside charts.
 */
import { formatLocale, type FormatLocaleDefinition } from 'd3';

/** Hyphen-minus rather than U+2212 so figures copied into Excel stay numbers. */
export const ZH_NUMBER_LOCALE: FormatLocaleDefinition = {
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['¥', ''],
  minus: '-'
};

const zh = formatLocale(ZH_NUMBER_LOCALE);
const count = zh.format(',d');
const stat = zh.format(',.2f');
const percent = zh.format('.1%');

const dash = '–';
const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export const formatCount = (x: number | null | undefined) => (finite(x) ? count(x) : dash);
export const formatStat = (x: number | null | undefined) => (finite(x) ? stat(x) : dash);
export const formatPercent = (x: number | null | undefined) => (finite(x) ? percent(x) : dash);
/** A d3-format specifier, for table columns that mirror a chart's format. */
export const formatWith = (specifier: string) => {
  const f = zh.format(specifier);
  return (x: number | null | undefined) => (finite(x) ? f(x) : dash);
};
