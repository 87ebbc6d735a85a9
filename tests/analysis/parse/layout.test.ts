import { describe, expect, test } from 'vitest';
import { cleanLine, isArtifact, readLines, readTopicMark, shortTrackName } from '../../../analysis/parse/layout.ts';

describe('shortTrackName', () => {
  test.each([
    ['赛道一：工业制造赛道', '工业制造'],
    ['赛道1:工业制造赛道', '工业制造'],
    ['赛道十七 数据基础设施赛道', '数据基础设施'],
    ['【数据要素×文化旅游】', '文化旅游'],
    ['【数据要素x文化旅游】', '文化旅游'],
    ['【数据要素X 文化旅游】', '文化旅游'],
    ['【开放性创新赛道】', '开放性创新'],
    ['文物保护利用赛道', '文物保护利用'],
    ['“数据要素×”工业制造赛道', '工业制造'],
    ['「金融服务」赛道', '金融服务'],
    ['赛道', '赛道']
  ])('%s → %s', (printed, name) => {
    expect(shortTrackName(printed)).toBe(name);
  });
});

describe('artifacts', () => {
  test.each(['附件1', '附件', '附件 2', '附件一：', '- 3 -', '— 3 —', '–12–', '第3页', '第 3 页 共 10 页', '3', '3/10', 'Page 4 of 9'])(
    '%s is an artifact',
    (line) => {
      expect(isArtifact(line)).toBe(true);
      expect(cleanLine(line)).toBe('');
    }
  );

  test.each(['附件1所列赛题如下', '第三页的内容', '3. 标题', '2026年', '- 项目 -'])('%s is kept', (line) => {
    expect(isArtifact(line)).toBe(false);
  });

  test('bookmark markers are removed wherever they are in a line', () => {
    expect(cleanLine('[bookmark: _GoBack]聚焦算力基础设施')).toBe('聚焦算力基础设施');
    expect(cleanLine('聚焦[bookmark: _Toc123]算力')).toBe('聚焦算力');
    expect(cleanLine('[bookmark: x]')).toBe('');
  });

  test('light Markdown decoration is removed', () => {
    expect(cleanLine('## 赛道一：工业制造赛道')).toBe('赛道一：工业制造赛道');
    expect(cleanLine('**一、数据驱动的产品设计**')).toBe('一、数据驱动的产品设计');
  });

  test('zero-width characters and full-width spaces are trimmed', () => {
    expect(cleanLine('\u3000\u200b一、标题\u3000')).toBe('一、标题');
  });
});

describe('readTopicMark', () => {
  test.each([
    ['一、数据驱动', 'enum', 1, '数据驱动'],
    ['十二、数据融合', 'enum', 12, '数据融合'],
    ['（三）智能监测', 'paren', 3, '智能监测'],
    ['(四) 智能监测', 'paren', 4, '智能监测'],
    ['赛题1：拓展公共数据应用', 'saiti', 1, '拓展公共数据应用'],
    ['赛题十：拓展', 'saiti', 10, '拓展'],
    ['赛题2 拓展', 'saiti', 2, '拓展'],
    ['1. 标题', 'arabic', 1, '标题'],
    ['2、标题', 'arabic', 2, '标题'],
    ['３．标题', 'arabic', 3, '标题']
  ])('%s', (line, style, printed, title) => {
    expect(readTopicMark(line)).toMatchObject({ style, printed, title });
  });

  test.each(['1.5亿元资金', '2026年工作', '赛题指南', '十分重要、必须落实', '一是加强', '（1）细则', '正文'])(
    '%s is not a topic line',
    (line) => {
      expect(readTopicMark(line)).toBeNull();
    }
  );
});

describe('readLines', () => {
  test('a bracket marker followed by a topic is read as both', () => {
    const [line] = readLines('【数据要素×文化旅游】 赛题1：拓展公共数据应用');
    expect(line.tracks.map((t) => [t.style, t.heading, t.name])).toEqual([['bracket', '【数据要素×文化旅游】', '文化旅游']]);
    expect(line.inlineTopic).toMatchObject({ style: 'saiti', printed: 1, title: '拓展公共数据应用' });
  });

  test('brackets that are not track markers are ordinary text', () => {
    const [line] = readLines('【赛题描述】本题要求参赛者……');
    expect(line.tracks).toEqual([]);
  });

  test('line numbers follow the text, whatever the line ending', () => {
    expect(readLines('a\r\nb\rc\nd').map((l) => [l.no, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd']
    ]);
  });
});
