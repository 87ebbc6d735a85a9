/**
 * npm start: analyse when inputs, dictionaries or the analysis code changed; build when
 * the dashboard's sources changed; then serve on HOST:PORT (127.0.0.1:3000) through
 * scripts/serve.ts. The tables are not part of the build: the server hands out the
 * workspace's current ones (data/tables), and re-analyses itself when editions or
 * dictionaries change in the page.
 * Fingerprints of what was used last time live in .crosstrack/ (not committed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ANALYSIS_INPUTS = ['data/editions', 'data/dict', 'analysis', 'package-lock.json'];
/** Where `npm run analyze` writes and the server serves from (the workspace's tables). */
export const TABLES = 'data/tables';
/** Large enough for the biggest upload the workspace takes (src/lib/server/workspace/limits.ts) plus form fields. */
export const BODY_SIZE_LIMIT = String((Number(process.env.CROSSTRACK_MAX_UPLOAD_MB) || 20) * 1024 * 1024 + 512 * 1024);
/** The server bundles the analysis code (it re-analyses in the page's workspace), so all of analysis/ is a build input. */
export const BUILD_INPUTS = ['src', 'static', 'analysis', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

export function fingerprint(root: string, paths: string[]): string {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => listFiles(join(root, p)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export interface Step {
  name: 'analysis' | 'build';
  print: string;
  needed: boolean;
}

const stampFile = (root: string, name: string) => join(root, '.crosstrack', `${name}.sha256`);

function step(root: string, name: Step['name'], inputs: string[], output: string): Step {
  const print = fingerprint(root, inputs);
  const stamp = stampFile(root, name);
  const current = existsSync(join(root, output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === print;
  return { name, print, needed: !current };
}

/** What npm start has to do before serving. The build step is planned after analysis ran. */
export function planAnalysis(root: string): Step {
  return step(root, 'analysis', ANALYSIS_INPUTS, `${TABLES}/manifest.json`);
}

export function planBuild(root: string): Step {
  return step(root, 'build', BUILD_INPUTS, 'build/index.js');
}

export function markDone(root: string, done: Step): void {
  mkdirSync(join(root, '.crosstrack'), { recursive: true });
  writeFileSync(stampFile(root, done.name), done.print);
}

/**
 * Earlier versions wrote the tables into static/data, which the build copies and serves
 * ahead of the server's own /data: a stale copy there would hide every change. Ours (it
 * holds our manifest) is removed; returns whether it was there.
 */
export function retireStaticData(root: string): boolean {
  const manifest = join(root, 'static/data/manifest.json');
  if (!existsSync(manifest)) return false;
  try {
    if ((JSON.parse(readFileSync(manifest, 'utf8')) as { tool?: { name?: string } }).tool?.name !== 'crosstrack') return false;
  } catch {
    return false;
  }
  rmSync(join(root, 'static/data'), { recursive: true, force: true });
  return true;
}

function run(root: string, command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function start(root: string) {
  if (retireStaticData(root)) console.log('已移除旧位置 static/data 的分析结果（现在位于 data/tables）/ removed old tables from static/data (they live in data/tables now)');
  const analysis = planAnalysis(root);
  if (analysis.needed) {
    run(root, 'npx', ['tsx', 'analysis/cli.ts']);
    markDone(root, analysis);
  } else console.log('分析结果已是最新 / tables are up to date');

  const build = planBuild(root);
  if (build.needed) {
    run(root, 'npx', ['vite', 'build']);
    markDone(root, build);
  } else console.log('看板已构建 / dashboard build is up to date');

  const host = process.env.HOST ?? '127.0.0.1';
  const port = process.env.PORT ?? '3000';
  // scripts/serve.ts, not build/index.js: it puts the security rules in front of the static files too.
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, HOST: host, PORT: port, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? BODY_SIZE_LIMIT }
  });
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
  console.log(`Crosstrack 看板已启动 / dashboard running at http://${shown}:${port}/`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1]?.endsWith('start.ts')) start(join(import.meta.dirname, '..'));
