/**
 * Runs a page's first queries (queries.ts, one of FIRST_ROUTES) for one edition on @duckdb/node-api, over a
 * database holding only the rows they read: the tables of FIRST_ANSWER_TABLES (term_track derived
 * from them as in the page, db/derive.ts), created from
 * the browser's own DDL (db/schema.ts), filled from the .arrow files a record batch at a time:
 * a per-edition table from its edition's byte range (manifest slices), any other with the other
 * editions' rows skipped. The answers are the browser connector's rows
 * (same SQL, same BigInt → number conversion, db/node.ts); one that JSON cannot carry exactly
 * (NaN, ±Infinity, -0) is left out, so the page asks the engine for it instead.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { RecordBatchReader } from 'apache-arrow';
import { DuckDBDataChunk, DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_MIN_PAIR_COUNT, DERIVED_TABLE_NAMES, TABLES, type Manifest, type TableName, type TableSpec } from '../../../../analysis/contract.ts';
import { CHUNK_ROWS, columnReader, DUCKDB_TYPES, PARQUET_DUCKDB_OPTIONS } from '../../../../analysis/write/parquet.ts';
import { deriveOnFirstUse } from '../../db/derive.ts';
import { nodeConnector } from '../../db/node.ts';
import { createTableSql } from '../../db/schema.ts';
import { readSlices } from '../tables.ts';
import { drawFirstFigures, type FirstFigure } from './figures.ts';
import type { Query } from '../../db/connector.ts';
import type { RunQuery } from '../../report/recipe.ts';
import { answerKey, FIRST_ANSWER_TABLES, firstContext, firstQueries, type FirstRoute } from './queries.ts';

export interface FirstAnswer {
  key: string;
  rows: Record<string, unknown>[];
}

export interface FirstAnswers {
  /** The tables' version the answers were computed from (Workspace.tablesVersion). */
  manifest_sha: string | null;
  /** The page they answer. */
  route: FirstRoute;
  edition: string | null;
  /** sha256 of every table file read: the page uses the answers only when its manifest lists the same. */
  tables: Partial<Record<TableName, string>>;
  answers: FirstAnswer[];
  /** Keys computed but not sent (a value JSON cannot carry). */
  omitted: string[];
  /** The first charts drawn from those rows (figures.ts); [] when they could not be drawn. */
  figures: FirstFigure[];
}

/**
 * Appends the rows of `edition` (every row for a table without edition_id) from an .arrow file,
 * or from the stream of that edition's slices cut from it.
 */
async function appendEditionRows(conn: DuckDBConnection, name: TableName, path: string, edition: string, slice?: Uint8Array): Promise<number> {
  const spec: TableSpec = TABLES[name];
  const columns = Object.entries(spec.columns);
  const types = columns.map(([, c]) => DUCKDB_TYPES[c.type].type);
  const byEdition = columns.findIndex(([column]) => column === 'edition_id');
  const appender = await conn.createAppender(name);
  let appended = 0;
  try {
    const reader = slice ? RecordBatchReader.from(slice) : await RecordBatchReader.from(createReadStream(path));
    for await (const batch of reader) {
      const fields = batch.schema.fields.map((f) => f.name).join(',');
      if (fields !== columns.map(([column]) => column).join(',')) throw new Error(`${path}: columns ${fields} are not the contract's`);
      const dataOf = (i: number) => batch.getChildAt(i)!.data[0];
      let rows: number[];
      if (byEdition < 0) rows = Array.from({ length: batch.numRows }, (_, i) => i);
      else {
        const editionOf = columnReader(dataOf(byEdition), 'string', path);
        rows = [];
        for (let i = 0; i < batch.numRows; i++) if (editionOf(i) === edition) rows.push(i);
      }
      if (rows.length === 0) continue;
      const readers = columns.map(([, c], i) => columnReader(dataOf(i), c.type, path));
      for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
        const part = rows.slice(from, from + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(types, part.length);
        readers.forEach((read, c) => {
          const vector = chunk.getColumnVector(c);
          part.forEach((row, i) => vector.setItem(i, read(row)));
          vector.flush();
        });
        appender.appendDataChunk(chunk);
      }
      appended += rows.length;
    }
  } finally {
    appender.closeSync();
  }
  return appended;
}

/** True when every number in `value` survives JSON exactly. */
export function jsonExact(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value === 'bigint' || typeof value === 'undefined' || typeof value === 'function' || typeof value === 'symbol') return false;
  if (value === null || typeof value !== 'object') return true;
  if (value instanceof Date) return false;
  return Array.isArray(value) ? value.every(jsonExact) : Object.values(value).every(jsonExact);
}

/** The drawings never cost the answers: a chart that fails to draw is drawn by the page. */
async function figuresOf(manifest: Manifest, edition: string, answers: FirstAnswer[], route: FirstRoute): Promise<FirstFigure[]> {
  try {
    // Copies: vega marks the rows it is given (a symbol per row), and these are the answers sent.
    return await drawFirstFigures(manifest, edition, new Map(answers.map((a) => [a.key, structuredClone(a.rows)])), route);
  } catch (error) {
    console.error(`首屏图表未能在服务器绘制 / the first charts could not be drawn on the server: ${String(error)}`);
    return [];
  }
}

/**
 * The first answers of `route` for `?edition=<rawEdition>` from the tables in `dir` (listed by
 * `manifest`). Tables the manifest does not list are created empty, as in the browser.
 */
export async function computeFirstAnswers(
  dir: string,
  manifest: Manifest,
  rawEdition: string | null,
  version: string | null,
  route: FirstRoute = '/'
): Promise<FirstAnswers> {
  const edition = firstContext(manifest, rawEdition, route).filters.edition;
  const instance = await DuckDBInstance.create(':memory:', PARQUET_DUCKDB_OPTIONS);
  const conn = await instance.connect();
  const db = nodeConnector(conn, () => instance.closeSync());
  const tables: FirstAnswers['tables'] = {};
  try {
    for (const name of DERIVED_TABLE_NAMES) await db.query({ sql: createTableSql(TABLES[name]) });
    for (const name of FIRST_ANSWER_TABLES) {
      await db.query({ sql: createTableSql(TABLES[name]) });
      const listed = manifest.tables.find((t) => t.name === name);
      if (!listed) continue;
      tables[name] = listed.sha256;
      if (listed.rows === 0) continue;
      // A per-edition table is read by its edition's byte range (null: the file was swapped; read it whole).
      const slice = listed.slices ? (await readSlices(join(dir, listed.file), listed, [edition]))?.bytes : undefined;
      await appendEditionRows(conn, name, join(dir, listed.file), edition, slice);
    }
    const answers: FirstAnswer[] = [];
    const omitted: string[] = [];
    // term_track, track_overlap and cooccurrence are derived for the edition, as the page derives them.
    const views = deriveOnFirstUse(db, { minPairCount: manifest.options?.min_pair_count ?? DEFAULT_MIN_PAIR_COUNT, editions: () => [edition] });
    const run: RunQuery = async <T>(query: Query) => {
      const rows = await views.query<Record<string, unknown>>(query);
      const key = answerKey(query);
      const known = answers.some((a) => a.key === key) || omitted.includes(key);
      if (!known && jsonExact(rows)) answers.push({ key, rows });
      else if (!known) omitted.push(key);
      return rows as T[];
    };
    await firstQueries(manifest, edition, route, run);
    return { manifest_sha: version, route, edition, tables, answers, omitted, figures: await figuresOf(manifest, edition, answers, route) };
  } finally {
    await db.close();
  }
}
