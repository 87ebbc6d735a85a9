/**
 * npm run analyze [-- <files or folders…>] [--out DIR] [--dict DIR] [--min-pair N] [--workers N] [--timings]
 *
 * Reads guides, writes the tables into a temporary folder and swaps it in whole;
 * on any error the previous outputs stay byte-identical and the exit code is 1.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { AnalysisError, cliText, formatDiagnostic, messageText } from './messages.ts';
import type { Diagnostic } from './model.ts';
import { DEFAULT_MIN_PAIR_COUNT, diagnosticsOf, runPipeline, type Phase, type PipelineEffects } from './pipeline.ts';
import { createDirSink } from './write/sink.ts';
import { stageOutput } from './write/atomic.ts';
import { runIfEntry } from './entry.ts';

/** The bundled workspace (data/): the same folders the server manages and serves (src/lib/server/workspace). */
export const DEFAULTS = { inputs: ['data/editions'], out: 'data/tables', dict: 'data/dict' };

/** Past this many warnings the CLI prints a count instead of every line (they are all in the manifest). */
const WARNINGS_SHOWN = 50;

interface CliArgs {
  inputs: string[];
  out: string;
  dict: string;
  minPairCount: number;
  workers: number | undefined;
  quiet: boolean;
  timings: boolean;
}

export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      dict: { type: 'string' },
      'min-pair': { type: 'string' },
      workers: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      timings: { type: 'boolean' }
    }
  });
  const minPair = values['min-pair'] === undefined ? DEFAULT_MIN_PAIR_COUNT : Number(values['min-pair']);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  const bad = (reason: string) =>
    new AnalysisError({ level: 'error', code: 'cli-usage', file: 'cli', line: null, message: messageText('cli-usage', { reason }) });
  if (!Number.isInteger(minPair) || minPair < 1) throw bad(`--min-pair ${values['min-pair']}`);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw bad(`--workers ${values.workers}`);
  return {
    inputs: positionals.length > 0 ? positionals : DEFAULTS.inputs,
    out: values.out ?? DEFAULTS.out,
    dict: values.dict ?? DEFAULTS.dict,
    minPairCount: minPair,
    workers,
    quiet: values.quiet ?? false,
    timings: values.timings ?? false
  };
}

export function nodeEffects(report: (phase: Phase, done: number, total: number, label: string) => void, warn: (d: Diagnostic) => void): PipelineEffects {
  return {
    stat(path) {
      try {
        const s = statSync(path);
        return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : null;
      } catch {
        return null;
      }
    },
    listDir: (path) => readdirSync(path),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    joinPath: join,
    dirName: dirname,
    baseName: basename,
    progress: report,
    warn
  };
}

function createReporter(quiet: boolean) {
  const tty = process.stderr.isTTY === true && !quiet;
  let bar: cliProgress.SingleBar | null = null;
  let current: Phase | null = null;
  return {
    progress(phase: Phase, done: number, total: number, label: string) {
      if (quiet) return;
      if (!tty) {
        if (phase !== 'write') process.stderr.write(`${cliText('phase', { phase })} ${done}/${total} ${label}\n`);
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
      bar?.update(done, { label });
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

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const started = performance.now();
  const reporter = createReporter(args.quiet);
  const warnings: Diagnostic[] = [];
  const stage = stageOutput(args.out);
  try {
    const { manifest, timings } = await runPipeline(
      { inputs: args.inputs, dictDir: args.dict, minPairCount: args.minPairCount, workers: args.workers },
      nodeEffects(reporter.progress, (d) => warnings.push(d)),
      createDirSink(stage.dir)
    );
    stage.commit();
    reporter.stop();
    for (const w of warnings.slice(0, WARNINGS_SHOWN)) process.stderr.write(formatDiagnostic(w) + '\n');
    if (warnings.length > WARNINGS_SHOWN) {
      process.stderr.write(cliText('more-warnings', { n: warnings.length - WARNINGS_SHOWN }) + '\n');
    }
    const s = manifest.summary;
    process.stdout.write(
      cliText('summary', {
        editions: s.editions,
        tracks: s.tracks,
        topics: s.topics,
        terms: s.terms,
        warnings: s.warnings,
        out: args.out,
        seconds: ((performance.now() - started) / 1000).toFixed(1)
      }) + '\n'
    );
    if (args.timings) process.stdout.write(JSON.stringify({ timings }) + '\n');
    return 0;
  } catch (error) {
    stage.discard();
    reporter.stop();
    const diagnostics = diagnosticsOf(error);
    if (diagnostics === null) throw error;
    for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
    process.stderr.write(messageText('cli-failed', { out: args.out }) + '\n');
    return 1;
  }
}

runIfEntry(/analysis[\\/]cli\.ts$/, main);
