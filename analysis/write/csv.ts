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
const ZERO = 0x30;

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
  if (scaled === 0) return out.byte(ZERO);
  const whole = Math.floor(scaled / SCALE);
  const fraction = scaled - whole * SCALE;
  if (negative) out.byte(MINUS);
  out.digits(whole);
  if (fraction !== 0) out.millionths(fraction);
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

const COLUMN_WRITERS = {
  string(out: ByteBuffer, value: string): void {
    if (!NEEDS_QUOTES.test(value)) return out.text(value);
    out.byte(QUOTE);
    out.text(value.replaceAll('"', '""'));
    out.byte(QUOTE);
  },
  int(out: ByteBuffer, value: number): void {
    if (value < 0) out.byte(MINUS);
    out.digits(value < 0 ? -value : value);
  },
  float: writeCsvFloat,
  bool(out: ByteBuffer, value: boolean): void {
    out.text(value ? 'true' : 'false');
  }
};

type RowsWriter = (out: ByteBuffer, rows: readonly Record<string, unknown>[], writers: typeof COLUMN_WRITERS) => void;
const rowsWriters = new Map<string, RowsWriter>();

/**
 * One writer function per table, generated from the contract's column list, so each
 * field is a direct property read and a direct call. A generic loop over column names
 * spent most of its time in megamorphic property lookups and indirect calls.
 */
function rowsWriterFor(spec: TableSpec): RowsWriter {
  let writer = rowsWriters.get(spec.name);
  if (writer === undefined) {
    const fields = Object.entries(spec.columns).map(([name, column], i) => {
      const read = `v = row[${JSON.stringify(name)}];`;
      const write = `if (v !== null && v !== undefined) w.${column.type}(out, v);`;
      return `${i > 0 ? 'out.byte(44);' : ''} ${read} ${write}`;
    });
    const body = `for (let r = 0; r < rows.length; r++) { const row = rows[r]; let v; ${fields.join(' ')} out.byte(13); out.byte(10); }`;
    writer = new Function('out', 'rows', 'w', body) as RowsWriter;
    rowsWriters.set(spec.name, writer);
  }
  return writer;
}

/** Appends the rows as CSV lines to `out`, columns in contract order. */
export function writeCsvRows(out: ByteBuffer, spec: TableSpec, rows: readonly Record<string, unknown>[]): void {
  rowsWriterFor(spec)(out, rows, COLUMN_WRITERS);
}

export function csvLines(spec: TableSpec, rows: readonly Record<string, unknown>[]): string {
  const out = new ByteBuffer();
  writeCsvRows(out, spec, rows);
  return new TextDecoder().decode(out.view());
}
