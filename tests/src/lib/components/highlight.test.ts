/** Span parsing, text segmentation and search snippets (components/highlight.ts). */
import { describe, expect, it } from 'vitest';
import { clipAroundMarks, literalMarks, marksByHit, marksByTopic, paragraphs, parseSpans, segmentText, snippet } from '../../../../src/lib/components/highlight.ts';

describe('spans', () => {
  it('parses start:length pairs and skips malformed ones', () => {
    expect(parseSpans('12:2 40:4')).toEqual([{ start: 12, length: 2 }, { start: 40, length: 4 }]);
    expect(parseSpans('')).toEqual([]);
    expect(parseSpans(' 3:1  x:2 5: 7:0 9:3')).toEqual([{ start: 3, length: 1 }, { start: 9, length: 3 }]);
  });

  it('groups term_topic rows by topic', () => {
    const marks = marksByTopic([
      { topic_no: 1, term: '数据', title_spans: '2:2', body_spans: '4:2 9:2' },
      { topic_no: 1, term: '模型', title_spans: '', body_spans: '6:2' },
      { topic_no: 2, term: '气象', title_spans: '0:2', body_spans: '' }
    ]);
    expect(marks.get(1)!.body.map((m) => `${m.term}@${m.start}`)).toEqual(['数据@4', '数据@9', '模型@6']);
    expect(marks.get(2)!.title).toEqual([{ start: 0, length: 2, term: '气象' }]);
  });
});

describe('segmentText', () => {
  const text = '围绕工业数据模型开展研究';

  it('cuts the text into plain and marked pieces that join back to it', () => {
    const segments = segmentText(text, [
      { start: 6, length: 2, term: '模型' },
      { start: 4, length: 2, term: '数据' }
    ]);
    expect(segments).toEqual([
      { text: '围绕工业', term: null },
      { text: '数据', term: '数据', link: true },
      { text: '模型', term: '模型', link: true },
      { text: '开展研究', term: null }
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('marks a thesaurus variant with its canonical term', () => {
    expect(segmentText('用AI算法', [{ start: 1, length: 2, term: '人工智能' }])[1]).toEqual({ text: 'AI', term: '人工智能', link: true });
  });

  it('drops marks outside the text and resolves overlaps in favour of the earlier, longer mark', () => {
    const segments = segmentText(text, [
      { start: 4, length: 2, term: '数据' },
      { start: 4, length: 4, term: '数据模型' },
      { start: 6, length: 2, term: '模型' },
      { start: 11, length: 5, term: '越界' }
    ]);
    expect(segments.filter((s) => s.term).map((s) => s.term)).toEqual(['数据模型']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('splits paragraphs at newlines', () => {
    const body = '第一段数据。\n第二段模型。';
    const paras = paragraphs(segmentText(body, [{ start: 3, length: 2, term: '数据' }, { start: 10, length: 2, term: '模型' }]));
    expect(paras.map((p) => p.map((s) => s.text).join(''))).toEqual(['第一段数据。', '第二段模型。']);
    expect(paras[1].find((s) => s.term)).toEqual({ text: '模型', term: '模型', link: true });
  });
});

describe('snippet', () => {
  it('finds the first match case-insensitively and keeps the original letters', () => {
    const s = snippet('利用AI算法实现匹配', 'ai', 2)!;
    expect(s).toEqual({ before: '利用', match: 'AI', after: '算法', clippedStart: false, clippedEnd: true });
  });

  it('clips long texts around the match and treats symbols literally', () => {
    const s = snippet('一二三四五100%_覆盖六七八九十', '%_', 3)!;
    expect([s.before, s.match, s.after, s.clippedStart, s.clippedEnd]).toEqual(['100', '%_', '覆盖六', true, true]);
    expect(snippet('数据模型', '数据%模型')).toBeNull();
    expect(snippet('数据模型', '   ')).toBeNull();
  });
});

describe('marks for search hits and passages', () => {
  it('marks every literal occurrence of the search text, as marks that are not links', () => {
    expect(literalMarks('AI赋能，ai应用', ' ai ')).toEqual([
      { start: 0, length: 2, term: 'ai', link: false },
      { start: 5, length: 2, term: 'ai', link: false }
    ]);
    expect(literalMarks('数据', '')).toEqual([]);
    expect(segmentText('用AI', literalMarks('用AI', 'ai'))[1]).toEqual({ text: 'AI', term: 'ai', link: false });
  });

  it('groups span rows of several editions and tracks by topic', () => {
    const marks = marksByHit([
      { edition_id: 'e', track_no: 1, topic_no: 2, term: '隐私计算', title_spans: '', body_spans: '13:6' },
      { edition_id: 'e', track_no: 1, topic_no: 2, term: '联邦学习', title_spans: '0:4', body_spans: '' },
      { edition_id: 'f', track_no: 1, topic_no: 2, term: '数据', title_spans: '1:2', body_spans: '' }
    ]);
    expect(marks.get('e/1/2')).toEqual({ title: [{ start: 0, length: 4, term: '联邦学习' }], body: [{ start: 13, length: 6, term: '隐私计算' }] });
    expect(marks.get('f/1/2')!.title).toHaveLength(1);
  });

  it('clips a body around its first mark and shifts the marks into the window', () => {
    const text = '一二三四五六七八九十隐私计算一二三四五六七八九十联邦学习一二三';
    const clipped = clipAroundMarks(text, [{ start: 24, length: 4, term: '联邦学习' }, { start: 10, length: 4, term: '隐私计算' }], 3);
    expect(clipped.text).toBe(text.slice(7, 20));
    expect(clipped.marks).toEqual([{ start: 3, length: 4, term: '隐私计算' }]);
    expect([clipped.clippedStart, clipped.clippedEnd]).toEqual([true, true]);
    expect(clipAroundMarks('短文本', [], 10)).toEqual({ text: '短文本', marks: [], clippedStart: false, clippedEnd: false });
  });
});
