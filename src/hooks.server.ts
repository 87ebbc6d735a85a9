/**
 * Server hooks: a thin sequence of handles that live in $lib/server. Order matters: the
 * Host check refuses a foreign request before any other handle or route runs; the
 * security headers go on whatever comes back.
 */
import { sequence } from '@sveltejs/kit/hooks';
import { guardHost, securityHeaders } from '$lib/server/security.ts';

export const handle = sequence(guardHost, securityHeaders);
