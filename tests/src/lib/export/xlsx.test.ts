import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowsToXlsx } from '../../../../src/lib/export/xlsx.ts';

const TEXT = {
  dataSheet: '数据',
  aboutSheet: '说明',
  about: ['2026 湖南 高频词条（前 20）', '赛道：全部赛道 · 通用动词已停用', '来源：2026 湖南；词典版本 aae7f78222f9']
};

async function read(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

describe('XLSX export', () => {
  it('writes a header row and typed cells: numbers, text, lists joined, empties empty', async () => {
    const rows = [
      { term: '数据', count: 170, g2: 12.3456, themes: ['数据要素', '高质量数据集'], dictionary: true, note: null },
      { term: '可信数据空间', count: 12, g2: -3.5, themes: [], dictionary: false, note: '含,逗号' }
    ];
    const columns = [
      { key: 'term', label: '词条' },
      { key: 'count', label: '词频', numeric: true },
      { key: 'g2', label: '显著性 (G²)', numeric: true },
      { key: 'themes', label: '主题' },
      { key: 'dictionary', label: '在词典中' },
      { key: 'note', label: '备注' }
    ];
    const workbook = await read(await rowsToXlsx(ExcelJS, rows, columns, TEXT));
    const data = workbook.getWorksheet('数据')!;
    expect(data.getRow(1).values).toEqual([undefined, '词条', '词频', '显著性 (G²)', '主题', '在词典中', '备注']);
    expect(data.getRow(2).values).toEqual([undefined, '数据', 170, 12.3456, '数据要素、高质量数据集', '是']);
    expect(data.getRow(3).values).toEqual([undefined, '可信数据空间', 12, -3.5, '', '否', '含,逗号']);
    expect(data.rowCount).toBe(3);
    expect(data.getColumn(2).numFmt).toBe('#,##0');
    expect(data.getColumn(3).numFmt).toBe('#,##0.00');
    expect(data.getRow(1).font?.bold).toBe(true);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Wide enough for six CJK characters (two units each).
    expect(data.getColumn(1).width).toBeGreaterThanOrEqual(12);
  });

  it('says what the data is on the about sheet', async () => {
    const workbook = await read(await rowsToXlsx(ExcelJS, [{ a: 1 }], [{ key: 'a', label: 'A', numeric: true }], TEXT));
    const about = workbook.getWorksheet('说明')!;
    expect([1, 2, 3].map((r) => about.getCell(`A${r}`).value)).toEqual(TEXT.about);
    expect(about.getRow(1).font?.bold).toBe(true);
    expect(about.rowCount).toBe(3);
  });

  it('keeps full precision behind the two-decimal display', async () => {
    const workbook = await read(await rowsToXlsx(ExcelJS, [{ x: 0.123456789 }], [{ key: 'x', label: 'x', numeric: true }], TEXT));
    expect(workbook.getWorksheet('数据')!.getCell('A2').value).toBe(0.123456789);
  });
});
