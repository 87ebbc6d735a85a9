/**
 * Character classes the segmenter decides by, computed once into a lookup table
 * so the hot loop never runs a regular expression per character.
 */

export const SPACE = 1;
export const PUNCT = 2;
/** ASCII 0-9 (after width folding). */
export const DIGIT = 3;
/** Any other Unicode number: ①, Ⅳ, 〇 … */
export const NUMBER = 4;
/** ASCII A-Z a-z (after width folding). */
export const LATIN = 5;
/** Chinese numerals, which Unicode files under letters. */
export const NUMERAL = 6;
export const WORD = 7;
export const SURROGATE = 8;

export const HAN_NUMERALS = '零一二三四五六七八九十百千万亿两';
/** Units that make "2026年", "三项", "第五代" a number rather than a word. */
export const NUMBER_UNITS = '年月日号时分秒个次项条种类家名位元倍米期级代届批篇岁周天';
/** Where a sentence ends: 。！？； their half-width forms, and line breaks. */
const SENTENCE_BREAKS = '。！？；!?;\n\r\u2028\u2029\uFF61';

const spaceRe = /^[\s\p{Z}\p{Cc}\p{Cf}]$/u;
const punctRe = /^[\p{P}\p{S}]$/u;
const numberRe = /^\p{N}$/u;

function classify(ch: string): number {
  if (spaceRe.test(ch)) return SPACE;
  if (punctRe.test(ch)) return PUNCT;
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return DIGIT;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return LATIN;
  if (HAN_NUMERALS.includes(ch)) return NUMERAL;
  if (numberRe.test(ch)) return NUMBER;
  return WORD;
}

export const CHAR_CLASS = new Uint8Array(0x10000);
export const IS_BREAK = new Uint8Array(0x10000);
export const IS_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  CHAR_CLASS[c] = c >= 0xd800 && c <= 0xdfff ? SURROGATE : classify(String.fromCharCode(c));
}
for (const ch of SENTENCE_BREAKS) IS_BREAK[ch.charCodeAt(0)] = 1;
for (const ch of NUMBER_UNITS) IS_UNIT[ch.charCodeAt(0)] = 1;

const astralClasses = new Map<number, number>();

/**
 * Class of the character at i and its width in code units. A lone surrogate is
 * treated as punctuation: it is garbage, and sending it to jieba would come
 * back as U+FFFD.
 */
export function classAt(text: string, i: number): number {
  const k = CHAR_CLASS[text.charCodeAt(i)];
  if (k !== SURROGATE) return k;
  const cp = text.codePointAt(i)!;
  if (cp < 0x10000) return PUNCT;
  let cached = astralClasses.get(cp);
  if (cached === undefined) {
    cached = classify(String.fromCodePoint(cp));
    astralClasses.set(cp, cached);
  }
  return cached;
}

export const widthAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
};

const foldRe = /[\uFF01-\uFF5E\u3000]/g;
const foldOne = (ch: string) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Full-width ASCII → ASCII, ideographic space → space. One code unit each way, so offsets hold. */
export const foldWidth = (text: string): string => text.replace(foldRe, foldOne);

const upperRe = /[A-Z]/g;
const lowerOne = (ch: string) => String.fromCharCode(ch.charCodeAt(0) + 32);

/** ASCII letters to lower case only (String#toLowerCase can change lengths). */
export const lowerAscii = (text: string): string => text.replace(upperRe, lowerOne);

/** The lookup key of a dictionary word or a token: width-folded, ASCII lower-cased. */
export const wordKey = (word: string): string => lowerAscii(foldWidth(word));

/**
 * True when text[start, end) reads as a number: digits and numerals, optionally
 * led by 第 and followed by one unit (2026, 十五, 第五代, 三项). Expects folded text.
 */
export function isNumberSpan(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  if (b - a > 1 && text.charCodeAt(a) === 0x7b2c /* 第 */) a++;
  if (b - a > 1 && IS_UNIT[text.charCodeAt(b - 1)]) b--;
  for (let i = a; i < b; i += widthAt(text, i)) {
    const k = classAt(text, i);
    if (k !== DIGIT && k !== NUMBER && k !== NUMERAL) return false;
  }
  return true;
}

export type WordForm = 'ok' | 'space' | 'punctuation' | 'number';

/** Whether a dictionary word could ever come out of the segmenter as one term. */
export function wordForm(word: string): WordForm {
  const folded = foldWidth(word);
  for (let i = 0; i < folded.length; i += widthAt(folded, i)) {
    const k = classAt(folded, i);
    if (k === SPACE) return 'space';
    if (k === PUNCT) return 'punctuation';
  }
  if (folded.length > 0 && isNumberSpan(folded, 0, folded.length)) return 'number';
  return 'ok';
}
