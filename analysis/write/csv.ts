/**
 * CSV copies of the tables for Excel users: UTF-8 with a BOM (Excel needs it to
 * read Chinese), a header row, RFC 4180 quoting, CRLF line ends.
 */
import type { TableSpec } from '../contract.ts';

export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(spec: TableSpec): string {
  return Object.keys(spec.columns).map(csvField).join(',') + '\r\n';
}

export function csvLines(spec: TableSpec, rows: readonly Record<string, unknown>[]): string {
  const names = Object.keys(spec.columns);
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < names.length; i++) {
      if (i > 0) line += ',';
      line += csvField(row[names[i]]);
    }
    out += line + '\r\n';
  }
  return out;
}
