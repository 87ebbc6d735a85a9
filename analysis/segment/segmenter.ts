/**
 * Topic segmentation with nodejieba.
 *
 * nodejieba keeps one native segmenter per process and `load()` takes ~0.9 s, so it
 * is loaded once, when the first segmenter is created. `load()` does replace the
 * native handle, so a segmenter built from other dictionaries reloads it (another
 * ~0.9 s) before it cuts; segmenters never mix dictionaries. `insertWord` is not
 * used: it can add words but never remove them, and takes no frequency.
 *
 * Cutting runs without jieba's HMM, so every multi-character piece is a word of
 * jieba's dictionary or ours: what the audit shows can be fixed in terms.txt.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Dictionaries, ParsedTopic, SegmentedToken, SegmentedTopic } from '../model.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import { walkRules, walkText, type Cutter, type PieceReason } from './walk.ts';
import { writeUserDict } from './user-dict.ts';

export interface PreviewPiece {
  surface: string;
  /** The canonical term when the piece is counted; null when it is dropped. */
  term: string | null;
  reason: PieceReason;
}

export interface Segmenter {
  segmentTopic(edition_id: string, track_no: number, topic: ParsedTopic): SegmentedTopic;
  /** Every piece of `text` with the reason it is kept or dropped. */
  preview(text: string): PreviewPiece[];
}

interface Jieba {
  load(options: { userDict: string; idfDict: string; stopWordDict: string }): void;
  cut(text: string, useHmm: boolean): string[];
}

const require = createRequire(import.meta.url);
/**
 * One-line stand-ins for jieba's keyword-extraction dictionaries (a 6 MB idf list and its
 * stop words), which cutting never reads: loading them was a fifth of the ~0.9 s load.
 */
const UNUSED_DICTS = {
  idfDict: standIn(new URL('./jieba/idf-unused.utf8', import.meta.url), '数据 10.0\n'),
  stopWordDict: standIn(new URL('./jieba/stop-words-unused.utf8', import.meta.url), '的\n')
};

/** The stand-in beside this file, or (when this code is bundled, as in the server) the same line in a temp file. */
function standIn(url: URL, text: string): string {
  const path = fileURLToPath(url);
  if (existsSync(path)) return path;
  const copy = join(tmpdir(), `crosstrack-jieba-${path.split(/[\\/]/).pop()}`);
  if (!existsSync(copy)) writeFileSync(copy, text);
  return copy;
}
let jieba: Jieba | null = null;
/** The user dictionary the native segmenter holds now. */
let loadedUserDict: string | null = null;

function useUserDict(userDict: string, dict: Dictionaries): Jieba {
  if (jieba && loadedUserDict === userDict) return jieba;
  // cppjieba aborts the whole process on a missing file, so never hand it one.
  if (!userDict.split('|').every((path) => existsSync(path))) userDict = writeUserDict(dict);
  try {
    jieba ??= require('nodejieba') as Jieba;
    jieba.load({ userDict, ...UNUSED_DICTS });
  } catch (err) {
    throw new AnalysisError(
      diagnostic('error', 'segmenter-unavailable', 'nodejieba', null, { reason: (err as Error).message })
    );
  }
  loadedUserDict = userDict;
  return jieba;
}

const OPENING = new Set(['（', '(']);
const CLOSING = new Set(['）', ')']);

/**
 * A bracketed restatement of the term just before it — 城市信息模型（CIM）, where the
 * thesaurus maps CIM to 城市信息模型 — is one mention, not two: the gloss is not counted.
 */
function isGloss(source: string, start: number, end: number, term: string, previous: SegmentedToken | undefined): boolean {
  return (
    previous !== undefined &&
    previous.term === term &&
    OPENING.has(source[start - 1]) &&
    CLOSING.has(source[end]) &&
    previous.start + previous.length === start - 1
  );
}

export function createSegmenter(dict: Dictionaries): Segmenter {
  let userDict = (dict.userDictPaths.length ? dict.userDictPaths : [writeUserDict(dict)]).join('|');
  const rules = walkRules(dict);
  const cutter = (): Cutter => {
    const native = useUserDict(userDict, dict);
    userDict = loadedUserDict!;
    return (run) => native.cut(run, false);
  };
  // Load now, so the ~0.9 s and any failure belong to creation rather than to the first topic.
  cutter();

  // A large guide has millions of tokens over a few thousand distinct strings: sharing one
  // copy of each surface and term keeps a 20 MB guide's tokens to about half the memory.
  const interned = new Map<string, string>();
  const intern = (text: string) => {
    const known = interned.get(text);
    if (known !== undefined) return known;
    interned.set(text, text);
    return text;
  };
  return {
    segmentTopic(edition_id, track_no, topic) {
      const cut = cutter();
      const tokens: SegmentedToken[] = [];
      const collect = (part: 'title' | 'body', source: string) =>
        walkText(source, cut, rules, (start, end, reason, term, sentence) => {
          if (term === null) return;
          if (isGloss(source, start, end, term, tokens.at(-1))) return;
          tokens.push({
            part,
            sentence_no: part === 'title' ? 0 : sentence,
            start,
            length: end - start,
            surface: intern(source.slice(start, end)),
            term: intern(term),
            generic_verb: reason === 'generic-verb'
          });
        });
      const titleSentences = collect('title', topic.title) > 0 ? 1 : 0;
      const bodySentences = collect('body', topic.body);
      return {
        edition_id,
        track_no,
        topic_no: topic.topic_no,
        tokens,
        sentences: titleSentences + bodySentences
      };
    },

    preview(text) {
      const pieces: PreviewPiece[] = [];
      walkText(text, cutter(), rules, (start, end, reason, term) => {
        pieces.push({ surface: text.slice(start, end), term, reason });
      });
      return pieces;
    }
  };
}
