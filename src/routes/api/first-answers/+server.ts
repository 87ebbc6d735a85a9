/**
 * GET ?edition=ID: the overview's default queries answered by the server (first-answers/), so
 * 总览 draws its first charts before DuckDB-WASM has started. Same origin, GET only.
 */
import { answer, ok } from '$lib/server/api.ts';
import { firstAnswers } from '$lib/server/first-answers/index.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
  answer(async () => ok(await firstAnswers(getWorkspace()).get(url.searchParams.get('edition'))));
