/**
 * Arrow IPC stream encoding of contract tables: the format the dashboard hands to
 * DuckDB-WASM (`insertArrowFromIPCStream`), which needs no extension and works offline.
 * One record batch per append, so big corpora stream edition by edition.
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
  Utf8,
  vectorFromArray,
  type DataType
} from 'apache-arrow';
import type { ColumnType, TableSpec } from '../contract.ts';

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

export function arrowSchema(spec: TableSpec): Schema {
  return new Schema(
    Object.entries(spec.columns).map(([name, c]) => new Field(name, arrowType(c.type), c.nullable))
  );
}

export function recordBatch(schema: Schema, rows: readonly Record<string, unknown>[]): RecordBatch {
  const children = schema.fields.map((field) => {
    const values = rows.map((row) => row[field.name] ?? null);
    return vectorFromArray(values, field.type).data[0];
  });
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

export interface ArrowStream {
  append(rows: readonly Record<string, unknown>[]): void;
  /** Resolves once every byte has been handed to `emit`. */
  finish(): Promise<void>;
}

export function createArrowStream(spec: TableSpec, emit: (chunk: Uint8Array) => void): ArrowStream {
  const schema = arrowSchema(spec);
  const writer = new RecordBatchStreamWriter();
  const drained = (async () => {
    for await (const chunk of writer) emit(chunk);
  })();
  let wroteSchema = false;
  return {
    append(rows) {
      if (rows.length === 0) return;
      writer.write(recordBatch(schema, rows));
      wroteSchema = true;
    },
    async finish() {
      // An empty table still needs its schema so readers know the columns.
      if (!wroteSchema) writer.write(recordBatch(schema, []));
      writer.finish();
      await drained;
    }
  };
}
