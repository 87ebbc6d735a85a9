/**
 * Outputs are built in a sibling temporary folder and swapped in whole, so a failed
 * run leaves the previous outputs exactly as they were.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface StagedOutput {
  /** The temporary folder to write into. */
  dir: string;
  /** Replace the real output folder with the temporary one. */
  commit(): void;
  /** Throw the temporary folder away; the real output folder is untouched. */
  discard(): void;
}

export function stageOutput(outDir: string, tag: string = String(process.pid)): StagedOutput {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}.tmp-${tag}`);
  const old = join(parent, `.${basename(target)}.old-${tag}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  return {
    dir: temp,
    commit() {
      rmSync(old, { recursive: true, force: true });
      const hadPrevious = existsSync(target);
      if (hadPrevious) renameSync(target, old);
      try {
        renameSync(temp, target);
      } catch (error) {
        if (hadPrevious) renameSync(old, target);
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    },
    discard() {
      rmSync(temp, { recursive: true, force: true });
    }
  };
}
