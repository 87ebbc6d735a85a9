import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/ensure-browser.sh');
const OFFICE = join(import.meta.dirname, '../../scripts/ensure-office.sh');

/** A folder of stand-in commands put first on PATH, so the script sees the machine we describe. */
function fakeBin(commands: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosstrack-fakebin-'));
  for (const [name, body] of Object.entries(commands)) {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/bash\n${body}\n`);
    chmodSync(path, 0o755);
  }
  return dir;
}

function run(bin: string, script = SCRIPT) {
  return spawnSync('bash', [script], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }
  });
}

// Far more than a pipe buffer: a machine with many fonts installed.
const MANY_FONTS = 'yes "Some Other Family" | head -c 2000000';

describe('ensure-browser.sh', () => {
  it.skipIf(!existsSync('/usr/bin/chromium') || !existsSync('/usr/share/fonts/truetype/dejavu'))(
    'finds the CJK font even when the font list is long and lists it first',
    () => {
      const bin = fakeBin({ 'fc-list': `echo "Noto Sans CJK SC"\n${MANY_FONTS}` });
      const result = run(bin);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  );

  it('says how to install, in both languages, when the font is missing and it cannot install', () => {
    const bin = fakeBin({ 'fc-list': MANY_FONTS, id: 'echo 1000' });
    const result = run(bin);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk fonts-dejavu-core');
    expect(result.stderr).toContain('浏览器测试需要');
  });
});

describe('ensure-office.sh', () => {
  it('says how to install LibreOffice and poppler, in both languages, when they are missing and it cannot install', () => {
    // A PATH with only what the script needs besides soffice / pdftoppm.
    const bin = fakeBin({ id: 'echo 1000', cat: 'exec /bin/cat "$@"' });
    const result = spawnSync('/bin/bash', [OFFICE], { encoding: 'utf8', env: { PATH: `${bin}:/usr/local/nonexistent` } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui poppler-utils');
    expect(result.stderr).toContain('报告篮的浏览器测试');
  });

  it.skipIf(spawnSync('bash', ['-c', 'command -v soffice && command -v pdftoppm && command -v pdftotext']).status !== 0)('passes quietly where they are installed', () => {
    const result = run(fakeBin({}), OFFICE);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
