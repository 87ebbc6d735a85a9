/**
 * One benchmark run in its own process (so peak RSS is this run's alone):
 * tsx bench/analysis.ts <editions> → prints one JSON line with the figures.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../analysis/cli.ts';
import { writeSyntheticCorpus } from './corpus.ts';

const ROOT = join(import.meta.dirname, '..');

/** Bytes of every file under `path`. */
function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}
const count = Number(process.argv[2] ?? 1);
const work = mkdtempSync(join(tmpdir(), 'crosstrack-bench-'));
try {
  const input = join(work, 'editions');
  const bytes = writeSyntheticCorpus(ROOT, input, count);
  const started = performance.now();
  const code = await main([input, '--out', join(work, 'out'), '--dict', join(ROOT, 'data/dict'), '--quiet', '--timings']);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`analysis exited with ${code}`);
  const usage = process.resourceUsage();
  const peakMb = usage.maxRSS / 1024;
  // User + system CPU of every thread (workers included), including writing the corpus above.
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  const outMb = sizeOf(join(work, 'out')) / 1e6;
  console.log(JSON.stringify({ editions: count, mb: bytes / 1e6, seconds, mbPerSecond: bytes / 1e6 / seconds, peakMb, outMb, cpuSeconds }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
