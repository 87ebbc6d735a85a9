import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cooccurrence, topics } from '../../../analysis/contract.ts';
import { encodeArrowBatch } from '../../../analysis/write/arrow.ts';
import { ByteBuffer } from '../../../analysis/write/bytes.ts';
import {
  columnBatch,
  columnsFromRows,
  floats,
  ints,
  rowsFromColumns,
  same,
  Symbols,
  symbols
} from '../../../analysis/write/columns.ts';
import { writeCsvColumns, writeCsvRows } from '../../../analysis/write/csv.ts';

const TERMS = ['大模型', '智能体', 'AI,"quoted"', '隐私计算'];

/** A cooccurrence batch built from columns, and the rows it stands for. */
function pairBatch(pairs: [number, number, number, boolean][]) {
  const table = new Symbols(TERMS);
  const batch = columnBatch(cooccurrence, pairs.length, {
    edition_id: same('2026-hunan'),
    term_a: symbols(pairs.map((p) => p[0]), table),
    term_b: symbols(pairs.map((p) => p[1]), table),
    topics: ints(pairs.map((p) => p[2])),
    sentences: ints(pairs.map((p) => (p[3] ? 1 : 0))),
    jaccard: floats(pairs.map((p) => p[2] / 10)),
    association_strength: floats(pairs.map(() => 1.5)),
    npmi: floats(pairs.map(() => -0.25)),
    sentence_jaccard: floats(pairs.map(() => 0.5), pairs.map((p) => (p[3] ? 1 : 0))),
    sentence_association_strength: floats(pairs.map(() => 2), pairs.map((p) => (p[3] ? 1 : 0))),
    sentence_npmi: floats(pairs.map(() => 0.125), pairs.map((p) => (p[3] ? 1 : 0)))
  });
  const rows = pairs.map(([a, b, n, shared]) => ({
    edition_id: '2026-hunan',
    term_a: TERMS[a],
    term_b: TERMS[b],
    topics: n,
    sentences: shared ? 1 : 0,
    jaccard: n / 10,
    association_strength: 1.5,
    npmi: -0.25,
    sentence_jaccard: shared ? 0.5 : null,
    sentence_association_strength: shared ? 2 : null,
    sentence_npmi: shared ? 0.125 : null
  }));
  return { batch, rows };
}

const pairs = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 99 }), fc.boolean()),
  { maxLength: 20 }
);

describe('column batches', () => {
  it('stand for the same rows, CSV bytes and Arrow bytes as the rows they were built from', () => {
    fc.assert(
      fc.property(pairs, (list) => {
        const { batch, rows } = pairBatch(list);
        expect(rowsFromColumns(cooccurrence, batch)).toEqual(rows);
        const fromColumns = new ByteBuffer();
        writeCsvColumns(fromColumns, cooccurrence, batch);
        const fromRows = new ByteBuffer();
        writeCsvRows(fromRows, cooccurrence, rows);
        expect(fromColumns.take()).toEqual(fromRows.take());
        expect(encodeArrowBatch(cooccurrence, batch)).toEqual(encodeArrowBatch(cooccurrence, columnsFromRows(cooccurrence, rows)));
      })
    );
  });

  it('quote a symbol holding a comma or a quote in the CSV', () => {
    const { batch } = pairBatch([[2, 0, 3, false]]);
    const out = new ByteBuffer();
    writeCsvColumns(out, cooccurrence, batch);
    expect(new TextDecoder().decode(out.view())).toBe('2026-hunan,"AI,""quoted""",大模型,3,0,0.3,1.5,-0.25,,,\r\n');
  });

  it('keep null ints of a nullable column through rows → columns → rows', () => {
    const row = { edition_id: 'e', track_no: 1, track_name: '工业', topic_no: 2, printed_no: null, title: 't', body: '', line: 3, chars: 1 };
    expect(rowsFromColumns(topics, columnsFromRows(topics, [row, { ...row, printed_no: 7 }]))).toEqual([row, { ...row, printed_no: 7 }]);
  });

  it('refuse a batch whose columns differ from the contract', () => {
    expect(() => columnBatch(cooccurrence, 0, { edition_id: same('e') })).toThrow(/missing term_a/);
    const { batch } = pairBatch([]);
    const named = Object.fromEntries(Object.keys(cooccurrence.columns).map((n, i) => [n, batch.columns[i]]));
    expect(() => columnBatch(cooccurrence, 0, { ...named, extra: same('x') })).toThrow(/unknown extra/);
  });
});
