import { describe, expect, it } from 'vitest';
import type { SegmentedToken, SegmentedTopic } from '../../../analysis/model.ts';
import { createVocabulary, themeRows } from '../../../analysis/tables/index.ts';
import { dictionaries } from './fixtures.ts';

const token = (surface: string, term = surface, generic = false): SegmentedToken => ({
  part: 'body',
  sentence_no: 1,
  start: 0,
  length: surface.length,
  surface,
  term,
  generic_verb: generic
});
const topic = (edition: string, topic_no: number, tokens: SegmentedToken[]): SegmentedTopic => ({
  edition_id: edition,
  track_no: 1,
  topic_no,
  sentences: 2,
  tokens
});

const dict = dictionaries(
  [
    ['AI', ['模型']],
    ['数字底座', ['数据', '模型', '数据']]
  ],
  { terms: ['数据', '区块链', 'AIGC'] }
);

describe('vocabulary (terms table)', () => {
  const vocabulary = createVocabulary(dict);
  vocabulary.add('e1', [
    topic('e1', 1, [token('数据'), token('大模型', '模型'), token('推动', '推动', true), token('数据')]),
    topic('e1', 2, [token('数据'), token('模型')])
  ]);
  vocabulary.add('e2', [topic('e2', 1, [token('数据资源', '数据'), token('大数据', '数据'), token('𠮷野'), token('aigc')])]);
  const rows = vocabulary.rows();

  it('orders terms by code point (the astral 𠮷 after every BMP term)', () => {
    // a 61 < 推动 63A8 < 数据 6570 < 模型 6A21 < 𠮷 20BB7
    expect(rows.map((r) => r.term)).toEqual(['aigc', '推动', '数据', '模型', '𠮷野']);
  });

  it('counts tokens, editions and topics across editions', () => {
    // 数据: e1 topic 1 ×2, topic 2 ×1, e2 ×2 → 5 tokens, 2 editions, 3 topics
    expect(rows.find((r) => r.term === '数据')).toEqual({
      term: '数据',
      count: 5,
      editions: 2,
      topics: 3,
      chars: 2,
      in_dictionary: true,
      generic_verb: false,
      themes: '数字底座',
      variants: '大数据、数据资源' // 大 5927 < 数 6570
    });
    // 模型: in two themes, listed in themes-file order; surface 大模型 is its variant
    expect(rows.find((r) => r.term === '模型')).toMatchObject({
      count: 2,
      editions: 1,
      topics: 2,
      themes: 'AI、数字底座',
      variants: '大模型',
      in_dictionary: false
    });
    expect(rows.find((r) => r.term === '推动')).toMatchObject({ count: 1, generic_verb: true, themes: '', variants: '' });
    expect(rows.find((r) => r.term === '𠮷野')).toMatchObject({ chars: 2, editions: 1 });
    // terms.txt matches Latin letters in any case
    expect(rows.find((r) => r.term === 'aigc')).toMatchObject({ in_dictionary: true, chars: 4 });
  });

  it('refuses the same edition twice (it would double the edition counts)', () => {
    expect(() => vocabulary.add('e1', [])).toThrow(/e1/);
  });

  it('themes table: one row per membership, sorted, duplicates dropped', () => {
    expect(themeRows(dict)).toEqual([
      { theme: 'AI', term: '模型' },
      { theme: '数字底座', term: '数据' },
      { theme: '数字底座', term: '模型' }
    ]);
    expect(vocabulary.themeRows()).toEqual(themeRows(dict));
  });
});
