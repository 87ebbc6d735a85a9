/**
 * Runs edition jobs on worker threads and hands results back in edition order.
 * nodejieba's dictionary load (~0.75 s) happens once per worker, in parallel; small runs
 * stay in-process, where a worker's start-up would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { AnalysisError } from '../messages.ts';
import { Worker } from 'node:worker_threads';
import type { Diagnostic, Dictionaries, ParsedEdition } from '../model.ts';
import { createEditionJob, type EditionJobOptions, type EditionResult, type TableEmitter } from './edition-job.ts';

/** Below this many editions the pipeline does not start workers. */
export const MIN_EDITIONS_FOR_WORKERS = 8;
const IN_FLIGHT_PER_WORKER = 3;

export function defaultWorkerCount(editions: number): number {
  if (editions < MIN_EDITIONS_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/**
 * Never more threads than the machine has cores: each holds its own segmenter and the
 * editions in flight, so 1,000 of them took 8 GB while running no faster than 2.
 */
export function clampWorkerCount(workers: number): number {
  return Math.max(0, Math.min(Math.floor(workers), availableParallelism()));
}

export interface EditionPool {
  /**
   * Runs every edition's job; results arrive in edition order. In-process, each encoded
   * table goes to `onTable` as soon as it exists (so one edition's tables are never all in
   * memory) and the result's `tables` is empty; from workers the tables come in the result.
   */
  run(
    editions: readonly ParsedEdition[],
    onResult: (result: EditionResult, index: number) => void,
    onTable?: TableEmitter
  ): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the workers now, so their start-up and dictionary load overlap with reading the
 * guides; with `workers` 0 the jobs run in-process (the segmenter loads on first use).
 */
export function startEditionPool(dict: Dictionaries, options: EditionJobOptions & { workers: number; workerUrl?: URL }): EditionPool {
  if (options.workers <= 0) {
    let job: ReturnType<typeof createEditionJob> | null = null;
    return {
      async run(editions, onResult, onTable) {
        job ??= createEditionJob(dict, options);
        for (const [index, edition] of editions.entries()) onResult(job(edition, onTable), index);
      },
      async close() {}
    };
  }
  const workerUrl = options.workerUrl ?? new URL('./worker-entry.mjs', import.meta.url);
  const workers = Array.from(
    { length: clampWorkerCount(options.workers) },
    () => new Worker(workerUrl, { workerData: { dict, options: { minPairCount: options.minPairCount, maxPairs: options.maxPairs } } })
  );
  // A worker that fails while idle is reported by the next run (or ignored by close).
  let failure: Error | null = null;
  for (const worker of workers) {
    worker.on('error', (error) => (failure ??= error));
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`analysis worker exited with code ${code}`);
    });
  }
  return {
    run: (editions, onResult) => runOnWorkers(workers.slice(0, Math.max(1, editions.length)), editions, onResult, () => failure),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}

function runOnWorkers(
  workers: Worker[],
  editions: readonly ParsedEdition[],
  onResult: (result: EditionResult, index: number) => void,
  failed: () => Error | null
): Promise<void> {
  const pending = new Map<number, EditionResult>();
  let nextToEmit = 0;
  let nextToSend = 0;
  return new Promise<void>((resolve, reject) => {
    if (failed()) return reject(failed());
    if (editions.length === 0) return resolve();
    const send = (worker: Worker) => {
      if (nextToSend >= editions.length) return;
      const index = nextToSend++;
      worker.postMessage({ index, edition: editions[index] });
    };
    for (const worker of workers) {
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0 && nextToEmit < editions.length) reject(new Error(`analysis worker exited with code ${code}`));
      });
      worker.on('message', (message: { index: number; result?: EditionResult; error?: string; diagnostic?: Diagnostic }) => {
        if (message.diagnostic !== undefined) return reject(new AnalysisError(message.diagnostic));
        if (message.error !== undefined) return reject(new Error(message.error));
        pending.set(message.index, message.result!);
        try {
          while (pending.has(nextToEmit)) {
            const result = pending.get(nextToEmit)!;
            pending.delete(nextToEmit);
            onResult(result, nextToEmit++);
          }
        } catch (error) {
          return reject(error);
        }
        if (nextToEmit === editions.length) return resolve();
        send(worker);
      });
      for (let i = 0; i < IN_FLIGHT_PER_WORKER; i++) send(worker);
    }
  });
}
