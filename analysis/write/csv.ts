/**
 * CSV copies of the tables for Excel users: UTF-8 with a BOM (Excel needs it to
 * read Chinese), a header row, RFC 4180 quoting, CRLF line ends, text cells that a
 * spreadsheet would run as a formula neutralised (spreadsheet-safe.ts). Floats are written
 * rounded to 6 decimal places (the Arrow tables keep full precision): shortest
 * round-trip formatting of every double was the slowest step of large runs.
 */
import type { ColumnType, TableSpec } from '../contract.ts';
import { ByteBuffer } from './bytes.ts';
import { columnsFromRows, csvFieldBytes, csvString, NEEDS_QUOTES, type Column, type ColumnBatch } from './columns.ts';
import { neutraliseFormula, startsLikeFormula } from './spreadsheet-safe.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_DECIMALS = 6;

const SCALE = 10 ** CSV_DECIMALS;
const COMMA = 0x2c;
const QUOTE = 0x22;
const MINUS = 0x2d;
const ZERO = 0x30;

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
  string(out: ByteBuffer, raw: string): void {
    const value = startsLikeFormula(raw) ? neutraliseFormula(raw) : raw;
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

type ColumnsWriter = (out: ByteBuffer, length: number, columns: readonly Column[], w: typeof COLUMN_WRITERS) => void;
const columnsWriters = new Map<string, ColumnsWriter>();

function fieldCode(column: Column, c: number): { setup: string; write: string } {
  const at = `cols[${c}]`;
  switch (column.kind) {
    case 'same':
      return { setup: `const k${c} = csvFieldBytes(${at}.value);`, write: `out.bytes(k${c});` };
    case 'symbols':
      return { setup: `const i${c} = ${at}.ids, s${c} = ${at}.symbols;`, write: `out.bytes(s${c}.csv(i${c}[r]));` };
    case 'strings':
      return { setup: `const v${c} = ${at}.values;`, write: `v = v${c}[r]; if (v !== null) w.string(out, v);` };
    case 'bools':
      return { setup: `const v${c} = ${at}.values;`, write: `w.bool(out, v${c}[r]);` };
    case 'ints':
    case 'floats': {
      const writer = column.kind === 'ints' ? 'int' : 'float';
      const setup = `const v${c} = ${at}.values, n${c} = ${at}.valid;`;
      const write = `w.${writer}(out, v${c}[r]);`;
      return { setup, write: column.valid === undefined ? write : `if (n${c}[r] !== 0) ${write}` };
    }
  }
}

/**
 * One writer function per table and column layout, generated so each field is a direct
 * array read and a direct call: a generic loop over columns spent most of its time in
 * polymorphic lookups and indirect calls.
 */
function columnsWriterFor(spec: TableSpec, columns: readonly Column[]): ColumnsWriter {
  const layout = `${spec.name}:${columns.map((c) => c.kind + ('valid' in c && c.valid !== undefined ? '?' : '')).join(',')}`;
  let writer = columnsWriters.get(layout);
  if (writer === undefined) {
    const fields = columns.map(fieldCode);
    const row = fields.map((f, c) => `${c > 0 ? 'out.byte(44); ' : ''}${f.write}`).join(' ');
    const body = `${fields.map((f) => f.setup).join(' ')} let v; for (let r = 0; r < length; r++) { ${row} out.byte(13); out.byte(10); }`;
    const make = new Function('csvFieldBytes', `return function (out, length, cols, w) { ${body} };`);
    writer = make(csvFieldBytes) as ColumnsWriter;
    columnsWriters.set(layout, writer);
  }
  return writer;
}

/** Appends the batch as CSV lines to `out`, columns in contract order. */
export function writeCsvColumns(out: ByteBuffer, spec: TableSpec, batch: ColumnBatch): void {
  columnsWriterFor(spec, batch.columns)(out, batch.length, batch.columns, COLUMN_WRITERS);
}

/** Appends rows as CSV lines to `out`, columns in contract order. */
export function writeCsvRows(out: ByteBuffer, spec: TableSpec, rows: readonly Record<string, unknown>[]): void {
  writeCsvColumns(out, spec, columnsFromRows(spec, rows));
}

export function csvLines(spec: TableSpec, rows: readonly Record<string, unknown>[]): string {
  const out = new ByteBuffer();
  writeCsvRows(out, spec, rows);
  return new TextDecoder().decode(out.view());
}
