/**
 * What every response of the dashboard's server carries and whom it answers. Used twice:
 * by the SvelteKit hooks (pages and server routes, src/hooks.server.ts) and by the
 * production server in front of the static files (scripts/serve.ts), which SvelteKit's
 * hooks never see. Relative imports only, so tsx can run it outside Vite.
 *
 * Content-Security-Policy (csp-directives.json, also read by svelte.config.js so pages get
 * the hash of SvelteKit's inline start-up script): only this origin. 'wasm-unsafe-eval'
 * lets DuckDB-WASM and HarfBuzz compile their WebAssembly (it allows no JavaScript eval:
 * vega runs through vega-interpreter); worker-src 'self' is DuckDB's worker; data: and
 * blob: images and fonts are the chart exports drawn in the page; inline styles are
 * Svelte's and vega's style attributes; frame-ancestors 'none' forbids framing.
 *
 * Host: a DNS-rebinding page (evil.example resolving to 127.0.0.1) sends its own name as
 * Host; only loopback names, the configured HOST/ORIGIN, this machine's own addresses when
 * serving on every interface, and CROSSTRACK_ALLOWED_HOSTS are answered.
 */
import type { Handle } from '@sveltejs/kit';
import { hostname, networkInterfaces } from 'node:os';
import directives from './csp-directives.json';

const QUOTED = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'wasm-unsafe-eval', 'strict-dynamic']);

export function cspHeader(from: Record<string, string[]> = directives): string {
  return Object.entries(from)
    .map(([name, sources]) => [name, ...sources.map((s) => (QUOTED.has(s) ? `'${s}'` : s))].join(' '))
    .join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': cspHeader(),
  'X-Content-Type-Options': 'nosniff',
  // Browsers without CSP level 2 (frame-ancestors) still honour this.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()'
});

/** Arrow IPC stream files (the tables), IANA-registered; mrmime knows no type for them. */
export const ARROW_CONTENT_TYPE = 'application/vnd.apache.arrow.stream';

/** The Content-Type a path must be served with when the file server's guess is wrong, else null. */
export function contentTypeFor(pathname: string): string | null {
  return /\.arrow$/i.test(pathname) ? ARROW_CONTENT_TYPE : null;
}

/** Static files answer these methods only; anything else is 405. */
export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

export interface HostPolicy {
  /** CROSSTRACK_ALLOWED_HOSTS=* (behind a reverse proxy that checks Host itself). */
  any: boolean;
  names: ReadonlySet<string>;
}

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);

/** The host name of a Host header (no port, no brackets, lower case), or null when there is none. */
export function hostOf(header: string | null | undefined): string | null {
  const value = header?.trim().toLowerCase();
  if (!value) return null;
  const name = value.startsWith('[') ? value.slice(1, value.indexOf(']') < 0 ? undefined : value.indexOf(']')) : value.replace(/:\d*$/, '');
  return name.replace(/\.$/, '') || null;
}

export function hostPolicy(env: Record<string, string | undefined> = process.env): HostPolicy {
  const names = new Set(LOOPBACK.map((n) => n.toLowerCase()));
  const extra = (env.CROSSTRACK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (extra.includes('*')) return { any: true, names };
  for (const h of extra) names.add(hostOf(h) ?? h);
  const bound = env.HOST?.trim() ?? '';
  if (!ALL_INTERFACES.has(bound)) names.add(hostOf(bound) ?? bound);
  else {
    // Serving every interface: the machine's own addresses and name are not a rebinding attack.
    for (const list of Object.values(networkInterfaces())) for (const address of list ?? []) names.add(address.address.toLowerCase());
    names.add(hostname().toLowerCase());
  }
  if (env.ORIGIN) {
    try {
      names.add(hostOf(new URL(env.ORIGIN).host)!);
    } catch {
      // adapter-node itself refuses a malformed ORIGIN at start.
    }
  }
  return { any: false, names };
}

export function isAllowedHost(header: string | null | undefined, policy: HostPolicy): boolean {
  if (policy.any) return true;
  const name = hostOf(header);
  return name !== null && policy.names.has(name);
}

/** The body of a refused request: plain text, both languages, no page around it. */
export function hostRefusedText(header: string | null | undefined): string {
  const shown = (header ?? '').replace(/[^\x21-\x7e]/g, '?').slice(0, 100);
  return (
    `看板不接受以此主机名访问：${shown}。若要用其他名称或地址访问，请让管理员设置 CROSSTRACK_ALLOWED_HOSTS。\n` +
    `The dashboard does not answer to this host name: ${shown}. To serve it under another name, set CROSSTRACK_ALLOWED_HOSTS.\n`
  );
}

const TEXT = 'text/plain; charset=utf-8';

/**
 * Adds every security header the response does not set itself (pages keep SvelteKit's CSP
 * with its hash). Never a CSP on a 304: the browser would store it over the page's own.
 */
export function withSecurityHeaders(response: Response, pathname: string): Response {
  let out = response;
  const apply = (headers: Headers) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (headers.has(name) || (response.status === 304 && name === 'Content-Security-Policy')) continue;
      headers.set(name, value);
    }
    const type = contentTypeFor(pathname);
    if (type) headers.set('Content-Type', type);
  };
  try {
    apply(out.headers);
  } catch {
    // Immutable headers (a fetched response passed through): copy them into a new response.
    out = new Response(response.body, response);
    apply(out.headers);
  }
  return out;
}

let policy: HostPolicy | null = null;

/** Refuses a Host that is not ours before anything else runs. */
export const guardHost: Handle = ({ event, resolve }) => {
  policy ??= hostPolicy();
  const host = event.request.headers.get('host');
  if (isAllowedHost(host, policy)) return resolve(event);
  return new Response(hostRefusedText(host), { status: 403, headers: { ...SECURITY_HEADERS, 'Content-Type': TEXT } });
};

export const securityHeaders: Handle = async ({ event, resolve }) => withSecurityHeaders(await resolve(event), event.url.pathname);
