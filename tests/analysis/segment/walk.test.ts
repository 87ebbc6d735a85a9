/**
 * The rule-based walker on its own, with stand-in cutters: what it does when the
 * word cutter misbehaves, and that it needs no nodejieba (the page can plug in its own).
 */
import { describe, expect, it } from 'vitest';
import { parseDictionaries } from '../../../analysis/segment/parse-dictionaries.ts';
import { walkRules, walkText, type Cutter, type PieceReason } from '../../../analysis/segment/walk.ts';

const dict = parseDictionaries({
  'terms.txt': '数据要素\n',
  'stopwords.txt': '的\n',
  'generic-verbs.txt': '推动\n',
  'thesaurus.tsv': 'AI\t人工智能\n',
  'themes.tsv': '人工智能\t人工智能\n'
});

function walk(text: string, cut: Cutter) {
  const pieces: { surface: string; reason: PieceReason; term: string | null; sentence: number }[] = [];
  const sentences = walkText(text, cut, walkRules(dict), (start, end, reason, term, sentence) =>
    pieces.push({ surface: text.slice(start, end), reason, term, sentence })
  );
  return { pieces, sentences };
}

const byCodePoint: Cutter = (run) => Array.from(run);
/** Cuts the words it knows, otherwise single characters: a tiny maximum-matching cutter. */
const knownWords: Cutter = (run) => {
  const words = ['数据要素', '推动', '\n'];
  const out: string[] = [];
  for (let i = 0; i < run.length; ) {
    const word = words.find((w) => run.startsWith(w, i)) ?? run[i];
    out.push(word);
    i += word.length;
  }
  return out;
};

describe('walkText', () => {
  it('works with any cutter that returns pieces of the runs', () => {
    const { pieces, sentences } = walk('推动AI的数据要素。Ｅtc 2026年', knownWords);
    expect(pieces.map((p) => [p.surface, p.reason, p.term])).toEqual([
      ['推动', 'generic-verb', '推动'],
      ['AI', 'term', '人工智能'],
      ['的', 'stopword', null],
      ['数据要素', 'term', '数据要素'],
      ['。', 'punctuation', null],
      ['Ｅtc', 'term', 'etc'],
      [' ', 'space', null],
      ['2026', 'number', null],
      ['年', 'number', null]
    ]);
    expect(sentences).toBe(2);
  });

  it('falls back to code points when the cutter loses characters', () => {
    const lossy: Cutter = (run) => [run.slice(1)];
    const text = '数据要素，大模型';
    const { pieces } = walk(text, lossy);
    expect(pieces.map((p) => p.surface).join('')).toBe(text);
    expect(pieces.map((p) => p.surface)).toEqual(['数', '据', '要', '素', '，', '大', '模', '型']);
  });

  it('falls back run by run when the cutter glues runs together', () => {
    const glue: Cutter = (run) => (run.includes('\n') ? [run] : knownWords(run));
    const { pieces } = walk('数据要素，推动', glue);
    expect(pieces.map((p) => p.surface)).toEqual(['数据要素', '，', '推动']);
  });

  it('keeps astral characters whole and drops lone surrogates as punctuation', () => {
    const { pieces } = walk('𠀀数据\ud800要素😀', byCodePoint);
    expect(pieces.map((p) => [p.surface, p.reason])).toEqual([
      ['𠀀', 'term'],
      ['数', 'term'],
      ['据', 'term'],
      ['\ud800', 'punctuation'],
      ['要', 'term'],
      ['素', 'term'],
      ['😀', 'punctuation']
    ]);
  });
});
