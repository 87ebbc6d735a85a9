/**
 * Writes one contract table as an Arrow IPC stream plus its CSV copy, a batch at a
 * time, and reports what the manifest records about it. Batches may arrive already
 * encoded (from worker threads); the writer only puts bytes in order.
 */
import { csvFile, isSlicedTable, tableFile, type ManifestSlices, type ManifestTable, type TableName, type TableSpec } from '../contract.ts';
import { ARROW_EOS, arrowStreamPrefix, encodeArrowBatch } from './arrow.ts';
import { ByteBuffer } from './bytes.ts';
import { CSV_BOM, csvHeader, writeCsvColumns } from './csv.ts';
import { columnsFromRows, type ColumnBatch } from './columns.ts';
import type { OutputSink } from './sink.ts';

export interface EncodedBatch {
  rows: number;
  arrow: Uint8Array;
  csv: Uint8Array;
}

export function encodeColumns(spec: TableSpec, batch: ColumnBatch): EncodedBatch {
  if (batch.length === 0) return { rows: 0, arrow: new Uint8Array(), csv: new Uint8Array() };
  const csv = new ByteBuffer(batch.length * 64);
  writeCsvColumns(csv, spec, batch);
  return { rows: batch.length, arrow: encodeArrowBatch(spec, batch), csv: csv.take() };
}

export function encodeBatch(spec: TableSpec, rows: readonly Record<string, unknown>[]): EncodedBatch {
  return encodeColumns(spec, columnsFromRows(spec, rows));
}

export interface TableWriter {
  append(rows: readonly Record<string, unknown>[]): void;
  /** `edition`: whose rows these are, for the manifest's slices (per-edition tables; editions arrive in order). */
  appendEncoded(batch: EncodedBatch, edition?: string): void;
  finish(): ManifestTable;
}

export function createTableWriter(spec: TableSpec, sink: OutputSink): TableWriter {
  const name = spec.name as TableName;
  const arrowOut = sink.open(tableFile(name));
  const csvOut = sink.open(csvFile(name), { hash: false });
  const prefix = arrowStreamPrefix(spec);
  arrowOut.write(prefix);
  csvOut.write(CSV_BOM + csvHeader(spec));
  let rows = 0;
  let offset = prefix.length;
  let slices: ManifestSlices | undefined = isSlicedTable(name) ? { schema_bytes: prefix.length, editions: {} } : undefined;
  const appendEncoded = (batch: EncodedBatch, edition?: string) => {
    if (batch.rows === 0) return;
    if (slices) {
      const slice = edition === undefined ? undefined : (slices.editions[edition] ??= [offset, 0, 0]);
      // An edition's rows in two places cannot be cut out as one range: the table is then loaded whole.
      if (slice === undefined || slice[0] + slice[1] !== offset) slices = undefined;
      else {
        slice[1] += batch.arrow.length;
        slice[2] += batch.rows;
      }
    }
    rows += batch.rows;
    offset += batch.arrow.length;
    arrowOut.write(batch.arrow);
    csvOut.write(batch.csv);
  };
  return {
    appendEncoded,
    append(batch) {
      if (!slices) return appendEncoded(encodeBatch(spec, batch));
      // Row objects name their edition: each run of one edition is its own batch.
      for (let start = 0; start < batch.length; ) {
        const edition = String(batch[start].edition_id);
        let end = start + 1;
        while (end < batch.length && batch[end].edition_id === edition) end++;
        appendEncoded(encodeBatch(spec, batch.slice(start, end)), edition);
        start = end;
      }
    },
    finish() {
      arrowOut.write(ARROW_EOS);
      const written = arrowOut.close();
      csvOut.close();
      return {
        name,
        file: written.file,
        csv: csvFile(name),
        rows,
        sha256: written.sha256!,
        bytes: written.bytes,
        columns: Object.entries(spec.columns).map(([col, c]) => ({ name: col, type: c.type, nullable: c.nullable })),
        ...(slices ? { slices } : {})
      };
    }
  };
}
