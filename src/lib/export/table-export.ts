/** CSV and XLSX of a chart's or table's rows (browser): coded values as words, 是/否, the caption on the About sheet. */
import type { TableColumn } from '../charts/types.ts';
import { downloadText } from './browser.ts';
import { rowsToCsv, type BooleanWords } from './csv.ts';
import { downloadXlsx } from './download-xlsx.ts';
import { exportFilename } from './filename.ts';
import { exportRows } from './table.ts';

export interface TableExport {
  title: string;
  subtitle?: string;
  source: string;
  filename: readonly string[];
  columns: readonly TableColumn[];
  rows: readonly object[] | null;
}

export interface ExportWords {
  dataSheet: string;
  aboutSheet: string;
  booleans: BooleanWords;
}

export function downloadTableCsv(table: TableExport, words: ExportWords): void {
  const csv = rowsToCsv(exportRows(table.rows ?? [], table.columns), table.columns, words.booleans);
  downloadText(csv, exportFilename(table.filename, 'csv'), 'text/csv;charset=utf-8');
}

export function downloadTableXlsx(table: TableExport, words: ExportWords): Promise<void> {
  const about = [table.title, ...(table.subtitle ? [table.subtitle] : []), table.source];
  return downloadXlsx(
    exportRows(table.rows ?? [], table.columns),
    table.columns,
    { dataSheet: words.dataSheet, aboutSheet: words.aboutSheet, about, booleans: words.booleans },
    exportFilename(table.filename, 'xlsx')
  );
}
