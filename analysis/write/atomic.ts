/**
 * The output folder: checked before anything is written, built in a sibling temporary
 * folder and swapped in whole, so a failed or killed run leaves the previous outputs
 * exactly as they were.
 *
 * Never destroy what we did not create: `--out` may replace only a folder that is
 * absent, empty, or a previous Crosstrack output (its manifest.json names every file in
 * it); never a file, a device, a folder of someone's documents, an input or the
 * dictionaries. A killed run's temporary folder is removed by the next run.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { MANIFEST_FILE } from '../contract.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import { fsFailure, isErrnoError, isSystemPath, kindOf, kindWords, realPathOf, type FsAction } from '../files.ts';

export interface StagedOutput {
  /** The temporary folder to write into. */
  dir: string;
  /** Replace the real output folder with the temporary one. */
  commit(): void;
  /** Throw the temporary folder away; the real output folder is untouched. */
  discard(): void;
}

/** What the output must stay clear of. */
export interface OutputGuard {
  inputs: readonly string[];
  dict: string;
}

/** Written first into every temporary folder, removed just before it becomes the output. */
export const STAGING_MARKER = '.crosstrack-staging';
const MANIFEST_BYTES = 16 * 1024 * 1024;

const failure = (code: Parameters<typeof diagnostic>[1], path: string, params: Record<string, string | number> = {}) =>
  new AnalysisError(diagnostic('error', code, path, null, params));

function attempt<T>(path: string, action: FsAction, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw fsFailure(error, isErrnoError(error) ? (error.path ?? path) : path, action);
  }
}

const isInside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..';
};

interface OurManifest {
  files: Set<string>;
}

/** The files a Crosstrack manifest says its folder holds, or null when it is not ours. */
function readOurManifest(dir: string): OurManifest | null {
  const path = join(dir, MANIFEST_FILE);
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > MANIFEST_BYTES) return null;
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { tool?: { name?: unknown }; tables?: unknown; derived_parquet?: unknown };
    if (manifest?.tool?.name !== 'crosstrack' || !Array.isArray(manifest.tables)) return null;
    const files = new Set<string>([MANIFEST_FILE]);
    for (const table of manifest.tables as { file?: unknown; csv?: unknown; parquet?: unknown }[]) {
      if (typeof table?.file === 'string') files.add(table.file);
      if (typeof table?.csv === 'string') files.add(table.csv);
      if (typeof table?.parquet === 'string') files.add(table.parquet);
    }
    for (const table of (Array.isArray(manifest.derived_parquet) ? manifest.derived_parquet : []) as { parquet?: unknown }[]) {
      if (typeof table?.parquet === 'string') files.add(table.parquet);
    }
    return { files };
  } catch {
    return null;
  }
}

/** The first entry under `dir` (relative, '/'-separated) that the manifest does not list. */
function firstForeignEntry(dir: string, ours: OurManifest, prefix = ''): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      const holdsOurs = [...ours.files].some((f) => f.startsWith(`${rel}/`));
      if (!holdsOurs) return `${rel}/`;
      const inner = firstForeignEntry(join(dir, entry.name), ours, `${rel}/`);
      if (inner !== null) return inner;
    } else if (!entry.isFile() || !ours.files.has(rel)) return rel;
  }
  return null;
}

/**
 * Where the output will go (symlinks resolved), after refusing every target it must not
 * replace. Throws AnalysisError; touches nothing.
 */
export function checkOutputFolder(outDir: string, guard: OutputGuard): string {
  const given = resolve(outDir);
  const target = realPathOf(given);
  if (isSystemPath(target) || isSystemPath(given)) throw failure('path-system', outDir);

  for (const [paths, what_zh, what_en] of [
    [guard.inputs, '输入', 'the input'],
    [[guard.dict], '词典文件夹', 'the dictionary folder']
  ] as const) {
    for (const path of paths) {
      const real = realPathOf(resolve(path));
      const relation =
        real === target ? ['就是', 'is'] : isInside(real, target) ? ['包含', 'contains'] : isInside(target, real) ? ['位于', 'lies inside'] : null;
      if (relation) {
        throw failure('out-overlaps-input', outDir, { relation_zh: relation[0], relation_en: relation[1], what_zh, what_en, path });
      }
    }
  }

  let stats;
  try {
    stats = lstatSync(target);
  } catch (error) {
    if (isErrnoError(error) && error.code === 'ENOENT') return target;
    throw fsFailure(error, outDir, 'read');
  }
  if (!stats.isDirectory()) throw failure('out-not-folder', outDir, kindWords(kindOf(stats)));
  const entries = attempt(outDir, 'list', () => readdirSync(target));
  if (entries.length === 0) return target;
  const ours = readOurManifest(target);
  if (ours === null) throw failure('out-not-ours', outDir, { count: entries.length, example: entries.sort()[0] });
  const foreign = attempt(outDir, 'list', () => firstForeignEntry(target, ours));
  if (foreign !== null) throw failure('out-foreign-file', outDir, { entry: foreign });
  return target;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporary folders of runs that were killed (their process is gone): a finished one
 * whose swap was cut short is put back when the output is missing, the rest removed.
 * Only folders this code made (marker or our manifest) are touched.
 */
export function cleanStaleStaging(target: string): string[] {
  const parent = dirname(target);
  const name = basename(target);
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`);
  const cleaned: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return cleaned;
  }
  for (const entry of names.sort()) {
    const match = pattern.exec(entry);
    if (!match || processAlive(Number(match[2]))) continue;
    const path = join(parent, entry);
    const ours = existsSync(join(path, STAGING_MARKER)) || readOurManifest(path) !== null;
    if (!ours) continue;
    if (match[1] === 'old' && !existsSync(target) && readOurManifest(path) !== null) {
      attempt(path, 'replace', () => renameSync(path, target));
    } else {
      attempt(path, 'remove', () => rmSync(path, { recursive: true, force: true }));
    }
    cleaned.push(path);
  }
  return cleaned;
}

/**
 * A temporary folder for `outDir`. `guard` (what the CLI always gives) refuses unsafe
 * targets first and clears killed runs' leftovers; without it the caller vouches for the
 * folder (tests of the swap itself).
 */
export function stageOutput(outDir: string, tag: string = String(process.pid), guard?: OutputGuard): StagedOutput {
  const target = guard ? checkOutputFolder(outDir, guard) : resolve(outDir);
  const parent = dirname(target);
  attempt(parent, 'create', () => mkdirSync(parent, { recursive: true }));
  if (guard) cleanStaleStaging(target);
  const temp = join(parent, `.${basename(target)}.tmp-${tag}`);
  const old = join(parent, `.${basename(target)}.old-${tag}`);
  try {
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp, { recursive: true });
    writeFileSync(join(temp, STAGING_MARKER), `${process.pid}\n`);
  } catch (error) {
    // Named by the folder the person can act on, not our temporary name inside it.
    throw fsFailure(error, parent, 'write');
  }
  return {
    dir: temp,
    commit() {
      attempt(old, 'remove', () => rmSync(old, { recursive: true, force: true }));
      attempt(temp, 'write', () => rmSync(join(temp, STAGING_MARKER), { force: true }));
      const hadPrevious = existsSync(target);
      if (hadPrevious) attempt(target, 'replace', () => renameSync(target, old));
      try {
        renameSync(temp, target);
      } catch (error) {
        if (hadPrevious) renameSync(old, target);
        throw fsFailure(error, target, 'replace');
      }
      rmSync(old, { recursive: true, force: true });
    },
    discard() {
      rmSync(temp, { recursive: true, force: true });
    }
  };
}
