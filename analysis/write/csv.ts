/**
 * CSV copies of the tables for Excel users: UTF-8 with a BOM (Excel needs it to
 * read Chinese), a header row, RFC 4180 quoting, CRLF line ends. Floats are written
 * rounded to 6 decimal places (the Arrow tables keep full precision): shortest
 * round-trip formatting of every double was the slowest step of large runs.
 */
import type { ColumnType, TableSpec } from '../contract.ts';
import { ByteBuffer } from './bytes.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_DECIMALS = 6;

const NEEDS_QUOTES = /[",\r\n]/;
const SCALE = 10 ** CSV_DECIMALS;
const COMMA = 0x2c;
const QUOTE = 0x22;
const MINUS = 0x2d;
const DOT = 0x2e;

function csvString(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Appends x rounded half away from zero to CSV_DECIMALS places, trailing zeros dropped
 * (0.25 → "0.25", 2 → "2", -0.0000001 → "0").
 */
export function writeCsvFloat(out: ByteBuffer, x: number): void {
  const negative = x < 0;
  const magnitude = negative ? -x : x;
  if (!Number.isFinite(x) || magnitude >= 1e9) return out.text(String(x));
  const scaled = Math.round(magnitude * SCALE);
  const whole = Math.floor(scaled / SCALE);
  let fraction = scaled - whole * SCALE;
  if (negative && scaled !== 0) out.byte(MINUS);
  out.digits(whole);
  if (fraction === 0) return;
  let places = CSV_DECIMALS;
  while (fraction % 10 === 0) {
    fraction /= 10;
    places--;
  }
  out.byte(DOT);
  out.digits(fraction, places);
}

export function csvFloat(x: number): string {
  const out = new ByteBuffer(32);
  writeCsvFloat(out, x);
  return new TextDecoder().decode(out.view());
}

export function csvField(value: unknown, type?: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return csvString(value);
  if (typeof value === 'number') return type === 'int' ? String(value) : csvFloat(value);
  return String(value);
}

export function csvHeader(spec: TableSpec): string {
  return Object.keys(spec.columns).map((name) => csvString(name)).join(',') + '\r\n';
}

type FieldWriter = (out: ByteBuffer, value: unknown) => void;


function stringWriter(out: ByteBuffer, value: unknown): void {
  const text = value as string;
  if (!NEEDS_QUOTES.test(text)) return out.text(text);
  out.byte(QUOTE);
  out.text(text.replaceAll('"', '""'));
  out.byte(QUOTE);
}

function intWriter(out: ByteBuffer, value: unknown): void {
  const n = value as number;
  if (n < 0) out.byte(MINUS);
  out.digits(n < 0 ? -n : n);
}

const FIELD_WRITERS: Record<ColumnType, FieldWriter> = {
  string: stringWriter,
  int: intWriter,
  float: (out, value) => writeCsvFloat(out, value as number),
  bool: (out, value) => out.text(value ? 'true' : 'false')
};

/** Appends the rows as CSV lines to `out`, columns in contract order. */
export function writeCsvRows(out: ByteBuffer, spec: TableSpec, rows: readonly Record<string, unknown>[]): void {
  const names = Object.keys(spec.columns);
  const writers = Object.values(spec.columns).map((c) => FIELD_WRITERS[c.type]);
  for (const row of rows) {
    for (let i = 0; i < names.length; i++) {
      if (i > 0) out.byte(COMMA);
      const value = row[names[i]];
      if (value !== null && value !== undefined) writers[i](out, value);
    }
    out.byte(0x0d);
    out.byte(0x0a);
  }
}

export function csvLines(spec: TableSpec, rows: readonly Record<string, unknown>[]): string {
  const out = new ByteBuffer();
  writeCsvRows(out, spec, rows);
  return new TextDecoder().decode(out.view());
}
