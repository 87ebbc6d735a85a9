/**
 * The dashboard renders in the browser only: its data comes from DuckDB-WASM, and the
 * server just serves files. The manifest is read here so the shell (edition picker,
 * counts, track list) paints before DuckDB is ready.
 */
import { resolve } from '$app/paths';
import { DataError, loadManifest } from '$lib/db/load.ts';
import type { DataProblem } from '$lib/app.svelte.ts';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async ({ fetch }) => {
  const basePath = resolve('/').replace(/\/$/, '');
  const dataBase = `${basePath}/data`;
  try {
    return { manifest: await loadManifest(fetch, dataBase), problem: null, dataBase, basePath };
  } catch (error) {
    const problem: DataProblem =
      error instanceof DataError
        ? { code: error.code, detail: error.detail }
        : { code: 'manifest-unreadable', detail: { url: `${dataBase}/manifest.json`, reason: String(error) } };
    return { manifest: null, problem, dataBase, basePath };
  }
};
