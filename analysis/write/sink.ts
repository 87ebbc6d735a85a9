/**
 * Where output files go. The pipeline writes through a sink so tests can keep
 * outputs in memory and the CLI can write into a temporary folder it swaps in later.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsFailure } from '../files.ts';

export interface WrittenFile {
  file: string;
  /** Null when the file was opened with `hash: false`. */
  sha256: string | null;
  bytes: number;
}

export interface OpenOptions {
  /** Hash the bytes as they pass (default true). The CSV copies skip it: the manifest hashes the Arrow table. */
  hash?: boolean;
}

export interface FileSink {
  write(chunk: Uint8Array | string): void;
  close(): WrittenFile;
}

export interface OutputSink {
  open(file: string, options?: OpenOptions): FileSink;
}

const encoder = new TextEncoder();

function hashingSink(file: string, hashed: boolean, emit: (bytes: Uint8Array) => void, done: () => void): FileSink {
  const hash = hashed ? createHash('sha256') : null;
  let bytes = 0;
  return {
    write(chunk) {
      const data = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      hash?.update(data);
      bytes += data.byteLength;
      emit(data);
    },
    close() {
      done();
      return { file, sha256: hash?.digest('hex') ?? null, bytes };
    }
  };
}

/**
 * Writes files under `dir` synchronously (simple, and fast enough for tens of MB). A failed
 * write (disk full, read-only) names the file: errors on a descriptor carry no path.
 */
export function createDirSink(dir: string): OutputSink {
  return {
    open(file, options) {
      const path = join(dir, file);
      let fd: number;
      try {
        mkdirSync(dirname(path), { recursive: true });
        fd = openSync(path, 'w');
      } catch (error) {
        throw fsFailure(error, path, 'create');
      }
      return hashingSink(
        file,
        options?.hash ?? true,
        (data) => {
          try {
            let offset = 0;
            while (offset < data.byteLength) offset += writeSync(fd, data, offset);
          } catch (error) {
            throw fsFailure(error, path, 'write');
          }
        },
        () => {
          try {
            closeSync(fd);
          } catch (error) {
            throw fsFailure(error, path, 'write');
          }
        }
      );
    }
  };
}

/** Keeps files in memory: for tests and for callers that serve outputs without a disk. */
export function createMemorySink(): OutputSink & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    open(file, options) {
      const parts: Uint8Array[] = [];
      return hashingSink(
        file,
        options?.hash ?? true,
        (data) => parts.push(data),
        () => files.set(file, Buffer.concat(parts))
      );
    }
  };
}
