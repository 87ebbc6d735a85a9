/**
 * The built server's answers, header by header (no browser): every response carries the
 * security headers and a CSP that allows only this origin (wasm yes, eval no); tables are
 * served as Arrow; static files answer GET and HEAD only; a foreign Host is refused.
 */
import { readdirSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, ensureBuild, ensureData, startServer, type AppServer } from './support.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch will not send a Host header of our choosing. */
function ask(server: AppServer, path: string, options: { method?: string; host?: string | null } = {}): Promise<Answer> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.host !== null) headers.host = options.host ?? url.host;
    const req = request({ hostname: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const immutable = (pattern: RegExp) => {
  const dir = join(BUILD_DIR, 'client/_app/immutable/assets');
  const name = readdirSync(dir).find((n) => pattern.test(n) && !/\.(br|gz)$/.test(n));
  if (!name) throw new Error(`no ${pattern} in ${dir}`);
  return `/_app/immutable/assets/${name}`;
};

let server: AppServer;

beforeAll(async () => {
  ensureBuild();
  await ensureData();
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

function expectSecurityHeaders(answer: Answer, what: string) {
  const csp = String(answer.headers['content-security-policy']);
  expect(csp, what).toMatch(/default-src 'self'/);
  expect(csp, what).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  expect(csp, what).toMatch(/worker-src 'self'/);
  expect(csp, what).toMatch(/connect-src 'self'/);
  expect(csp, what).toMatch(/object-src 'none'/);
  expect(csp, what).toMatch(/frame-ancestors 'none'/);
  expect(csp, what).not.toMatch(/'unsafe-eval'|https?:|\*/);
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  expect(answer.headers['referrer-policy'], what).toBe('no-referrer');
  expect(answer.headers['x-frame-options'], what).toBe('DENY');
}

describe('the built server', () => {
  it('puts the security headers on pages, data, code, the DuckDB worker and wasm', async () => {
    const page = await ask(server, '/sql');
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, 'page');
    // SvelteKit adds the hash of its inline start-up script to the page's policy.
    expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);

    const paths = ['/data/manifest.json', '/data/topics.arrow', '/data/csv/topics.csv', immutable(/^duckdb-browser-eh\.worker\..*\.js$/), immutable(/^duckdb-eh\..*\.wasm$/), '/favicon.svg', '/no-such-page'];
    for (const path of paths) {
      const answer = await ask(server, path);
      expectSecurityHeaders(answer, path);
      if (path !== '/no-such-page') expect(answer.status, path).toBe(200);
    }
    expect((await ask(server, '/no-such-page')).status).toBe(404);
  });

  it('never sends a page a CSP without its script hash, not even on a 304', async () => {
    const first = await ask(server, '/sql');
    const etag = String(first.headers.etag);
    const again = await new Promise<Answer>((resolve, reject) => {
      const url = new URL(server.url);
      const req = request({ hostname: url.hostname, port: url.port, path: '/sql', headers: { 'if-none-match': etag } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(again.status).toBe(304);
    // A 304's headers replace the cached ones: a policy without the hash would block the page.
    const csp = again.headers['content-security-policy'];
    if (csp !== undefined) expect(String(csp)).toMatch(/'sha256-/);
  });

  it('serves the tables as Arrow streams and wasm as wasm', async () => {
    const arrow = await ask(server, '/data/term_topic.arrow');
    expect(arrow.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
    // An Arrow IPC stream starts with a continuation marker.
    expect(arrow.body.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect((await ask(server, immutable(/^duckdb-eh\..*\.wasm$/))).headers['content-type']).toBe('application/wasm');
  });

  it('answers static files to GET and HEAD only', async () => {
    const head = await ask(server, '/data/manifest.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of ['/data/manifest.json', '/data/topics.arrow', immutable(/^duckdb-eh\..*\.wasm$/)]) {
        const answer = await ask(server, path, { method });
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.allow).toBe('GET, HEAD');
        expect(answer.body.toString()).not.toContain('edition_id');
        expectSecurityHeaders(answer, `${method} ${path}`);
      }
    }
  });

  it('refuses a Host that is not this machine, so a DNS-rebinding page reads nothing', async () => {
    const port = new URL(server.url).port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost.evil.example`]) {
      for (const path of ['/', '/data/manifest.json', '/data/topics.arrow']) {
        const answer = await ask(server, path, { host });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.body.toString()).toContain('CROSSTRACK_ALLOWED_HOSTS');
        expect(answer.body.toString()).not.toContain('edition_id');
        expectSecurityHeaders(answer, host);
      }
    }
    // No Host at all: Node's HTTP server itself answers 400 (HTTP/1.1 requires one).
    expect([400, 403]).toContain((await ask(server, '/data/manifest.json', { host: null })).status);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await ask(server, '/data/manifest.json', { host })).status, host).toBe(200);
    }
  });

  it('answers the names CROSSTRACK_ALLOWED_HOSTS adds', async () => {
    const other = await startServer({ env: { CROSSTRACK_ALLOWED_HOSTS: 'crosstrack.intranet, data.example.cn' } });
    try {
      expect((await ask(other, '/data/manifest.json', { host: 'crosstrack.intranet:8080' })).status).toBe(200);
      expect((await ask(other, '/', { host: 'data.example.cn' })).status).toBe(200);
      expect((await ask(other, '/', { host: 'evil.example' })).status).toBe(403);
    } finally {
      await other.stop();
    }
  });
});
