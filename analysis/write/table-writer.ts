/**
 * Writes one contract table as Arrow IPC plus its CSV copy, batch by batch,
 * and reports what the manifest records about it.
 */
import { csvFile, tableFile, type ManifestTable, type TableName, type TableSpec } from '../contract.ts';
import { createArrowStream } from './arrow.ts';
import { CSV_BOM, csvHeader, csvLines } from './csv.ts';
import type { OutputSink } from './sink.ts';

export interface TableWriter {
  append(rows: readonly Record<string, unknown>[]): void;
  finish(): Promise<ManifestTable>;
}

export function createTableWriter(spec: TableSpec, sink: OutputSink): TableWriter {
  const name = spec.name as TableName;
  const arrowOut = sink.open(tableFile(name));
  const csvOut = sink.open(csvFile(name));
  csvOut.write(CSV_BOM + csvHeader(spec));
  const arrow = createArrowStream(spec, (chunk) => arrowOut.write(chunk));
  let rows = 0;
  return {
    append(batch) {
      if (batch.length === 0) return;
      rows += batch.length;
      arrow.append(batch);
      csvOut.write(csvLines(spec, batch));
    },
    async finish() {
      await arrow.finish();
      const written = arrowOut.close();
      csvOut.close();
      return {
        name,
        file: written.file,
        csv: csvFile(name),
        rows,
        sha256: written.sha256,
        bytes: written.bytes,
        columns: Object.entries(spec.columns).map(([col, c]) => ({ name: col, type: c.type, nullable: c.nullable }))
      };
    }
  };
}
