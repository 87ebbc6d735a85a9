/** POST: undo the newest change still in effect (its files restored byte for byte), re-analyse. */
import { answer, ok } from '$lib/server/api.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = () =>
  answer(async () => {
    const step = await getWorkspace().undo();
    return ok({ undone: { id: step.id, kind: step.kind, subject: step.subject } });
  });
