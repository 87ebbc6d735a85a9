import { describe, expect, it } from 'vitest';
import { CSV_BOM, rowsToCsv } from '../../../../src/lib/export/csv.ts';
import { exportFilename } from '../../../../src/lib/export/filename.ts';

describe('CSV export', () => {
  it('starts with a BOM, uses CRLF and quotes what needs quoting', () => {
    const csv = rowsToCsv(
      [
        { term: '数据', note: '含,逗号', quote: '说"好"', lines: 'a\nb', n: 12345.5, empty: null, flag: true, list: ['甲', '乙'] }
      ],
      [
        { key: 'term', label: '词条' }, { key: 'note' }, { key: 'quote' }, { key: 'lines' }, { key: 'n' },
        { key: 'empty' }, { key: 'flag' }, { key: 'list' }
      ]
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('词条,note,quote,lines,n,empty,flag,list\r\n数据,"含,逗号","说""好""","a\nb",12345.5,,是,甲、乙\r\n');
  });

  it('takes the columns from the first row when none are given', () => {
    expect(rowsToCsv([{ a: 1, b: 'x' }])).toBe(`${CSV_BOM}a,b\r\n1,x\r\n`);
    expect(rowsToCsv([])).toBe(`${CSV_BOM}\r\n`);
  });

  it('makes file names safe and readable', () => {
    expect(exportFilename(['高频词条', '2026-hunan', null], 'svg')).toBe('高频词条_2026-hunan.svg');
    expect(exportFilename(['a/b:c*d', '  '], 'csv')).toBe('a-b-c-d.csv');
    expect(exportFilename([], 'png')).toBe('chart.png');
  });
});
