/**
 * The word-level diff of two topic texts on their jieba tokens. The browser has no jieba:
 * the tokens are rebuilt from term_topic's spans (every counted token, generic verbs
 * included, with its place in the title or body); the text between spans — stop words,
 * punctuation, numbers — is split into single characters. So the diff's words are the
 * analysis stage's own cut, and no segmenter or dictionary is shipped to the page.
 */
import { diffArrays } from 'diff';
import { normalizeText } from '../../../analysis/compare/text.ts';

export interface Span {
  start: number;
  length: number;
}

/** 'start:length' pairs separated by spaces (term_topic's spans), possibly several lists joined. */
export function parseSpans(text: string | null | undefined): Span[] {
  if (!text) return [];
  const out: Span[] = [];
  for (const piece of text.split(' ')) {
    if (piece === '') continue;
    const [start, length] = piece.split(':').map(Number);
    if (Number.isInteger(start) && Number.isInteger(length) && start >= 0 && length > 0) out.push({ start, length });
  }
  return out.sort((a, b) => a.start - b.start || b.length - a.length);
}

/** The text cut into tokens: each span one token, every other character its own. */
export function tokenize(text: string, spans: readonly Span[]): string[] {
  const tokens: string[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.start + span.length > text.length) continue;
    for (const ch of text.slice(at, span.start)) tokens.push(ch);
    tokens.push(text.slice(span.start, span.start + span.length));
    at = span.start + span.length;
  }
  for (const ch of text.slice(at)) tokens.push(ch);
  return tokens;
}

export type PieceChange = 'same' | 'deleted' | 'inserted';

export interface Piece {
  text: string;
  change: PieceChange;
}

/** Adjacent pieces with the same change joined, so a marked run reads as one phrase. */
function merged(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && last.change === p.change) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * A's text with the tokens B deleted marked, and B's with the tokens it inserted marked.
 * Tokens equal after normalisation (width, spacing, punctuation) count as the same, as
 * they do for the topic statuses.
 */
export function wordDiff(a: readonly string[], b: readonly string[]): { a: Piece[]; b: Piece[] } {
  const changes = diffArrays([...a], [...b], { comparator: (x: string, y: string) => x === y || normalizeText(x) === normalizeText(y) });
  const left: Piece[] = [];
  const right: Piece[] = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    if (c.added) {
      right.push({ text: b.slice(j, j + c.count).join(''), change: 'inserted' });
      j += c.count;
    } else if (c.removed) {
      left.push({ text: a.slice(i, i + c.count).join(''), change: 'deleted' });
      i += c.count;
    } else {
      left.push({ text: a.slice(i, i + c.count).join(''), change: 'same' });
      right.push({ text: b.slice(j, j + c.count).join(''), change: 'same' });
      i += c.count;
      j += c.count;
    }
  }
  return { a: merged(left), b: merged(right) };
}
