import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvHeader, csvLines } from '../../../analysis/write/csv.ts';
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
