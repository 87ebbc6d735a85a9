/**
 * The production server (`npm start`, the browser tests): adapter-node's request handler
 * behind the rules of src/lib/server/security.ts. adapter-node serves the static files
 * (build/client: the app's code, fonts, wasm, /data/*.arrow) before SvelteKit sees the
 * request, so its hooks cannot protect them; this wrapper applies the same rules to every
 * response: the Host check, the security headers, the .arrow Content-Type, and GET/HEAD
 * only for static files.
 *
 *   HOST (default 127.0.0.1), PORT (3000), ORIGIN, CROSSTRACK_ALLOWED_HOSTS,
 *   CROSSTRACK_BUILD_DIR (build) — `tsx scripts/serve.ts`
 */
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  contentTypeFor,
  hostPolicy,
  hostRefusedText,
  isAllowedHost,
  READ_METHODS,
  SECURITY_HEADERS
} from '../src/lib/server/security.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const PRECOMPRESSED = /\.(br|gz)$/;

/** URL paths of every file the static file server can answer (precompressed copies folded in). */
export function staticPaths(buildDir: string): Set<string> {
  const paths = new Set<string>();
  const walk = (root: string, dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(root, path);
      else paths.add('/' + relative(root, path).split(sep).join('/').replace(PRECOMPRESSED, ''));
    }
  };
  for (const name of ['client', 'prerendered']) {
    const root = join(buildDir, name);
    if (existsSync(root)) walk(root, root);
  }
  return paths;
}

function pathnameOf(req: IncomingMessage): string {
  const raw = (req.url ?? '/').split('?')[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function refuse(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** The request handler: the rules first, then adapter-node's handler (static files, then SvelteKit). */
export function guarded(handler: NodeHandler, statics: ReadonlySet<string>, env: Record<string, string | undefined> = process.env) {
  const policy = hostPolicy(env);
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req.headers.host, policy)) return refuse(res, 403, hostRefusedText(req.headers.host));
    const pathname = pathnameOf(req);
    if (statics.has(pathname) && !READ_METHODS.has(req.method ?? 'GET')) {
      return refuse(res, 405, '只允许 GET 和 HEAD / only GET and HEAD are allowed\n', { Allow: 'GET, HEAD' });
    }
    // Static files only: everything else reaches SvelteKit, whose hooks add the headers, and
    // whose pages carry their own CSP (with the hash of the inline start-up script). Adding
    // ours to a page's 304 would replace that policy in the browser's cache.
    if (statics.has(pathname)) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      // sirv takes a Content-Type already set on the response over its own guess.
      const type = contentTypeFor(pathname);
      if (type) res.setHeader('Content-Type', type);
    }
    handler(req, res, () => refuse(res, 404, 'Not found\n'));
  };
}

export async function serve(options: { buildDir: string; host: string; port: number }): Promise<Server> {
  const buildDir = resolve(options.buildDir);
  const { handler } = (await import(pathToFileURL(join(buildDir, 'handler.js')).href)) as { handler: NodeHandler };
  const server = createServer(guarded(handler, staticPaths(buildDir)));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  return server;
}

if (process.argv[1]?.endsWith('serve.ts')) {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? '3000');
  const buildDir = process.env.CROSSTRACK_BUILD_DIR ?? 'build';
  serve({ buildDir, host, port }).then(
    (server) => {
      console.log(`Listening on http://${host.includes(':') ? `[${host}]` : host}:${port}`);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.on(signal, () => {
          server.close(() => process.exit(0));
          server.closeAllConnections();
        });
      }
    },
    (error: NodeJS.ErrnoException) => {
      console.error(`看板无法启动 / the dashboard cannot start: ${error.code ?? ''} ${error.message}`);
      process.exit(1);
    }
  );
}
