import { describe, expect, test } from 'vitest';
import { AnalysisError, MESSAGES } from '../../../analysis/messages.ts';
import { LONG_TITLE_CHARS, parseGuide } from '../../../analysis/parse/parse.ts';

const FILE = 'data/editions/2027-test.txt';
const parse = (lines: string[]) => parseGuide(lines.join('\n'), FILE);
const codesAndLines = (lines: string[]) => parse(lines).warnings.map((w) => [w.code, w.line]);
const at = (lines: string[], text: string, from = 0) => lines.indexOf(text, from) + 1;

function parseError(lines: string[]): AnalysisError {
  try {
    parse(lines);
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error('expected an AnalysisError');
}

describe('numbering warnings', () => {
  test('a topic number gap is reported at the topic that skips', () => {
    const lines = ['赛道一：工业制造赛道', '一、甲', '二、乙', '四、丁', '五、戊'];
    const guide = parse(lines);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['numbering-gap', at(lines, '四、丁')]]);
    expect(guide.warnings[0].file).toBe(FILE);
    expect(guide.warnings[0].message).toContain('3');
    expect(guide.tracks[0].topics.map((t) => [t.topic_no, t.printed_no])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 5]
    ]);
  });

  test('a repeated topic number is reported at the repeat and names the first line', () => {
    const lines = ['赛道一：工业制造赛道', '一、甲', '二、乙', '二、乙再现', '三、丙'];
    const guide = parse(lines);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['numbering-repeat', at(lines, '二、乙再现')]]);
    expect(guide.warnings[0].message).toContain(`${at(lines, '二、乙')}`);
    expect(guide.tracks[0].topics.map((t) => t.topic_no)).toEqual([1, 2, 3, 4]);
  });

  test('an out-of-order topic number is reported where the order breaks', () => {
    const lines = ['【数据要素×工业制造】 赛题1：甲', '【数据要素×工业制造】 赛题3：丙', '【数据要素×工业制造】 赛题2：乙'];
    expect(codesAndLines(lines)).toEqual([
      ['numbering-gap', 2],
      ['numbering-order', 3]
    ]);
  });

  test('a track that does not start at 1 is a gap', () => {
    const lines = ['赛道一：工业制造赛道', '二、乙', '三、丙'];
    expect(codesAndLines(lines)).toEqual([['numbering-gap', 2]]);
  });

  test('track numbers are checked too', () => {
    const lines = ['赛道一：甲赛道', '一、a', '赛道三：丙赛道', '一、c', '赛道三：丁赛道', '一、d', '赛道二：乙赛道', '一、b'];
    expect(codesAndLines(lines)).toEqual([
      ['numbering-gap', 3],
      ['numbering-repeat', 5],
      ['numbering-order', 7]
    ]);
  });

  test('numbering straight through the document (赛题1 … 赛题5 over tracks) is not a gap', () => {
    const lines = ['【数据要素×甲】 赛题1：a', '【数据要素×甲】 赛题2：b', '【数据要素×乙】 赛题3：c', '【数据要素×丙】 赛题4：d', '【数据要素×丙】 赛题5：e'];
    expect(codesAndLines(lines)).toEqual([]);
    const broken = ['【数据要素×甲】 赛题1：a', '【数据要素×甲】 赛题2：b', '【数据要素×乙】 赛题3：c', '【数据要素×乙】 赛题5：e', '【数据要素×丙】 赛题6：f'];
    expect(codesAndLines(broken)).toEqual([['numbering-gap', 4]]);
  });
});

describe('placement warnings', () => {
  test('text between a track heading and its first topic', () => {
    const lines = ['赛道一：工业制造赛道', '本赛道面向制造业。', '鼓励跨界。', '一、甲', '说明。'];
    const guide = parse(lines);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['text-before-topic', 2]]);
    expect(guide.warnings[0].message).toContain('2 行');
    expect(guide.tracks[0].topics[0].body).toBe('说明。');
  });

  test('topics before the first track are left out with one warning', () => {
    const lines = ['指南', '一、孤立题目', '说明。', '二、另一个', '赛道一：工业制造赛道', '一、甲'];
    const guide = parse(lines);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['topic-before-track', 2]]);
    expect(guide.warnings[0].message).toContain('2 个题目');
    expect(guide.tracks.flatMap((t) => t.topics.map((p) => p.title))).toEqual(['甲']);
    expect(guide.preamble).toEqual(['指南']);
  });

  test('a track with no topics is reported and left out', () => {
    const lines = ['赛道一：工业制造赛道', '一、甲', '赛道二：现代农业赛道', '赛道三：商贸流通赛道', '一、丙'];
    const guide = parse(lines);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['track-empty', 3]]);
    expect(guide.tracks.map((t) => [t.track_no, t.track_name])).toEqual([
      [1, '工业制造'],
      [2, '商贸流通']
    ]);
  });

  test('a marker repeated after another track: warned, and its topics join the first one', () => {
    const lines = ['【数据要素×甲】 赛题1：a', '【数据要素×乙】 赛题1：b', '【数据要素×甲】 赛题2：c'];
    const guide = parse(lines);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['track-repeated', 3]]);
    expect(guide.warnings[0].message).toContain('1');
    expect(guide.tracks.map((t) => [t.track_name, t.topics.map((p) => [p.topic_no, p.title, p.line])])).toEqual([
      ['甲', [[1, 'a', 1], [2, 'c', 3]]],
      ['乙', [[1, 'b', 2]]]
    ]);
  });

  test('text after a marker that is not a topic', () => {
    const lines = ['【数据要素×甲】 赛题1：a', '【数据要素×甲】 这不是题目'];
    expect(codesAndLines(lines)).toEqual([['text-unplaced', 2]]);
  });

  test('a very long title probably swallowed its paragraph', () => {
    const long = `一、${'数据'.repeat(LONG_TITLE_CHARS)}`;
    const lines = ['赛道一：工业制造赛道', '一、短标题', long.replace('一、', '二、')];
    expect(codesAndLines(lines)).toEqual([['title-long', 3]]);
  });

  test('a topic without a title anywhere falls back to its number, with a warning', () => {
    const lines = ['【数据要素×甲】 赛题1：', '【数据要素×甲】 赛题2：b'];
    const guide = parse(lines);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['topic-title-missing', 1]]);
    expect(guide.tracks[0].topics[0].title).toBe('赛题1');
  });

  test('warnings come in line order and every code has a message', () => {
    const lines = ['一、孤立', '赛道一：甲赛道', '引言。', '一、a', '三、c', '赛道三：乙赛道', '一、b'];
    const warnings = parse(lines).warnings;
    expect(warnings.map((w) => w.line)).toEqual([...warnings.map((w) => w.line)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(warnings.map((w) => w.code)).toEqual(['topic-before-track', 'text-before-topic', 'numbering-gap', 'numbering-gap']);
    for (const w of warnings) expect(Object.keys(MESSAGES)).toContain(w.code);
  });
});

describe('errors', () => {
  test.each([
    ['plain prose', ['这是一段普通的文字。', '没有任何赛道。']],
    ['topics without any track', ['一、甲', '说明。', '二、乙']],
    ['赛题 numbers alone', ['赛题1：甲', '赛题2：乙']]
  ])('no track: %s', (_, lines) => {
    const error = parseError(lines);
    expect(error.diagnostic.code).toBe('guide-no-tracks');
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('赛道一：');
    expect(error.message).toContain('赛题1：');
  });

  test('tracks but no topics', () => {
    const error = parseError(['指南', '赛道一：工业制造赛道', '本赛道说明。', '赛道二：现代农业赛道']);
    expect(error.diagnostic.code).toBe('guide-no-topics');
    expect(error.diagnostic.line).toBe(2);
    expect(error.message).toContain(`${FILE}:2`);
  });

  test('empty text', () => {
    expect(parseError(['']).diagnostic.code).toBe('guide-no-tracks');
  });
});

describe('guides assembled from differently numbered sections', () => {
  test('a track that numbers its topics in another style keeps them, while body numbering stays body', () => {
    const lines = ['工业制造赛道', '赛题1：智能设计', '说明。', '1. 说明中的编号，不是题目。', '赛题2：供应链', '现代农业赛道', '1、农机', '农机说明', '2. 种业'];
    const guide = parse(lines);
    expect(guide.tracks.map((t) => [t.track_name, t.topics.map((p) => p.title)])).toEqual([
      ['工业制造', ['智能设计', '供应链']],
      ['现代农业', ['农机', '种业']]
    ]);
    expect(guide.tracks[0].topics[0].body).toBe('说明。\n1. 说明中的编号，不是题目。');
    expect(guide.warnings).toEqual([]);
  });

  test('text under a track with no recognisable topic is reported, not silently dropped', () => {
    const lines = ['赛道一：工业制造赛道', '一、甲', '甲的说明', '赛道二：现代农业赛道', '这一赛道只有一段说明文字', '第二行说明'];
    expect(codesAndLines(lines)).toEqual([
      ['track-empty', at(lines, '赛道二：现代农业赛道')],
      ['text-unplaced-run', at(lines, '这一赛道只有一段说明文字')]
    ]);
  });
});
