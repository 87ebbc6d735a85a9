/**
 * A hash of the analysis code (every file under analysis/): part of the workspace cache's
 * keys, so per-edition results of other code are never reused. The server bundle gets it
 * at build time (vite.config.ts `define`).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function analysisSourceHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const abs = join(path, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else hash.update(relative(dir, abs)).update('\0').update(readFileSync(abs)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}
