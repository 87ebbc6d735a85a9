import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsFailure, isSystemPath, pathKind, readRegularFile } from '../../analysis/files.ts';
import { MB, withLimits } from '../../analysis/limits.ts';
import { readInputs } from '../../analysis/pipeline.ts';
import { nodeEffects } from '../../analysis/cli.ts';
import { AnalysisError } from '../../analysis/messages.ts';
import { createDirSink } from '../../analysis/write/sink.ts';

const work = () => mkdtempSync(join(tmpdir(), 'crosstrack-files-'));

async function refusal(promise: Promise<unknown>): Promise<AnalysisError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const errno = (code: string, path: string) => Object.assign(new Error(`${code}: raw system text, ${path}`), { code, path, syscall: 'open' });

describe('readRegularFile', () => {
  it('reads a regular file and a symlink to one', async () => {
    const dir = work();
    writeFileSync(join(dir, 'a.txt'), '赛道一');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
    expect(new TextDecoder().decode(await readRegularFile(join(dir, 'a.txt'), { maxBytes: 100 }))).toBe('赛道一');
    expect(new TextDecoder().decode(await readRegularFile(join(dir, 'link.txt'), { maxBytes: 100 }))).toBe('赛道一');
    expect(pathKind(join(dir, 'link.txt'))).toBe('file');
  });

  it('refuses a FIFO without opening it (opening would wait forever)', async () => {
    const dir = work();
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const error = await refusal(readRegularFile(fifo, { maxBytes: 100 }));
    expect(error.diagnostic.code).toBe('file-not-regular');
    expect(error.message).toContain('FIFO');
    expect(error.diagnostic.file).toBe(fifo);
    expect(pathKind(fifo)).toBe('fifo');
  }, 10_000);

  it('refuses devices (a .txt link to /dev/zero), sockets and folders', async () => {
    const dir = work();
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    expect((await refusal(readRegularFile(join(dir, 'zero.txt'), { maxBytes: 100 }))).message).toContain('字符设备');
    mkdirSync(join(dir, 'folder.txt'));
    expect((await refusal(readRegularFile(join(dir, 'folder.txt'), { maxBytes: 100 }))).message).toContain('文件夹');
    const socket = join(dir, 'sock.txt');
    const server = createServer().listen(socket);
    await new Promise((r) => server.once('listening', r));
    try {
      expect((await refusal(readRegularFile(socket, { maxBytes: 100 }))).message).toContain('套接字');
      expect(pathKind(socket)).toBe('socket');
    } finally {
      server.close();
    }
  });

  it('says a symlink loop is a loop', async () => {
    const dir = work();
    symlinkSync(join(dir, 'b.txt'), join(dir, 'a.txt'));
    symlinkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    const error = await refusal(readRegularFile(join(dir, 'a.txt'), { maxBytes: 100 }));
    expect(error.diagnostic.code).toBe('fs-error');
    expect(error.message).toContain('符号链接形成了循环');
    expect(() => pathKind(join(dir, 'a.txt'))).toThrow(/循环/);
  });

  it('refuses a file over the bound from its size, naming both sizes and how to raise it', async () => {
    const dir = work();
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 21 * MB);
    const error = await refusal(readRegularFile(big, { maxBytes: 20 * MB, hint_zh: '可用 --max-file-mb 调整上限', hint_en: '--max-file-mb raises the limit' }));
    expect(error.diagnostic.code).toBe('file-too-large');
    expect(error.message).toContain('21 MB');
    expect(error.message).toContain('20 MB');
    expect(error.message).toContain('--max-file-mb');
  });

  it('refuses paths in /proc, /sys and /dev, even regular-looking ones', async () => {
    expect(isSystemPath('/proc/self/status')).toBe(true);
    expect(isSystemPath('/sys')).toBe(true);
    expect(isSystemPath('/devices')).toBe(false);
    const error = await refusal(readRegularFile('/proc/self/status', { maxBytes: MB }));
    expect(error.diagnostic.code).toBe('path-system');
  });
});

describe('environment errors are sentences naming the path', () => {
  it.each([
    ['EACCES', '没有权限', 'permission denied'],
    ['EPERM', '不被允许', 'not permitted'],
    ['EROFS', '只读', 'read-only'],
    ['ENOSPC', '磁盘空间不足', 'no space left'],
    ['ENOTDIR', '是文件而不是文件夹', 'is a file, not a folder'],
    ['EBUSY', '占用', 'busy'],
    ['ELOOP', '循环', 'loop'],
    ['EIO', '设备出错', 'I/O error'],
    ['EWHATEVER', '系统错误 EWHATEVER', 'system error EWHATEVER']
  ])('%s', (code, zh, en) => {
    const error = fsFailure(errno(code, '/data/out/x.arrow'), '/data/out/x.arrow', 'write');
    expect(error.diagnostic.file).toBe('/data/out/x.arrow');
    expect(error.message).toContain(zh);
    expect(error.message).toContain(en);
    // The raw library text never reaches the person.
    expect(error.message).not.toContain('raw system text');
  });

  it('a full disk while writing an output names the file being written', () => {
    const dir = work();
    // /dev/full answers every write with ENOSPC: a real full disk without filling one.
    symlinkSync('/dev/full', join(dir, 'term_topic.arrow'));
    const file = createDirSink(dir).open('term_topic.arrow');
    let error: unknown;
    try {
      file.write('x'.repeat(1024));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnalysisError);
    expect((error as AnalysisError).diagnostic.file).toBe(join(dir, 'term_topic.arrow'));
    expect((error as AnalysisError).message).toContain('磁盘空间不足');
  });
});

describe('the corpus as a whole is bounded', () => {
  it('guides adding up past the corpus limit are refused, naming the limit', async () => {
    const dir = work();
    for (const name of ['2026-a.txt', '2026-b.txt']) writeFileSync(join(dir, name), `赛道一：工业制造赛道\n一、题目\n${'数据'.repeat(2000)}\n`);
    const limits = withLimits({ corpusBytes: 16 * 1024 });
    const error = await refusal(readInputs([dir], nodeEffects(() => {}, () => {}), limits));
    expect(error.diagnostic.code).toBe('corpus-too-large');
    expect(error.message).toContain('16 KB');
    expect((await readInputs([dir], nodeEffects(() => {}, () => {}))).length).toBe(2);
  });
});
