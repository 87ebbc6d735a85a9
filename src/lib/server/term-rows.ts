/**
 * One term's rows of a per-edition table, across editions: what the term page's trend reads
 * of term_stats (2 rows an edition instead of ~1,500). The server cuts the editions' slices as
 * for `?edition=`, keeps the rows whose `term` is the asked one and writes them as a new
 * Arrow stream with the table's own schema, so the loader inserts it like any slice.
 */
import { tableFromIPC } from 'apache-arrow';
import { ARROW_EOS, TABLES, type TableName } from '../../../analysis/contract.ts';
import { arrowStreamPrefix, encodeArrowBatch } from '../../../analysis/write/arrow.ts';
import { columnsFromRows } from '../../../analysis/write/columns.ts';

/** The per-edition tables one term's rows can be asked of: those with a `term` column. */
export function hasTermColumn(table: TableName): boolean {
  return 'term' in TABLES[table].columns;
}

const encoder = new TextEncoder();

function sameBytes(data: Uint8Array, start: number, end: number, wanted: Uint8Array): boolean {
  if (end - start !== wanted.length) return false;
  for (let i = 0; i < wanted.length; i++) if (data[start + i] !== wanted[i]) return false;
  return true;
}

/**
 * The rows of `stream` (an Arrow stream of `table`) whose term is `term`, as an Arrow stream
 * of the same schema. Terms are compared as UTF-8 bytes, straight on the column's buffers:
 * no string is decoded for the rows left out.
 */
export function termRowsStream(table: TableName, stream: Uint8Array, term: string): Uint8Array {
  const spec = TABLES[table];
  const wanted = encoder.encode(term);
  const rows: Record<string, unknown>[] = [];
  for (const batch of tableFromIPC(stream).batches) {
    const column = batch.getChild('term');
    if (column === null) throw new Error(`${table} has no term column`);
    let base = 0;
    for (const data of column.data) {
      const offsets = data.valueOffsets as Int32Array;
      const values = data.values as Uint8Array;
      for (let i = 0; i < data.length; i++) {
        if (!sameBytes(values, offsets[i], offsets[i + 1], wanted)) continue;
        const row = batch.get(base + i);
        if (row) rows.push(row.toJSON() as Record<string, unknown>);
      }
      base += data.length;
    }
  }
  const prefix = arrowStreamPrefix(spec);
  const body = rows.length > 0 ? encodeArrowBatch(spec, columnsFromRows(spec, rows)) : new Uint8Array();
  const out = new Uint8Array(prefix.length + body.length + ARROW_EOS.length);
  out.set(prefix, 0);
  out.set(body, prefix.length);
  out.set(ARROW_EOS, prefix.length + body.length);
  return out;
}
