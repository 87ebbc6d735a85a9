/**
 * Reading inputs as if they were hostile: only regular files (a symlink is followed to
 * one), never a FIFO, device, socket or folder, which are refused from their metadata
 * without being opened (opening a FIFO blocks forever, /dev/zero never ends). Every
 * read is bounded, and every error of the environment (permissions, a read-only or full
 * disk, a busy file, a symlink loop) becomes a sentence naming the path.
 *
 * The CLI reads guides, editions.json and dictionaries through `readRegularFile`; the
 * workspace's server code can call it for files it did not write itself.
 */
import { constants, realpathSync, statSync, type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { AnalysisError, diagnostic } from './messages.ts';
import { formatBytes } from './limits.ts';

export type PathKind = 'file' | 'dir' | 'fifo' | 'socket' | 'char-device' | 'block-device' | 'other';

export function kindOf(stats: Stats): PathKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'dir';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'char-device';
  if (stats.isBlockDevice()) return 'block-device';
  return 'other';
}

const KIND_WORDS: Record<PathKind, [zh: string, en: string]> = {
  file: ['一个文件', 'a file'],
  dir: ['一个文件夹', 'a folder'],
  fifo: ['一个 FIFO 管道（读取它会一直等待）', 'a FIFO pipe (reading it waits forever)'],
  socket: ['一个套接字', 'a socket'],
  'char-device': ['一个字符设备（如 /dev/zero，读取它永远没有尽头）', 'a character device (like /dev/zero, which never ends)'],
  'block-device': ['一个块设备（磁盘）', 'a block device (a disk)'],
  other: ['一个特殊文件', 'a special file']
};

export function kindWords(kind: PathKind): { kind_zh: string; kind_en: string } {
  const [kind_zh, kind_en] = KIND_WORDS[kind];
  return { kind_zh, kind_en };
}

/** Folders of the kernel and devices: nothing in them is a guide, a dictionary or a place for outputs. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

export function isSystemPath(absolute: string): boolean {
  return process.platform !== 'win32' && SYSTEM_ROOTS.some((root) => absolute === root || absolute.startsWith(`${root}/`));
}

export type FsAction = 'read' | 'list' | 'open' | 'write' | 'create' | 'replace' | 'remove';

const ACTION_WORDS: Record<FsAction, [zh: string, en: string]> = {
  read: ['读取', 'read'],
  list: ['列出文件夹内容', 'list the folder'],
  open: ['打开', 'open'],
  write: ['写入', 'write'],
  create: ['创建', 'create'],
  replace: ['替换', 'replace'],
  remove: ['删除', 'remove']
};

const ERRNO_WORDS: Record<string, (zh: string, en: string) => [string, string]> = {
  EACCES: (zh, en) => [`没有权限${zh}（权限不足）`, `permission denied: cannot ${en} it`],
  EPERM: (zh, en) => [`操作不被允许，无法${zh}`, `operation not permitted: cannot ${en} it`],
  EROFS: (zh, en) => [`所在的文件系统是只读的，无法${zh}`, `the file system is read-only: cannot ${en} it`],
  ENOSPC: (zh, en) => [`磁盘空间不足，无法${zh}；请腾出空间后重试`, `no space left on the disk: cannot ${en} it; free some space and try again`],
  EDQUOT: (zh, en) => [`超出磁盘配额，无法${zh}`, `disk quota exceeded: cannot ${en} it`],
  ENOTDIR: (zh, en) => [`路径中有一级是文件而不是文件夹，无法${zh}`, `a part of the path is a file, not a folder: cannot ${en} it`],
  EISDIR: (zh, en) => [`这是一个文件夹，不是文件，无法${zh}`, `this is a folder, not a file: cannot ${en} it`],
  EBUSY: (zh, en) => [`正被其他程序占用，无法${zh}；请关闭占用它的程序后重试`, `it is busy (in use by another program): cannot ${en} it; close that program and try again`],
  ETXTBSY: (zh, en) => [`正被其他程序占用，无法${zh}`, `it is busy: cannot ${en} it`],
  ELOOP: () => ['符号链接形成了循环（或层数过多），无法解析', 'the symbolic links form a loop (or are nested too deeply)'],
  ENAMETOOLONG: () => ['路径太长', 'the path is too long'],
  ENOENT: () => ['找不到这个文件或文件夹', 'no such file or folder'],
  EMFILE: (zh, en) => [`同时打开的文件太多，无法${zh}`, `too many open files: cannot ${en} it`],
  ENFILE: (zh, en) => [`系统打开的文件太多，无法${zh}`, `too many open files in the system: cannot ${en} it`],
  EIO: (zh, en) => [`${zh}时设备出错（磁盘或网络盘可能有故障）`, `an I/O error while trying to ${en} it (the disk or network drive may be failing)`],
  EEXIST: (zh, en) => [`已有同名的文件或文件夹，无法${zh}`, `something with that name already exists: cannot ${en} it`],
  ENOTEMPTY: (zh, en) => [`文件夹不是空的，无法${zh}`, `the folder is not empty: cannot ${en} it`],
  EXDEV: (zh, en) => [`不能跨磁盘${zh}`, `cannot ${en} it across file systems`],
  ENXIO: () => ['设备不存在或不可用', 'no such device, or it is not available'],
  ENODEV: () => ['设备不存在或不可用', 'no such device, or it is not available'],
  EINVAL: (zh, en) => [`系统不接受这个操作，无法${zh}`, `the system refused the operation: cannot ${en} it`]
};

export function isErrnoError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!);
}

/** An error of the file system as a diagnostic naming `path` (or the error's own path). */
export function fsFailure(error: unknown, path: string | undefined, action: FsAction): AnalysisError {
  if (error instanceof AnalysisError) return error;
  const errno = isErrnoError(error) ? error : null;
  const code = errno?.code ?? 'UNKNOWN';
  const where = path ?? errno?.path ?? '?';
  const [zhAction, enAction] = ACTION_WORDS[action];
  const words = ERRNO_WORDS[code];
  const [reason_zh, reason_en] = words
    ? words(zhAction, enAction)
    : [`${zhAction}时出现系统错误 ${code}`, `a system error ${code} while trying to ${enAction} it`];
  return new AnalysisError(diagnostic('error', 'fs-error', where, null, { reason_zh, reason_en }));
}

/** Kind of the path (symlinks followed), null when nothing is there; loops and permission errors throw. */
export function pathKind(path: string): PathKind | null {
  try {
    return kindOf(statSync(path));
  } catch (error) {
    if (isErrnoError(error) && error.code === 'ENOENT') return null;
    throw fsFailure(error, path, 'read');
  }
}

/** The path with every symlink resolved; for a path that does not exist yet, its nearest existing ancestor's. */
export function realPathOf(absolute: string): string {
  const missing: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      const real = realpathSync(at);
      return missing.length === 0 ? real : [real.replace(/\/$/, ''), ...missing.reverse()].join('/');
    } catch (error) {
      if (!isErrnoError(error) || (error.code !== 'ENOENT' && error.code !== 'ENOTDIR')) throw fsFailure(error, at, 'read');
      const cut = at.lastIndexOf('/');
      if (cut <= 0) return absolute;
      missing.push(at.slice(cut + 1));
      at = at.slice(0, cut);
    }
  }
}

export interface ReadBound {
  maxBytes: number;
  /** How to raise the bound, for the message (e.g. "可用 --max-file-mb 调整"). */
  hint_zh?: string;
  hint_en?: string;
}

const notRegular = (path: string, kind: PathKind) => new AnalysisError(diagnostic('error', 'file-not-regular', path, null, kindWords(kind)));

function tooLarge(path: string, size: number, bound: ReadBound): AnalysisError {
  return new AnalysisError(
    diagnostic('error', 'file-too-large', path, null, {
      size: formatBytes(size),
      limit: formatBytes(bound.maxBytes),
      hint_zh: bound.hint_zh ?? '',
      hint_en: bound.hint_en ?? ''
    })
  );
}

// O_NONBLOCK: should the path turn into a FIFO between the check and the open, opening it
// returns at once instead of waiting for a writer; O_NOCTTY: a terminal never becomes ours.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The bytes of a regular file of at most `bound.maxBytes`. Refuses, without opening,
 * anything else (folder, FIFO, device, socket, a symlink loop, a path in /proc, /sys
 * or /dev); a file that grows past the bound while being read is refused too.
 */
export async function readRegularFile(path: string, bound: ReadBound): Promise<Uint8Array> {
  let before: Stats;
  try {
    before = await stat(path);
  } catch (error) {
    throw fsFailure(error, path, 'read');
  }
  if (!before.isFile()) throw notRegular(path, kindOf(before));
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    throw fsFailure(error, path, 'read');
  }
  if (isSystemPath(real)) throw new AnalysisError(diagnostic('error', 'path-system', path, null));
  if (before.size > bound.maxBytes) throw tooLarge(path, before.size, bound);

  let handle;
  try {
    handle = await open(real, OPEN_FLAGS);
  } catch (error) {
    throw fsFailure(error, path, 'open');
  }
  try {
    const opened = await handle.stat();
    // Swapped between the check and the open: refuse what is there now.
    if (!opened.isFile()) throw notRegular(path, kindOf(opened));
    if (opened.ino !== before.ino || opened.dev !== before.dev) throw notRegular(path, 'other');
    const chunks: Uint8Array[] = [];
    let total = 0;
    // One byte past the bound tells a file that grew from one that fits exactly.
    let buffer = Buffer.allocUnsafe(Math.min(bound.maxBytes, Math.max(opened.size, 64 * 1024)) + 1);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > bound.maxBytes) throw tooLarge(path, total, bound);
      chunks.push(buffer.subarray(0, bytesRead));
      buffer = Buffer.allocUnsafe(Math.min(bound.maxBytes - total + 1, 1024 * 1024));
    }
    return chunks.length === 1 ? new Uint8Array(chunks[0].buffer, chunks[0].byteOffset, chunks[0].byteLength) : new Uint8Array(Buffer.concat(chunks, total));
  } catch (error) {
    throw fsFailure(error, path, 'read');
  } finally {
    await handle.close().catch(() => {});
  }
}
