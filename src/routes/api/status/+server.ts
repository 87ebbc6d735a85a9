/** GET: the re-analysis queue (what runs, its progress, what waits), the tables' version, and whether changes are allowed. */
import { answer, ok } from '$lib/server/api.ts';
import { getWorkspace, UPLOAD_LIMITS } from '$lib/server/workspace/index.ts';
import { writePolicy } from '$lib/server/write-guard.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
  answer(() => {
    const workspace = getWorkspace();
    const policy = writePolicy();
    return ok({
      writable: workspace.writable && !policy.readOnly,
      token_required: policy.token !== null,
      tables: workspace.tablesVersion(),
      queue: workspace.queue.status(),
      limits: { upload_bytes: UPLOAD_LIMITS.fileBytes }
    });
  });
