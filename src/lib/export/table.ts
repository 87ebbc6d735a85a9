/**
 * A table's rows as files and documents see them: coded values as words (exportValue),
 * the screen text for Word and print (format), everything else as it is.
 */
import type { TableColumn } from '../charts/types.ts';

/** Rows with each column's exportValue applied, for rowsToCsv and rowsToXlsx. */
export function exportRows(rows: readonly object[], columns: readonly TableColumn[]): Record<string, unknown>[] {
  const mapped = columns.filter((c) => c.exportValue);
  if (mapped.length === 0) return rows as Record<string, unknown>[];
  return (rows as readonly Record<string, unknown>[]).map((row) => {
    const out = { ...row };
    for (const c of mapped) out[c.key] = c.exportValue!(row[c.key]);
    return out;
  });
}

/** The text of one cell as the screen shows it (Word tables and print use the same). */
export function cellText(column: TableColumn, value: unknown, booleans: readonly [string, string] = ['是', '否']): string {
  if (column.format) return column.format(value);
  if (column.exportValue) return String(column.exportValue(value) ?? '');
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return value ? booleans[0] : booleans[1];
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}
