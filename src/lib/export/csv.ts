/**
 * CSV for the rows behind a chart: UTF-8 with a BOM (Excel needs it for Chinese), a
 * header row, RFC 4180 quoting, CRLF, and text cells a spreadsheet would run as a formula
 * neutralised (analysis/write/spreadsheet-safe.ts, inside csvField) — the same rules as
 * the analysis stage's CSV copies.
 * Figures stay raw (no thousands separators) so spreadsheets read them as numbers.
 */
import { CSV_BOM, csvField } from '../../../analysis/write/csv.ts';

export interface CsvColumn {
  key: string;
  /** Header text; the key when omitted. */
  label?: string;
}

export function rowsToCsv(rows: readonly object[], columns?: readonly CsvColumn[]): string {
  const cols: readonly CsvColumn[] = columns ?? Object.keys(rows[0] ?? {}).map((key) => ({ key }));
  const lines = [cols.map((c) => csvField(c.label ?? c.key)).join(',')];
  for (const row of rows as readonly Record<string, unknown>[]) lines.push(cols.map((c) => csvField(cell(row[c.key]))).join(','));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

function cell(value: unknown): unknown {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

export { CSV_BOM };
