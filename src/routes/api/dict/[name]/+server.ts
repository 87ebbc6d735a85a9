/** GET: one dictionary's whole text. PUT with JSON { text }: replace it (checked line by line), re-analyse everything. */
import { answer, ok, readText } from '$lib/server/api.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => answer(() => ok(getWorkspace().readDict(params.name)));

export const PUT: RequestHandler = ({ params, request }) =>
  answer(async () => {
    const workspace = getWorkspace();
    workspace.readDict(params.name);
    return ok(await workspace.saveDict(params.name, await readText(request)));
  });
