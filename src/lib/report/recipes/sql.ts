/**
 * SQL 控制台: the result of the statement in the URL, as a table. The same guard as the
 * console (queries/sql.ts: one read-only statement, run wrapped and prepared) decides
 * whether it runs; the report lists the first rows like the console's grid.
 */
import { sourceLine } from '../../charts/frame-text.ts';
import { checkReadOnly, isNumericType, SHOWN_ROWS, statementColumns, statementRows, type ColumnInfo } from '../../queries/sql.ts';
import { defineParams, text } from '../../state/params.ts';
import { wordsOf, type Recipe } from '../recipe.ts';
import { fileParts } from '../selection.ts';

export const sqlView = defineParams({ q: text('') });

export interface SqlData {
  rows: Record<string, unknown>[];
  columns: ColumnInfo[];
}

export const sqlResult: Recipe<SqlData> = {
  id: 'sql.result',
  kind: 'table',
  route: '/sql',
  async load(run, ctx) {
    const checked = checkReadOnly(sqlView.parse(ctx.search).q);
    if (!checked.ok) return null;
    if (!checked.wrappable) {
      const rows = await run<Record<string, unknown>>({ sql: checked.statement });
      return { rows, columns: Object.keys(rows[0] ?? {}).map((name) => ({ column_name: name, column_type: 'VARCHAR' })) };
    }
    const [rows, columns] = [await run<Record<string, unknown>>(statementRows(checked.statement, SHOWN_ROWS)), await run<ColumnInfo>(statementColumns(checked.statement))];
    return { rows, columns };
  },
  present(ctx, data) {
    const w = wordsOf(ctx);
    const q = sqlView.parse(ctx.search).q.trim();
    const oneLine = q.replace(/\s+/g, ' ');
    const title = `${w('sql.result')}：${oneLine.length > 60 ? `${oneLine.slice(0, 60)}…` : oneLine}`;
    return {
      title,
      subtitle: q,
      source: sourceLine(ctx.manifest, ctx.manifest.editions.map((e) => e.edition_id), ctx.lang),
      editions: ctx.manifest.editions.map((e) => e.edition_id),
      filename: fileParts({ ...ctx, filters: { ...ctx.filters, tracks: null, theme: null } }, w('sql.exportFile'), {}, ''),
      columns: (data?.columns ?? []).map((c) => ({ key: c.column_name, label: c.column_name, numeric: isNumericType(c.column_type) })),
      rows: data ? data.rows : checkReadOnly(q).ok ? null : [],
      statistics: []
    };
  }
};
