import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedTopic, SegmentedToken } from '../../../analysis/model.ts';
import { createSegmenter, loadDictionaries, type Segmenter } from '../../../analysis/segment/index.ts';

let segmenter: Segmenter;
beforeAll(async () => {
  segmenter = createSegmenter(await loadDictionaries('data/dict'));
});

const topic = (title: string, body = ''): ParsedTopic => ({ topic_no: 3, printed_no: 3, title, body, line: 10 });
const tokensOf = (title: string, body = ''): SegmentedToken[] => segmenter.segmentTopic('e', 2, topic(title, body)).tokens;
const termsOf = (text: string): string[] => tokensOf(text).map((t) => t.term);
const piece = (text: string, surface: string) => segmenter.preview(text).find((p) => p.surface === surface);

describe('segmentTopic', () => {
  it('carries the ids and splits title and body', () => {
    const seg = segmenter.segmentTopic('2026-hunan', 4, topic('可信数据空间建设', '依托隐私计算。'));
    expect(seg).toMatchObject({ edition_id: '2026-hunan', track_no: 4, topic_no: 3 });
    expect(seg.tokens.filter((t) => t.part === 'title').map((t) => t.term)).toContain('可信数据空间');
    expect(seg.tokens.filter((t) => t.part === 'body').map((t) => t.term)).toContain('隐私计算');
  });

  it('keeps dictionary terms whole', () => {
    expect(termsOf('工业大模型智能体与具身智能驱动的低空经济')).toEqual(
      expect.arrayContaining(['大模型', '智能体', '具身智能', '低空经济'])
    );
    expect(termsOf('高质量数据集')).toEqual(['高质量数据集']);
  });

  it('counts a term once when a bracketed abbreviation restates it, not when it stands alone', () => {
    expect(termsOf('以城市信息模型（CIM）平台建设为核心').filter((t) => t === '城市信息模型')).toHaveLength(1);
    expect(termsOf('城市信息模型(CIM)').filter((t) => t === '城市信息模型')).toHaveLength(1);
    // Not a gloss: another term in the brackets, a gap before them, or the abbreviation alone.
    expect(termsOf('城市信息模型（大模型）')).toEqual(['城市信息模型', '大模型']);
    expect(termsOf('城市信息模型和（CIM）').filter((t) => t === '城市信息模型')).toHaveLength(2);
    expect(termsOf('推进AI与CIM平台深度融合').filter((t) => t === '城市信息模型')).toHaveLength(1);
  });

  it('offsets index the original title and body, full-width letters included', () => {
    const title = 'ＡＩ赋能「数据要素×」';
    const body = '　全角空格后，ＬＬＭ与大语言模型。';
    for (const t of tokensOf(title, body)) {
      const source = t.part === 'title' ? title : body;
      expect(source.slice(t.start, t.start + t.length)).toBe(t.surface);
    }
    const ai = tokensOf(title, body).find((t) => t.surface === 'ＡＩ');
    expect(ai).toMatchObject({ start: 0, length: 2, term: '人工智能', part: 'title' });
  });
});

describe('thesaurus', () => {
  it('maps variants to the canonical term and keeps the surface', () => {
    const tokens = tokensOf('推动AI与大语言模型融合');
    expect(tokens.find((t) => t.surface === 'AI')?.term).toBe('人工智能');
    expect(tokens.find((t) => t.surface === '大语言模型')?.term).toBe('大模型');
  });

  it('matches Latin variants in any case and width', () => {
    for (const surface of ['AI', 'ai', 'Ai', 'ＡＩ', 'ａｉ']) {
      expect(piece(`${surface}算法`, surface)?.term).toBe('人工智能');
    }
    expect(piece('基于llm的问答', 'llm')?.term).toBe('大模型');
    expect(piece('CIM平台', 'CIM')?.term).toBe('城市信息模型');
    expect(piece('cim平台', 'cim')?.term).toBe('城市信息模型');
  });

  it('spells unknown Latin terms one way: capitals kept, otherwise lower case', () => {
    expect(piece('ETC门架', 'ETC')?.term).toBe('ETC');
    expect(piece('AI for Science等', 'Science')?.term).toBe('science');
    expect(piece('aigc技术', 'aigc')?.term).toBe('AIGC');
    expect(piece('5G网络', '5G')?.term).toBe('5G');
  });
});

describe('sentences', () => {
  it('splits the body at 。！？； their half-width forms and newlines; the title is sentence 0', () => {
    const seg = segmenter.segmentTopic('e', 1, topic('算力调度', '数据要素。算力！大模型？智能体；隐私计算\n碳排放;碳足迹!低空经济?北斗导航'));
    expect(seg.sentences).toBe(10);
    const sentenceOf = (term: string) => seg.tokens.find((t) => t.term === term)?.sentence_no;
    expect(seg.tokens.filter((t) => t.part === 'title').every((t) => t.sentence_no === 0)).toBe(true);
    expect(['数据要素', '大模型', '智能体', '隐私计算', '碳排放', '碳足迹', '低空经济', '北斗导航'].map(sentenceOf)).toEqual([
      1, 3, 4, 5, 6, 7, 8, 9
    ]);
  });

  it('does not count empty sentences', () => {
    const seg = segmenter.segmentTopic('e', 1, topic('', '。。数据要素。\n\n  ；算力。'));
    expect(seg.sentences).toBe(2);
    expect(seg.tokens.map((t) => [t.term, t.sentence_no])).toEqual([
      ['数据要素', 1],
      ['算力', 2]
    ]);
  });

  it('a topic with a title only has one sentence', () => {
    expect(segmenter.segmentTopic('e', 1, topic('拓展公共数据应用')).sentences).toBe(1);
  });
});

describe('what is dropped and what is flagged', () => {
  it('flags generic verbs without dropping them', () => {
    const tokens = tokensOf('推动数据要素流通，提升质效');
    expect(tokens.find((t) => t.term === '推动')?.generic_verb).toBe(true);
    expect(tokens.find((t) => t.term === '提升')?.generic_verb).toBe(true);
    expect(tokens.find((t) => t.term === '数据要素')?.generic_verb).toBe(false);
  });

  it('drops stop words', () => {
    const terms = termsOf('数据的流通和交易，以及其他等方面');
    for (const stop of ['的', '和', '以及', '其他', '等']) expect(terms).not.toContain(stop);
  });

  it('drops numbers, numbers with units and single Latin letters', () => {
    const text = '2026年建设3.5个，第五代网络十五项，１２３与5G-A基站';
    const terms = termsOf(text);
    for (const gone of ['2026', '年', '3', '5', '第五代', '十五项', '１２３', '123', 'A', 'a']) expect(terms).not.toContain(gone);
    expect(terms).toContain('5G');
    expect(piece(text, '2026')?.reason).toBe('number');
    expect(piece(text, '年')?.reason).toBe('number');
  });

  it('never lets punctuation or whitespace through', () => {
    const terms = termsOf('“数据要素×”：（算力）【大模型】——AI、LLM…\t,.;!? ，。');
    expect(terms).toEqual(['数据要素', '算力', '大模型', '人工智能', '大模型']);
  });
});

describe('preview', () => {
  it('gives every piece with its reason, and the pieces rebuild the text', () => {
    const text = '推动AI的 2026年，赋能数据要素';
    const pieces = segmenter.preview(text);
    expect(pieces.map((p) => p.surface).join('')).toBe(text);
    expect(pieces.map((p) => [p.surface, p.reason, p.term])).toEqual([
      ['推动', 'generic-verb', '推动'],
      ['AI', 'term', '人工智能'],
      ['的', 'stopword', null],
      [' ', 'space', null],
      ['2026', 'number', null],
      ['年', 'number', null],
      ['，', 'punctuation', null],
      ['赋能', 'generic-verb', '赋能'],
      ['数据要素', 'term', '数据要素']
    ]);
  });

  it('handles empty text', () => {
    expect(segmenter.preview('')).toEqual([]);
    expect(segmenter.segmentTopic('e', 1, topic('', ''))).toMatchObject({ tokens: [], sentences: 0 });
  });
});
