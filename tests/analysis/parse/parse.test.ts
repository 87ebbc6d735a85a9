import { describe, expect, test } from 'vitest';
import { parseGuide } from '../../../analysis/parse/parse.ts';

const FILE = 'guide.txt';
const parse = (lines: string[]) => parseGuide(lines.join('\n'), FILE);
const lineOf = (lines: string[], text: string) => lines.indexOf(text) + 1;
const shape = (lines: string[]) =>
  parse(lines).tracks.map((t) => [t.track_name, t.topics.map((p) => [p.printed_no, p.title, p.body])]);

describe('track layouts', () => {
  test('赛道一： tracks over 一、 topics, each with a paragraph', () => {
    const lines = ['附件1', '2026年大赛分赛', '赛题指南', '赛道一：工业制造赛道', '一、产品设计', '聚焦研发。', '二、工业大模型', '以设备数据为基础。', '赛道二：现代农业赛道', '一、农业生产', '整合遥感数据。'];
    const guide = parse(lines);
    expect(guide.tracks.map((t) => [t.track_no, t.track_name, t.heading, t.line])).toEqual([
      [1, '工业制造', '赛道一：工业制造赛道', 4],
      [2, '现代农业', '赛道二：现代农业赛道', 9]
    ]);
    expect(guide.tracks[0].topics).toEqual([
      { topic_no: 1, printed_no: 1, title: '产品设计', body: '聚焦研发。', line: 5 },
      { topic_no: 2, printed_no: 2, title: '工业大模型', body: '以设备数据为基础。', line: 7 }
    ]);
    expect(guide.preamble).toEqual(['2026年大赛分赛', '赛题指南']);
    expect(guide.warnings).toEqual([]);
  });

  test.each([
    ['赛道1：工业制造赛道', '赛道2：现代农业赛道'],
    ['赛道1:工业制造赛道', '赛道2:现代农业赛道'],
    ['赛道一 工业制造赛道', '赛道二 现代农业赛道'],
    ['赛道１：工业制造', '赛道２：现代农业']
  ])('track heading variant %s', (first, second) => {
    expect(shape([first, '一、产品设计', second, '一、农业生产'])).toEqual([
      ['工业制造', [[1, '产品设计', '']]],
      ['现代农业', [[1, '农业生产', '']]]
    ]);
  });

  test('【数据要素×…】 markers with a topic on the same line; the same marker on consecutive lines is one track', () => {
    const lines = [
      '【数据要素×文化旅游】 赛题1：拓展公共数据应用',
      '【数据要素×文化旅游】 赛题2：文化场馆需求预测',
      '【数据要素x绿色低碳】 赛题1：生态环境监测',
      '【开放性创新赛道】 赛题1：基于高质量数据集的大模型训练',
      '【开放性创新赛道】 赛题2：其他创新性赛题'
    ];
    const guide = parse(lines);
    expect(guide.tracks.map((t) => [t.track_name, t.heading, t.line, t.topics.length])).toEqual([
      ['文化旅游', '【数据要素×文化旅游】', 1, 2],
      ['绿色低碳', '【数据要素x绿色低碳】', 3, 1],
      ['开放性创新', '【开放性创新赛道】', 4, 2]
    ]);
    expect(guide.tracks[0].topics[1]).toEqual({ topic_no: 2, printed_no: 2, title: '文化场馆需求预测', body: '', line: 2 });
    expect(guide.warnings).toEqual([]);
  });

  test('【数据要素×…】 on its own line with 赛题1： topics and paragraphs below', () => {
    const lines = ['【数据要素×工业制造】', '赛题1：提升创新能力', '第一段。', '第二段。', '赛题2：推动制造升级', '说明。', '【数据要素×医疗健康】', '赛题一：拓展公共数据应用', '说明。'];
    expect(shape(lines)).toEqual([
      ['工业制造', [[1, '提升创新能力', '第一段。\n第二段。'], [2, '推动制造升级', '说明。']]],
      ['医疗健康', [[1, '拓展公共数据应用', '说明。']]]
    ]);
  });

  test('一、…赛道 tracks over （一） topics', () => {
    const lines = ['一、工业制造赛道', '（一）产品设计', '说明一。', '(二)工业大模型', '说明二。', '二、现代农业赛道', '（一）农业生产', '说明三。'];
    const guide = parse(lines);
    expect(shape(lines)).toEqual([
      ['工业制造', [[1, '产品设计', '说明一。'], [2, '工业大模型', '说明二。']]],
      ['现代农业', [[1, '农业生产', '说明三。']]]
    ]);
    expect(guide.tracks[1].heading).toBe('二、现代农业赛道');
    expect(guide.warnings).toEqual([]);
  });

  test('一、 tracks without the 赛道 suffix are tracks when （一） topics sit under them', () => {
    const lines = ['一、工业制造', '（一）产品设计', '（二）工业大模型', '二、现代农业', '（一）农业生产'];
    expect(shape(lines).map(([name, topics]) => [name, topics.length])).toEqual([
      ['工业制造', 2],
      ['现代农业', 1]
    ]);
  });

  test('一、…赛道 tracks over 赛题1： and over 1. topics', () => {
    expect(shape(['一、工业制造赛道', '赛题1：产品设计', '二、开放赛道', '赛题1：创新应用'])).toEqual([
      ['工业制造', [[1, '产品设计', '']]],
      ['开放', [[1, '创新应用', '']]]
    ]);
    expect(shape(['一、工业制造赛道', '1. 产品设计', '说明。', '2. 工业大模型', '二、开放赛道', '1. 创新应用'])).toEqual([
      ['工业制造', [[1, '产品设计', '说明。'], [2, '工业大模型', '']]],
      ['开放', [[1, '创新应用', '']]]
    ]);
  });

  test('a line that is only …赛道 over 一、 / 1、 / 1． topics', () => {
    expect(shape(['工业制造赛道', '一、产品设计', '说明。', '文物保护利用赛道', '一、文物安全防护'])).toEqual([
      ['工业制造', [[1, '产品设计', '说明。']]],
      ['文物保护利用', [[1, '文物安全防护', '']]]
    ]);
    expect(shape(['工业制造赛道', '1、产品设计', '2．工业大模型', '开放赛道', '1、创新应用'])).toEqual([
      ['工业制造', [[1, '产品设计', ''], [2, '工业大模型', '']]],
      ['开放', [[1, '创新应用', '']]]
    ]);
  });

  test('Markdown headings', () => {
    const text = ['# 2027年赛题指南', '## 赛道一：工业制造赛道', '### 一、产品设计', '说明。', '## 赛道二：现代农业赛道', '### 一、**农业生产**'].join('\n');
    const guide = parseGuide(text, 'guide.md');
    expect(guide.tracks.map((t) => [t.track_name, t.topics.map((p) => p.title)])).toEqual([
      ['工业制造', ['产品设计']],
      ['现代农业', ['农业生产']]
    ]);
    expect(guide.preamble).toEqual(['2027年赛题指南']);
  });
});

describe('bodies and artifacts', () => {
  test('multi-paragraph bodies are joined with a newline; titles-only topics have an empty body', () => {
    const lines = ['赛道一：工业制造赛道', '一、产品设计', '第一段。', '', '第二段。', '二、工业大模型', '三、具身智能', '只有一段。'];
    expect(shape(lines)).toEqual([['工业制造', [[1, '产品设计', '第一段。\n第二段。'], [2, '工业大模型', ''], [3, '具身智能', '只有一段。']]]]);
  });

  test('page numbers, 附件 headers and bookmarks are dropped everywhere', () => {
    const lines = ['附件1', '赛题指南', '赛道一：工业制造赛道', '一、产品设计', '第一段。', '- 3 -', '— 4 —', '第5页', '第 6 页 共 10 页', '7', '第二段。', '[bookmark: _GoBack]二、工业大模型', '聚焦[bookmark: _Toc1]研发。', '附件2'];
    const guide = parse(lines);
    expect(shape(lines)).toEqual([['工业制造', [[1, '产品设计', '第一段。\n第二段。'], [2, '工业大模型', '聚焦研发。']]]]);
    expect(guide.preamble).toEqual(['赛题指南']);
    expect(guide.warnings).toEqual([]);
  });

  test('CRLF and lone CR line endings give the same result and line numbers', () => {
    const lines = ['赛道一：工业制造赛道', '一、产品设计', '说明。', '二、工业大模型'];
    const lf = parseGuide(lines.join('\n'), FILE);
    expect(parseGuide(lines.join('\r\n'), FILE)).toEqual(lf);
    expect(parseGuide(lines.join('\r'), FILE)).toEqual(lf);
    expect(lf.tracks[0].topics[1].line).toBe(4);
  });

  test('a topic whose title is on the next line', () => {
    const lines = ['【数据要素×工业制造】', '赛题1：', '提升创新能力', '说明。'];
    const guide = parse(lines);
    expect(shape(lines)).toEqual([['工业制造', [[1, '提升创新能力', '说明。']]]]);
    expect(guide.tracks[0].topics[0].line).toBe(2);
    expect(guide.warnings).toEqual([]);
  });
});

describe('deciding the hierarchy per document', () => {
  test('a 1. sentence under 一、 topics stays in the body, and so does （1）', () => {
    const lines = ['赛道一：工业制造赛道', '一、产品设计', '要求如下：', '1. 构建模型；', '2. 开发系统。', '（1）细则。', '二、工业大模型', '1.5亿元资金支持。'];
    expect(shape(lines)).toEqual([
      ['工业制造', [[1, '产品设计', '要求如下：\n1. 构建模型；\n2. 开发系统。\n（1）细则。'], [2, '工业大模型', '1.5亿元资金支持。']]]
    ]);
    expect(parse(lines).warnings).toEqual([]);
  });

  test('（一） items inside bodies stay in the body when topics are 一、', () => {
    const lines = ['赛道一：工业制造赛道', '一、产品设计', '（一）背景。', '（二）要求。', '二、工业大模型', '（一）背景。'];
    expect(shape(lines)).toEqual([['工业制造', [[1, '产品设计', '（一）背景。\n（二）要求。'], [2, '工业大模型', '（一）背景。']]]]);
  });

  test('with …赛道 lines as tracks, 一、 lines are topics even when they carry （一） items', () => {
    const lines = ['工业制造赛道', '一、产品设计', '（一）背景。', '二、工业大模型', '（一）背景。', '现代农业赛道', '一、农业生产', '（一）背景。'];
    expect(shape(lines).map(([name, topics]) => [name, topics.length])).toEqual([
      ['工业制造', 2],
      ['现代农业', 1]
    ]);
  });

  test('a 一、 line in a document with 赛道一： tracks is a topic, even if it ends in 赛道', () => {
    const lines = ['赛道一：开放赛道', '一、打造数字赛道', '赛题1：说明。'];
    expect(shape(lines)).toEqual([['开放', [[1, '打造数字赛道', '赛题1：说明。']]]]);
  });

  test('1. topics directly under 赛道一： tracks are topics', () => {
    expect(shape(['赛道一：工业制造赛道', '1. 产品设计', '说明。', '2. 工业大模型'])).toEqual([
      ['工业制造', [[1, '产品设计', '说明。'], [2, '工业大模型', '']]]
    ]);
  });

  test('the topic style is the one most tracks use directly below them', () => {
    const lines = ['赛道一：甲赛道', '一、题A', '赛道二：乙赛道', '1. 正文里的编号', '一、题B', '赛道三：丙赛道', '一、题C'];
    const guide = parse(lines);
    expect(guide.tracks.map((t) => t.topics.map((p) => p.title))).toEqual([['题A'], ['题B'], ['题C']]);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['text-before-topic', 4]]);
  });

  test('a bracket that is not a track marker is body text', () => {
    expect(shape(['赛道一：工业制造赛道', '一、产品设计', '【赛题描述】说明。'])).toEqual([['工业制造', [[1, '产品设计', '【赛题描述】说明。']]]]);
  });

  test('the title block never becomes a track', () => {
    const guide = parse(['2026年“数据要素×”大赛湖南分赛', '赛题指南', '赛道一：工业制造赛道', '一、产品设计']);
    expect(guide.tracks).toHaveLength(1);
    expect(guide.preamble).toEqual(['2026年“数据要素×”大赛湖南分赛', '赛题指南']);
  });
});

describe('sentences that look like numbers', () => {
  test('一、二线城市……。 inside a body stays in the body', () => {
    const lines = ['赛道一：城市治理赛道', '一、城市体检', '说明。', '一、二线城市的数据需求旺盛，应当优先覆盖。', '二、住房公积金'];
    const guide = parse(lines);
    expect(shape(lines)).toEqual([
      ['城市治理', [[1, '城市体检', '说明。\n一、二线城市的数据需求旺盛，应当优先覆盖。'], [2, '住房公积金', '']]]
    ]);
    expect(guide.warnings).toEqual([]);
  });

  test('an out-of-sequence short title is still a topic, and the gap is reported', () => {
    const lines = ['赛道一：城市治理赛道', '一、城市体检', '三、住房公积金'];
    const guide = parse(lines);
    expect(guide.tracks[0].topics.map((t) => t.title)).toEqual(['城市体检', '住房公积金']);
    expect(guide.warnings.map((w) => [w.code, w.line])).toEqual([['numbering-gap', 3]]);
  });

  test.each(['共设17个赛道', '各赛道', '十大赛道', '设立开放赛道'])('%s is not a track heading', (line) => {
    const lines = [line, '工业制造赛道', '一、产品设计'];
    const guide = parse(lines);
    expect(guide.tracks.map((t) => t.track_name)).toEqual(['工业制造']);
    expect(guide.preamble).toEqual([line]);
  });

  test('a …赛道： heading with a trailing colon', () => {
    expect(shape(['工业制造赛道：', '一、产品设计'])).toEqual([['工业制造', [[1, '产品设计', '']]]]);
  });
});
