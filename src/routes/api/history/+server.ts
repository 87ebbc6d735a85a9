/** GET: every change made through the API, newest first, and whether it can still be undone. */
import { answer, ok } from '$lib/server/api.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
  answer(() => {
    const workspace = getWorkspace();
    const undoable = workspace.history.lastUndoable();
    const steps = [...workspace.steps()].reverse().map(({ id, at, kind, subject, detail, state, undone_at, changes }) => ({
      id,
      at,
      kind,
      subject,
      detail,
      state,
      undone_at: undone_at ?? null,
      files: changes.map((c) => c.path),
      undoable: undoable?.id === id
    }));
    return ok({ steps });
  });
