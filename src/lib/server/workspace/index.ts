/**
 * The one workspace of this server process, from the environment:
 *   CROSSTRACK_WORKSPACE   the folder (default: data, beside the project's package.json)
 *   CROSSTRACK_READONLY=1  serve it without allowing changes
 */
import { Workspace } from './workspace.ts';

let workspace: Workspace | null = null;

export function workspaceRoot(): string {
  return process.env.CROSSTRACK_WORKSPACE || 'data';
}

export const readOnly = () => process.env.CROSSTRACK_READONLY === '1';

export function getWorkspace(): Workspace {
  workspace ??= new Workspace(workspaceRoot(), !readOnly());
  return workspace;
}

export { Workspace, DICTIONARIES, type EditionInfo } from './workspace.ts';
export { ApiError, refuse } from './errors.ts';
export { UPLOAD_LIMITS } from './limits.ts';
