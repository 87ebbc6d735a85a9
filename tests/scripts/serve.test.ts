import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guarded, staticPaths } from '../../scripts/serve.ts';

function build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosstrack-serve-'));
  mkdirSync(join(dir, 'client/data'), { recursive: true });
  writeFileSync(join(dir, 'client/data/topics.arrow'), 'x');
  writeFileSync(join(dir, 'client/data/topics.arrow.br'), 'x');
  writeFileSync(join(dir, 'client/favicon.svg'), '<svg/>');
  return dir;
}

describe('the production server wrapper', () => {
  it('knows every static file, precompressed copies folded in', () => {
    expect([...staticPaths(build())].sort()).toEqual(['/data/topics.arrow', '/favicon.svg']);
  });

  it('refuses foreign hosts and non-GET static requests before the handler; headers on static files only', async () => {
    const seen: string[] = [];
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      seen.push(`${req.method} ${req.url}`);
      res.end(String(res.getHeader('content-type') ?? 'none') + ' ' + String(res.getHeader('content-security-policy') !== undefined));
    };
    const server = createServer(guarded(handler, staticPaths(build()), { HOST: '127.0.0.1' }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const ask = (path: string, method = 'GET', host = `127.0.0.1:${port}`) =>
      new Promise<{ status: number; body: string; allow?: string }>((resolve, reject) => {
        const req = request({ port, path, method, headers: { host } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, allow: res.headers.allow as string | undefined }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await ask('/data/topics.arrow')).toMatchObject({ status: 200, body: 'application/vnd.apache.arrow.stream true' });
      // Pages get their headers (and their own CSP) from SvelteKit's hooks, not from here.
      expect(await ask('/sql')).toMatchObject({ status: 200, body: 'none false' });
      expect(await ask('/data/topics.arrow', 'PUT')).toMatchObject({ status: 405, allow: 'GET, HEAD' });
      expect(await ask('/data/topics.arrow', 'DELETE')).toMatchObject({ status: 405 });
      expect(await ask('/data/%74opics.arrow', 'POST')).toMatchObject({ status: 405 });
      expect((await ask('/data/topics.arrow', 'GET', 'evil.example')).status).toBe(403);
      expect(seen).toEqual(['GET /data/topics.arrow', 'GET /sql']);
    } finally {
      server.close();
    }
  });
});
