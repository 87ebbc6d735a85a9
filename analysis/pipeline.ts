/**
 * The analysis pipeline: guide files in, contract tables and a manifest out.
 *
 *   inputs (files and folders)
 *     │  collect ─ .txt .md .docx; editions.json beside them            effects.fs
 *     ▼
 *   dictionaries ──► edition pool: worker threads for big corpora start now, so their
 *     │               segmenter load (nodejieba, once per thread) overlaps the reading
 *     ▼
 *   SourceFile[] ──read (decode → parse → metadata)──► ParsedEdition[]
 *     │  every file is read before anything is computed, so all errors
 *     │  are reported together and nothing is written when one fails
 *     ▼  for each edition (on the pool, results in id order)
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
  TABLE_NAMES,
  type Manifest,
  type ManifestTable,
  type TableName
} from './contract.ts';
import { AnalysisError, diagnostic } from './messages.ts';
import type { Diagnostic, ParsedEdition, SourceFile } from './model.ts';
import { loadEditionEntries, readEdition } from './parse/index.ts';
import { loadDictionaries } from './segment/index.ts';
import { defaultWorkerCount, startEditionPool, type EditionPool } from './parallel/pool.ts';
import { compareCodePoints, computeEditionTables, createNearDuplicateFinder, createVocabulary } from './tables/index.ts';
import { createTableWriter, type TableWriter } from './write/table-writer.ts';
import type { OutputSink } from './write/sink.ts';
import { sha256Hex, shortHash } from './hash.ts';
import { compareEditions, consecutivePairs, type CompareEdition } from './compare/index.ts';
import { termCountRows, type TermCountColumns } from './compare/terms.ts';

export const TOOL = { name: 'crosstrack', version: '0.1.0' } as const;

export const GUIDE_EXTENSIONS = ['.txt', '.md', '.docx'] as const;
/** Files that live beside guides but are not guides. */
const NOT_GUIDES = /^(readme(\..*)?|editions\.json|license(\..*)?|\..*)$/i;

export interface PipelineOptions {
  inputs: string[];
  dictDir: string;
  /** Keep a co-occurring pair when it shares at least this many topics or sentences. */
  minPairCount: number;
  /** Worker threads for the per-edition work; 0 runs in-process. Default: by corpus size. */
  workers?: number;
}

export type Phase = 'read' | 'segment' | 'compare' | 'write';

export interface PipelineEffects {
  /** Returns 'file', 'dir' or null when the path does not exist. */
  stat(path: string): 'file' | 'dir' | null;
  /** Names (not paths) of the entries of a folder. */
  listDir(path: string): string[];
  readFile(path: string): Promise<Uint8Array>;
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

export const DEFAULT_MIN_PAIR_COUNT = 3;

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

async function collectInputs(inputs: string[], fx: PipelineEffects): Promise<Collected> {
  const paths: string[] = [];
  const metadataDirs = new Set<string>();
  for (const input of inputs) {
    const kind = fx.stat(input);
    if (kind === null) throw new AnalysisError(diagnostic('error', 'input-missing', input, null, { path: input }));
    if (kind === 'file') {
      paths.push(input);
      metadataDirs.add(fx.dirName(input));
      continue;
    }
    const names = fx
      .listDir(input)
      .filter((n) => !NOT_GUIDES.test(n) && GUIDE_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext)))
      .sort();
    if (names.length === 0) throw new AnalysisError(diagnostic('error', 'no-input-files', input, null, { path: input }));
    for (const n of names) paths.push(fx.joinPath(input, n));
    metadataDirs.add(input);
  }
  const metadata = new Map<string, { path: string; bytes: Uint8Array | null }>();
  for (const dir of metadataDirs) {
    const path = fx.joinPath(dir, 'editions.json');
    metadata.set(dir, { path, bytes: fx.stat(path) === 'file' ? await fx.readFile(path) : null });
  }
  const files: SourceFile[] = [];
  for (const path of [...new Set(paths)]) {
    files.push({ path, name: fx.baseName(path), bytes: await fx.readFile(path) });
  }
  return { files, metadata };
}

async function readAll(collected: Collected, fx: PipelineEffects): Promise<ParsedEdition[]> {
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
  const total = collected.files.length;
  for (const [i, file] of collected.files.entries()) {
    const entries = entriesByDir.get(fx.dirName(file.path));
    if (entries === undefined) continue;
    try {
      editions.push(await readEdition(file, entries));
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      errors.push(error.diagnostic);
    }
    fx.progress('read', i + 1, total, file.name);
  }
  const seen = new Map<string, string>();
  for (const e of editions) {
    const other = seen.get(e.meta.edition_id);
    if (other !== undefined) {
      errors.push(diagnostic('error', 'edition-duplicate-id', e.file, null, { id: e.meta.edition_id, other }));
    }
    seen.set(e.meta.edition_id, e.file);
  }
  if (errors.length === 1) throw new AnalysisError(errors[0]);
  if (errors.length > 1) throw new PipelineErrors(errors);
  return editions.sort((a, b) => compareCodePoints(a.meta.edition_id, b.meta.edition_id));
}

/** Collects and reads the inputs as the pipeline does (same errors), without analysing them. */
export async function readInputs(inputs: string[], fx: PipelineEffects): Promise<ParsedEdition[]> {
  return readAll(await collectInputs(inputs, fx), fx);
}

export async function runPipeline(
  options: PipelineOptions,
  fx: PipelineEffects,
  sink: OutputSink
): Promise<PipelineResult> {
  const started = performance.now();
  const collected = await collectInputs(options.inputs, fx);
  const dict = await loadDictionaries(options.dictDir);
  const workers = options.workers ?? defaultWorkerCount(collected.files.length);
  const pool = startEditionPool(dict, { minPairCount: options.minPairCount, workers });
  try {
    return await analyse(options, fx, sink, { started, collected, dict, pool });
  } finally {
    await pool.close();
  }
}

interface Started {
  started: number;
  collected: Collected;
  dict: Awaited<ReturnType<typeof loadDictionaries>>;
  pool: EditionPool;
}

async function analyse(options: PipelineOptions, fx: PipelineEffects, sink: OutputSink, run: Started): Promise<PipelineResult> {
  const { started, collected, dict, pool } = run;
  const dictionaries = performance.now();
  const editions = await readAll(collected, fx);
  const read = performance.now();
  const steps = { segment: 0, tables: 0, encode: 0 };

  const warnings = editions.flatMap((e) => e.warnings);
  for (const w of warnings) fx.warn(w);

  const writers = Object.fromEntries(
    TABLE_NAMES.map((name) => [name, createTableWriter(TABLES[name], sink)])
  ) as Record<TableName, TableWriter>;
  const vocabulary = createVocabulary(dict);
  const duplicates = createNearDuplicateFinder();
  const pairs = consecutivePairs(editions.map((e) => e.meta));
  const compared = new Set(pairs.flat());
  const termCounts = new Map<string, TermCountColumns>();

  await pool.run(editions, (result, i) => {
    if (compared.has(result.edition_id)) termCounts.set(result.edition_id, result.termCounts);
    for (const [name, batch] of Object.entries(result.tables)) writers[name as TableName].appendEncoded(batch);
    vocabulary.addSummary(result.edition_id, result.vocabulary);
    steps.segment += result.timings.segment;
    steps.tables += result.timings.tables;
    steps.encode += result.timings.encode;
    duplicates.add(editions[i]);
    fx.progress('segment', i + 1, editions.length, result.edition_id);
  });
  const editionsDone = performance.now();
  compareConsecutive(editions, pairs, termCounts, writers, fx);
  const compareDone = performance.now();
  const termRows = vocabulary.rows();
  writers.terms.append(termRows);
  writers.themes.append(vocabulary.themeRows());
  writers.near_duplicates.append(duplicates.rows());

  const tables: ManifestTable[] = TABLE_NAMES.map((name, i) => {
    const table = writers[name].finish();
    fx.progress('write', i + 1, TABLE_NAMES.length, name);
    return table;
  });

  const manifest = buildManifest({ editions, dict, tables, warnings, termCount: termRows.length, options, collected });
  const out = sink.open(MANIFEST_FILE);
  out.write(JSON.stringify(manifest, null, 2) + '\n');
  out.close();
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
  const dictionary_version = shortHash(
    Object.values(dictionaries)
      .map((f) => `${f.file}:${f.sha256}`)
      .join('\n')
  );
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
