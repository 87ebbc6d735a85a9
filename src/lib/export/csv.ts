/**
 * CSV for the rows behind a chart: UTF-8 with a BOM (Excel needs it for Chinese), a
 * header row, RFC 4180 quoting, CRLF, and text cells a spreadsheet would run as a formula
 * neutralised (analysis/write/spreadsheet-safe.ts, inside csvField) — the same rules as
 * the analysis stage's CSV copies.
 * Figures stay raw (no thousands separators) so spreadsheets read them as numbers;
 * yes/no columns read 是/否 (or the labels given), not true/false.
 */
import { CSV_BOM, csvField } from '../../../analysis/write/csv.ts';

export interface CsvColumn {
  key: string;
  /** Header text; the key when omitted. */
  label?: string;
}

/** How true and false are written in exports: 是 / 否 unless the caller's language says otherwise. */
export type BooleanWords = readonly [yes: string, no: string];
export const CHINESE_BOOLEANS: BooleanWords = ['是', '否'];

export function rowsToCsv(rows: readonly object[], columns?: readonly CsvColumn[], booleans: BooleanWords = CHINESE_BOOLEANS): string {
  const cols: readonly CsvColumn[] = columns ?? Object.keys(rows[0] ?? {}).map((key) => ({ key }));
  const lines = [cols.map((c) => csvField(c.label ?? c.key)).join(',')];
  for (const row of rows as readonly Record<string, unknown>[]) lines.push(cols.map((c) => csvField(cell(row[c.key], booleans))).join(','));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

function cell(value: unknown, booleans: BooleanWords): unknown {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? booleans[0] : booleans[1];
  return value;
}

export { CSV_BOM };
