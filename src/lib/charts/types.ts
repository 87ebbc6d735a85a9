export interface TableColumn {
  key: string;
  /** Header text (already translated). */
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Screen (and Word) text; CSV and XLSX keep the raw value. */
  format?: (value: unknown) => string;
  /** Coded values as words in CSV and XLSX too (e.g. part 'title' → 标题); figures keep `format` for the screen only. */
  exportValue?: (value: unknown) => string | number | null;
}
