/**
 * The rule-based half of segmentation: it splits text into runs of word characters
 * (everything that is not whitespace, punctuation or a symbol), hands each run to a
 * word cutter (nodejieba in the CLI), and decides for every piece whether it is a
 * term. Pure, so a browser preview can plug in another cutter.
 *
 * Width folding and ASCII lower-casing keep every code unit in place, so offsets
 * into the folded text are offsets into the original.
 */
import type { Dictionaries } from '../model.ts';
import {
  LATIN,
  PUNCT,
  SPACE,
  IS_BREAK,
  IS_UNIT,
  classAt,
  foldWidth,
  isNumberSpan,
  lowerAscii,
  wordKey,
  widthAt
} from './chars.ts';

export type PieceReason = 'term' | 'stopword' | 'punctuation' | 'number' | 'space' | 'generic-verb';

/** Cuts a run of word characters into pieces that concatenate back to it. */
export type Cutter = (run: string) => string[];

/**
 * Called for every piece in text order. `term` is null unless the piece is
 * counted (reason 'term' or 'generic-verb'). `sentence` is the 1-based index of
 * the non-empty sentence the piece belongs to (0 before the first one).
 */
export type PieceSink = (start: number, end: number, reason: PieceReason, term: string | null, sentence: number) => void;

export interface WalkRules {
  /** variant key → canonical term */
  thesaurus: Map<string, string>;
  stopwords: Set<string>;
  genericVerbs: Set<string>;
  /** lower-cased key → the spelling the dictionaries use, for Latin terms */
  latinSpelling: Map<string, string>;
  /** piece key → its verdict; context-free, so it can be cached */
  cache: Map<string, Verdict>;
}

interface Verdict {
  reason: PieceReason;
  term: string | null;
}

const CACHE_LIMIT = 200_000;

export function walkRules(dict: Dictionaries): WalkRules {
  const latinSpelling = new Map<string, string>();
  const remember = (word: string) => {
    const key = wordKey(word);
    if (key !== foldWidth(word) && !latinSpelling.has(key)) latinSpelling.set(key, foldWidth(word));
  };
  dict.terms.forEach(remember);
  dict.thesaurus.forEach(remember);
  dict.themes.forEach((members) => members.forEach(remember));
  // Keys are normalised again in case the dictionaries were built by hand rather than parsed.
  return {
    thesaurus: new Map([...dict.thesaurus].map(([variant, canonical]) => [wordKey(variant), canonical])),
    stopwords: new Set([...dict.stopwords].map(wordKey)),
    genericVerbs: new Set([...dict.genericVerbs].map(wordKey)),
    latinSpelling,
    cache: new Map()
  };
}

/** Walks `text`, reports every piece to `sink`, returns the number of non-empty sentences. */
export function walkText(text: string, cut: Cutter, rules: WalkRules, sink: PieceSink): number {
  const folded = foldWidth(text);
  const lower = lowerAscii(folded);
  const spans = spansOf(folded);
  const runPieces = cutRuns(lower, spans, cut);
  let sentences = 0;
  let sentencePending = true;
  let run = 0;
  for (let k = 0; k < spans.kinds.length; k++) {
    const start = spans.starts[k];
    const end = spans.starts[k + 1];
    const kind = spans.kinds[k];
    if (kind === WORD_SPAN) {
      if (sentencePending) {
        sentences++;
        sentencePending = false;
      }
      walkRun(folded, lower, start, runPieces[run++], rules, sink, sentences);
      continue;
    }
    sink(start, end, kind === SPACE ? 'space' : 'punctuation', null, sentences);
    if (spans.breaks[k]) sentencePending = true;
  }
  return sentences;
}

const WORD_SPAN = 0;

interface Spans {
  /** WORD_SPAN, SPACE or PUNCT per span */
  kinds: number[];
  /** span k is [starts[k], starts[k + 1]); one extra entry holds the text length */
  starts: number[];
  /** 1 when a space or punctuation span ends a sentence */
  breaks: number[];
}

/** Splits folded text into runs of word characters, whitespace and punctuation. */
function spansOf(folded: string): Spans {
  const spans: Spans = { kinds: [], starts: [], breaks: [] };
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const k = classAt(folded, i);
    const kind = k === SPACE || k === PUNCT ? k : WORD_SPAN;
    let breaks = 0;
    let j = i;
    while (j < n) {
      const kj = classAt(folded, j);
      if ((kj === SPACE || kj === PUNCT ? kj : WORD_SPAN) !== kind) break;
      if (IS_BREAK[folded.charCodeAt(j)]) breaks = 1;
      j += widthAt(folded, j);
    }
    spans.kinds.push(kind);
    spans.starts.push(i);
    spans.breaks.push(breaks);
    i = j;
  }
  spans.starts.push(n);
  return spans;
}

/**
 * Pieces of every word run. One native call per text: the runs are joined with
 * '\n', which cppjieba always cuts on. Per-run calls cost twice as much.
 */
function cutRuns(lower: string, spans: Spans, cut: Cutter): string[][] {
  const runs: string[] = [];
  for (let k = 0; k < spans.kinds.length; k++) {
    if (spans.kinds[k] === WORD_SPAN) runs.push(lower.slice(spans.starts[k], spans.starts[k + 1]));
  }
  if (runs.length === 0) return [];
  const pieces = cut(runs.join('\n'));
  const perRun: string[][] = [];
  let p = 0;
  for (const run of runs) {
    const own: string[] = [];
    let length = 0;
    while (p < pieces.length && length < run.length) {
      own.push(pieces[p]);
      length += pieces[p++].length;
    }
    const separated = p === pieces.length ? perRun.length === runs.length - 1 : pieces[p++] === '\n';
    // A misaligned answer (never seen) falls back to cutting run by run.
    if (length !== run.length || !separated) return runs.map((r) => piecesOf(r, cut));
    perRun.push(own);
  }
  return p === pieces.length ? perRun : runs.map((r) => piecesOf(r, cut));
}

function walkRun(
  folded: string,
  lower: string,
  start: number,
  pieces: string[],
  rules: WalkRules,
  sink: PieceSink,
  sentence: number
): void {
  let pos = start;
  let numberEnd = -1;
  let p = 0;
  while (p < pieces.length) {
    const s = pos;
    let e = s + pieces[p++].length;
    // Without HMM jieba spells unknown Latin letter by letter: glue ASCII runs back (a|i → ai, 3|d → 3d).
    if (isAsciiAlnum(lower, s, e)) {
      while (p < pieces.length && isAsciiAlnum(lower, e, e + pieces[p].length)) e += pieces[p++].length;
    }
    pos = e;
    if (isNumberSpan(folded, s, e) || (e - s === 1 && s === numberEnd && IS_UNIT[folded.charCodeAt(s)])) {
      numberEnd = e;
      sink(s, e, 'number', null, sentence);
      continue;
    }
    const verdict = verdictOf(folded, lower, s, e, rules);
    sink(s, e, verdict.reason, verdict.term, sentence);
  }
}

/** jieba's pieces of one run, or its code points if they do not add up to it. */
function piecesOf(run: string, cut: Cutter): string[] {
  const pieces = cut(run);
  let total = 0;
  for (const piece of pieces) total += piece.length;
  return total === run.length ? pieces : Array.from(run);
}

function isAsciiAlnum(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

function verdictOf(folded: string, lower: string, s: number, e: number, rules: WalkRules): Verdict {
  const key = lower.slice(s, e);
  if (hasLatin(lower, s, e)) return judge(key, folded.slice(s, e), rules);
  let verdict = rules.cache.get(key);
  if (verdict === undefined) {
    verdict = judge(key, key, rules);
    if (rules.cache.size >= CACHE_LIMIT) rules.cache.clear();
    rules.cache.set(key, verdict);
  }
  return verdict;
}

function hasLatin(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/**
 * `written` is the folded surface. Latin terms unknown to the dictionaries keep
 * an all-capitals spelling (ETC, AIGC) and are lower-cased otherwise (Science →
 * science), so case variants count as one term.
 */
function judge(key: string, written: string, rules: WalkRules): Verdict {
  if (key.length === 1 && classAt(key, 0) === LATIN) return { reason: 'stopword', term: null };
  if (rules.stopwords.has(key)) return { reason: 'stopword', term: null };
  const term =
    rules.thesaurus.get(key) ?? rules.latinSpelling.get(key) ?? (written === key || hasLatin(written, 0, written.length) ? key : written);
  if (term !== key && rules.stopwords.has(wordKey(term))) return { reason: 'stopword', term: null };
  if (rules.genericVerbs.has(key) || rules.genericVerbs.has(wordKey(term))) return { reason: 'generic-verb', term };
  return { reason: 'term', term };
}
