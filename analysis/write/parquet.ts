/**
 * Parquet copies of the finished tables (`npm run analyze -- --format parquet`), for people who
 * take the tables to DuckDB, Polars or Spark. Each `<table>.arrow` in the staged output folder
 * is read back a batch at a time, appended to an in-memory DuckDB table with the contract's
 * column types (@duckdb/node-api; no extension is installed or loaded) and copied out as
 * `<table>.parquet` (zstd) beside it. Read back rather than computed again, so the Parquet
 * file holds exactly the Arrow table's rows, in its order.
 *
 * term_track and track_overlap, which no .arrow file holds (the dashboard derives them), are
 * derived here by the dashboard's own SQL (src/lib/db/derive.ts, generic verbs removed) from the
 * term_topic, terms and tracks just read, and written in their key order as `<table>.parquet`
 * too, so Parquet users keep the keyness and overlap figures (manifest.derived_parquet).
 *
 * One DuckDB thread: the writer then cuts row groups at the same rows every run, so a rerun on
 * the same input writes the same bytes (tested).
 */
import { createReadStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RecordBatchReader, type Data } from 'apache-arrow';
import { BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { TABLES, parquetFile, type ColumnType, type ManifestDerivedParquet, type ManifestTable, type TableName, type TableSpec } from '../contract.ts';
import { REMOVED_DERIVATIONS, runDerivation } from '../../src/lib/db/derive.ts';
import { nodeConnector } from '../../src/lib/db/node.ts';
import { fsFailure } from '../files.ts';
import { createDirSink } from './sink.ts';

export const DUCKDB_TYPES: Record<ColumnType, { sql: string; type: DuckDBType }> = {
  string: { sql: 'VARCHAR', type: VARCHAR },
  int: { sql: 'INTEGER', type: INTEGER },
  float: { sql: 'DOUBLE', type: DOUBLE },
  bool: { sql: 'BOOLEAN', type: BOOLEAN }
};

const ZSTD_LEVEL = 3;
// No dictionary pages (DICTIONARY_SIZE_LIMIT 0): DuckDB's dictionary takes -0 and 0 for one value
// and stores whichever came first for both. Without it the files are exact and about 7% larger
// (zstd still finds the repeated edition ids and terms).

/** Settings that keep DuckDB offline and its output repeatable. */
export const PARQUET_DUCKDB_OPTIONS = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  threads: '1'
} as const;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

function createTableSql(spec: TableSpec): string {
  const columns = Object.entries(spec.columns).map(([name, c]) => `${quoteIdent(name)} ${DUCKDB_TYPES[c.type].sql}${c.nullable ? '' : ' NOT NULL'}`);
  return `CREATE OR REPLACE TABLE ${quoteIdent(spec.name)} (${columns.join(', ')})`;
}

/** DuckDB's vector size: the most rows one data chunk holds. */
export const CHUNK_ROWS = 2048;
const decoder = new TextDecoder();

/**
 * An Arrow text column's values as strings: the whole UTF-8 buffer decoded once, each value a
 * slice of it (UTF-16 offsets counted from the lead bytes; four-byte characters are two units).
 */
function textValues(data: Data): (row: number) => string {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const text = decoder.decode(bytes.subarray(0, offsets[data.length]));
  const units = new Int32Array(data.length + 1);
  let unit = 0;
  let at = 0;
  for (let row = 0; row < data.length; row++) {
    for (const end = offsets[row + 1]; at < end; at++) {
      const b = bytes[at];
      if (b >= 0xf0) unit += 2;
      else if ((b & 0xc0) !== 0x80) unit += 1;
    }
    units[row + 1] = unit;
  }
  return (row) => text.slice(units[row], units[row + 1]);
}

/** One Arrow column of a batch, read straight from its buffers (no per-value decoding). */
export function columnReader(data: Data, type: ColumnType, path: string): (row: number) => DuckDBValue {
  if (data.offset !== 0) throw new Error(`${path}: a sliced Arrow batch (offset ${data.offset})`);
  const value = ((): ((row: number) => DuckDBValue) => {
    switch (type) {
      case 'string':
        return textValues(data);
      case 'int':
      case 'float': {
        const values = data.values as Int32Array | Float64Array;
        return (row) => values[row];
      }
      case 'bool': {
        const bits = data.values as Uint8Array;
        return (row) => ((bits[row >> 3] >> (row & 7)) & 1) === 1;
      }
    }
  })();
  return data.nullCount > 0 ? (row) => (data.getValid(row) ? value(row) : null) : value;
}

/** Appends an Arrow table file to the DuckDB table of the same name; returns the rows appended. */
async function appendArrowFile(conn: DuckDBConnection, spec: TableSpec, arrowPath: string): Promise<number> {
  const names = Object.keys(spec.columns);
  const types = Object.values(spec.columns).map((c) => DUCKDB_TYPES[c.type].type);
  const appender = await conn.createAppender(spec.name);
  let rows = 0;
  try {
    const reader = await RecordBatchReader.from(createReadStream(arrowPath));
    for await (const batch of reader) {
      const fields = batch.schema.fields.map((f) => f.name);
      if (fields.join(',') !== names.join(',')) throw new Error(`${arrowPath}: columns ${fields.join(', ')} are not the contract's ${names.join(', ')}`);
      const readers = Object.values(spec.columns).map((c, i) => columnReader(batch.getChildAt(i)!.data[0], c.type, arrowPath));
      for (let from = 0; from < batch.numRows; from += CHUNK_ROWS) {
        const count = Math.min(CHUNK_ROWS, batch.numRows - from);
        const chunk = DuckDBDataChunk.create(types, count);
        readers.forEach((read, c) => {
          const vector = chunk.getColumnVector(c);
          for (let i = 0; i < count; i++) vector.setItem(i, read(from + i));
          vector.flush();
        });
        appender.appendDataChunk(chunk);
      }
      rows += batch.numRows;
    }
  } finally {
    appender.closeSync();
  }
  return rows;
}

/** DuckDB reports an I/O failure as text; the errno it names, for fsFailure's sentence. */
export function errnoOfDuckdbMessage(message: string): string {
  const known: [RegExp, string][] = [
    [/no space left|disk full/i, 'ENOSPC'],
    [/permission denied/i, 'EACCES'],
    [/read-only file system/i, 'EROFS'],
    [/quota exceeded/i, 'EDQUOT'],
    [/file too large/i, 'EFBIG'],
    [/not a directory/i, 'ENOTDIR'],
    [/no such file or directory/i, 'ENOENT']
  ];
  return known.find(([pattern]) => pattern.test(message))?.[1] ?? 'EIO';
}

function asErrno(error: unknown): NodeJS.ErrnoException {
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(message), { code: errnoOfDuckdbMessage(message) });
}

/** What the derivation of term_track and track_overlap reads. */
const DERIVATION_SOURCES: readonly TableName[] = ['term_topic', 'terms', 'tracks'];

export interface ParquetResult {
  /** The manifest's tables, each with its `parquet` file. */
  tables: ManifestTable[];
  /** The derived tables written as Parquet (none when a source table is not in `tables`). */
  derived: ManifestDerivedParquet[];
  /** Rows in each Parquet file, by table (read back from the file's metadata). */
  rows: Record<string, number>;
}

/**
 * Writes `<table>.parquet` beside each `<table>.arrow` under `dir` (the staged output folder)
 * and returns the tables with their `parquet` file named (placed after `csv`). A failed write is a sentence naming
 * the file (analysis/files.ts fsFailure); a row count that differs from the Arrow table's is a bug.
 */
export async function writeParquetTables(
  dir: string,
  tables: readonly ManifestTable[],
  progress: (done: number, total: number, name: string) => void = () => {}
): Promise<ParquetResult> {
  const instance = await DuckDBInstance.create(':memory:', PARQUET_DUCKDB_OPTIONS);
  const conn = await instance.connect();
  const sink = createDirSink(dir);
  const rows: Record<string, number> = {};
  const written: ManifestTable[] = [];
  const derived: ManifestDerivedParquet[] = [];
  const listed = new Set(tables.map((t) => t.name));
  const toDerive = DERIVATION_SOURCES.every((name) => listed.has(name)) ? REMOVED_DERIVATIONS.filter((d) => !listed.has(d.name)) : [];
  const copyOut = async (name: TableName, from: string) => {
    const file = parquetFile(name);
    const target = join(dir, file);
    // Created here first, so the folder's own refusals (EACCES, EROFS …) carry their errno.
    sink.open(file, { hash: false }).close();
    try {
      await conn.run(
        `COPY (${from}) TO ${quoteLiteral(target)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL ${ZSTD_LEVEL}, DICTIONARY_SIZE_LIMIT 0)`
      );
    } catch (error) {
      throw fsFailure(asErrno(error), target, 'write');
    }
    const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${quoteLiteral(target)})`);
    return { file, rows: Number(count.getRowObjectsJS()[0].n) };
  };
  try {
    for (const table of tables) {
      const spec = TABLES[table.name];
      await conn.run(createTableSql(spec));
      const appended = await appendArrowFile(conn, spec, join(dir, table.file));
      const { file, rows: count } = await copyOut(table.name, `FROM ${quoteIdent(spec.name)}`);
      if (!(toDerive.length > 0 && DERIVATION_SOURCES.includes(table.name))) await conn.run(`DROP TABLE ${quoteIdent(spec.name)}`);
      rows[table.name] = count;
      if (rows[table.name] !== appended || appended !== table.rows) {
        throw new Error(`${file}: ${rows[table.name]} rows written, ${appended} read from ${table.file}, ${table.rows} in the manifest`);
      }
      const { name, file: arrow, csv, ...rest } = table;
      written.push({ name, file: arrow, csv, parquet: file, ...rest });
      progress(written.length, tables.length + toDerive.length, name);
    }
    if (toDerive.length > 0) {
      const db = nodeConnector(conn);
      const editions = (await db.query<{ id: string }>({ sql: 'SELECT DISTINCT edition_id AS id FROM term_topic ORDER BY id' })).map((r) => r.id);
      for (const derivation of toDerive) {
        const { name } = derivation;
        const spec = TABLES[name];
        await conn.run(createTableSql(spec));
        await runDerivation(db, derivation, editions, { minPairCount: 1 });
        const { file, rows: count } = await copyOut(name, `FROM ${quoteIdent(name)} ORDER BY ${spec.key.map(quoteIdent).join(', ')}`);
        await conn.run(`DROP TABLE ${quoteIdent(name)}`);
        derived.push({ name, parquet: file, rows: count });
        progress(written.length + derived.length, tables.length + toDerive.length, name);
      }
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return { tables: written, derived, rows };
}
