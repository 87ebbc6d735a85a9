/**
 * npm start: analyse when inputs, dictionaries or the analysis code changed; build when
 * the dashboard's sources or the tables changed; then serve on HOST:PORT (127.0.0.1:3000)
 * through scripts/serve.ts.
 * Fingerprints of what was used last time live in .crosstrack/ (not committed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ANALYSIS_INPUTS = ['data', 'analysis', 'package-lock.json'];
export const BUILD_INPUTS = ['src', 'static', 'analysis/contract.ts', 'analysis/write/spreadsheet-safe.ts', 'analysis/write/csv.ts', 'analysis/write/columns.ts', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

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
  return step(root, 'analysis', ANALYSIS_INPUTS, 'static/data/manifest.json');
}

export function planBuild(root: string): Step {
  return step(root, 'build', BUILD_INPUTS, 'build/index.js');
}

export function markDone(root: string, done: Step): void {
  mkdirSync(join(root, '.crosstrack'), { recursive: true });
  writeFileSync(stampFile(root, done.name), done.print);
}

function run(root: string, command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function start(root: string) {
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
    env: { ...process.env, HOST: host, PORT: port }
  });
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
  console.log(`Crosstrack 看板已启动 / dashboard running at http://${shown}:${port}/`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1]?.endsWith('start.ts')) start(join(import.meta.dirname, '..'));
