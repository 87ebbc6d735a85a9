/**
 * npm start: analyse when inputs, dictionaries or the analysis code changed; build when
 * the dashboard's sources or the tables changed; then serve on HOST:PORT (127.0.0.1:3000).
 * Fingerprints of what was used last time live in .crosstrack/ (not committed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const STAMPS = join(ROOT, '.crosstrack');

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

export function fingerprint(paths: string[]): string {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => listFiles(join(ROOT, p)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function stampPath(name: string) {
  return join(STAMPS, `${name}.sha256`);
}

function isCurrent(name: string, print: string, output: string): boolean {
  return existsSync(join(ROOT, output)) && existsSync(stampPath(name)) && readFileSync(stampPath(name), 'utf8') === print;
}

function saveStamp(name: string, print: string) {
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stampPath(name), print);
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const ANALYSIS_INPUTS = ['data', 'analysis', 'package-lock.json'];
const BUILD_INPUTS = ['src', 'static', 'analysis/contract.ts', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

const analysisPrint = fingerprint(ANALYSIS_INPUTS);
if (isCurrent('analysis', analysisPrint, 'static/data/manifest.json')) {
  console.log('分析结果已是最新 / tables are up to date');
} else {
  run('npx', ['tsx', 'analysis/cli.ts']);
  saveStamp('analysis', analysisPrint);
}

const buildPrint = fingerprint(BUILD_INPUTS);
if (isCurrent('build', buildPrint, 'build/index.js')) {
  console.log('看板已构建 / dashboard build is up to date');
} else {
  run('npx', ['vite', 'build']);
  saveStamp('build', buildPrint);
}

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
const server = spawn(process.execPath, ['build/index.js'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, HOST: host, PORT: port }
});
console.log(`Crosstrack 看板已启动 / dashboard running at http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
