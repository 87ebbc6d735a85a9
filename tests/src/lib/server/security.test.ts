import { describe, expect, it } from 'vitest';
import {
  ARROW_CONTENT_TYPE,
  contentTypeFor,
  cspHeader,
  guardHost,
  hostOf,
  hostPolicy,
  isAllowedHost,
  SECURITY_HEADERS,
  withSecurityHeaders
} from '../../../../src/lib/server/security.ts';

describe('Content-Security-Policy', () => {
  it('allows only this origin: wasm may compile, JavaScript may not be evaluated, nothing may frame it', () => {
    const csp = cspHeader();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(csp);
  });

  it('quotes keywords and leaves schemes alone', () => {
    expect(cspHeader({ 'img-src': ['self', 'data:'], 'frame-ancestors': ['none'] })).toBe("img-src 'self' data:; frame-ancestors 'none'");
  });
});

describe('content types', () => {
  it('serves Arrow files as Arrow streams, whatever the folder', () => {
    expect(contentTypeFor('/data/topics.arrow')).toBe(ARROW_CONTENT_TYPE);
    expect(contentTypeFor('/workspace/x/TERMS.ARROW')).toBe(ARROW_CONTENT_TYPE);
    expect(contentTypeFor('/data/manifest.json')).toBeNull();
  });
});

describe('Host check', () => {
  it('reads the host name of a Host header', () => {
    expect(hostOf('LocalHost:3000')).toBe('localhost');
    expect(hostOf('[::1]:3000')).toBe('::1');
    expect(hostOf('example.com.')).toBe('example.com');
    expect(hostOf('')).toBeNull();
    expect(hostOf(undefined)).toBeNull();
  });

  it('answers loopback names by default and refuses others, rebinding names included', () => {
    const policy = hostPolicy({ HOST: '127.0.0.1' });
    for (const ok of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST']) expect(isAllowedHost(ok, policy), ok).toBe(true);
    for (const bad of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io:3000', '', null]) expect(isAllowedHost(bad, policy), String(bad)).toBe(false);
  });

  it('adds the configured HOST, ORIGIN and CROSSTRACK_ALLOWED_HOSTS; * turns the check off', () => {
    const policy = hostPolicy({ HOST: 'dashboard.lan', ORIGIN: 'https://crosstrack.example.cn', CROSSTRACK_ALLOWED_HOSTS: 'a.intranet, b.intranet:8080' });
    for (const ok of ['dashboard.lan:3000', 'crosstrack.example.cn', 'a.intranet', 'b.intranet:9999']) expect(isAllowedHost(ok, policy), ok).toBe(true);
    expect(isAllowedHost('c.intranet', policy)).toBe(false);
    expect(isAllowedHost('anything', hostPolicy({ CROSSTRACK_ALLOWED_HOSTS: '*' }))).toBe(true);
  });

  it('serving every interface answers this machine’s own addresses, never a foreign name', () => {
    const policy = hostPolicy({ HOST: '0.0.0.0' });
    expect(isAllowedHost('127.0.0.1', policy)).toBe(true);
    expect(isAllowedHost('evil.example', policy)).toBe(false);
  });

  it('the SvelteKit handle refuses a foreign Host before resolving anything', async () => {
    let resolved = 0;
    const resolve = async () => (resolved++, new Response('page'));
    const event = (host: string) => ({ request: new Request('http://x/', { headers: { host } }) }) as never;
    const refused = await guardHost({ event: event('evil.example'), resolve } as never);
    expect(refused.status).toBe(403);
    expect(resolved).toBe(0);
    expect((await guardHost({ event: event('localhost:3000'), resolve } as never)).status).toBe(200);
    expect(resolved).toBe(1);
  });
});

describe('withSecurityHeaders', () => {
  it('adds what a response lacks and keeps what it sets (a page’s CSP with its hash)', () => {
    const page = withSecurityHeaders(new Response('x', { headers: { 'Content-Security-Policy': "script-src 'self' 'sha256-abc'" } }), '/');
    expect(page.headers.get('content-security-policy')).toBe("script-src 'self' 'sha256-abc'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const table = withSecurityHeaders(new Response('x', { headers: { 'Content-Type': 'application/octet-stream' } }), '/data/terms.arrow');
    expect(table.headers.get('content-type')).toBe(ARROW_CONTENT_TYPE);
    expect(table.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['Content-Security-Policy']);
  });

  it('puts no CSP on a 304, which would replace the page’s own policy in the browser cache', () => {
    const notModified = withSecurityHeaders(new Response(null, { status: 304 }), '/sql');
    expect(notModified.headers.has('content-security-policy')).toBe(false);
    expect(notModified.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('copies a response whose headers are immutable', async () => {
    const fetched = Response.redirect('http://localhost/elsewhere', 302);
    const out = withSecurityHeaders(fetched, '/data/terms.arrow');
    expect(out.status).toBe(302);
    expect(out.headers.get('x-frame-options')).toBe('DENY');
  });
});
