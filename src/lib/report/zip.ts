/**
 * Everything in the basket as files in one ZIP: each chart as SVG and PNG (framed: title,
 * filters and source line in the picture, drawn at the item's size) plus its rows as CSV
 * and XLSX; each table as CSV and XLSX. Names start with the item's number, so the folder
 * reads in basket order: 01_图1_<caption>.png. Browser (ExcelJS, JSZip and the rasteriser).
 */
import { rowsToCsv } from '../export/csv.ts';
import { exportFilename } from '../export/filename.ts';
import { parseSize } from '../export/size.ts';
import { exportRows } from '../export/table.ts';
import { rowsToXlsx } from '../export/xlsx.ts';
import { translate } from '../i18n/messages.ts';
import type { Lang } from '../state/filters.ts';
import { captionOf, itemPng, itemSvg, numberLabel, type ReadyItem } from './render.ts';

/** Stem of one item's files: "03_图2_2026-湖南-高频词条（前-20）". */
export function zipStem(index: number, label: string, caption: string): string {
  const name = exportFilename([label.replace(/\s+/g, ''), caption.slice(0, 60)], 'x').replace(/\.x$/, '');
  return `${String(index + 1).padStart(2, '0')}_${name}`;
}

export async function basketZip(items: readonly ReadyItem[], lang: Lang, onProgress: (done: number) => void): Promise<Blob> {
  const [{ default: JSZip }, { default: ExcelJS }] = await Promise.all([import('jszip'), import('exceljs')]);
  const zip = new JSZip();
  const booleans = [translate(lang, 'terms.yes'), translate(lang, 'terms.no')] as const;
  for (const [i, ready] of items.entries()) {
    const { item, kind, n, rebuilt } = ready;
    const { shown } = rebuilt;
    const caption = captionOf(item, shown);
    const stem = zipStem(i, numberLabel(lang, kind, n), caption);
    if (kind === 'chart' && shown.figure) {
      const sized = await itemSvg(shown, parseSize(item.size), true, caption);
      zip.file(`${stem}.svg`, sized.svg);
      zip.file(`${stem}.png`, await itemPng(sized));
    }
    const rows = exportRows(shown.rows ?? [], shown.columns);
    zip.file(`${stem}.csv`, rowsToCsv(rows, shown.columns, booleans));
    const about = [caption, ...(shown.subtitle ? [shown.subtitle] : []), shown.source, ...(item.note ? [item.note] : [])];
    zip.file(
      `${stem}.xlsx`,
      await rowsToXlsx(ExcelJS, rows, shown.columns, { dataSheet: translate(lang, 'chart.xlsxData'), aboutSheet: translate(lang, 'chart.xlsxAbout'), about, booleans })
    );
    onProgress(i + 1);
  }
  return zip.generateAsync({ type: 'blob', compression: 'DEFLATE' });
}
