/**
 * Re-analysis of a workspace inside the server process: the CLI's pipeline over a set of
 * files held in memory (the managed files with a change laid over them, not yet on disk),
 * into a folder beside tables/ that is swapped in whole, or thrown away. nodejieba stays
 * loaded between runs (it reloads only when the dictionaries change), and per-edition
 * results come from the cache when their inputs did not change.
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Manifest } from '../../../../analysis/contract.ts';
import type { Dictionaries, ParsedEdition } from '../../../../analysis/model.ts';
import { DEFAULT_MIN_PAIR_COUNT, readInputs, runPipeline, TOOL, type EditionCache, type Phase, type PipelineEffects } from '../../../../analysis/pipeline.ts';
import { createSegmenter, dictionariesFromBytes } from '../../../../analysis/segment/index.ts';
import { createDirSink } from '../../../../analysis/write/sink.ts';
import { stageOutput } from '../../../../analysis/write/atomic.ts';
import { sha256Hex } from '../../../../analysis/hash.ts';
import { DICT_NAMES, displayPath, type FileSet, type WorkspacePaths } from './files.ts';

declare const __CROSSTRACK_ANALYSIS_VERSION__: string | undefined;

/** The analysis code's version in cache keys: a hash of analysis/ at build time (vite define), else the tool version. */
export const CODE_VERSION = typeof __CROSSTRACK_ANALYSIS_VERSION__ === 'string' ? __CROSSTRACK_ANALYSIS_VERSION__ : TOOL.version;

/**
 * The worker thread entry, found in the project the server runs from; bundled server code
 * cannot start it from its own folder. Without it, every edition is analysed in-process.
 */
function workerUrl(): URL | null {
  const entry = join(process.cwd(), 'analysis/parallel/worker-entry.mjs');
  return existsSync(entry) ? pathToFileURL(entry) : null;
}

/** The last two dictionaries parsed (the saved one and an edited copy being previewed): parsing costs ~0.1 s. */
const parsedDicts: { key: string; dict: Dictionaries }[] = [];

export function dictionariesOf(paths: WorkspacePaths, files: FileSet): Dictionaries {
  const bytes = Object.fromEntries(DICT_NAMES.flatMap((name) => (files.has(`dict/${name}`) ? [[name, files.get(`dict/${name}`)!]] : [])));
  const key = sha256Hex(DICT_NAMES.map((n) => `${n}:${bytes[n] ? sha256Hex(bytes[n]) : '-'}`).join('\n'));
  let entry = parsedDicts.find((d) => d.key === key);
  if (!entry) {
    entry = { key, dict: dictionariesFromBytes(bytes, displayPath(paths.dict)) };
    parsedDicts.unshift(entry);
    parsedDicts.length = Math.min(parsedDicts.length, 2);
  }
  return entry.dict;
}

/**
 * Loads nodejieba in this thread with the file set's dictionaries. A start-up over many
 * editions runs in worker threads, so without this the first upload would pay the ~1 s load.
 */
export function keepSegmenterLoaded(paths: WorkspacePaths, files: FileSet): void {
  createSegmenter(dictionariesOf(paths, files));
}

/** Every edition of a file set, read as the analysis reads them (for the dictionary preview). */
export function readEditions(paths: WorkspacePaths, files: FileSet): Promise<ParsedEdition[]> {
  const dir = displayPath(paths.editions);
  return readInputs([dir], memoryEffects(dir, files, () => {}));
}

/** Pipeline effects over the editions folder of a file set: nothing is read from disk. */
function memoryEffects(dir: string, files: FileSet, progress: PipelineEffects['progress']): PipelineEffects {
  const names = new Map<string, Uint8Array>();
  for (const [rel, bytes] of files) if (rel.startsWith('editions/')) names.set(rel.slice('editions/'.length), bytes);
  return {
    stat: (path) => (path === dir ? 'dir' : path.startsWith(dir + '/') && names.has(path.slice(dir.length + 1)) ? 'file' : null),
    listDir: (path) => (path === dir ? [...names.keys()] : []),
    readFile: async (path) => names.get(posix.basename(path))!,
    joinPath: posix.join,
    dirName: posix.dirname,
    baseName: posix.basename,
    progress,
    warn: () => {}
  };
}

export interface StagedAnalysis {
  manifest: Manifest;
  /** Replaces tables/ with the new output. */
  commit(): void;
  discard(): void;
}

let stageCounter = 0;

export async function analyseFiles(
  paths: WorkspacePaths,
  files: FileSet,
  options: { cache: EditionCache; progress: (phase: Phase, done: number, total: number, label: string) => void }
): Promise<StagedAnalysis> {
  const dict = dictionariesOf(paths, files);
  const editionsDir = displayPath(paths.editions);
  const url = workerUrl();
  const stage = stageOutput(paths.tables, `${process.pid}-${++stageCounter}`);
  try {
    const { manifest } = await runPipeline(
      {
        inputs: [editionsDir],
        dictDir: displayPath(paths.dict),
        dict,
        minPairCount: DEFAULT_MIN_PAIR_COUNT,
        // Threads start only for a big re-analysis (a dictionary change): the pipeline sizes them by cache misses.
        workers: url ? undefined : 0,
        workerUrl: url ?? undefined,
        cache: options.cache,
        codeVersion: CODE_VERSION
      },
      memoryEffects(editionsDir, files, options.progress),
      createDirSink(stage.dir)
    );
    return { manifest, commit: () => stage.commit(), discard: () => stage.discard() };
  } catch (error) {
    stage.discard();
    throw error;
  }
}
