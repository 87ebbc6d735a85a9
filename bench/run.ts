/**
 * npm run bench: analysis throughput on synthetic corpora of 1, 200 and 1,000 editions.
 * Goals on a 2-core machine (issue #12): 1,000 editions under 15 s and 1.5 GB of peak RSS, writing
 * under 200 MB.
 * Each size runs in its own process so peak RSS belongs to that run. CPU s is user + system
 * time over all threads, including about 1.5 s for the process's start and writing the
 * synthetic corpus: near 2 × seconds (+1.5) means both cores were busy the whole run.
 *
 * Then the edition comparison (bench/compare.ts, its own process): alignment precision and
 * recall on the constructed variants of the Hunan guide, and the time to align two
 * 1,000-topic editions (target < 1 s).
 * Then the dashboard (bench/dashboard.ts, its own process): navigation → first chart per
 * route in headless Chromium, and every view's queries on DuckDB-WASM.
 * Then data management on the built server (bench/workspace.ts, its own process): upload → in the
 * served tables on the bundled corpus and on 200 editions (goals < 2 s and < 5 s), an open
 * dashboard showing it, a dictionary change, a PDF, 20 uploads at once.
 * Then ours beside the Python peer (bench/peer.ts, its own process): peer_jieba.py on the same
 * 200-edition corpus, both wall times and the ratio (goal: ours ≥ 4× faster); when the peer
 * cannot run, why and how to install it, and the bench goes on.
 * BENCH_SIZES limits the analysis sizes (empty: none); BENCH_COMPARE=0 skips the comparison, BENCH_PEER=0 skips the peer (BENCH_PEER_SIZES=200
 * chooses its corpora); BENCH_WORKSPACE=0 skips data management
 * (BENCH_WORKSPACE_SIZES=2,200 chooses its workspaces); BENCH_DASHBOARD=0 skips the dashboard.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const sizes = (process.env.BENCH_SIZES ?? '1,200,1000').split(',').filter((s) => s.trim() !== '').map(Number);

if (sizes.length) {
  console.log('Analysis (npm run analyze on synthetic corpora resampled from the real guides; goals: 1,000 editions < 15 s, peak RSS < 1.5 GB, output < 200 MB)');
  console.log('editions |     MB | seconds | CPU s |  MB/s | peak RSS MB | output MB | per edition, summed over threads: segment / tables / encode ms');
  console.log('---------|--------|---------|-------|-------|-------------|-----------|--------------------------------------------------------------');
}
for (const n of sizes) {
  const run = spawnSync('npx', ['tsx', 'bench/analysis.ts', String(n)], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(run.status ?? 1);
  }
  const lines = run.stdout.trim().split('\n');
  const r = JSON.parse(lines.at(-1) ?? '{}');
  const t = JSON.parse(lines.find((l) => l.startsWith('{"timings"')) ?? '{"timings":{}}').timings;
  const per = (ms: number) => (ms / n).toFixed(1);
  console.log(
    `${String(r.editions).padStart(8)} | ${r.mb.toFixed(1).padStart(6)} | ${r.seconds.toFixed(2).padStart(7)} | ${r.cpuSeconds.toFixed(1).padStart(5)} | ` +
      `${r.mbPerSecond.toFixed(1).padStart(5)} | ${r.peakMb.toFixed(0).padStart(11)} | ${r.outMb.toFixed(0).padStart(9)} | ${per(t.segment)} / ${per(t.tables)} / ${per(t.encode)}`
  );
}

if (process.env.BENCH_PEER !== '0') {
  const peerSizes = (process.env.BENCH_PEER_SIZES ?? '200').split(',').filter((s) => s.trim() !== '').map(Number);
  console.log();
  console.log('Ours vs the Python peer (peer_jieba.py: jieba, Counter, itertools), one after the other on the same corpus; whole commands, start-up included; goal: ≥ 4× faster');
  console.log('editions |     MB | ours s | peer s | ours faster by');
  console.log('---------|--------|--------|--------|---------------');
  for (const n of peerSizes) {
    const run = spawnSync('npx', ['tsx', 'bench/peer.ts', String(n)], { cwd: ROOT, encoding: 'utf8' });
    const r = run.status === 0 ? JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') : { editions: n, skipped: run.stderr.trim() };
    if (r.skipped) {
      console.log(`${String(n).padStart(8)} | skipped: ${r.skipped}`);
      continue;
    }
    console.log(
      `${String(r.editions).padStart(8)} | ${r.mb.toFixed(1).padStart(6)} | ${r.ours.toFixed(2).padStart(6)} | ${r.peer.toFixed(2).padStart(6)} | ${r.ratio.toFixed(2)}×` +
        `  (jieba ${r.jieba}, ${r.python}, ${r.script}; ${r.peerSummary})`
    );
  }
}

if (process.env.BENCH_COMPARE !== '0') {
  console.log();
  const compare = spawnSync('npx', ['tsx', 'bench/compare.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (compare.status !== 0) process.exit(compare.status ?? 1);
}

if (process.env.BENCH_WORKSPACE !== '0') {
  console.log();
  const workspace = spawnSync('npx', ['tsx', 'bench/workspace.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (workspace.status !== 0) process.exit(workspace.status ?? 1);
}

if (process.env.BENCH_DASHBOARD !== '0') {
  console.log();
  const dashboard = spawnSync('npx', ['tsx', 'bench/dashboard.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (dashboard.status !== 0) process.exit(dashboard.status ?? 1);
}
