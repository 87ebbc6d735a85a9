/**
 * A Connector over a duckdb-wasm connection. Written against the few methods both
 * the browser's AsyncDuckDBConnection and the Node blocking build share (awaiting a
 * plain value is harmless), so tests run this exact code on the same wasm engine.
 */
import { QueryCancelled, type LoadableConnector, type Query, type QueryOptions } from './connector.ts';
import { plainRow } from './rows.ts';

type MaybePromise<T> = T | Promise<T>;

interface ArrowResult {
  toArray(): ArrayLike<{ toJSON(): Record<string, unknown> }>;
}

interface PreparedLike {
  query(...params: unknown[]): MaybePromise<ArrowResult>;
  close(): MaybePromise<void>;
}

type BatchStream = Iterable<ArrowResult> | AsyncIterable<ArrowResult>;

export interface WasmConnectionLike {
  query(sql: string): MaybePromise<ArrowResult>;
  prepare(sql: string): MaybePromise<PreparedLike>;
  /** A pending query, polled by the worker: `cancelSent` stops it between polls. */
  send(sql: string): MaybePromise<BatchStream>;
  cancelSent(): MaybePromise<boolean>;
  insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string; create?: boolean }): MaybePromise<void>;
  close(): MaybePromise<void>;
}

/** Run before anything else: duckdb-wasm would otherwise try to fetch extensions from a CDN. */
export const OFFLINE_SETTINGS_SQL = 'SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;';

/**
 * Run once the tables are loaded: from then on no statement can read or write a file or a
 * URL (read_csv('http://…'), COPY … TO), and lock_configuration freezes every setting, so a
 * statement that slipped past the console's guard cannot change one (memory_limit, threads,
 * or external access back on). Neither can be undone while the database runs.
 */
export const LOCKDOWN_SQL = 'SET enable_external_access=false; SET lock_configuration=true';

function toRows<T>(result: ArrowResult): T[] {
  return Array.from(result.toArray(), (row) => plainRow(row.toJSON()) as T);
}

export async function wasmConnector(
  conn: WasmConnectionLike,
  onClose: () => MaybePromise<void> = () => {}
): Promise<LoadableConnector> {
  await conn.query(OFFLINE_SETTINGS_SQL);

  /**
   * One statement that its signal can stop. Preparing it first refuses a second statement
   * without running anything; without parameters it then runs as a pending query, which the
   * worker polls and `cancelSent` stops (a prepared statement with parameters runs in one
   * call and is only cancelled before it starts).
   */
  async function cancellable<T>(q: Query, signal: AbortSignal): Promise<T[]> {
    if (signal.aborted) throw new QueryCancelled();
    const params = q.params ?? [];
    const statement = await conn.prepare(q.sql);
    try {
      if (params.length > 0) {
        const rows = toRows<T>(await statement.query(...params));
        if (signal.aborted) throw new QueryCancelled();
        return rows;
      }
    } finally {
      await statement.close();
    }
    const cancel = () => void conn.cancelSent();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const rows: T[] = [];
      for await (const batch of await conn.send(q.sql)) rows.push(...toRows<T>(batch));
      if (signal.aborted) throw new QueryCancelled();
      return rows;
    } catch (error) {
      if (signal.aborted) throw new QueryCancelled();
      throw error;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  return {
    async query<T>(q: Query, options?: QueryOptions): Promise<T[]> {
      if (options?.signal) return cancellable<T>(q, options.signal);
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
