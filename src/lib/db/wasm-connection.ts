/**
 * A Connector over a duckdb-wasm connection. Written against the few methods both
 * the browser's AsyncDuckDBConnection and the Node blocking build share (awaiting a
 * plain value is harmless), so tests run this exact code on the same wasm engine.
 */
import type { LoadableConnector, Query } from './connector.ts';
import { plainRow } from './rows.ts';

type MaybePromise<T> = T | Promise<T>;

interface ArrowResult {
  toArray(): ArrayLike<{ toJSON(): Record<string, unknown> }>;
}

interface PreparedLike {
  query(...params: unknown[]): MaybePromise<ArrowResult>;
  close(): MaybePromise<void>;
}

export interface WasmConnectionLike {
  query(sql: string): MaybePromise<ArrowResult>;
  prepare(sql: string): MaybePromise<PreparedLike>;
  insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string; create?: boolean }): MaybePromise<void>;
  close(): MaybePromise<void>;
}

/** Run before anything else: duckdb-wasm would otherwise try to fetch extensions from a CDN. */
export const OFFLINE_SETTINGS_SQL = 'SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;';

/**
 * Run once the tables are loaded: from then on no statement can read or write a file or a
 * URL (read_csv('http://…'), COPY … TO). It cannot be turned back on while the database runs.
 */
export const LOCKDOWN_SQL = 'SET enable_external_access=false';

function toRows<T>(result: ArrowResult): T[] {
  return Array.from(result.toArray(), (row) => plainRow(row.toJSON()) as T);
}

export async function wasmConnector(
  conn: WasmConnectionLike,
  onClose: () => MaybePromise<void> = () => {}
): Promise<LoadableConnector> {
  await conn.query(OFFLINE_SETTINGS_SQL);
  return {
    async query<T>(q: Query): Promise<T[]> {
      const params = q.params ?? [];
      if (params.length === 0) return toRows<T>(await conn.query(q.sql));
      const statement = await conn.prepare(q.sql);
      try {
        return toRows<T>(await statement.query(...params));
      } finally {
        await statement.close();
      }
    },
    async insertArrow(table, bytes) {
      // create: false appends into the table made from schema.ts (checked in tests).
      await conn.insertArrowFromIPCStream(bytes, { name: table, create: false });
    },
    async close() {
      await conn.close();
      await onClose();
    }
  };
}
