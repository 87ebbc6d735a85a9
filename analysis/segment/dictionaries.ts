/**
 * Loads data/dict/ from disk. Parsing lives in parse-dictionaries.ts (no fs), so
 * the page can parse edited texts the same way.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Dictionaries } from '../model.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import { DICTIONARY_FILES, parseDictionaries } from './parse-dictionaries.ts';
import { writeUserDict } from './user-dict.ts';

export { DICTIONARY_FILES, parseDictionaries };

export async function loadDictionaries(dir: string): Promise<Dictionaries> {
  const names = Object.values(DICTIONARY_FILES);
  const bytes = await Promise.all(
    names.map((name) =>
      readFile(join(dir, name)).catch((err: NodeJS.ErrnoException) => {
        const code = err.code === 'ENOENT' ? 'dict-missing' : 'file-unreadable';
        throw new AnalysisError(diagnostic('error', code, join(dir, name), null, { file: name, reason: err.message }));
      })
    )
  );
  return dictionariesFromBytes(Object.fromEntries(names.map((name, i) => [name, new Uint8Array(bytes[i])])), dir);
}

/** The dictionaries from the bytes of their five files (file name → bytes); `dir` only names them in messages. */
export function dictionariesFromBytes(files: Record<string, Uint8Array>, dir: string): Dictionaries {
  const names = Object.values(DICTIONARY_FILES);
  // ignoreBOM keeps a BOM in the text, so parse sees the file as it is (it skips the BOM itself).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const texts: Record<string, string> = {};
  for (const name of names) {
    if (files[name] === undefined) throw new AnalysisError(diagnostic('error', 'dict-missing', join(dir, name), null, { file: name }));
    texts[name] = decoder.decode(files[name]);
  }
  const dict = parseDictionaries(texts, dir);
  // The manifest describes the bytes on disk, which may not round-trip through UTF-8 decoding.
  for (const name of names) {
    dict.files[name] = {
      ...dict.files[name],
      sha256: createHash('sha256').update(files[name]).digest('hex'),
      bytes: files[name].length
    };
  }
  dict.userDictPaths = [writeUserDict(dict)];
  return dict;
}
