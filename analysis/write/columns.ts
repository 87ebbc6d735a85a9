/**
 * A table batch held as columns. The large per-edition tables are computed straight into
 * these (numbers in arrays, terms as ids into the edition's symbol list), so no row object
 * is built and each term's UTF-8 is encoded once per edition, not once per cell. Small
 * tables come as rows and are split into columns here; both reach the same encoders.
 */
import type { TableSpec } from '../contract.ts';
import { neutraliseFormula } from './spreadsheet-safe.ts';

const encoder = new TextEncoder();
export const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A string as a CSV field: formula-like text neutralised (spreadsheet-safe.ts), then quoted
 * (quotes doubled) when it holds a quote, comma or line end.
 */
export function csvString(raw: string): string {
  const text = neutraliseFormula(raw);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvFieldBytes(text: string): Uint8Array {
  return encoder.encode(csvString(text));
}

/** Strings addressed by id, each encoded (UTF-8 and as a CSV field) the first time it is written. */
export class Symbols {
  private readonly utf8Cache: (Uint8Array | undefined)[];
  private readonly csvCache: (Uint8Array | undefined)[];

  constructor(readonly names: readonly string[]) {
    this.utf8Cache = new Array(names.length);
    this.csvCache = new Array(names.length);
  }

  utf8(id: number): Uint8Array {
    return (this.utf8Cache[id] ??= encoder.encode(this.names[id]));
  }

  csv(id: number): Uint8Array {
    return (this.csvCache[id] ??= csvFieldBytes(this.names[id]));
  }
}

export type Column =
  /** The same string in every row (the edition id of a per-edition batch). */
  | { kind: 'same'; value: string }
  | { kind: 'symbols'; ids: ArrayLike<number>; symbols: Symbols }
  /** Strings, null where a nullable column is empty. */
  | { kind: 'strings'; values: readonly (string | null)[] }
  /** `valid[i] === 0` marks a null (nullable columns only); no `valid` means none is null. */
  | { kind: 'ints'; values: ArrayLike<number>; valid?: ArrayLike<number> }
  | { kind: 'floats'; values: ArrayLike<number>; valid?: ArrayLike<number> }
  | { kind: 'bools'; values: ArrayLike<boolean> };

export interface ColumnBatch {
  length: number;
  /** In the contract's column order. */
  columns: Column[];
}

export const same = (value: string): Column => ({ kind: 'same', value });
export const symbols = (ids: ArrayLike<number>, table: Symbols): Column => ({ kind: 'symbols', ids, symbols: table });
export const ints = (values: ArrayLike<number>, valid?: ArrayLike<number>): Column => ({ kind: 'ints', values, valid });
export const floats = (values: ArrayLike<number>, valid?: ArrayLike<number>): Column => ({ kind: 'floats', values, valid });
export const strings = (values: readonly (string | null)[]): Column => ({ kind: 'strings', values });

/**
 * A batch from columns named as in the contract; throws when a column is missing or
 * unknown, so a table function cannot silently drift from its spec.
 */
export function columnBatch(spec: TableSpec, length: number, named: Record<string, Column>): ColumnBatch {
  const names = Object.keys(spec.columns);
  const extra = Object.keys(named).filter((n) => !(n in spec.columns));
  const missing = names.filter((n) => !(n in named));
  if (extra.length || missing.length) {
    throw new Error(`${spec.name}: columns ${[...missing.map((n) => `missing ${n}`), ...extra.map((n) => `unknown ${n}`)].join(', ')}`);
  }
  return { length, columns: names.map((n) => named[n]) };
}

type RowsSplitter = (rows: readonly Record<string, unknown>[]) => unknown[][];
const splitters = new Map<string, RowsSplitter>();

/**
 * One array per column in a single pass, with a function generated from the contract's
 * column names so every read is a direct property load (a generic `row[name]` over many
 * tables is a slow megamorphic lookup).
 */
function splitterFor(spec: TableSpec): RowsSplitter {
  let split = splitters.get(spec.name);
  if (split === undefined) {
    const names = Object.keys(spec.columns);
    const declare = names.map((_, i) => `const c${i} = new Array(n);`).join(' ');
    const fill = names.map((name, i) => `c${i}[i] = row[${JSON.stringify(name)}];`).join(' ');
    const body = `const n = rows.length; ${declare} for (let i = 0; i < n; i++) { const row = rows[i]; ${fill} } return [${names.map((_, i) => `c${i}`).join(', ')}];`;
    split = new Function('rows', body) as RowsSplitter;
    splitters.set(spec.name, split);
  }
  return split;
}

function validity(nullable: boolean, values: unknown[]): number[] | undefined {
  return nullable ? values.map((v) => (v === null || v === undefined ? 0 : 1)) : undefined;
}

/** Rows (objects keyed by column name) as a column batch. */
export function columnsFromRows(spec: TableSpec, rows: readonly Record<string, unknown>[]): ColumnBatch {
  const split = splitterFor(spec)(rows);
  const columns = Object.values(spec.columns).map((c, i): Column => {
    const values = split[i];
    switch (c.type) {
      case 'string':
        return strings(values.map((v) => (typeof v === 'string' ? v : null)));
      case 'int':
        return ints(values.map((v) => (typeof v === 'number' ? v : 0)), validity(c.nullable, values));
      case 'float':
        return floats(values.map((v) => (typeof v === 'number' ? v : 0)), validity(c.nullable, values));
      case 'bool':
        return { kind: 'bools', values: values.map((v) => v === true) };
    }
  });
  return { length: rows.length, columns };
}

/** The value of one cell as a row object holds it (null for an empty nullable cell). */
function cell(column: Column, i: number): unknown {
  switch (column.kind) {
    case 'same':
      return column.value;
    case 'symbols':
      return column.symbols.names[column.ids[i]];
    case 'strings':
    case 'bools':
      return column.values[i];
    case 'ints':
    case 'floats':
      return column.valid !== undefined && column.valid[i] === 0 ? null : column.values[i];
  }
}

/** A batch back as rows keyed by column name: for tests and small consumers, not the hot path. */
export function rowsFromColumns<Row = Record<string, unknown>>(spec: TableSpec, batch: ColumnBatch): Row[] {
  const names = Object.keys(spec.columns);
  const rows: Row[] = [];
  for (let i = 0; i < batch.length; i++) {
    const row: Record<string, unknown> = {};
    names.forEach((name, c) => (row[name] = cell(batch.columns[c], i)));
    rows.push(row as Row);
  }
  return rows;
}
