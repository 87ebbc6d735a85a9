/** GET (and HEAD): /data/manifest.json and the tables it lists, from the workspace's current output. */
import { serveTableFile } from '$lib/server/tables.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, request }) => {
  const workspace = getWorkspace();
  return serveTableFile(workspace.paths.tables, workspace.manifest(), params.file, request);
};
