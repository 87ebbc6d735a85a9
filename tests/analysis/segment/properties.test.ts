/**
 * Properties over arbitrary text mixing CJK, dictionary terms, punctuation of both
 * widths, digits, Latin, odd whitespace and surrogates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSegmenter, loadDictionaries, type Segmenter } from '../../../analysis/segment/index.ts';

let segmenter: Segmenter;
beforeAll(async () => {
  segmenter = createSegmenter(await loadDictionaries('data/dict'));
});

const pieces = [
  ...'数据要素流通的和与及在对为推动提升智能体具身大模型算力碳排放足迹低空经济第一二三十百年个项',
  ...'，。、；：？！“”‘’（）【】《》—…·×＋～－／％,.;:?!"\'()[]<>-+/*&%@#=_|~',
  ...'0123456789０１２３',
  ...'AIaiETCetcLLMＡＩｌｌｍ',
  ' ', '\u3000', '\n', '\r', '\t', '\u00a0', '\u200b', '\ufeff',
  '😀', '𠀀', '\ud800', '\udc00', '\u0301', '①', 'Ⅳ', '〇',
  '可信数据空间', '高质量数据集', '大语言模型', '2026年', '3.5', 'AI for Science', '5G-A'
];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
const topicArb = fc.record({ title: textArb, body: textArb });
const RUNS = { numRuns: 400 };

const isNoise = (term: string) => /[\p{P}\p{S}\s\p{Cc}\p{Cf}]/u.test(term) || /^[\p{N}.]+$/u.test(term) || term === '';

describe('segmenting arbitrary text', () => {
  it('preview pieces rebuild the text exactly', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(segmenter.preview(text).map((p) => p.surface).join('')).toBe(text);
      }),
      RUNS
    );
  });

  it('no counted term is punctuation, whitespace or a number', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const p of segmenter.preview(text)) {
          if (p.term !== null) expect(isNoise(p.term), `term ${JSON.stringify(p.term)} from ${JSON.stringify(text)}`).toBe(false);
          if (p.reason === 'term' || p.reason === 'generic-verb') expect(p.term).not.toBeNull();
          else expect(p.term).toBeNull();
        }
      }),
      RUNS
    );
  });

  it('token offsets index the original title and body, in order', () => {
    fc.assert(
      fc.property(topicArb, ({ title, body }) => {
        const seg = segmenter.segmentTopic('e', 1, { topic_no: 1, printed_no: null, title, body, line: 1 });
        let previousEnd = { title: 0, body: 0 };
        for (const t of seg.tokens) {
          const source = t.part === 'title' ? title : body;
          expect(source.slice(t.start, t.start + t.length)).toBe(t.surface);
          expect(t.start).toBeGreaterThanOrEqual(previousEnd[t.part]);
          previousEnd = { ...previousEnd, [t.part]: t.start + t.length };
          expect(isNoise(t.term)).toBe(false);
        }
      }),
      RUNS
    );
  });

  it('sentence numbers stay within the sentence count', () => {
    fc.assert(
      fc.property(topicArb, ({ title, body }) => {
        const seg = segmenter.segmentTopic('e', 1, { topic_no: 1, printed_no: null, title, body, line: 1 });
        for (const t of seg.tokens) {
          if (t.part === 'title') expect(t.sentence_no).toBe(0);
          else {
            expect(t.sentence_no).toBeGreaterThanOrEqual(1);
            expect(t.sentence_no).toBeLessThanOrEqual(seg.sentences);
          }
        }
      }),
      RUNS
    );
  });
});
