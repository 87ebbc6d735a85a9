/**
 * Arrow IPC stream encoding of contract tables: the format the dashboard hands to
 * DuckDB-WASM (`insertArrowFromIPCStream`), which needs no extension and works offline.
 * A table's stream is its schema prefix, one record batch per edition, and the end marker.
 */
import {
  Bool,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Table,
  Utf8,
  type Data,
  type DataType
} from 'apache-arrow';
import { ARROW_EOS, type ColumnType, type TableSpec } from '../contract.ts';
import type { Column, ColumnBatch, Symbols } from './columns.ts';
import { encodeUtf8Into } from './bytes.ts';

export { ARROW_EOS };

function arrowType(type: ColumnType): DataType {
  switch (type) {
    case 'string':
      return new Utf8();
    case 'int':
      return new Int32();
    case 'float':
      return new Float64();
    case 'bool':
      return new Bool();
  }
}

const schemas = new Map<string, Schema>();

export function arrowSchema(spec: TableSpec): Schema {
  let schema = schemas.get(spec.name);
  if (schema === undefined) {
    schema = new Schema(Object.entries(spec.columns).map(([name, c]) => new Field(name, arrowType(c.type), c.nullable)));
    schemas.set(spec.name, schema);
  }
  return schema;
}

const encoder = new TextEncoder();
/** Below this length a JS loop beats TextEncoder.encodeInto's call overhead. */
const SHORT_STRING = 48;

/**
 * Writes `text` as UTF-8 at `at` and returns the end. `out` has room for 3 bytes per
 * UTF-16 unit, the most any string needs (an unpaired surrogate becomes U+FFFD, 3 bytes).
 */
function writeUtf8(text: string, out: Uint8Array, at: number): number {
  if (text.length > SHORT_STRING) return at + encoder.encodeInto(text, out.subarray(at)).written;
  return encodeUtf8Into(text, out, at);
}

/**
 * A string column's offsets and bytes in one pass. Rows come sorted by their key, so a
 * value often repeats the one above it (the edition id always, terms in runs): those
 * copy the bytes already written instead of encoding again.
 */
function utf8Column(values: readonly (string | null)[]): { offsets: Int32Array; data: Uint8Array } {
  const length = values.length;
  let units = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (typeof v === 'string') units += v.length;
  }
  const data = new Uint8Array(units * 3);
  const offsets = new Int32Array(length + 1);
  let at = 0;
  let previous: string | null = null;
  let previousStart = 0;
  let previousEnd = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (typeof v === 'string') {
      const start = at;
      if (v === previous) {
        for (let p = previousStart; p < previousEnd; p++) data[at++] = data[p];
      } else {
        at = writeUtf8(v, data, at);
        previous = v;
      }
      previousStart = start;
      previousEnd = at;
    }
    offsets[i + 1] = at;
  }
  return { offsets, data: data.subarray(0, at) };
}

function bitmap(length: number, set: (i: number) => boolean): { bits: Uint8Array; unset: number } {
  const bits = new Uint8Array(Math.ceil(length / 8));
  let unset = 0;
  for (let i = 0; i < length; i++) {
    if (set(i)) bits[i >> 3] |= 1 << (i & 7);
    else unset++;
  }
  return { bits, unset };
}

/** Offsets and bytes of a column of symbol ids: each symbol's bytes were encoded once. */
function symbolColumn(ids: ArrayLike<number>, table: Symbols, length: number): { offsets: Int32Array; data: Uint8Array } {
  const offsets = new Int32Array(length + 1);
  let total = 0;
  for (let i = 0; i < length; i++) {
    total += table.utf8(ids[i]).length;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < length; i++) {
    const bytes = table.utf8(ids[i]);
    let at = offsets[i];
    for (let b = 0; b < bytes.length; b++) data[at++] = bytes[b];
  }
  return { offsets, data };
}

function sameColumn(value: string, length: number): { offsets: Int32Array; data: Uint8Array } {
  const bytes = encoder.encode(value);
  const offsets = new Int32Array(length + 1);
  const data = new Uint8Array(bytes.length * length);
  for (let i = 0; i < length; i++) {
    data.set(bytes, i * bytes.length);
    offsets[i + 1] = (i + 1) * bytes.length;
  }
  return { offsets, data };
}

/** The values as a typed array, null slots zeroed so the bytes depend on the data alone. */
function numbers<A extends Int32Array | Float64Array>(
  make: { from(values: ArrayLike<number>): A },
  values: ArrayLike<number>,
  valid: ArrayLike<number> | undefined
): A {
  const data = make.from(values);
  if (valid !== undefined) for (let i = 0; i < data.length; i++) if (valid[i] === 0) data[i] = 0;
  return data;
}

// Columns go straight into typed arrays: the generic Arrow builders cost several times
// more than the rest of the pipeline on large corpora.
function columnData(field: Field, column: Column, length: number): Data {
  const valid = (column.kind === 'ints' || column.kind === 'floats') && field.nullable ? column.valid : undefined;
  const nulls = column.kind === 'strings' && field.nullable
    ? bitmap(length, (i) => column.values[i] !== null)
    : valid !== undefined
      ? bitmap(length, (i) => valid[i] !== 0)
      : null;
  const common = { length, nullCount: nulls?.unset ?? 0, nullBitmap: nulls && nulls.unset > 0 ? nulls.bits : undefined };
  const type = field.type;
  const mismatch = () => new Error(`Arrow column ${field.name}: a ${column.kind} column cannot be ${type}`);
  if (type instanceof Utf8) {
    let encoded: { offsets: Int32Array; data: Uint8Array };
    if (column.kind === 'strings') encoded = utf8Column(column.values);
    else if (column.kind === 'symbols') encoded = symbolColumn(column.ids, column.symbols, length);
    else if (column.kind === 'same') encoded = sameColumn(column.value, length);
    else throw mismatch();
    return makeData({ type, ...common, valueOffsets: encoded.offsets, data: encoded.data });
  }
  if (type instanceof Int32) {
    if (column.kind !== 'ints') throw mismatch();
    const data = numbers(Int32Array, column.values, valid);
    return makeData({ type, ...common, data });
  }
  if (type instanceof Float64) {
    if (column.kind !== 'floats') throw mismatch();
    const data = numbers(Float64Array, column.values, valid);
    return makeData({ type, ...common, data });
  }
  if (column.kind !== 'bools') throw mismatch();
  const values = column.values;
  return makeData({ type: type as Bool, ...common, data: bitmap(length, (i) => values[i]).bits });
}

export function recordBatch(spec: TableSpec, batch: ColumnBatch): RecordBatch {
  const schema = arrowSchema(spec);
  const children = schema.fields.map((field, i) => columnData(field, batch.columns[i], batch.length));
  const data = makeData({ type: new Struct(schema.fields), length: batch.length, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

const prefixes = new Map<string, Uint8Array>();

/** The schema message that opens a table's IPC stream (the same bytes for every stream of it). */
export function arrowStreamPrefix(spec: TableSpec): Uint8Array {
  let prefix = prefixes.get(spec.name);
  if (prefix === undefined) {
    const empty = RecordBatchStreamWriter.writeAll(new Table(arrowSchema(spec))).toUint8Array(true);
    prefix = empty.slice(0, empty.length - ARROW_EOS.length);
    prefixes.set(spec.name, prefix);
  }
  return prefix;
}

/**
 * One record batch as IPC message bytes, to be spliced between the stream prefix and
 * ARROW_EOS. Batches encode independently, so worker threads can encode editions in
 * parallel and the writer only concatenates bytes in order.
 */
export function encodeArrowBatch(spec: TableSpec, batch: ColumnBatch): Uint8Array {
  const stream = RecordBatchStreamWriter.writeAll([recordBatch(spec, batch)]).toUint8Array(true);
  const prefix = arrowStreamPrefix(spec);
  for (let i = 0; i < prefix.length; i++) {
    if (stream[i] !== prefix[i]) throw new Error(`Arrow schema bytes of ${spec.name} differ between streams`);
  }
  return stream.slice(prefix.length, stream.length - ARROW_EOS.length);
}
