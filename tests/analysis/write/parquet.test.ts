import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type ManifestTable, type TableName, type TableSpec } from '../../../analysis/contract.ts';
import { AnalysisError } from '../../../analysis/messages.ts';
import { createDirSink } from '../../../analysis/write/sink.ts';
import { createTableWriter } from '../../../analysis/write/table-writer.ts';
import { errnoOfDuckdbMessage, PARQUET_DUCKDB_OPTIONS, writeParquetTables } from '../../../analysis/write/parquet.ts';

const TEXTS = ['大模型', '', '含"引号"与,逗号', '换行\n回车\r', "单引号'", '𠮷野家🙂', '=SUM(A1)', ' 前后空格 ', 'a'.repeat(300)];
const FLOATS = [0, -0, 1 / 3, -1e-300, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, NaN, Infinity, -Infinity, 123456.789];
const INTS = [0, 1, -1, 2147483647, -2147483648, 42];

/** Rows for any contract table, cycling through awkward values (nulls where the column allows). */
function edgeRows(spec: TableSpec, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, row) =>
    Object.fromEntries(
      Object.entries(spec.columns).map(([name, c], col) => {
        const k = row + col;
        if (c.nullable && k % 7 === 3) return [name, null];
        if (c.type === 'string') return [name, TEXTS[k % TEXTS.length]];
        if (c.type === 'int') return [name, INTS[k % INTS.length]];
        if (c.type === 'float') return [name, FLOATS[k % FLOATS.length]];
        return [name, k % 2 === 0];
      })
    )
  );
}

/** Writes Arrow tables (several batches each) with the pipeline's own writer; returns the manifest entries. */
function writeArrowTables(dir: string, rowsPerTable: number): ManifestTable[] {
  const sink = createDirSink(dir);
  return (Object.keys(TABLES) as TableName[]).map((name) => {
    const writer = createTableWriter(TABLES[name], sink);
    const rows = edgeRows(TABLES[name], rowsPerTable);
    // Batches of uneven size, one larger than a DuckDB chunk (2,048 rows).
    for (const [from, to] of [[0, 1], [1, 2600], [2600, rows.length]]) writer.append(rows.slice(from, to));
    return writer.finish();
  });
}

let connection: DuckDBConnection;
let instance: DuckDBInstance;
const work = mkdtempSync(join(tmpdir(), 'crosstrack-parquet-'));

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', PARQUET_DUCKDB_OPTIONS);
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
  rmSync(work, { recursive: true, force: true });
});

async function parquetRows(path: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

function arrowRows(path: string): Record<string, unknown>[] {
  return tableFromIPC(readFileSync(path))
    .toArray()
    .map((row) => ({ ...row.toJSON() }));
}

/** Every value the same, by Object.is (NaN equals NaN, -0 differs from 0). */
function firstDifference(a: Record<string, unknown>[], b: Record<string, unknown>[], spec: TableSpec): string | null {
  if (a.length !== b.length) return `${a.length} rows vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    for (const column of Object.keys(spec.columns)) {
      if (!Object.is(a[i][column], b[i][column])) return `row ${i} ${column}: ${String(a[i][column])} vs ${String(b[i][column])}`;
    }
  }
  return null;
}

describe('Parquet copies of the Arrow tables', () => {
  const dir = join(work, 'edge');
  let written: ManifestTable[];

  beforeAll(async () => {
    mkdirSync(dir);
    const result = await writeParquetTables(dir, writeArrowTables(dir, 3000));
    written = result.tables;
    expect(result.rows).toEqual(Object.fromEntries(written.map((t) => [t.name, 3000])));
  });

  it('hold every value of the Arrow table, in its order: text, NaN, ±0, ±Infinity, subnormals and nulls included', async () => {
    const sample = written.flatMap((t) => arrowRows(join(dir, t.file)).flatMap((r) => Object.values(r)));
    for (const edge of [-0, NaN, -Infinity, 5e-324, null, '𠮷野家🙂', '换行\n回车\r']) expect(sample.some((v) => Object.is(v, edge)), String(edge)).toBe(true);
    for (const table of written) {
      const spec = TABLES[table.name];
      const difference = firstDifference(await parquetRows(join(dir, table.parquet!)), arrowRows(join(dir, table.file)), spec);
      expect(difference, table.name).toBeNull();
    }
  });

  it('have the contract columns and types, zstd-compressed', async () => {
    const sqlType: Record<string, string> = { string: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE', bool: 'BOOLEAN' };
    for (const table of written) {
      const path = join(dir, table.parquet!);
      const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
      const columns = described.getRowObjectsJS().map((r) => `${r.column_name} ${r.column_type}`);
      expect(columns, table.name).toEqual(Object.entries(TABLES[table.name].columns).map(([name, c]) => `${name} ${sqlType[c.type]}`));
      const codecs = await connection.runAndReadAll(`SELECT DISTINCT compression FROM parquet_metadata('${path}')`);
      expect(codecs.getRowObjectsJS().map((r) => r.compression), table.name).toEqual(['ZSTD']);
    }
  });

  it('are named in the manifest entries, right after the CSV copy, and nothing else changes', () => {
    for (const table of written) {
      expect(table.parquet).toBe(`${table.name}.parquet`);
      expect(Object.keys(table).slice(0, 4)).toEqual(['name', 'file', 'csv', 'parquet']);
    }
  });

  it('are byte-identical when written again from the same Arrow tables', async () => {
    const again = join(work, 'again');
    mkdirSync(again);
    const tables = writeArrowTables(again, 3000);
    await writeParquetTables(again, tables);
    for (const table of tables) {
      expect(readFileSync(join(again, `${table.name}.parquet`)).equals(readFileSync(join(dir, `${table.name}.parquet`))), table.name).toBe(true);
    }
  });

  it('an empty table is a Parquet file with its columns and no rows', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const tables = writeArrowTables(empty, 0);
    await writeParquetTables(empty, tables);
    const path = join(empty, 'terms.parquet');
    expect(await parquetRows(path)).toEqual([]);
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
    expect(described.getRowObjectsJS().map((r) => r.column_name)).toEqual(Object.keys(TABLES.terms.columns));
  });
});

describe('a Parquet file that cannot be written', () => {
  async function failure(dir: string, tables: ManifestTable[]): Promise<AnalysisError> {
    try {
      await writeParquetTables(dir, tables);
    } catch (error) {
      expect(error).toBeInstanceOf(AnalysisError);
      return error as AnalysisError;
    }
    throw new Error('expected a refusal');
  }

  it('a full disk (DuckDB writing into /dev/full) is a sentence naming the file', async () => {
    const dir = join(work, 'full');
    mkdirSync(dir);
    const tables = writeArrowTables(dir, 3000);
    symlinkSync('/dev/full', join(dir, 'term_topic.parquet'));
    const error = await failure(dir, tables);
    expect(error.diagnostic.file).toBe(join(dir, 'term_topic.parquet'));
    expect(error.message).toContain('磁盘空间不足');
    expect(error.message).toContain('no space left');
  });

  it('a folder in the way is a sentence naming the file, not a DuckDB message', async () => {
    const dir = join(work, 'blocked');
    mkdirSync(dir);
    const tables = writeArrowTables(dir, 10);
    mkdirSync(join(dir, 'themes.parquet'));
    writeFileSync(join(dir, 'themes.parquet', 'x'), '');
    const error = await failure(dir, tables);
    expect(error.diagnostic.file).toBe(join(dir, 'themes.parquet'));
    expect(error.message).not.toMatch(/IO Error|DuckDB/i);
  });

  it.each([
    ['IO Error: Could not write file "x": No space left on device', 'ENOSPC'],
    ['IO Error: Cannot open file "x": Permission denied', 'EACCES'],
    ['IO Error: Cannot open file "x": Read-only file system', 'EROFS'],
    ['something else entirely', 'EIO']
  ])('DuckDB\'s "%s" is read as %s', (message, code) => {
    expect(errnoOfDuckdbMessage(message)).toBe(code);
  });
});
