/** Browser step of the XLSX export: load ExcelJS on first use, build the workbook, hand it over. */
import { downloadBlob } from './browser.ts';
import { rowsToXlsx, type XlsxColumn, type XlsxText } from './xlsx.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function downloadXlsx(rows: readonly object[], columns: readonly XlsxColumn[], text: XlsxText, filename: string): Promise<void> {
  const excel = (await import('exceljs')).default;
  const bytes = await rowsToXlsx(excel, rows, columns, text);
  downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), filename);
}
