/**
 * GET ?edition=ID: the overview's default queries answered by the server (first-answers/), so
 * 总览 draws its first charts before DuckDB-WASM has started. Same origin, GET only.
 */
import { answer, ok } from '$lib/server/api.ts';
import { firstAnswers } from '$lib/server/first-answers/index.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

// The drawings travel only inside the overview's HTML (hooks.server.ts): a page that asks here has no use for them.
export const GET: RequestHandler = ({ url }) =>
  answer(async () => {
    const { figures: _drawn, ...answers } = await firstAnswers(getWorkspace()).get(url.searchParams.get('edition'));
    return ok(answers);
  });
