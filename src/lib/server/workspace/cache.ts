/**
 * Per-edition analysis results kept in the server's memory, least recently used first out
 * once they pass a byte budget. Keys come from the pipeline (file hash, metadata,
 * dictionary version, options, code version), so a stale entry is never hit, only evicted.
 */
import type { EditionCache } from '../../../../analysis/pipeline.ts';
import type { EditionResult } from '../../../../analysis/parallel/edition-job.ts';

const sizeOf = (r: EditionResult) => Object.values(r.tables).reduce((n, b) => n + b.arrow.byteLength + b.csv.byteLength, 0);

export interface MemoryEditionCache extends EditionCache {
  readonly size: number;
  readonly bytes: number;
  clear(): void;
}

export function createEditionCache(maxBytes = 1024 * 1024 * 1024): MemoryEditionCache {
  const entries = new Map<string, { result: EditionResult; bytes: number }>();
  let total = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.result;
    },
    set(key, result) {
      const old = entries.get(key);
      if (old) total -= old.bytes;
      entries.delete(key);
      const bytes = sizeOf(result);
      entries.set(key, { result, bytes });
      total += bytes;
      for (const [k, e] of entries) {
        if (total <= maxBytes || entries.size <= 1) break;
        entries.delete(k);
        total -= e.bytes;
      }
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return total;
    },
    clear() {
      entries.clear();
      total = 0;
    }
  };
}
