/**
 * The user dictionary nodejieba actually loads, generated from the dictionaries:
 * terms.txt, thesaurus variants and canonicals, theme members.
 *
 * Why generated rather than terms.txt itself: cppjieba reads a two-column line as
 * `word tag` (not `word freq`) and has no comments, and thesaurus variants must be
 * cut whole too.
 *
 * Frequencies: with no frequency cppjieba gives a user word the median weight of its
 * base dictionary, which loses to common splits (大|模型). A fixed large frequency
 * instead makes terms swallow their neighbours. So each word is weighed like jieba's
 * own suggest_freq does it, against the best way of cutting it from smaller words
 * (base dictionary plus shorter user words), times MARGIN.
 */
import { createRequire } from 'node:module';
import { lstatSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dictionaries } from '../model.ts';
import { wordForm, wordKey } from './chars.ts';
import { sha256OfText } from './sha256.ts';

/**
 * How much likelier a term is than its best split. suggest_freq uses ~1, which lets
 * general-purpose jieba compounds win where they cross a term (大|数据分析,
 * 科技|金融服务); at 100 our terms win (大数据|分析, 科技金融|服务). On the guides,
 * 1000 changes only two more cuts.
 */
const MARGIN = 100;
const FORMAT_VERSION = 'crosstrack-user-dict-1';
const TAG = 'n';

const require = createRequire(import.meta.url);

export function baseDictPath(): string {
  return (require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;
}

/**
 * Every word nodejieba must cut whole, keyed (lower-cased Latin): terms, generic
 * verbs, multi-character stop words (so 包括但不限于 goes as one), thesaurus and
 * theme words. Pure ASCII words are glued by the walker instead.
 */
export function userDictWords(dict: Dictionaries): string[] {
  const words = new Set<string>();
  const add = (word: string) => {
    const key = wordKey(word);
    if (!/^[0-9a-z]+$/.test(key) && wordForm(key) === 'ok') words.add(key);
  };
  dict.terms.forEach(add);
  dict.genericVerbs.forEach(add);
  dict.stopwords.forEach((word) => Array.from(word).length > 1 && add(word));
  dict.thesaurus.forEach((canonical, variant) => {
    add(variant);
    add(canonical);
  });
  dict.themes.forEach((members) => members.forEach(add));
  return [...words].sort();
}

interface BaseDict {
  logProb: (word: string) => number | undefined;
  minLogProb: number;
  medianLogProb: number;
  freqSum: number;
}

/** Reads only the base entries that are substrings of our words; the rest cannot matter. */
function readBaseDict(path: string, words: string[]): BaseDict {
  const wanted = new Set<string>();
  for (const word of words) {
    const chars = Array.from(word);
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 1; j <= chars.length; j++) wanted.add(chars.slice(i, j).join(''));
    }
  }
  const freqs: number[] = [];
  const found = new Map<string, number>();
  let freqSum = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const freq = parseFloat(line.slice(space + 1));
    if (!(freq > 0)) continue;
    freqs.push(freq);
    freqSum += freq;
    const word = line.slice(0, space);
    if (wanted.has(word)) found.set(word, freq);
  }
  freqs.sort((a, b) => a - b);
  return {
    logProb: (word) => {
      const f = found.get(word);
      return f === undefined ? undefined : Math.log(f / freqSum);
    },
    minLogProb: Math.log(freqs[0] / freqSum),
    medianLogProb: Math.log(freqs[freqs.length >> 1] / freqSum),
    freqSum
  };
}

/** Frequency per word, shortest words first so longer ones are measured against them. */
export function tuneFrequencies(words: string[], base: BaseDict): Map<string, number> {
  const tuned = new Map<string, number>();
  const order = [...words].sort((a, b) => Array.from(a).length - Array.from(b).length || (a < b ? -1 : a > b ? 1 : 0));
  for (const word of order) {
    const chars = Array.from(word);
    const best = new Array<number>(chars.length + 1).fill(-Infinity);
    best[0] = 0;
    for (let i = 0; i < chars.length; i++) {
      if (best[i] === -Infinity) continue;
      for (let j = i + 1; j <= chars.length; j++) {
        if (i === 0 && j === chars.length) continue;
        const piece = chars.slice(i, j).join('');
        const lp = tuned.get(piece) ?? base.logProb(piece) ?? (j === i + 1 ? base.minLogProb : undefined);
        if (lp !== undefined && best[i] + lp > best[j]) best[j] = best[i] + lp;
      }
    }
    const own = base.logProb(word) ?? -Infinity;
    tuned.set(word, Math.max(best[chars.length] + Math.log(MARGIN), own, base.medianLogProb));
  }
  const freqs = new Map<string, number>();
  for (const word of words) freqs.set(word, Math.max(1, Math.ceil(Math.exp(tuned.get(word)!) * base.freqSum)));
  return freqs;
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Writes the user dictionary to the temp folder (once per content: the name
 * carries its hash, so parallel test processes share it) and returns its path.
 */
export function writeUserDict(dict: Dictionaries): string {
  const words = userDictWords(dict);
  const basePath = baseDictPath();
  const stamp = sha256OfText([FORMAT_VERSION, MARGIN, basePath, statSync(basePath).size, ...words].join('\n'));
  const path = join(tmpdir(), `crosstrack-jieba-user-${stamp.slice(0, 16)}.utf8`);
  // The temp folder is shared: reuse only a regular file (a FIFO there would hang nodejieba).
  if (isRegularFile(path)) return path;
  const freqs = tuneFrequencies(words, readBaseDict(basePath, words));
  const text = words.map((word) => `${word} ${freqs.get(word)} ${TAG}\n`).join('');
  const partial = `${path}.${process.pid}.partial`;
  rmSync(partial, { force: true });
  // 'wx' creates the file or fails: never writes through a link someone left at that name.
  writeFileSync(partial, text, { encoding: 'utf8', flag: 'wx' });
  renameSync(partial, path);
  return path;
}
