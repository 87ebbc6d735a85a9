/**
 * Starts DuckDB-WASM in the browser. Import this module dynamically (it is browser-only):
 *   const { openWasmConnector } = await import('$lib/db/wasm.ts');
 * It imports duckdb-wasm by name (not `import('@duckdb/duckdb-wasm')` as a whole) so the
 * bundler drops the unused CDN bundle helpers.
 *
 * Only the `eh` bundle ships (wasm exceptions; every current browser has them); it
 * needs no cross-origin isolation headers. Both files come from our own server via
 * Vite `?url`, never from a CDN, so the dashboard works on an intranet.
 */
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { AsyncDuckDB, ConsoleLogger, LogLevel } from '@duckdb/duckdb-wasm';
import type { LoadableConnector } from './connector.ts';
import { wasmConnector } from './wasm-connection.ts';

export async function openWasmConnector(): Promise<LoadableConnector> {
  const worker = new Worker(ehWorkerUrl);
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  try {
    await db.instantiate(ehWasmUrl);
    // Counts come back as BIGINT/HUGEINT; doubles are exact for every count we store.
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    const conn = await db.connect();
    return await wasmConnector(conn, async () => {
      await db.terminate();
      worker.terminate();
    });
  } catch (error) {
    worker.terminate();
    throw error;
  }
}
