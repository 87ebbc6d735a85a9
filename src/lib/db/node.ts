/**
 * The Node connector (tests, benchmarks, scripts): @duckdb/node-api, same interface,
 * same SQL and `?` parameters as the browser, same BigInt → number conversion.
 * Never import this from a page: it loads a native module.
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { tableFromIPC, Type, type Table } from 'apache-arrow';
import { QueryCancelled, type LoadableConnector, type Query, type QueryOptions } from './connector.ts';
import { plainRow } from './rows.ts';

function appendValue(appender: DuckDBAppender, typeId: Type, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull();
  switch (typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
      return appender.appendVarchar(value as string);
    case Type.Int:
      return appender.appendInteger(Number(value));
    case Type.Float:
      return appender.appendDouble(value as number);
    case Type.Bool:
      return appender.appendBoolean(value as boolean);
    default:
      throw new Error(`unsupported Arrow column type ${Type[typeId]}`);
  }
}

async function tableColumns(conn: DuckDBConnection, table: string): Promise<string[]> {
  const reader = await conn.runAndReadAll(
    'SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index',
    [table]
  );
  return reader.getRowObjectsJS().map((r) => String(r.column_name));
}

export async function openNodeConnector(path = ':memory:'): Promise<LoadableConnector> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  return nodeConnector(conn, () => instance.closeSync());
}

/** The connector over an open connection (the server's first answers fill theirs with an appender first). */
export function nodeConnector(conn: DuckDBConnection, onClose: () => void = () => {}): LoadableConnector {
  return {
    async query<T>(q: Query, options?: QueryOptions): Promise<T[]> {
      const params = q.params ?? [];
      const signal = options?.signal;
      if (!signal) {
        const reader = await conn.runAndReadAll(q.sql, params.length ? (params as DuckDBValue[]) : undefined);
        return reader.getRowObjectsJS().map((row) => plainRow(row) as T);
      }
      // Prepared, so one statement only (as in the browser); interrupt() stops it mid-run.
      if (signal.aborted) throw new QueryCancelled();
      const statement = await conn.prepare(q.sql);
      if (params.length) statement.bind(params as DuckDBValue[]);
      const interrupt = () => conn.interrupt();
      signal.addEventListener('abort', interrupt, { once: true });
      try {
        const reader = await (await statement.start()).readAll();
        if (signal.aborted) throw new QueryCancelled();
        return reader.getRowObjectsJS().map((row) => plainRow(row) as T);
      } catch (error) {
        if (signal.aborted) throw new QueryCancelled();
        throw error;
      } finally {
        signal.removeEventListener('abort', interrupt);
        statement.destroySync();
      }
    },
    async insertArrow(table, bytes) {
      const arrow: Table = tableFromIPC(bytes);
      const expected = await tableColumns(conn, table);
      const actual = arrow.schema.fields.map((f) => f.name);
      if (expected.join(',') !== actual.join(',')) {
        throw new Error(`columns of ${table} differ: table has ${expected.join(', ')}; file has ${actual.join(', ')}`);
      }
      const appender = await conn.createAppender(table);
      const columns = arrow.schema.fields.map((f, i) => ({ typeId: f.type.typeId as Type, vector: arrow.getChildAt(i)! }));
      for (let row = 0; row < arrow.numRows; row++) {
        for (const { typeId, vector } of columns) appendValue(appender, typeId, vector.get(row));
        appender.endRow();
      }
      appender.closeSync();
    },
    async close() {
      conn.closeSync();
      onClose();
    }
  };
}
