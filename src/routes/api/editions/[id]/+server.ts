/** PATCH with JSON { year?, region?, title? }: edit an edition's metadata. DELETE: remove the edition. Both re-analyse. */
import { answer, ok, readJsonObject } from '$lib/server/api.ts';
import { readFields } from '$lib/server/workspace/editions.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = ({ params, request }) =>
  answer(async () => {
    const fields = readFields(await readJsonObject(request), { allowEmpty: false });
    return ok({ edition: await getWorkspace().editEdition(params.id, fields) });
  });

export const DELETE: RequestHandler = ({ params }) => answer(async () => ok({ deleted: await getWorkspace().deleteEdition(params.id) }));
