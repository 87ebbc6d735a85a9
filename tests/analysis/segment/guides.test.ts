/**
 * The dictionaries against the real guides: every terms.txt term that occurs in a
 * guide must come out as one token wherever it occurs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Dictionaries } from '../../../analysis/model.ts';
import { createSegmenter, loadDictionaries, type PreviewPiece, type Segmenter } from '../../../analysis/segment/index.ts';

const GUIDES = ['data/editions/2026-hunan.txt', 'data/editions/2025-fujian-xiamen.txt'];

/**
 * Places where a term's characters occur but the text does not say the term: the
 * segmenter is right to cut elsewhere.
 */
const NOT_THE_TERM: { term: string; context: string; reading: string }[] = [
  { term: '低空', context: '降低空驶率', reading: '降低 | 空驶率' },
  { term: '新能源', context: '创新能源协同', reading: '创新 | 能源 | 协同' },
  { term: '用能', context: '应用能力', reading: '应用 | 能力' }
];

let dict: Dictionaries;
let segmenter: Segmenter;
let guideLines: { file: string; line: number; text: string; pieces: PreviewPiece[]; starts: number[] }[];

beforeAll(async () => {
  dict = await loadDictionaries('data/dict');
  segmenter = createSegmenter(dict);
  guideLines = GUIDES.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((text, i) => {
        const pieces = segmenter.preview(text);
        const starts: number[] = [];
        let at = 0;
        for (const p of pieces) {
          starts.push(at);
          at += p.surface.length;
        }
        return { file, line: i + 1, text, pieces, starts };
      })
  );
});

/** Words the segmenter is told about: terms, thesaurus variants and canonicals, theme members. */
function dictionaryWords(): Set<string> {
  return new Set([
    ...dict.terms,
    ...dict.thesaurus.keys(),
    ...dict.thesaurus.values(),
    ...[...dict.themes.values()].flat()
  ]);
}

describe('dictionary terms on the guides', () => {
  it('come out whole at every occurrence', () => {
    const words = dictionaryWords();
    const failures: string[] = [];
    const overlaps: string[] = [];
    let checked = 0;
    for (const { file, line, text, pieces, starts } of guideLines) {
      for (const term of dict.terms) {
        for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
          checked++;
          const end = at + term.length;
          const touching = pieces
            .map((p, i) => ({ ...p, start: starts[i], end: starts[i] + p.surface.length }))
            .filter((p) => p.start < end && p.end > at);
          const whole = touching.length === 1 && touching[0].start === at && touching[0].end === end && touching[0].term !== null;
          if (whole) continue;
          const coveredByLonger = touching.some((p) => p.start <= at && p.end >= end && words.has(p.surface));
          if (coveredByLonger) continue;
          const where = `${file}:${line} ${term} → ${touching.map((p) => p.surface).join(' | ')}`;
          // Two dictionary words overlap here (公共数据 / 数据融合 in 公共数据融合); only one can be cut.
          if (touching.some((p) => (p.start < at || p.end > end) && words.has(p.surface))) {
            overlaps.push(where);
            continue;
          }
          if (NOT_THE_TERM.some((n) => n.term === term && text.slice(Math.max(0, at - 4), end + 4).includes(n.context))) continue;
          failures.push(where);
        }
      }
    }
    if (overlaps.length) console.log(`overlapping dictionary words, resolved by weight:\n${overlaps.join('\n')}`);
    if (failures.length) console.log(`terms not cut whole:\n${failures.join('\n')}`);
    expect(checked).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });

  it('the listed non-occurrences are still cut the way they read', () => {
    for (const { context, reading } of NOT_THE_TERM) {
      const pieces = segmenter.preview(context).map((p) => p.surface);
      expect(pieces.join(' | ')).toBe(reading);
    }
  });

  it('finds the key vocabulary whole in the Hunan guide', () => {
    const hunan = new Set(guideLines.filter((l) => l.file.includes('hunan')).flatMap((l) => l.pieces.map((p) => p.term)));
    const key = ['可信数据空间', '数据要素', '大模型', '隐私计算', '高质量数据集', '智能体', '具身智能', '低空经济', '北斗导航', '碳排放', '知识图谱', '数据基础设施'];
    expect(key.filter((term) => !hunan.has(term))).toEqual([]);
  });

  it('never counts punctuation, whitespace or numbers', () => {
    const bad = guideLines.flatMap((l) => l.pieces).filter((p) => p.term !== null && /[\p{P}\p{S}\s]|^\p{N}+$/u.test(p.term));
    expect(bad).toEqual([]);
  });

  it('rebuilds every guide line from its pieces', () => {
    for (const { text, pieces } of guideLines) expect(pieces.map((p) => p.surface).join('')).toBe(text);
  });
});

describe('themes and thesaurus are producible', () => {
  it('every theme member comes out as one token with itself as the term', () => {
    const broken: string[] = [];
    for (const [theme, members] of dict.themes) {
      for (const member of members) {
        const counted = segmenter.preview(member).filter((p) => p.term !== null);
        if (counted.length !== 1 || counted[0].term !== member) {
          broken.push(`${theme}: ${member} → ${counted.map((p) => p.term).join(' | ')}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every thesaurus variant comes out as one token with its canonical term', () => {
    const broken: string[] = [];
    for (const [variant, canonical] of dict.thesaurus) {
      const counted = segmenter.preview(variant).filter((p) => p.term !== null);
      if (counted.length !== 1 || counted[0].term !== canonical) broken.push(`${variant} → ${counted.map((p) => p.term).join(' | ')}`);
    }
    expect(broken).toEqual([]);
  });

  it('most theme members occur in the guides', () => {
    const seen = new Set(guideLines.flatMap((l) => l.pieces.map((p) => p.term)));
    for (const [theme, members] of dict.themes) {
      expect(members.some((m) => seen.has(m)), `theme ${theme} has no member in the guides`).toBe(true);
    }
  });
});
