/**
 * The rows behind a chart as an Excel workbook: a data sheet with typed cells (numbers stay
 * numbers, shown with thousands separators and statistics to two decimals) and an "about"
 * sheet with the chart's title, filters and source line. ExcelJS comes in as an argument,
 * so the browser can load it only on export and Node tests can pass their own import.
 */
import type ExcelJS from 'exceljs';
import { CHINESE_BOOLEANS, type BooleanWords } from './csv.ts';
import { neutraliseFormula } from '../../../analysis/write/spreadsheet-safe.ts';

export interface XlsxColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface XlsxText {
  /** Sheet names, e.g. 数据 / 说明. */
  dataSheet: string;
  aboutSheet: string;
  /** The chart's caption, one line per row of the about sheet: title (bold), filters, source line. */
  about: readonly string[];
  /** Words for true / false cells (default 是 / 否). */
  booleans?: BooleanWords;
}

const INTEGER_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.00';
const MAX_WIDTH = 60;

/** Display width in Excel's character units: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return width;
}

/** Text cells go through the formula rule (analysis/write/spreadsheet-safe.ts); numbers stay numbers. */
function cellValue(value: unknown, booleans: BooleanWords): string | number | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return neutraliseFormula(value.join('、'));
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? booleans[0] : booleans[1];
  return neutraliseFormula(String(value));
}

export async function rowsToXlsx(
  excel: typeof ExcelJS,
  rows: readonly object[],
  columns: readonly XlsxColumn[],
  text: XlsxText
): Promise<Uint8Array> {
  const workbook = new excel.Workbook();
  workbook.creator = 'Crosstrack';
  const data = workbook.addWorksheet(text.dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const booleans = text.booleans ?? CHINESE_BOOLEANS;
  const values = (rows as readonly Record<string, unknown>[]).map((row) => columns.map((c) => cellValue(row[c.key], booleans)));
  data.addRow(columns.map((c) => neutraliseFormula(c.label))).font = { bold: true };
  for (const row of values) data.addRow(row);
  columns.forEach((c, i) => {
    const column = data.getColumn(i + 1);
    const cells = values.map((row) => row[i]);
    if (c.numeric) {
      const integers = cells.every((v) => typeof v !== 'number' || Number.isInteger(v));
      column.numFmt = integers ? INTEGER_FORMAT : DECIMAL_FORMAT;
    }
    const widest = Math.max(displayWidth(c.label), ...cells.map((v) => displayWidth(typeof v === 'number' ? v.toFixed(2) : String(v ?? ''))));
    column.width = Math.min(MAX_WIDTH, widest + 2);
  });

  const about = workbook.addWorksheet(text.aboutSheet);
  for (const line of text.about) about.addRow([neutraliseFormula(line)]);
  about.getRow(1).font = { bold: true };
  about.getColumn(1).width = Math.min(100, Math.max(10, ...text.about.map(displayWidth)) + 2);

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
