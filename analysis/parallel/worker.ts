/** Worker thread entry: runs edition jobs for the pool in pool.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dictionaries, ParsedEdition } from '../model.ts';
import { AnalysisError } from '../messages.ts';
import { createEditionJob, transferables, type EditionJobOptions } from './edition-job.ts';

const { dict, options } = workerData as { dict: Dictionaries; options: EditionJobOptions };
const job = createEditionJob(dict, options);

parentPort!.on('message', (message: { index: number; edition: ParsedEdition }) => {
  try {
    const result = job(message.edition);
    parentPort!.postMessage({ index: message.index, result }, transferables(result));
  } catch (error) {
    // A refusal the person should read crosses back as its diagnostic; anything else is a bug.
    if (error instanceof AnalysisError) return parentPort!.postMessage({ index: message.index, diagnostic: error.diagnostic });
    parentPort!.postMessage({ index: message.index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
