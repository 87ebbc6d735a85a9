/**
 * nodejieba holds one native segmenter per process. Segmenters built from different
 * dictionaries must each cut with their own words, reloading when they take turns.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSegmenter, DICTIONARY_FILES, parseDictionaries } from '../../../analysis/segment/index.ts';

const MINI = 'tests/fixtures/segment/mini-dict';
const texts = Object.fromEntries(Object.values(DICTIONARY_FILES).map((name) => [name, readFileSync(join(MINI, name), 'utf8')]));

describe('segmenters with different dictionaries in one process', () => {
  it('each cuts with its own words', () => {
    const withTerm = createSegmenter(parseDictionaries(texts));
    const without = createSegmenter(parseDictionaries({ ...texts, 'terms.txt': '数据要素\n' }));
    const cut = (s: typeof withTerm) => s.preview('具身智能').map((p) => p.surface);

    expect(cut(without)).not.toEqual(['具身智能']);
    expect(cut(withTerm)).toEqual(['具身智能']);
    expect(cut(without)).not.toEqual(['具身智能']);
    expect(cut(withTerm)).toEqual(['具身智能']);
  });

  it('a segmenter from parsed texts (no user dictionary path yet) writes its own', () => {
    const dict = parseDictionaries(texts);
    expect(dict.userDictPaths).toEqual([]);
    const pieces = createSegmenter(dict).preview('可信数据空间与LLM');
    expect(pieces.map((p) => [p.surface, p.term])).toEqual([
      ['可信数据空间', '可信数据空间'],
      ['与', null],
      ['LLM', '大模型']
    ]);
  });
});
