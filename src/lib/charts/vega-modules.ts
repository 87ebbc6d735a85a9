/**
 * vega and vega-lite load on demand (they are most of the app's JavaScript). The app
 * starts loading them while DuckDB-WASM compiles, so the first chart does not wait for
 * them after the data is ready.
 */
let modules: Promise<[typeof import('vega-lite'), typeof import('vega')]> | null = null;

export function loadVega() {
  modules ??= Promise.all([import('vega-lite'), import('vega')]);
  return modules;
}
