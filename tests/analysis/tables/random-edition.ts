/** Random small editions, already segmented, for property tests of the tables (analysis and SQL). */
import fc from 'fast-check';
import type { ParsedEdition, SegmentedTopic } from '../../../analysis/model.ts';

// Terms chosen to break UTF-16 order: ｚ (U+FF5A) sorts before 𠮷 (U+20BB7) by code point only.
export const VOCABULARY = ['数据', '模型', '推动', 'ｚ', '𠮷野', '安全', 'a'];
const token = fc.record({
  term: fc.constantFrom(...VOCABULARY),
  sentence: fc.nat({ max: 2 }),
  body: fc.boolean()
});
export const editionShape = fc.array(fc.array(fc.array(token, { maxLength: 8 }), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 4
});

export function buildRandomEdition(shape: { term: string; sentence: number; body: boolean }[][][], editionId = 'p') {
  const segmented: SegmentedTopic[] = [];
  const edition: ParsedEdition = {
    meta: { edition_id: editionId, year: 2026, region: 'r', title: 't', source: 's', notes: '' },
    file: 'p.txt',
    encoding: 'utf-8',
    sha256: '',
    bytes: 0,
    warnings: [],
    tracks: shape.map((topics, t) => ({
      track_no: t + 1,
      track_name: `T${t + 1}`,
      heading: `T${t + 1}`,
      line: 1,
      topics: topics.map((tokens, i) => {
        segmented.push({
          edition_id: editionId,
          track_no: t + 1,
          topic_no: i + 1,
          sentences: 3,
          tokens: tokens.map((tk, position) => ({
            part: tk.body ? 'body' : 'title',
            sentence_no: tk.body ? tk.sentence + 1 : 0,
            start: position * 2,
            length: 2,
            surface: tk.term,
            term: tk.term,
            generic_verb: tk.term === '推动'
          }))
        });
        return { topic_no: i + 1, printed_no: null, title: 'title', body: 'body', line: 1 };
      })
    }))
  };
  return { edition, segmented };
}
