/** GET: the workspace's editions. POST (multipart `file`, optional year/region/title): add one, re-analyse, 201. */
import { answer, ok } from '$lib/server/api.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import { readUpload } from '$lib/server/workspace/upload.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => answer(() => ok({ editions: getWorkspace().editions() }));

export const POST: RequestHandler = ({ request }) =>
  answer(async () => {
    const workspace = getWorkspace();
    const upload = await readUpload(request);
    return ok({ edition: await workspace.addEdition(upload) }, 201);
  });
