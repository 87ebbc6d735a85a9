/**
 * npm run analyze [-- <files or folders…>] [--out DIR] [--dict DIR] [--min-pair N] [--workers N]
 *                 [--max-file-mb N] [--format arrow|parquet] [--quiet] [--timings] [--help]
 *
 * Checks the output folder, reads guides, writes the tables into a temporary folder and
 * swaps it in whole. `--format parquet` adds a `<table>.parquet` (zstd) beside each Arrow
 * table, for DuckDB, Polars or Spark; the dashboard keeps reading the Arrow tables. Exit 0: done; 1: an input, the output folder or the environment
 * refused (a sentence naming the path; the previous outputs stay byte-identical); 2: bad
 * arguments; 3: a bug (with its stack, from entry.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { AnalysisError, cliText, formatDiagnostic, messageText, printable } from './messages.ts';
import type { Diagnostic } from './model.ts';
import { DEFAULT_MIN_PAIR_COUNT, diagnosticsOf, runPipeline, writeManifest, type Phase, type PipelineEffects } from './pipeline.ts';
import { createDirSink } from './write/sink.ts';
import { stageOutput, type StagedOutput } from './write/atomic.ts';
import { fsFailure, isErrnoError, pathKind, readRegularFile } from './files.ts';
import { LIMITS, MB, withLimits, type Limits } from './limits.ts';
import { clampWorkerCount } from './parallel/pool.ts';
import { runIfEntry } from './entry.ts';

/** The bundled workspace (data/): the same folders the server manages and serves (src/lib/server/workspace). */
export const DEFAULTS = { inputs: ['data/editions'], out: 'data/tables', dict: 'data/dict' };

/** Past this many warnings the CLI prints a count instead of every line (they are all in the manifest). */
const WARNINGS_SHOWN = 50;
const MAX_FILE_MB_CEILING = 1024;
/** Output formats: Arrow IPC + csv/ always (the dashboard reads Arrow); parquet adds Parquet copies. */
export const OUTPUT_FORMATS = ['arrow', 'parquet'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

interface CliArgs {
  inputs: string[];
  out: string;
  dict: string;
  minPairCount: number;
  workers: number | undefined;
  limits: Readonly<Limits>;
  format: OutputFormat;
  quiet: boolean;
  timings: boolean;
  help: boolean;
  /** Notices about the arguments (a clamped --workers), printed before the run. */
  notices: Diagnostic[];
}

const usage = (reason_zh: string, reason_en: string = reason_zh) =>
  new AnalysisError({ level: 'error', code: 'cli-usage', file: 'cli', line: null, message: messageText('cli-usage', { reason_zh, reason_en }) });

/** node:util's parseArgs messages, in the words of the other messages. */
export function usageFromParseError(error: unknown): AnalysisError {
  const code = (error as NodeJS.ErrnoException).code;
  const text = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(text)?.[1]?.replace(/ <value>$/, '') ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usage(`未知选项 ${option}`, `unknown option ${option}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usage(`选项 ${option} 缺少取值或取值有误`, `option ${option} needs a value`);
  return usage('命令行参数有误', 'the arguments are not valid');
}

export function parseCliArgs(argv: string[]): CliArgs {
  const end = argv.indexOf('--');
  // A file named like an option (--out=x.txt) must not silently become one.
  for (const arg of end < 0 ? argv : argv.slice(0, end)) {
    if (arg.startsWith('-') && arg !== '-' && existsSync(arg)) {
      throw new AnalysisError({ level: 'error', code: 'cli-ambiguous-argument', file: 'cli', line: null, message: messageText('cli-ambiguous-argument', { arg }) });
    }
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        dict: { type: 'string' },
        'min-pair': { type: 'string' },
        workers: { type: 'string' },
        'max-file-mb': { type: 'string' },
        format: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        timings: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    });
  } catch (error) {
    throw usageFromParseError(error);
  }
  const { values, positionals } = parsed;
  const minPair = values['min-pair'] === undefined ? DEFAULT_MIN_PAIR_COUNT : Number(values['min-pair']);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  const maxFileMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
  if (!Number.isInteger(minPair) || minPair < 1) throw usage(`--min-pair ${values['min-pair']}`);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw usage(`--workers ${values.workers}`);
  if (maxFileMb !== undefined && !(maxFileMb > 0 && maxFileMb <= MAX_FILE_MB_CEILING)) {
    throw usage(`--max-file-mb ${values['max-file-mb']}（应为 1–${MAX_FILE_MB_CEILING}）`, `--max-file-mb ${values['max-file-mb']} (1–${MAX_FILE_MB_CEILING})`);
  }
  const format = (values.format ?? 'arrow').trim().toLowerCase();
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw usage(`--format ${values.format}（应为 ${OUTPUT_FORMATS.join(' 或 ')}）`, `--format ${values.format} (${OUTPUT_FORMATS.join(' or ')})`);
  }
  for (const [name, value] of [['--out', values.out], ['--dict', values.dict]] as const) {
    if (value !== undefined && value.trim() === '') throw usage(`${name} 不能为空`, `${name} may not be empty`);
  }
  if (positionals.some((p) => p.trim() === '')) throw usage('输入路径不能为空', 'an input path may not be empty');

  const notices: Diagnostic[] = [];
  let usedWorkers = workers;
  if (workers !== undefined && workers > availableParallelism()) {
    usedWorkers = clampWorkerCount(workers);
    const params = { asked: workers, cores: availableParallelism(), used: usedWorkers };
    notices.push({ level: 'warning', code: 'cli-workers-clamped', file: 'cli', line: null, message: messageText('cli-workers-clamped', params) });
  }
  const guideBytes = maxFileMb === undefined ? LIMITS.guideBytes : Math.round(maxFileMb * MB);
  return {
    inputs: positionals.length > 0 ? positionals : DEFAULTS.inputs,
    out: values.out ?? DEFAULTS.out,
    dict: values.dict ?? DEFAULTS.dict,
    minPairCount: minPair,
    workers: usedWorkers,
    limits: withLimits({ guideBytes, corpusBytes: Math.max(LIMITS.corpusBytes, guideBytes) }),
    format: format as OutputFormat,
    quiet: values.quiet ?? false,
    timings: values.timings ?? false,
    help: values.help ?? false,
    notices
  };
}

export function nodeEffects(report: (phase: Phase, done: number, total: number, label: string) => void, warn: (d: Diagnostic) => void): PipelineEffects {
  return {
    stat: pathKind,
    listDir(path) {
      try {
        return readdirSync(path);
      } catch (error) {
        throw fsFailure(error, path, 'list');
      }
    },
    readFile: (path, bound) => readRegularFile(path, bound ?? { maxBytes: LIMITS.guideBytes }),
    joinPath: join,
    dirName: dirname,
    baseName: basename,
    progress: report,
    warn
  };
}

/** Writes text that may hold guide text or paths: each line made printable (no terminal escapes). */
export function say(stream: NodeJS.WriteStream, text: string): void {
  stream.write(printable(text) + '\n');
}

/** The pipeline's phases, then the Parquet copies (--format parquet). */
type CliPhase = Phase | 'parquet';

function createReporter(quiet: boolean) {
  const tty = process.stderr.isTTY === true && !quiet;
  let bar: cliProgress.SingleBar | null = null;
  let current: CliPhase | null = null;
  return {
    progress(phase: CliPhase, done: number, total: number, label: string) {
      if (quiet) return;
      if (!tty) {
        if (phase !== 'write' && phase !== 'parquet') say(process.stderr, `${cliText('phase', { phase })} ${done}/${total} ${label}`);
        return;
      }
      if (current !== phase) {
        bar?.stop();
        bar = new cliProgress.SingleBar(
          { format: `${cliText('phase', { phase })} [{bar}] {value}/{total} {label}`, hideCursor: true, stream: process.stderr },
          cliProgress.Presets.shades_classic
        );
        bar.start(total, 0, { label: '' });
        current = phase;
      }
      bar?.update(done, { label: printable(label) });
      if (done === total) {
        bar?.stop();
        bar = null;
        current = null;
      }
    },
    stop() {
      bar?.stop();
    }
  };
}

/** V8 refusing a string or buffer that big: a sentence, not a stack (the limits should prevent it). */
const OUT_OF_ROOM = /string length|string longer than|allocation failed|array length|buffer too large/i;

/** Failures the person can act on: ours, the file system's, or V8 running out of room. Null for a bug. */
function reportable(error: unknown, out: string): Diagnostic[] | null {
  const diagnostics = diagnosticsOf(error);
  if (diagnostics !== null) return diagnostics;
  if (isErrnoError(error) && typeof error.syscall === 'string') return [fsFailure(error, error.path ?? out, 'write').diagnostic];
  if (error instanceof RangeError && OUT_OF_ROOM.test(error.message)) {
    return [{ level: 'error', code: 'file-too-large-to-process', file: 'cli', line: null, message: messageText('file-too-large-to-process') }];
  }
  return null;
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * An interrupt removes the temporary folder (once there is one) before the process goes.
 * Installed before the folder is made: a signal arriving between the two would otherwise
 * meet the default action and leave the folder behind.
 */
function discardOnSignal(stage: () => StagedOutput | null, stop: () => void): () => void {
  const handlers = Object.entries(SIGNALS).map(([signal, code]) => {
    const handler = () => {
      stop();
      stage()?.discard();
      process.exit(code);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
}

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    const d = diagnosticsOf(error);
    if (d === null) throw error;
    say(process.stderr, d[0].message);
    process.stderr.write(cliText('analyze-usage') + '\n');
    return 2;
  }
  if (args.help) {
    process.stdout.write(cliText('analyze-usage') + '\n');
    return 0;
  }
  for (const notice of args.notices) say(process.stderr, formatDiagnostic(notice));
  const started = performance.now();
  const reporter = createReporter(args.quiet);
  const warnings: Diagnostic[] = [];
  let stage: StagedOutput | null = null;
  let release = () => {};
  try {
    release = discardOnSignal(() => stage, () => reporter.stop());
    stage = stageOutput(args.out, String(process.pid), { inputs: args.inputs, dict: args.dict });
    let parquetMs: number | undefined;
    let { manifest, timings } = await runPipeline(
      { inputs: args.inputs, dictDir: args.dict, minPairCount: args.minPairCount, workers: args.workers, limits: args.limits },
      nodeEffects(reporter.progress, (d) => warnings.push(d)),
      createDirSink(stage.dir)
    );
    if (args.format === 'parquet') {
      const parquetStarted = performance.now();
      const progress = (done: number, total: number, name: string) => reporter.progress('parquet', done, total, name);
      // Loaded only here: the DuckDB binding costs ~0.2 s of start-up that Arrow-only runs never use.
      const { writeParquetTables } = await import('./write/parquet.ts');
      const parquet = await writeParquetTables(stage.dir, manifest.tables, progress);
      manifest = { ...manifest, tables: parquet.tables, ...(parquet.derived.length ? { derived_parquet: parquet.derived } : {}) };
      writeManifest(createDirSink(stage.dir), manifest);
      parquetMs = performance.now() - parquetStarted;
    }
    stage.commit();
    release();
    reporter.stop();
    for (const w of warnings.slice(0, WARNINGS_SHOWN)) say(process.stderr, formatDiagnostic(w));
    if (warnings.length > WARNINGS_SHOWN) {
      say(process.stderr, cliText('more-warnings', { n: warnings.length - WARNINGS_SHOWN }));
    }
    const s = manifest.summary;
    say(
      process.stdout,
      cliText('summary', {
        editions: s.editions,
        tracks: s.tracks,
        topics: s.topics,
        terms: s.terms,
        warnings: s.warnings,
        out: args.out,
        seconds: ((performance.now() - started) / 1000).toFixed(1)
      })
    );
    if (args.timings) process.stdout.write(JSON.stringify({ timings: { ...timings, ...(parquetMs === undefined ? {} : { parquet: parquetMs }) } }) + '\n');
    return 0;
  } catch (error) {
    release();
    try {
      stage?.discard();
    } catch {
      // Left for the next run's cleanup (cleanStaleStaging); the failure below matters more.
    }
    reporter.stop();
    const diagnostics = reportable(error, args.out);
    if (diagnostics === null) throw error;
    for (const d of diagnostics) say(process.stderr, formatDiagnostic(d));
    say(process.stderr, messageText('cli-failed', { out: args.out }));
    return 1;
  }
}

runIfEntry(/analysis[\\/]cli\.ts$/, main);
