/**
 * Shared e2e plumbing: build the app if sources changed, make sure there is analysis
 * data to serve (a workspace's tables/), start the production server (scripts/serve.ts in
 * front of build/) on a free port with that workspace, drive /usr/bin/chromium.
 * Every request the page makes is recorded so tests can prove nothing leaves the machine.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { writeFixtureDir } from '../src/lib/fixture/write.ts';
import type { TopTermRow } from '../../src/lib/queries/overview.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILD_DIR = join(ROOT, process.env.CROSSTRACK_BUILD_DIR ?? 'build');
const BUILD_ENTRY = join(BUILD_DIR, 'index.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds unless build/ is newer than every source, static file and config (the tables are not part of it). */
export function ensureBuild(): void {
  const inputs = ['src', 'analysis', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
  const newestInput = Math.max(...inputs.map((p) => newestMtime(join(ROOT, p))));
  // A build from before the tables moved to data/tables would serve its own stale copy.
  const stale = existsSync(join(BUILD_DIR, 'client/data'));
  const fresh = existsSync(BUILD_ENTRY) && statSync(BUILD_ENTRY).mtimeMs > newestInput && !stale;
  if (fresh && !process.env.E2E_FORCE_BUILD) return;
  // vitest sets NODE_ENV=test, which would make this a development build (SvelteKit's dev-only
  // warnings in the console); build exactly what `npm run build` ships.
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** The bundled workspace, whose tables `npm run analyze` writes (data/tables). */
export const REAL_WORKSPACE = join(ROOT, 'data');

/**
 * The workspace the server serves: the real one when `npm run analyze` has run; otherwise
 * a temporary one holding only the test fixture's tables (never written into data/).
 */
export async function ensureData(): Promise<{ data: 'real' | 'fixture'; workspace: string }> {
  if (existsSync(join(REAL_WORKSPACE, 'tables/manifest.json'))) return { data: 'real', workspace: REAL_WORKSPACE };
  const workspace = mkdtempSync(join(tmpdir(), 'crosstrack-fixture-ws-'));
  await writeFixtureDir(join(workspace, 'tables'));
  return { data: 'fixture', workspace };
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface AppServer {
  url: string;
  /** What the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The workspace folder (CROSSTRACK_WORKSPACE); default the bundled data/. */
  workspace?: string;
  /** More environment, e.g. HOST, CROSSTRACK_TOKEN or CROSSTRACK_ALLOWED_HOSTS. */
  env?: Record<string, string>;
}

/** Room for the largest upload the workspace takes (20 MB) plus the form's other fields. */
export const BODY_SIZE_LIMIT = String(21 * 1024 * 1024);

export async function startServer(options: ServerOptions = {}): Promise<AppServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/serve.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: `http://127.0.0.1:${port}`,
      CROSSTRACK_BUILD_DIR: BUILD_DIR,
      BODY_SIZE_LIMIT,
      CROSSTRACK_WORKSPACE: options.workspace ?? REAL_WORKSPACE,
      ...options.env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      })
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** `env` adds to Chromium's environment (e.g. FONTCONFIG_FILE for a machine without CJK fonts). */
export async function launchBrowser(options: { env?: Record<string, string> } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'crosstrack-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    ...(options.env ? { env: { ...(process.env as Record<string, string>), ...options.env } } : {}),
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
}

export interface PageLog {
  errors: string[];
  /** Requests to anything but the test server. */
  external: string[];
}

/** Records console errors, page errors, failed requests and requests leaving the server. */
export function watchPage(page: Page, serverUrl: string): PageLog {
  const log: PageLog = { errors: [], external: [] };
  const origin = new URL(serverUrl).origin;
  page.on('console', (m) => m.type() === 'error' && log.errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => log.errors.push(`page: ${e.message}`));
  page.on('requestfailed', (r) => {
    // The server's event stream stays open for the page's life; leaving the page cancels it.
    if (new URL(r.url()).pathname.endsWith('/api/events') && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    log.errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) log.external.push(url);
  });
  return log;
}

export const SHOTS = join(ROOT, 'test-results');

/** Any Chinese character: labels drawn from the data, not placeholders. */
export const HAN = /\p{Script=Han}/u;

/** The chart frame (title, controls, chart, exports) whose heading matches `title`. */
/**
 * Waits until DuckDB-WASM has every table. 总览 draws its first charts from the server's
 * answers before that: a test that changes a setting there waits for the engine first.
 */
export const engineReady = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', null, { timeout: 60_000 });

/** 总览's top terms for 2026 湖南 from the real tables on Node DuckDB: what its first chart must show. */
export async function realTopTerms(): Promise<TopTermRow[]> {
  const [{ realConnector }, { openingQueries }] = await Promise.all([import('../src/lib/fixture/real.ts'), import('../../src/lib/server/first-answers/queries.ts')]);
  const { db, manifest } = await realConnector('node');
  try {
    return await db.query<TopTermRow>(openingQueries(manifest, '2026-hunan').queries[0]);
  } finally {
    await db.close();
  }
}

/**
 * Serves 总览's HTML without what the server writes into it (the manifest and first answers
 * as a data block, the drawn first screen), as from a server that has none: the page then
 * fetches the manifest and the answers itself, so a test can hold or break those requests.
 */
export async function withoutFirstScreen(page: Page): Promise<void> {
  await page.route(/\/(\?.*)?$/, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/<script type="application\/json" id="crosstrack-first">.*?<\/script>/s, '')
      .replace(/<div id="first-paint".*?<\/main><\/div>/s, '');
    if (html.includes('crosstrack-first') || html.includes('id="first-paint"')) throw new Error('the first screen could not be taken out of the HTML');
    await route.fulfill({ response, body: html });
  });
}

export const frameTitled = (page: Page, title: RegExp) => page.locator('section.frame').filter({ has: page.locator('h2', { hasText: title }) });

/**
 * Downloads one export of a chart or table: opens its 「导出」 menu (inside `container`)
 * when closed and clicks the format's button ('SVG', 'PNG', 'CSV', 'XLSX').
 */
export async function exportFrom(page: Page, container: Locator, format: 'SVG' | 'PNG' | 'CSV' | 'XLSX'): Promise<Download> {
  const menu = container.locator('details.menu').first();
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: `导出为 ${format}` }).click()]);
  return download;
}

export interface Dashboard {
  server: AppServer;
  browser: Browser;
  /** Where the served tables came from: the real analysis output or the test fixture. */
  data: 'real' | 'fixture';
  close(): Promise<void>;
}

/** What every browser test file starts with: a current build, data, the server and Chromium. */
export async function openDashboard(options: ServerOptions = {}): Promise<Dashboard> {
  ensureBuild();
  const found = options.workspace ? { data: 'real' as const, workspace: options.workspace } : await ensureData();
  const server = await startServer({ ...options, workspace: found.workspace });
  const browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  return {
    server,
    browser,
    data: found.data,
    async close() {
      await browser.close();
      await server.stop();
    }
  };
}
