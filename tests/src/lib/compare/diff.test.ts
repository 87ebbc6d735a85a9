import { describe, expect, it } from 'vitest';
import { parseSpans, tokenize, wordDiff } from '../../../../src/lib/compare/diff.ts';

describe('tokens from term_topic spans', () => {
  it('parses joined span lists, skipping empty pieces, in text order', () => {
    expect(parseSpans('4:2  0:2 ')).toEqual([{ start: 0, length: 2 }, { start: 4, length: 2 }]);
    expect(parseSpans('')).toEqual([]);
    expect(parseSpans('x:y 3:0')).toEqual([]);
  });

  it('cuts at the spans and splits the rest into characters', () => {
    // 构建(0:2) 的 产品(3:2) 模型(5:2) ， 提升(8:2)
    expect(tokenize('构建的产品模型，提升', parseSpans('0:2 3:2 5:2 8:2'))).toEqual(['构建', '的', '产品', '模型', '，', '提升']);
    // A span past the end or overlapping the previous one is ignored.
    expect(tokenize('数据', parseSpans('0:2 1:2 5:1'))).toEqual(['数据']);
  });
});

describe('wordDiff', () => {
  it('marks the words B deleted on A’s side and the words it inserted on B’s', () => {
    const a = ['构建', '动态', '全景', '视图', '。'];
    const b = ['打造', '动态', '全景', '视图', '。', '方案', '应', '说明'];
    const d = wordDiff(a, b);
    expect(d.a).toEqual([
      { text: '构建', change: 'deleted' },
      { text: '动态全景视图。', change: 'same' }
    ]);
    expect(d.b).toEqual([
      { text: '打造', change: 'inserted' },
      { text: '动态全景视图。', change: 'same' },
      { text: '方案应说明', change: 'inserted' }
    ]);
  });

  it('treats width, spacing and punctuation differences as the same words', () => {
    const d = wordDiff(['ＡＩ', '，', '模型'], ['AI', ', ', '模型']);
    expect(d.a).toEqual([{ text: 'ＡＩ，模型', change: 'same' }]);
    expect(d.b).toEqual([{ text: 'AI, 模型', change: 'same' }]);
  });
});
