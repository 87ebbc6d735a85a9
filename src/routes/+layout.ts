/**
 * The dashboard renders in the browser only: its data comes from DuckDB-WASM, and the
 * server just serves files. The manifest is read here so the shell (edition picker,
 * counts, track list) paints before DuckDB is ready. On 总览 the server's first answers
 * (db/first-answers.ts) are asked for at the same time and never awaited here: the shell
 * does not wait for them, and when they fail every query waits for the engine as before.
 * When 总览's or 跨赛道's HTML carries them (and the manifest, and the server's drawings of
 * the first charts), nothing is fetched for the first screen at all.
 */
import { resolve } from '$app/paths';
import { DataError, loadManifest, validateManifest } from '$lib/db/load.ts';
import { fetchFirstAnswers, readFirstData, readFirstDrawings, usableAnswers, type AnswerMap } from '$lib/db/first-answers.ts';
import type { DataProblem } from '$lib/app.svelte.ts';
import type { Manifest } from '$analysis/contract.ts';
import { loadVega } from '$lib/charts/vega-modules.ts';
import { openEngine } from '$lib/db/engine.ts';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async ({ fetch, url, untrack }) => {
  const basePath = resolve('/').replace(/\/$/, '');
  const dataBase = `${basePath}/data`;
  // 总览's and 跨赛道's HTML may carry the manifest, the first answers and the server's drawings (hooks.server.ts).
  const embedded = readFirstData(document);
  const firstDrawings = readFirstDrawings(document);
  const manifest = embedded ? Promise.resolve().then(() => validateManifest(embedded.manifest)) : loadManifest(fetch, dataBase);
  // Read once, untracked: the layout's load must not run again on every navigation.
  const { overview, edition } = untrack(() => ({
    overview: (url.pathname.slice(basePath.length) || '/') === '/',
    edition: url.searchParams.get('edition')
  }));
  // Every page but a 总览 whose first screen is in its HTML waits for the engine: start it now,
  // while the manifest travels. That 总览 starts it once its first screen is up, as before.
  const engine = overview && embedded ? undefined : openEngine();
  engine?.catch(() => {}); // reported when the app awaits it
  // The first charts need vega as soon as their rows are in: start it before the manifest.
  if (overview || embedded) void loadVega().catch(() => {}); // a chart reports its own load failure
  // Only 总览 asks for answers its HTML did not bring; 跨赛道 without them waits for the engine.
  const firstAnswers: Promise<AnswerMap | null> = embedded?.answers
    ? manifest.then((m) => usableAnswers(embedded.answers, m)).catch(() => null)
    : overview
      ? fetchFirstAnswers(fetch, basePath, edition, manifest.catch((): Manifest | null => null))
      : Promise.resolve(null);
  try {
    return { manifest: await manifest, problem: null, dataBase, basePath, firstAnswers, firstDrawings, engine };
  } catch (error) {
    const problem: DataProblem =
      error instanceof DataError
        ? { code: error.code, detail: error.detail }
        : { code: 'manifest-unreadable', detail: { url: `${dataBase}/manifest.json`, reason: String(error) } };
    return { manifest: null, problem, dataBase, basePath, firstAnswers, firstDrawings, engine };
  }
};
