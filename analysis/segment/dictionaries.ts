/**
 * Loads data/dict/ from disk. Parsing lives in parse-dictionaries.ts (no fs), so
 * the page can parse edited texts the same way.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Dictionaries } from '../model.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import { fsFailure, isErrnoError, pathKind, readRegularFile } from '../files.ts';
import { formatBytes, LIMITS, type Limits } from '../limits.ts';
import { DICTIONARY_FILES, parseDictionaries } from './parse-dictionaries.ts';
import { writeUserDict } from './user-dict.ts';

export { DICTIONARY_FILES, parseDictionaries };

const BOM = [0xef, 0xbb, 0xbf];

/** Line of the first byte that is not UTF-8, and whether the file reads as GB18030 (the usual culprit). */
function notUtf8(bytes: Uint8Array): { line: number; gb: boolean } {
  let valid = 0;
  let line = 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, valid);
    const stop = end < 0 ? bytes.length : end + 1;
    if (!isUtf8(bytes.subarray(valid, stop))) break;
    if (end < 0) break;
    valid = stop;
    line++;
  }
  let gb = false;
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    gb = true;
  } catch {
    gb = false;
  }
  return { line, gb };
}

export async function loadDictionaries(dir: string, limits: Readonly<Limits> = LIMITS): Promise<Dictionaries> {
  const names = Object.values(DICTIONARY_FILES);
  const bytes = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      if (pathKind(path) === null) throw new AnalysisError(diagnostic('error', 'dict-missing', path, null, { file: name }));
      return readRegularFile(path, { maxBytes: limits.dictionaryBytes });
    })
  );
  return dictionariesFromBytes(Object.fromEntries(names.map((name, i) => [name, new Uint8Array(bytes[i])])), dir, limits);
}

/**
 * The dictionaries from the bytes of their five files (file name → bytes), under the same
 * bounds as files read from disk; `dir` only names them in messages. The workspace parses
 * an edited, not yet saved text through here.
 */
export function dictionariesFromBytes(files: Record<string, Uint8Array>, dir: string, limits: Readonly<Limits> = LIMITS): Dictionaries {
  const names = Object.values(DICTIONARY_FILES);
  for (const name of names) {
    const path = join(dir, name);
    const bytes = files[name];
    if (bytes === undefined) throw new AnalysisError(diagnostic('error', 'dict-missing', path, null, { file: name }));
    if (bytes.length > limits.dictionaryBytes) {
      throw new AnalysisError(
        diagnostic('error', 'file-too-large', path, null, { size: formatBytes(bytes.length), limit: formatBytes(limits.dictionaryBytes), hint_zh: '', hint_en: '' })
      );
    }
    const body = bytes.subarray(BOM.every((b, k) => bytes[k] === b) ? 3 : 0);
    if (isUtf8(body)) continue;
    const { line, gb } = notUtf8(body);
    throw new AnalysisError(diagnostic('error', 'dict-not-utf8', path, line, { gb: gb ? 1 : '' }));
  }
  // ignoreBOM keeps a BOM in the text, so parse sees the file as it is (it skips the BOM itself).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const texts: Record<string, string> = {};
  for (const name of names) texts[name] = decoder.decode(files[name]);
  const dict = parseDictionaries(texts, dir, limits);
  // The manifest describes the bytes on disk, which may not round-trip through UTF-8 decoding.
  for (const name of names) {
    dict.files[name] = {
      ...dict.files[name],
      sha256: createHash('sha256').update(files[name]).digest('hex'),
      bytes: files[name].length
    };
  }
  try {
    dict.userDictPaths = [writeUserDict(dict)];
  } catch (error) {
    if (isErrnoError(error)) throw fsFailure(error, error.path, 'write');
    throw error;
  }
  return dict;
}
