/** POST with JSON { text }: which term counts the edited dictionary would change, with a passage cut both ways. Saves nothing. */
import { answer, ok, readText } from '$lib/server/api.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, request }) =>
  answer(async () => {
    const workspace = getWorkspace();
    workspace.readDict(params.name);
    return ok({ preview: await workspace.previewDict(params.name, await readText(request)) });
  });
