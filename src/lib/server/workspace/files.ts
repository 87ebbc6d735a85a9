/**
 * The workspace on disk and the files it manages. A workspace is a folder:
 *
 *   editions/      the guides (any name, read by content) and editions.json   managed
 *   dict/          the five dictionaries                                        managed
 *   tables/        the current analysis output, what /data/* serves             generated
 *   .history/      snapshots of managed files (by SHA-256) and the change log   generated
 *
 * `npm run analyze` reads and writes the same folders (data/ in the project), so the page
 * and the command line always see one truth.
 */
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DICTIONARY_FILES } from '../../../../analysis/segment/index.ts';

export interface WorkspacePaths {
  root: string;
  editions: string;
  dict: string;
  tables: string;
  history: string;
}

export function workspacePaths(root: string): WorkspacePaths {
  const abs = resolve(root);
  return { root: abs, editions: join(abs, 'editions'), dict: join(abs, 'dict'), tables: join(abs, 'tables'), history: join(abs, '.history') };
}

export const EDITIONS_JSON = 'editions/editions.json';
export const DICT_NAMES = Object.values(DICTIONARY_FILES);

/** Managed files by workspace-relative path ('editions/2026-hunan.txt', 'dict/terms.txt'). */
export type FileSet = Map<string, Uint8Array>;

const isRegular = (path: string) => {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
};

/** Reads every managed file: regular, non-hidden files in editions/ (symlinks are not followed) and the dictionaries. */
export function readManagedFiles(paths: WorkspacePaths): FileSet {
  const files: FileSet = new Map();
  if (existsSync(paths.editions)) {
    for (const name of readdirSync(paths.editions).sort()) {
      if (name.startsWith('.') || !isRegular(join(paths.editions, name))) continue;
      files.set(`editions/${name}`, new Uint8Array(readFileSync(join(paths.editions, name))));
    }
  }
  for (const name of DICT_NAMES) {
    const path = join(paths.dict, name);
    if (isRegular(path)) files.set(`dict/${name}`, new Uint8Array(readFileSync(path)));
  }
  return files;
}

/** Absolute path of a workspace-relative one; refuses anything that would leave the workspace. */
export function resolveInside(paths: WorkspacePaths, rel: string): string {
  const abs = resolve(paths.root, rel);
  if (!abs.startsWith(paths.root + sep)) throw new Error(`path outside the workspace: ${rel}`);
  return abs;
}

let tempCounter = 0;

/** Writes beside the target, flushes, and renames over it: readers see the old or the new file, never half. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${process.pid}-${++tempCounter}.partial`);
  const fd = openSync(temp, 'w');
  try {
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** Applies writes (bytes) and removals (null) to managed files. */
export function applyFileChanges(paths: WorkspacePaths, writes: ReadonlyMap<string, Uint8Array | null>): void {
  for (const [rel, bytes] of writes) {
    const abs = resolveInside(paths, rel);
    if (bytes === null) rmSync(abs, { force: true });
    else writeFileAtomic(abs, bytes);
  }
}

/** How the analysis names workspace files in its messages: as `npm run analyze` would from the project folder. */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : abs;
}
