import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../analysis/contract.ts';
import { csvField, csvLines } from '../../../analysis/write/csv.ts';
import { neutraliseFormula, startsLikeFormula } from '../../../analysis/write/spreadsheet-safe.ts';
import { rowsToCsv } from '../../../src/lib/export/csv.ts';
import { rowsToXlsx } from '../../../src/lib/export/xlsx.ts';

const FORMULAS = ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://example.com","x")', "=cmd|' /C calc'!A0"];
const PLAIN = ['数据', '1+1', 'a=b', ' =1', '＝1', '', "'=1"];

describe('the OWASP rule', () => {
  it('neutralises text starting with = + - @ tab or CR, and nothing else', () => {
    for (const f of FORMULAS) expect(neutraliseFormula(f), JSON.stringify(f)).toBe(`'${f}`);
    for (const p of PLAIN) expect(neutraliseFormula(p), JSON.stringify(p)).toBe(p);
    expect(FORMULAS.every(startsLikeFormula)).toBe(true);
  });

  it('applies to every text cell of the analysis CSV, on the row and the column paths, not to numbers', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField(-3, 'int')).toBe('-3');
    expect(csvField(-0.5, 'float')).toBe('-0.5');
    const lines = csvLines(TABLES.themes, [{ theme: '@隐私计算', term: '-联邦学习' }]);
    expect(lines).toBe("'@隐私计算,'-联邦学习\r\n");
  });

  it('applies to the dashboard’s CSV and XLSX exports, numbers kept as numbers', async () => {
    const rows = [{ title: '=HYPERLINK("http://x","y")', note: '+86 电话', count: -5, list: ['-a', 'b'] }];
    const csv = rowsToCsv(rows);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",'+86 电话,-5,'-a、b`);
    const columns = [
      { key: 'title', label: 'title' },
      { key: 'note', label: '=label' },
      { key: 'count', label: 'count', numeric: true },
      { key: 'list', label: 'list' }
    ];
    const bytes = await rowsToXlsx(ExcelJS, rows, columns, { dataSheet: '数据', aboutSheet: '说明', about: ['标题', '-- SELECT 1'] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const data = workbook.getWorksheet('数据')!;
    expect(data.getRow(1).values).toEqual([undefined, 'title', "'=label", 'count', 'list']);
    expect(data.getRow(2).values).toEqual([undefined, `'=HYPERLINK("http://x","y")`, "'+86 电话", -5, "'-a、b"]);
    expect(data.getCell('A2').formula).toBeUndefined();
    expect(workbook.getWorksheet('说明')!.getCell('A2').value).toBe("'-- SELECT 1");
  });
});
