import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPeerScript, findPython } from '../../bench/peer.ts';

const work = mkdtempSync(join(tmpdir(), 'crosstrack-peer-find-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('finding the Python peer', () => {
  it('finds shared/peer/peer_jieba.py in a folder above the checkout, however deep', () => {
    const checkout = join(work, 'team', 'wt', 'scale');
    mkdirSync(checkout, { recursive: true });
    expect(findPeerScript(checkout, {})).toBeNull();
    mkdirSync(join(work, 'team', 'shared', 'peer'), { recursive: true });
    writeFileSync(join(work, 'team', 'shared', 'peer', 'peer_jieba.py'), '');
    expect(findPeerScript(checkout, {})).toBe(join(work, 'team', 'shared', 'peer', 'peer_jieba.py'));
  });

  it('BENCH_PEER_SCRIPT wins, and a missing one is reported missing rather than searched past', () => {
    const script = join(work, 'mine.py');
    writeFileSync(script, '');
    expect(findPeerScript(work, { BENCH_PEER_SCRIPT: script })).toBe(script);
    expect(findPeerScript(work, { BENCH_PEER_SCRIPT: join(work, 'absent.py') })).toBeNull();
  });

  it('a Python that cannot import jieba is no peer; one that can reports its jieba version', () => {
    const fake = join(work, 'python-with-jieba');
    writeFileSync(fake, '#!/bin/sh\necho 0.42.1\n');
    chmodSync(fake, 0o755);
    expect(findPython({ BENCH_PEER_PYTHON: fake })).toEqual({ python: fake, jieba: '0.42.1' });
    const broken = join(work, 'python-without-jieba');
    writeFileSync(broken, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'jieba'\" >&2\nexit 1\n");
    chmodSync(broken, 0o755);
    expect(findPython({ BENCH_PEER_PYTHON: broken })).toBeNull();
    expect(findPython({ BENCH_PEER_PYTHON: join(work, 'no-such-python') })).toBeNull();
  });
});
