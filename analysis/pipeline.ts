/**
 * The analysis pipeline: guide files in, contract tables and a manifest out.
 *
 *   inputs (files and folders)
 *     │  collect ─ .txt .md .docx .pdf; editions.json beside them       effects.fs
 *     ▼
 *   dictionaries ──► edition pool: worker threads for big corpora start now, so their
 *     │               segmenter load (nodejieba, once per thread) overlaps the reading
 *     ▼
 *   SourceFile[] ──read (decode → parse → metadata)──► ParsedEdition[]
 *     │  every file is read before anything is computed, so all errors
 *     │  are reported together and nothing is written when one fails
 *     ▼  for each edition (on the pool, results in id order; a cached result is reused)
 *   segment topics ──► edition tables (columns) ──► encoded Arrow/CSV batches ──► table writers   sink
 *                  └─► vocabulary summary ──► vocabulary;  near-duplicate finder (main thread)
 *     ▼
 *   consecutive editions of one region (by year) ──compare──► track_alignment,
 *     topic_alignment, term_trend (analysis/compare, the dashboard's on-demand code)
 *     ▼
 *   terms, themes, near_duplicates ──► manifest.json                      sink
 *
 * Side effects (files, console, progress) come in through `effects` and `sink`,
 * so each phase can be tested alone and the CLI decides where outputs land.
 */
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  TABLES,
  STORED_TABLE_NAMES,
  type Manifest,
  type ManifestTable,
  type TableName
} from './contract.ts';
import { AnalysisError, diagnostic } from './messages.ts';
import { kindWords, type PathKind, type ReadBound } from './files.ts';
import { formatBytes, LIMITS, type Limits } from './limits.ts';
import type { Diagnostic, Dictionaries, ParsedEdition, SourceFile } from './model.ts';
import { loadEditionEntries, readEdition, SUPPORTED_EXTENSIONS } from './parse/index.ts';
import { loadDictionaries } from './segment/index.ts';
import { defaultWorkerCount, startEditionPool, type EditionPool } from './parallel/pool.ts';
import type { EditionResult } from './parallel/edition-job.ts';
import { compareCodePoints, createNearDuplicateFinder, createVocabulary } from './tables/index.ts';
import { createTableWriter, type EncodedBatch, type TableWriter } from './write/table-writer.ts';
import type { OutputSink } from './write/sink.ts';
import { sha256Hex, shortHash } from './hash.ts';
import { compareEditions, consecutivePairs, type CompareEdition } from './compare/index.ts';
import { termCountRows, type TermCountColumns } from './compare/terms.ts';

export const TOOL = { name: 'crosstrack', version: '0.1.0' } as const;

export const GUIDE_EXTENSIONS = SUPPORTED_EXTENSIONS;
/** Files that live beside guides but are not guides. */
const NOT_GUIDES = /^(readme(\..*)?|editions\.json|license(\..*)?|\..*)$/i;

export interface PipelineOptions {
  inputs: string[];
  dictDir: string;
  /** Dictionaries already read (e.g. an edited copy not yet saved); dictDir is then only named in messages. */
  dict?: Dictionaries;
  /** Keep a co-occurring pair when it shares at least this many topics or sentences. */
  minPairCount: number;
  /** Worker threads for the per-edition work; 0 runs in-process. Default: by corpus size. */
  workers?: number;
  /** Where the worker thread's entry is, when this module is bundled (the server). */
  workerUrl?: URL;
  /** Per-edition results from earlier runs: an edition whose key is here is not recomputed. */
  cache?: EditionCache;
  /** Part of each cache key: results of other analysis code are never reused. */
  codeVersion?: string;
  /** Bounds on every input (analysis/limits.ts); default LIMITS. */
  limits?: Readonly<Limits>;
}

/**
 * Per-edition results by key. Every per-edition table flows through EditionResult, so a
 * table added to the contract is cached without touching this; the cross-edition tables
 * (terms, themes, near_duplicates) are always recomputed.
 */
export interface EditionCache {
  get(key: string): EditionResult | undefined;
  set(key: string, result: EditionResult): void;
}

/** What an edition's tables depend on: its file, its metadata, the dictionaries, the options and the code. */
export function editionCacheKey(edition: ParsedEdition, dictionaryVersion: string, options: PipelineOptions): string {
  return sha256Hex(
    JSON.stringify([options.codeVersion ?? TOOL.version, dictionaryVersion, options.minPairCount, edition.file, edition.sha256, edition.meta])
  );
}

export type Phase = 'read' | 'segment' | 'compare' | 'write';

export interface PipelineEffects {
  /** What the path is (symlinks followed), null when it does not exist. Only 'file' and 'dir' are read. */
  stat(path: string): PathKind | null;
  /** Names (not paths) of the entries of a folder. */
  listDir(path: string): string[];
  /** A regular file's bytes, refused past `bound.maxBytes` (analysis/files.ts readRegularFile). */
  readFile(path: string, bound?: ReadBound): Promise<Uint8Array>;
  joinPath(dir: string, name: string): string;
  dirName(path: string): string;
  baseName(path: string): string;
  /** One step of a phase finished; total is known per phase. */
  progress(phase: Phase, done: number, total: number, label: string): void;
  warn(d: Diagnostic): void;
}

export interface PipelineResult {
  manifest: Manifest;
  warnings: Diagnostic[];
  /** Milliseconds: per-edition steps summed over editions (CPU across threads), phases wall time. */
  timings: Record<'read' | 'dictionaries' | 'segment' | 'tables' | 'encode' | 'editions' | 'compare' | 'finish', number>;
}

export { DEFAULT_MIN_PAIR_COUNT } from './contract.ts';

/** Thrown when several files fail: all their diagnostics, none written. */
export class PipelineErrors extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'PipelineErrors';
    this.diagnostics = diagnostics;
  }
}

/** The diagnostics a failure reports to the person, or null when it is a bug (anything else). */
export function diagnosticsOf(error: unknown): Diagnostic[] | null {
  if (error instanceof PipelineErrors) return error.diagnostics;
  if (error instanceof AnalysisError) return [error.diagnostic];
  return null;
}

interface Collected {
  files: SourceFile[];
  metadata: Map<string, { path: string; bytes: Uint8Array | null }>;
}

/** How to raise the guide size bound, for its message (the CLI's option). */
const GUIDE_BOUND_HINT = { hint_zh: '可用 --max-file-mb 调整上限', hint_en: '--max-file-mb raises the limit' };

/**
 * Guide paths and the editions.json of each input folder. Anything that is not a regular
 * file (a folder named x.txt, a FIFO, a device, a socket) is refused here, from its
 * metadata, before anything is opened; every refusal is reported together.
 */
async function collectInputs(inputs: string[], fx: PipelineEffects, limits: Readonly<Limits>): Promise<Collected> {
  const paths: string[] = [];
  const metadataDirs = new Set<string>();
  const errors: Diagnostic[] = [];
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      errors.push(error.diagnostic);
      return undefined;
    }
  };
  const refuse = (path: string, kind: PathKind) => errors.push(diagnostic('error', 'file-not-regular', path, null, kindWords(kind)));
  for (const input of inputs) {
    const kind = attempt(() => fx.stat(input));
    if (kind === undefined) continue;
    if (kind === null) {
      errors.push(diagnostic('error', 'input-missing', input, null, { path: input }));
      continue;
    }
    if (kind === 'file') {
      paths.push(input);
      metadataDirs.add(fx.dirName(input));
      continue;
    }
    if (kind !== 'dir') {
      refuse(input, kind);
      continue;
    }
    const listed = attempt(() => fx.listDir(input));
    if (listed === undefined) continue;
    const names = listed.filter((n) => !NOT_GUIDES.test(n) && GUIDE_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext))).sort();
    if (names.length === 0) errors.push(diagnostic('error', 'no-input-files', input, null, { path: input }));
    for (const n of names) {
      const path = fx.joinPath(input, n);
      const found = attempt(() => fx.stat(path));
      if (found === 'file') paths.push(path);
      else if (found !== undefined && found !== null) refuse(path, found);
    }
    metadataDirs.add(input);
  }
  const metadata = new Map<string, { path: string; bytes: Uint8Array | null }>();
  const read = async (path: string, bound: ReadBound): Promise<Uint8Array | null> => {
    try {
      return await fx.readFile(path, bound);
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      errors.push(error.diagnostic);
      return null;
    }
  };
  for (const dir of metadataDirs) {
    const path = fx.joinPath(dir, 'editions.json');
    const kind = attempt(() => fx.stat(path));
    if (kind !== null && kind !== undefined && kind !== 'file') refuse(path, kind);
    const bytes = kind === 'file' ? await read(path, { maxBytes: limits.metadataBytes }) : null;
    metadata.set(dir, { path, bytes });
  }
  const files: SourceFile[] = [];
  let total = 0;
  for (const path of [...new Set(paths)]) {
    const bytes = await read(path, { maxBytes: limits.guideBytes, ...GUIDE_BOUND_HINT });
    if (bytes === null) continue;
    total += bytes.length;
    if (total > limits.corpusBytes) {
      errors.push(diagnostic('error', 'corpus-too-large', path, null, { size: `${formatBytes(total)}+`, limit: formatBytes(limits.corpusBytes) }));
      break;
    }
    files.push({ path, name: fx.baseName(path), bytes });
  }
  if (errors.length === 1) throw new AnalysisError(errors[0]);
  if (errors.length > 1) throw new PipelineErrors(errors);
  return { files, metadata };
}

async function readAll(collected: Collected, fx: PipelineEffects, limits: Readonly<Limits>): Promise<ParsedEdition[]> {
  const errors: Diagnostic[] = [];
  const entriesByDir = new Map<string, ReturnType<typeof loadEditionEntries>>();
  for (const [dir, meta] of collected.metadata) {
    try {
      entriesByDir.set(dir, loadEditionEntries(meta.bytes, meta.path));
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      errors.push(error.diagnostic);
    }
  }
  const editions: ParsedEdition[] = [];
  const pathOf = new Map<ParsedEdition, string>();
  const total = collected.files.length;
  for (const [i, file] of collected.files.entries()) {
    const entries = entriesByDir.get(fx.dirName(file.path));
    if (entries === undefined) continue;
    try {
      const edition = await readEdition(file, entries, limits);
      editions.push(edition);
      pathOf.set(edition, file.path);
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      errors.push(error.diagnostic);
    }
    fx.progress('read', i + 1, total, file.name);
  }
  const seen = new Map<string, string>();
  for (const e of editions) {
    const path = pathOf.get(e)!;
    const other = seen.get(e.meta.edition_id);
    if (other !== undefined) {
      errors.push(diagnostic('error', 'edition-duplicate-id', path, null, { id: e.meta.edition_id, other }));
    }
    seen.set(e.meta.edition_id, path);
  }
  if (errors.length === 1) throw new AnalysisError(errors[0]);
  if (errors.length > 1) throw new PipelineErrors(errors);
  return editions.sort((a, b) => compareCodePoints(a.meta.edition_id, b.meta.edition_id));
}

/** Collects and reads the inputs as the pipeline does (same errors), without analysing them. */
export async function readInputs(inputs: string[], fx: PipelineEffects, limits: Readonly<Limits> = LIMITS): Promise<ParsedEdition[]> {
  return readAll(await collectInputs(inputs, fx, limits), fx, limits);
}

export async function runPipeline(
  options: PipelineOptions,
  fx: PipelineEffects,
  sink: OutputSink
): Promise<PipelineResult> {
  const started = performance.now();
  const limits = options.limits ?? LIMITS;
  const collected = await collectInputs(options.inputs, fx, limits);
  const dict = options.dict ?? (await loadDictionaries(options.dictDir, limits));
  const start = (editions: number) =>
    startEditionPool(dict, {
      minPairCount: options.minPairCount,
      workers: options.workers ?? defaultWorkerCount(editions),
      maxPairs: limits.cooccurrencePairs,
      workerUrl: options.workerUrl
    });
  // Without a cache every file is computed: start the threads now, so their nodejieba load
  // overlaps the reading. With one, the threads are sized to the editions that miss it.
  let pool: EditionPool | null = options.cache ? null : start(collected.files.length);
  try {
    return await analyse(options, fx, sink, { started, collected, dict, pool: (editions) => (pool ??= start(editions)) });
  } finally {
    await pool?.close();
  }
}

interface Started {
  started: number;
  collected: Collected;
  dict: Awaited<ReturnType<typeof loadDictionaries>>;
  /** The pool, started for this many editions to compute if it is not running yet. */
  pool: (editions: number) => EditionPool;
}

async function analyse(options: PipelineOptions, fx: PipelineEffects, sink: OutputSink, run: Started): Promise<PipelineResult> {
  const { started, collected, dict, pool } = run;
  const dictionaries = performance.now();
  const editions = await readAll(collected, fx, options.limits ?? LIMITS);
  const read = performance.now();
  const steps = { segment: 0, tables: 0, encode: 0 };

  const warnings = editions.flatMap((e) => e.warnings);
  for (const w of warnings) fx.warn(w);

  const writers = Object.fromEntries(
    STORED_TABLE_NAMES.map((name) => [name, createTableWriter(TABLES[name], sink)])
  ) as Record<TableName, TableWriter>;
  const vocabulary = createVocabulary(dict);
  const duplicates = createNearDuplicateFinder();
  const pairs = consecutivePairs(editions.map((e) => e.meta));
  const compared = new Set(pairs.flat());
  const termCounts = new Map<string, TermCountColumns>();

  const append = (name: TableName, batch: EncodedBatch, edition: string) => writers[name].appendEncoded(batch, edition);
  const emit = (result: EditionResult, i: number) => {
    if (compared.has(result.edition_id)) termCounts.set(result.edition_id, result.termCounts);
    for (const [name, batch] of Object.entries(result.tables)) append(name as TableName, batch, result.edition_id);
    vocabulary.addSummary(result.edition_id, result.vocabulary);
    duplicates.add(editions[i]);
    fx.progress('segment', i + 1, editions.length, result.edition_id);
  };
  // Cached editions are spliced in between the computed ones, so the output stays in id order.
  // Without a cache, the in-process pool hands each table to the writers as soon as it is
  // encoded (a large guide never holds all its tables at once); a cache keeps them whole.
  const dictionaryVersion = dictionaryVersionOf(dict);
  const keys = options.cache ? editions.map((e) => editionCacheKey(e, dictionaryVersion, options)) : [];
  const cached = editions.map((_, i) => options.cache?.get(keys[i]));
  const missing = editions.flatMap((e, i) => (cached[i] === undefined ? [i] : []));
  let next = 0;
  const flush = () => {
    while (next < editions.length && cached[next] !== undefined) emit(cached[next]!, next++);
  };
  flush();
  await pool(missing.length).run(
    missing.map((i) => editions[i]),
    (result, j) => {
      const i = missing[j];
      steps.segment += result.timings.segment;
      steps.tables += result.timings.tables;
      steps.encode += result.timings.encode;
      options.cache?.set(keys[i], result);
      cached[i] = result;
      flush();
      if (!options.cache) cached[i] = undefined; // streamed out: nothing holds a 1,000-edition corpus
    },
    options.cache ? undefined : append
  );
  const editionsDone = performance.now();
  compareConsecutive(editions, pairs, termCounts, writers, fx);
  const compareDone = performance.now();
  const termRows = vocabulary.rows();
  writers.terms.append(termRows);
  writers.themes.append(vocabulary.themeRows());
  writers.near_duplicates.append(duplicates.rows());

  const tables: ManifestTable[] = STORED_TABLE_NAMES.map((name, i) => {
    const table = writers[name].finish();
    fx.progress('write', i + 1, STORED_TABLE_NAMES.length, name);
    return table;
  });

  const manifest = buildManifest({ editions, dict, tables, warnings, termCount: termRows.length, options, collected });
  writeManifest(sink, manifest);
  const end = performance.now();
  const timings = {
    dictionaries: dictionaries - started,
    read: read - dictionaries,
    ...steps,
    editions: editionsDone - read,
    compare: compareDone - editionsDone,
    finish: end - compareDone
  };
  return { manifest, warnings, timings };
}

/** Every pair of consecutive editions of one region, compared and written in pair order. */
function compareConsecutive(
  editions: readonly ParsedEdition[],
  pairs: readonly [string, string][],
  termCounts: ReadonlyMap<string, TermCountColumns>,
  writers: Record<TableName, TableWriter>,
  fx: PipelineEffects
): void {
  const byId = new Map(editions.map((e) => [e.meta.edition_id, e]));
  const inputOf = (id: string): CompareEdition => {
    const e = byId.get(id)!;
    return {
      edition_id: id,
      tracks: e.tracks.map((t) => ({ track_no: t.track_no, track_name: t.track_name })),
      topics: e.tracks.flatMap((t) => t.topics.map((p) => ({ track_no: t.track_no, topic_no: p.topic_no, title: p.title, body: p.body }))),
      terms: termCountRows(termCounts.get(id)!)
    };
  };
  for (const [i, [a, b]] of pairs.entries()) {
    const result = compareEditions(inputOf(a), inputOf(b));
    writers.track_alignment.append(result.tracks);
    writers.topic_alignment.append(result.topics);
    writers.term_trend.append(result.terms);
    fx.progress('compare', i + 1, pairs.length, `${a} → ${b}`);
  }
}

/** manifest.json as the pipeline writes it (the CLI rewrites it after adding Parquet copies). */
export function writeManifest(sink: OutputSink, manifest: Manifest): void {
  const out = sink.open(MANIFEST_FILE);
  out.write(JSON.stringify(manifest, null, 2) + '\n');
  out.close();
}

/** Short hash over every dictionary file: the manifest's dictionary_version. */
export function dictionaryVersionOf(dict: Dictionaries): string {
  return shortHash(
    Object.values(dict.files)
      .sort((a, b) => compareCodePoints(a.file, b.file))
      .map((f) => `${f.file}:${f.sha256}`)
      .join('\n')
  );
}

interface ManifestInput {
  editions: ParsedEdition[];
  dict: Awaited<ReturnType<typeof loadDictionaries>>;
  tables: ManifestTable[];
  warnings: Diagnostic[];
  termCount: number;
  options: PipelineOptions;
  collected: Collected;
}

function buildManifest(m: ManifestInput): Manifest {
  const dictionaries = Object.fromEntries(
    Object.entries(m.dict.files)
      .sort(([a], [b]) => compareCodePoints(a, b))
      .map(([name, f]) => [name, { file: f.file, sha256: f.sha256, bytes: f.bytes, entries: f.entries }])
  );
  const dictionary_version = dictionaryVersionOf(m.dict);
  const byName = new Map(m.collected.files.map((f) => [f.name, f]));
  return {
    format: MANIFEST_FORMAT,
    tool: { ...TOOL },
    options: { min_pair_count: m.options.minPairCount },
    dictionary_version,
    dictionaries,
    inputs: m.editions.map((e) => ({
      file: e.file,
      sha256: e.sha256 || sha256Hex(byName.get(e.file)?.bytes ?? new Uint8Array()),
      bytes: e.bytes,
      edition_id: e.meta.edition_id,
      encoding: e.encoding
    })),
    editions: m.editions.map((e) => ({
      edition_id: e.meta.edition_id,
      year: e.meta.year,
      region: e.meta.region,
      title: e.meta.title,
      file: e.file,
      topics: e.tracks.reduce((n, t) => n + t.topics.length, 0),
      has_bodies: e.tracks.some((t) => t.topics.some((p) => p.body.length > 0)),
      tracks: e.tracks.map((t) => ({ track_no: t.track_no, track_name: t.track_name, topics: t.topics.length }))
    })),
    summary: {
      editions: m.editions.length,
      tracks: m.editions.reduce((n, e) => n + e.tracks.length, 0),
      topics: m.editions.reduce((n, e) => n + e.tracks.reduce((k, t) => k + t.topics.length, 0), 0),
      terms: m.termCount,
      warnings: m.warnings.length
    },
    tables: m.tables,
    warnings: m.warnings.map((w) => ({ level: w.level, code: w.code, file: w.file, line: w.line, message: w.message }))
  };
}
