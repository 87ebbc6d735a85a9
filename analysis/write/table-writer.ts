/**
 * Writes one contract table as an Arrow IPC stream plus its CSV copy, a batch at a
 * time, and reports what the manifest records about it. Batches may arrive already
 * encoded (from worker threads); the writer only puts bytes in order.
 */
import { csvFile, tableFile, type ManifestTable, type TableName, type TableSpec } from '../contract.ts';
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
  appendEncoded(batch: EncodedBatch): void;
  finish(): ManifestTable;
}

export function createTableWriter(spec: TableSpec, sink: OutputSink): TableWriter {
  const name = spec.name as TableName;
  const arrowOut = sink.open(tableFile(name));
  const csvOut = sink.open(csvFile(name), { hash: false });
  arrowOut.write(arrowStreamPrefix(spec));
  csvOut.write(CSV_BOM + csvHeader(spec));
  let rows = 0;
  const appendEncoded = (batch: EncodedBatch) => {
    if (batch.rows === 0) return;
    rows += batch.rows;
    arrowOut.write(batch.arrow);
    csvOut.write(batch.csv);
  };
  return {
    appendEncoded,
    append: (batch) => appendEncoded(encodeBatch(spec, batch)),
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
        columns: Object.entries(spec.columns).map(([col, c]) => ({ name: col, type: c.type, nullable: c.nullable }))
      };
    }
  };
}
