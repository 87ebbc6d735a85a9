/** POST (multipart `file`, optional year/region/title): how the guide reads, without saving anything. */
import { answer, ok } from '$lib/server/api.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import { readUpload } from '$lib/server/workspace/upload.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request }) => answer(async () => ok({ preview: await getWorkspace().previewUpload(await readUpload(request)) }));
