import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { AnalysisError, MESSAGES } from '../../../analysis/messages.ts';
import { parseGuide, type ParsedGuide } from '../../../analysis/parse/parse.ts';

const FRAGMENTS = [
  '附件1', '2026年“数据要素×”大赛湖南分赛', '赛题指南', '赛道一：工业制造赛道', '赛道二：现代农业赛道', '赛道3:商贸流通赛道',
  '赛道十七 数据基础设施赛道', '赛道一：', '【数据要素×文化旅游】 赛题1：拓展公共数据应用', '【数据要素×文化旅游】 赛题2：',
  '【数据要素x绿色低碳】', '【开放性创新赛道】 赛题1：其他', '【赛题描述】', '一、数据驱动的产品设计', '二、', '十二、数据融合',
  '（一）产品设计', '(二)工业大模型', '赛题1：提升', '赛题一：拓展', '1. 构建模型', '2、开发系统', '3．评估', '（1）细则',
  '一、工业制造赛道', '二、开放赛道', '工业制造赛道', '开放性创新赛道', '聚焦研发环节，构建模型。', '1.5亿元资金。',
  '- 3 -', '第 3 页 共 10 页', '7', '[bookmark: _GoBack]聚焦算力', '', '   ', '\u3000', '## 赛道一：工业制造赛道', '**一、标题**'
];

const guideLike = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }), {
    maxLength: 40
  })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

function parseOrError(text: string): ParsedGuide | AnalysisError {
  try {
    return parseGuide(text, 'prop.txt');
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
}

function checkInvariants(text: string, result: ParsedGuide | AnalysisError): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  if (result instanceof AnalysisError) {
    expect(['guide-no-tracks', 'guide-no-topics']).toContain(result.diagnostic.code);
    return;
  }
  expect(result.tracks.length).toBeGreaterThan(0);
  result.tracks.forEach((track, t) => {
    expect(track.track_no).toBe(t + 1);
    expect(track.track_name.length).toBeGreaterThan(0);
    expect(track.topics.length).toBeGreaterThan(0);
    expect(track.line).toBeGreaterThanOrEqual(1);
    expect(track.line).toBeLessThanOrEqual(lineCount);
    track.topics.forEach((topic, i) => {
      expect(topic.topic_no).toBe(i + 1);
      expect(topic.title.trim().length).toBeGreaterThan(0);
      expect(topic.title).not.toMatch(/[\r\n]/);
      expect(topic.title + topic.body).not.toContain('[bookmark:');
      expect(topic.body).not.toMatch(/\r/);
      expect(topic.line).toBeGreaterThanOrEqual(track.line);
      expect(topic.line).toBeLessThanOrEqual(lineCount);
    });
  });
  for (const w of result.warnings) {
    expect(w.level).toBe('warning');
    expect(Object.keys(MESSAGES)).toContain(w.code);
    if (w.line !== null) expect(w.line).toBeGreaterThanOrEqual(1);
    if (w.line !== null) expect(w.line).toBeLessThanOrEqual(lineCount);
  }
}

describe('parseGuide properties', () => {
  test('arbitrary strings: a result or an AnalysisError, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => checkInvariants(text, parseOrError(text))),
      { numRuns: 500 }
    );
  });

  test('guide-like lines: a result or an AnalysisError, and every result is well formed', () => {
    fc.assert(
      fc.property(guideLike, (text) => checkInvariants(text, parseOrError(text))),
      { numRuns: 2000 }
    );
  });

  test('line endings do not change the result', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (lines) => {
        const lf = parseOrError(lines.join('\n'));
        const crlf = parseOrError(lines.join('\r\n'));
        if (lf instanceof AnalysisError) expect((crlf as AnalysisError).diagnostic).toEqual(lf.diagnostic);
        else expect(crlf).toEqual(lf);
      }),
      { numRuns: 500 }
    );
  });

  test('parsing is deterministic', () => {
    fc.assert(
      fc.property(guideLike, (text) => {
        const a = parseOrError(text);
        const b = parseOrError(text);
        if (a instanceof AnalysisError) expect((b as AnalysisError).diagnostic).toEqual(a.diagnostic);
        else expect(b).toEqual(a);
      }),
      { numRuns: 300 }
    );
  });
});
