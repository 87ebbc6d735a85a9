/**
 * Server hooks: a thin sequence of handles from src/lib/server/, and the start-up that
 * decides where the server listens and opens the workspace. Order matters: the Host check
 * refuses a foreign request before any other handle or route runs; the security headers
 * wrap everything after them, so they land on the write guard's 401/403 and on the API's
 * and /data's answers too; the write guard then decides who may change data; last, 总览's HTML gets its first screen.
 */
import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import type { ServerInit } from '@sveltejs/kit';
import { guardHost, securityHeaders } from '$lib/server/security.ts';
import { DEFAULT_HOST, startupProblem, writeGuard } from '$lib/server/write-guard.ts';
import { getWorkspace } from '$lib/server/workspace/index.ts';
import { firstAnswers } from '$lib/server/first-answers/index.ts';
import { firstPaint } from '$lib/server/first-answers/handle.ts';

export const init: ServerInit = async () => {
  if (building) return;
  // build/index.js reads HOST after this runs and would otherwise listen on every interface
  // (scripts/serve.ts, what npm start runs, defaults to loopback itself); the guards read it too.
  process.env.HOST ??= DEFAULT_HOST;
  const problem = startupProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  void getWorkspace().start();
  // The overview's first charts are answered from memory, also for the first visitor.
  firstAnswers(getWorkspace()).watch();
};

export const handle = sequence(guardHost, securityHeaders, writeGuard, firstPaint);
