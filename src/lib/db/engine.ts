/**
 * Starts DuckDB-WASM (wasm.ts, loaded on demand). The layout calls it before the manifest
 * has arrived: compiling the engine takes longer than any table download, so it starts first.
 */
import type { LoadableConnector } from './connector.ts';

export function openEngine(): Promise<LoadableConnector> {
  return import('./wasm.ts').then(({ openWasmConnector }) => openWasmConnector());
}
