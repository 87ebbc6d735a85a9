/**
 * Dictionaries from their texts, with no file system, so the CLI and a future
 * dictionary editor in the page read them the same way. File formats are
 * described in the header of each file in data/dict/.
 */
import type { Diagnostic, Dictionaries } from '../model.ts';
import { AnalysisError, DICT_LINE_REASONS, diagnostic, type DictLineReason } from '../messages.ts';
import { wordForm, wordKey } from './chars.ts';
import { sha256OfText } from './sha256.ts';
import { LIMITS, type Limits } from '../limits.ts';

export const DICTIONARY_FILES = {
  terms: 'terms.txt',
  stopwords: 'stopwords.txt',
  genericVerbs: 'generic-verbs.txt',
  thesaurus: 'thesaurus.tsv',
  themes: 'themes.tsv'
} as const;

export type DictionaryFileName = (typeof DICTIONARY_FILES)[keyof typeof DICTIONARY_FILES];

interface Line {
  no: number;
  text: string;
}

/** Non-blank lines without comments: a line starting with #, or the rest of a line after whitespace + #. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const comment = raw.search(/(^|\s)#/);
      const body = (comment < 0 ? raw : raw.slice(0, comment)).trim();
      if (body) lines.push({ no: index + 1, text: body });
    });
  return lines;
}

class Reader {
  constructor(
    readonly files: Record<string, string>,
    readonly location: string,
    readonly termChars: number
  ) {}

  where(name: string): string {
    return this.location ? `${this.location.replace(/[\\/]+$/, '')}/${name}` : name;
  }

  lines(name: DictionaryFileName): Line[] {
    const text = this.files[name];
    if (text === undefined) throw new AnalysisError(diagnostic('error', 'dict-missing', this.where(name), null, { file: name }));
    return contentLines(text);
  }

  fail(name: string, line: number, reason: DictLineReason, params: Record<string, string | number> = {}): never {
    const text = DICT_LINE_REASONS[reason];
    throw new AnalysisError(
      diagnostic('error', 'dict-bad-line', this.where(name), line, { reason_zh: text.zh(params), reason_en: text.en(params) })
    );
  }

  error(d: Diagnostic): never {
    throw new AnalysisError(d);
  }

  /**
   * Bounded before anything else looks at it: the user dictionary's frequency tuning is
   * cubic in a word's length (a 100 KB "term" ran out of memory after 36 s).
   */
  checkLength(name: string, line: number, word: string): void {
    const chars = Array.from(word).length;
    if (chars <= this.termChars) return;
    const shown = word.length > 20 ? `${Array.from(word).slice(0, 20).join('')}…` : word;
    this.fail(name, line, 'too-long', { word: shown, chars, limit: this.termChars });
  }

  /** A word that must be able to come out of the segmenter as one token. */
  checkWord(name: string, line: number, word: string): void {
    this.checkLength(name, line, word);
    const form = wordForm(word);
    if (form === 'space') this.fail(name, line, 'term-format');
    if (form === 'punctuation') this.fail(name, line, 'has-punctuation', { word });
    if (form === 'number') this.fail(name, line, 'is-number', { word });
  }
}

/** Parses the five dictionary files. `location` (e.g. data/dict) only prefixes file names in messages. */
export function parseDictionaries(files: Record<string, string>, location = '', limits: Pick<Limits, 'termChars'> = LIMITS): Dictionaries {
  const reader = new Reader(files, location, limits.termChars);
  const stopLines = readStopwords(reader);
  const stopwords = new Set(stopLines.keys());
  const notStop = (name: string, line: number, word: string) => {
    const stopLine = stopLines.get(wordKey(word));
    if (stopLine !== undefined) reader.fail(name, line, 'is-stopword', { word, stop_line: stopLine });
  };

  const terms = readWordList(reader, DICTIONARY_FILES.terms, notStop);
  const genericVerbs = new Set(readWordList(reader, DICTIONARY_FILES.genericVerbs, notStop).map(wordKey));
  const thesaurus = readThesaurus(reader, notStop);
  const themes = readThemes(reader, thesaurus, notStop);

  const entries: Record<DictionaryFileName, number> = {
    'terms.txt': terms.length,
    'stopwords.txt': stopwords.size,
    'generic-verbs.txt': genericVerbs.size,
    'thesaurus.tsv': thesaurus.size,
    'themes.tsv': [...themes.values()].reduce((sum, members) => sum + members.length, 0)
  };
  const described: Dictionaries['files'] = {};
  for (const name of Object.values(DICTIONARY_FILES)) {
    described[name] = {
      file: name,
      sha256: sha256OfText(files[name]),
      bytes: new TextEncoder().encode(files[name]).length,
      entries: entries[name]
    };
  }
  return { terms, stopwords, genericVerbs, thesaurus, themes, files: described, userDictPaths: [] };
}

/** Stop word key → line. Any single token is allowed, punctuation included. */
function readStopwords(reader: Reader): Map<string, number> {
  const name = DICTIONARY_FILES.stopwords;
  const found = new Map<string, number>();
  for (const { no, text } of reader.lines(name)) {
    reader.checkLength(name, no, text);
    if (/\s/.test(text)) reader.fail(name, no, 'term-format');
    const key = wordKey(text);
    if (!found.has(key)) found.set(key, no);
  }
  return found;
}

type StopCheck = (name: string, line: number, word: string) => void;

function readWordList(reader: Reader, name: DictionaryFileName, notStop: StopCheck): string[] {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const { no, text } of reader.lines(name)) {
    reader.checkWord(name, no, text);
    notStop(name, no, text);
    const key = wordKey(text);
    if (!seen.has(key)) {
      seen.add(key);
      words.push(text);
    }
  }
  return words;
}

function tabFields(reader: Reader, name: string, line: Line, reason: DictLineReason): [string, string] {
  const fields = line.text.split('\t').map((field) => field.trim());
  if (fields.length !== 2 || !fields[0] || !fields[1]) reader.fail(name, line.no, reason);
  return [fields[0], fields[1]];
}

/** variant key → canonical, chains followed to their end (A→B, B→C gives A→C). */
function readThesaurus(reader: Reader, notStop: StopCheck): Map<string, string> {
  const name = DICTIONARY_FILES.thesaurus;
  const direct = new Map<string, { canonical: string; line: number }>();
  for (const line of reader.lines(name)) {
    const [variant, canonical] = tabFields(reader, name, line, 'thesaurus-format');
    reader.checkWord(name, line.no, variant);
    reader.checkWord(name, line.no, canonical);
    notStop(name, line.no, variant);
    notStop(name, line.no, canonical);
    const key = wordKey(variant);
    if (key === wordKey(canonical)) reader.fail(name, line.no, 'maps-to-itself', { word: variant });
    const earlier = direct.get(key);
    if (earlier && wordKey(earlier.canonical) !== wordKey(canonical)) {
      reader.error(
        diagnostic('error', 'dict-thesaurus-conflict', reader.where(name), line.no, {
          variant,
          first: earlier.canonical,
          first_line: earlier.line,
          second: canonical,
          line: line.no
        })
      );
    }
    if (!earlier) direct.set(key, { canonical, line: line.no });
  }

  const resolved = new Map<string, string>();
  for (const [key, first] of direct) {
    const path = [key];
    let step = first;
    for (;;) {
      const next = direct.get(wordKey(step.canonical));
      if (!next) break;
      const seenAt = path.indexOf(wordKey(step.canonical));
      if (seenAt >= 0) {
        const cycle = path.slice(seenAt);
        reader.error(
          diagnostic('error', 'dict-thesaurus-cycle', reader.where(name), direct.get(cycle[cycle.length - 1])!.line, {
            cycle: [...cycle, cycle[0]].join(' → '),
            lines: cycle.map((k) => direct.get(k)!.line).join(', ')
          })
        );
      }
      path.push(wordKey(step.canonical));
      step = next;
    }
    resolved.set(key, step.canonical);
  }
  return resolved;
}

/** theme → canonical member terms; a variant written as a member counts as its canonical. */
function readThemes(reader: Reader, thesaurus: Map<string, string>, notStop: StopCheck): Map<string, string[]> {
  const name = DICTIONARY_FILES.themes;
  const themes = new Map<string, string[]>();
  for (const line of reader.lines(name)) {
    const [theme, list] = tabFields(reader, name, line, 'themes-format');
    reader.checkLength(name, line.no, theme);
    const members = themes.get(theme) ?? [];
    for (const written of list.split(/[、,，]/).map((m) => m.trim())) {
      if (!written) continue;
      reader.checkWord(name, line.no, written);
      const member = thesaurus.get(wordKey(written)) ?? written;
      notStop(name, line.no, member);
      if (!members.some((m) => wordKey(m) === wordKey(member))) members.push(member);
    }
    if (members.length === 0) reader.fail(name, line.no, 'themes-format');
    themes.set(theme, members);
  }
  return themes;
}
