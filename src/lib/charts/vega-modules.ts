/**
 * vega and vega-lite load on demand (they are most of the app's JavaScript). The app
 * starts loading them while DuckDB-WASM compiles, so the first chart does not wait for
 * them after the data is ready.
 *
 * vega compiles its expressions with `new Function` unless it is handed an interpreter:
 * the server's Content-Security-Policy allows no eval, so charts are parsed to an AST
 * (`parse(spec, config, { ast: true })`) and run by vega-interpreter (`expr` of the View).
 */
let modules: Promise<[typeof import('vega-lite'), typeof import('vega'), typeof import('vega-interpreter')]> | null = null;

export function loadVega() {
  modules ??= Promise.all([import('vega-lite'), import('vega'), import('vega-interpreter')]);
  return modules;
}
