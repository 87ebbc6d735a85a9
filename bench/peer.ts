/**
 * Ours against the Python peer (`peer_jieba.py`, what a policy researcher writes with jieba,
 * Counter and itertools: term × track counts, topic co-occurrence, track Jaccard), one after
 * the other on the same synthetic corpus: tsx bench/peer.ts <editions> → one JSON line.
 * Both are timed as whole commands, start-up and dictionary loads included, as a person runs them.
 *
 * The peer is not copied into the repository (it comes without a licence): it is looked for at
 * BENCH_PEER_SCRIPT, else at shared/peer/peer_jieba.py in a folder above this checkout (the
 * team's ../shared). It needs Python 3 with jieba (Debian: apt-get install -y python3-jieba);
 * BENCH_PEER_PYTHON, else /usr/bin/python3 (Debian's, where python3-jieba installs), else python3.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeSyntheticCorpus } from './corpus.ts';

const ROOT = join(import.meta.dirname, '..');
const PEER_PATH = join('shared', 'peer', 'peer_jieba.py');
export const INSTALL_HINT = 'apt-get install -y python3-jieba (Debian; jieba then imports in /usr/bin/python3), or pip install jieba for another python3 named in BENCH_PEER_PYTHON';

/** The peer script: BENCH_PEER_SCRIPT, or shared/peer/peer_jieba.py in this checkout's nearest ancestor that has one. */
export function findPeerScript(root = ROOT, env = process.env): string | null {
  if (env.BENCH_PEER_SCRIPT) return existsSync(env.BENCH_PEER_SCRIPT) ? env.BENCH_PEER_SCRIPT : null;
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, PEER_PATH))) return join(dir, PEER_PATH);
    if (dirname(dir) === dir) return null;
  }
}

/** The first Python that imports jieba, with its version; null when none does. */
export function findPython(env = process.env): { python: string; jieba: string } | null {
  const candidates = env.BENCH_PEER_PYTHON ? [env.BENCH_PEER_PYTHON] : ['/usr/bin/python3', 'python3'];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import jieba; print(jieba.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return { python, jieba: probe.stdout.trim() };
  }
  return null;
}

function timed(command: string, args: string[]): { seconds: number; status: number | null; stderr: string; stdout: string } {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { seconds: (performance.now() - started) / 1000, status: run.status, stderr: run.stderr ?? String(run.error ?? ''), stdout: run.stdout ?? '' };
}

async function compare(count: number): Promise<Record<string, unknown>> {
  const script = findPeerScript();
  if (script === null) {
    return { editions: count, skipped: `peer_jieba.py not found (looked for BENCH_PEER_SCRIPT, then ${PEER_PATH} in the folders above ${ROOT})` };
  }
  const python = findPython();
  if (python === null) return { editions: count, skipped: `no Python with jieba (tried ${process.env.BENCH_PEER_PYTHON ?? '/usr/bin/python3, python3'}); install: ${INSTALL_HINT}` };
  const work = mkdtempSync(join(tmpdir(), 'crosstrack-peer-'));
  try {
    const input = join(work, 'editions');
    const bytes = writeSyntheticCorpus(ROOT, input, count);
    const files = readdirSync(input).filter((f) => f.endsWith('.txt')).sort().map((f) => join(input, f));
    const ours = timed('npx', ['tsx', 'analysis/cli.ts', input, '--out', join(work, 'ours'), '--dict', join(ROOT, 'data/dict'), '--quiet']);
    if (ours.status !== 0) throw new Error(`npm run analyze exited with ${ours.status}: ${ours.stderr}`);
    const peer = timed(python.python, [script, join(work, 'peer'), ...files]);
    if (peer.status !== 0) return { editions: count, skipped: `the peer exited with ${peer.status}: ${peer.stderr.trim().split('\n').at(-1)}` };
    return {
      editions: count,
      mb: bytes / 1e6,
      ours: ours.seconds,
      peer: peer.seconds,
      ratio: peer.seconds / ours.seconds,
      jieba: python.jieba,
      python: python.python,
      script,
      peerSummary: peer.stdout.trim()
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && /bench[\\/]peer\.ts$/.test(process.argv[1])) {
  console.log(JSON.stringify(await compare(Number(process.argv[2] ?? 200))));
}
