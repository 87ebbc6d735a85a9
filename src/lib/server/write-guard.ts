/**
 * Who may change data. Every POST, PUT, PATCH and DELETE (uploads and previews included)
 * passes here first:
 *   - a request from another site's page (Origin not ours) is refused, whatever its
 *     content type (SvelteKit's own check covers form posts only, and stays on);
 *   - a read-only server (CROSSTRACK_READONLY=1) refuses every change;
 *   - with CROSSTRACK_TOKEN set, `Authorization: Bearer <token>` must match it.
 * The server binds 127.0.0.1 unless HOST says otherwise, and refuses to start open to
 * the network and writable without a token (`startupProblem`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import { messageText } from '../../../analysis/messages.ts';
import { failure } from './api.ts';
import { refuse } from './workspace/errors.ts';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const MIN_TOKEN_LENGTH = 16;
export const DEFAULT_HOST = '127.0.0.1';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export interface WritePolicy {
  readOnly: boolean;
  token: string | null;
}

export function writePolicy(env: NodeJS.ProcessEnv = process.env): WritePolicy {
  return { readOnly: env.CROSSTRACK_READONLY === '1', token: env.CROSSTRACK_TOKEN ? env.CROSSTRACK_TOKEN : null };
}

/** Why the server must not start with this environment, or null. */
export function startupProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const policy = writePolicy(env);
  if (policy.token !== null && policy.token.length < MIN_TOKEN_LENGTH) return messageText('api-short-token');
  const host = env.HOST ?? DEFAULT_HOST;
  if (!isLoopback(host) && !policy.readOnly && policy.token === null) return messageText('api-unsafe-start', { host });
  return null;
}

function tokenMatches(header: string | null, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const writeGuard: Handle = async ({ event, resolve }) => {
  if (!CHANGES.has(event.request.method)) return resolve(event);
  const origin = event.request.headers.get('origin');
  if (origin !== null && origin !== event.url.origin) return failure(refuse(403, 'api-cross-origin', { origin }));
  const policy = writePolicy();
  if (policy.readOnly) return failure(refuse(403, 'api-read-only'));
  if (policy.token !== null) {
    const header = event.request.headers.get('authorization');
    if (!tokenMatches(header, policy.token)) {
      const response = failure(refuse(401, header ? 'api-token-wrong' : 'api-token-required'));
      response.headers.set('www-authenticate', 'Bearer realm="crosstrack"');
      return response;
    }
  }
  return resolve(event);
};
