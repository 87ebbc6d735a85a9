/**
 * Server hooks: a thin sequence of handles from src/lib/server/, and the start-up that
 * decides where the server listens and opens the workspace.
 */
import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import type { ServerInit } from '@sveltejs/kit';
import { DEFAULT_HOST, startupProblem, writeGuard } from '$lib/server/write-guard.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';

export const init: ServerInit = async () => {
  if (building) return;
  // adapter-node reads HOST after this runs: without one it would listen on every interface.
  process.env.HOST ??= DEFAULT_HOST;
  const problem = startupProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  void getWorkspace().start();
};

export const handle = sequence(writeGuard);
