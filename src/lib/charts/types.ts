export interface TableColumn {
  key: string;
  /** Header text (already translated). */
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Screen text; CSV keeps the raw value. */
  format?: (value: unknown) => string;
}
