import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvFloat, csvHeader, csvLines } from '../../../analysis/write/csv.ts';
import { ByteBuffer } from '../../../analysis/write/bytes.ts';
import { term_topic } from '../../../analysis/contract.ts';

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks, and leaves others bare', () => {
    expect(csvField('可信数据空间')).toBe('可信数据空间');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('第一段\n第二段')).toBe('"第一段\n第二段"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(false)).toBe('false');
  });

  it('writes the contract columns in order, one CRLF line per row', () => {
    expect(csvHeader(term_topic)).toBe('edition_id,track_no,topic_no,term,count,title_spans,body_spans\r\n');
    const text = csvLines(term_topic, [
      { edition_id: 'e', track_no: 1, topic_no: 2, term: '大模型', count: 2, title_spans: '0:3', body_spans: '4:3 9:5' }
    ]);
    expect(text).toBe('e,1,2,大模型,2,0:3,4:3 9:5\r\n');
  });

  it('starts with a UTF-8 byte order mark so Excel reads Chinese', () => {
    expect(new TextEncoder().encode(CSV_BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('number formatting', () => {
  it('rounds floats to 6 places, within half a millionth, with no trailing zeros', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.double({ min: -1e8, max: 1e8, noNaN: true }), (x) => {
        const text = csvFloat(x);
        expect(Math.abs(Number(text) - x)).toBeLessThanOrEqual(5e-7 + Math.abs(x) * 1e-15);
        expect(text).not.toMatch(/\.\d*0$|^-0$|e/);
      }),
      { numRuns: 2000 }
    );
    expect(csvFloat(0.0000025)).toBe('0.000003');
    expect(csvFloat(100.05)).toBe('100.05');
    expect(csvFloat(0.0123)).toBe('0.0123');
  });

  it('writes integers of any size and pads fractions with leading zeros', () => {
    for (const n of [0, 7, 10, 99, 100, 12345, 2147483647, 2147483648, 9007199254740991]) {
      expect(csvField(n, 'int')).toBe(String(n));
    }
    expect(csvField(-42, 'int')).toBe('-42');
    const out = new ByteBuffer();
    out.digits(42, 6);
    out.digits(5, 1);
    out.digits(3000000000, 12);
    expect(new TextDecoder().decode(out.view())).toBe('000042' + '5' + '003000000000');
  });
});
