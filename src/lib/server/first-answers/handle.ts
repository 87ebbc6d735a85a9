/**
 * The hook that writes the first screen of the pages of FIRST_ROUTES into their HTML (first-paint.ts). The answers are
 * computed ahead (index.ts); a visitor who comes before they are ready waits at most
 * WAIT_MS and then gets the plain page, which asks /api/first-answers itself.
 */
import type { Handle } from '@sveltejs/kit';
import { getWorkspace } from '../workspace/index.ts';
import { firstPaintHtml, paintsFirst } from './first-paint.ts';
import { firstAnswers, type FirstAnswers } from './index.ts';
import { firstRouteOf } from './queries.ts';

const WAIT_MS = 400;

async function within<T>(pending: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([pending.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

export const firstPaint: Handle = async ({ event, resolve }) => {
  const route = firstRouteOf(event.route.id);
  if (event.request.method !== 'GET' || route === null) return resolve(event);
  const workspace = getWorkspace();
  const manifest = workspace.manifest();
  const found: FirstAnswers | null = manifest ? await within(firstAnswers(workspace).get(event.url.searchParams.get('edition'), route), WAIT_MS) : null;
  // The answers must be the manifest's: tables swapped meanwhile are the page's to load.
  if (!manifest || !found || found.answers.length === 0 || workspace.manifest() !== manifest) return resolve(event);
  const { figures, ...answers } = found;
  const inserted = firstPaintHtml({ manifest, answers }, figures, paintsFirst(event.url.searchParams), route);
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace(/<body\b[^>]*>/, (open) => `${open}${inserted}`)
  });
};
