/**
 * Reads the analysis output the dashboard is served with: manifest.json first (enough
 * for the first paint), then every table's Arrow file into DuckDB.
 */
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  TABLES,
  TABLE_NAMES,
  DERIVED_TABLE_NAMES,
  DEFAULT_MIN_PAIR_COUNT,
  type Manifest,
  type ManifestTable,
  type TableName
} from '../../../analysis/contract.ts';
import type { LoadableConnector } from './connector.ts';
import { quoteIdent, tableDdl } from './schema.ts';
import { DERIVATIONS, loadedEditions, runDerivation } from './derive.ts';

/** Codes map to i18n keys `error.<code>`, which say what failed and what to do. */
export const DATA_ERROR_CODES = [
  'manifest-missing',
  'manifest-unreadable',
  'manifest-invalid',
  'manifest-format',
  'manifest-columns',
  'table-fetch',
  'table-load',
  'table-rows',
  'engine-start'
] as const;
export type DataErrorCode = (typeof DATA_ERROR_CODES)[number];

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    readonly detail: Record<string, string | number> = {},
    options?: { cause?: unknown }
  ) {
    super(`${code}: ${Object.entries(detail).map(([k, v]) => `${k}=${v}`).join(' ')}`, options);
    this.name = 'DataError';
  }
}

type FetchLike = (url: string) => Promise<Response>;

export function dataUrl(base: string, file: string): string {
  return `${base.replace(/\/+$/, '')}/${file}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function loadManifest(fetchFn: FetchLike, base: string): Promise<Manifest> {
  const url = dataUrl(base, MANIFEST_FILE);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new DataError('manifest-unreadable', { url, reason: reasonOf(error) }, { cause: error });
  }
  if (response.status === 404) throw new DataError('manifest-missing', { url });
  if (!response.ok) throw new DataError('manifest-unreadable', { url, reason: `HTTP ${response.status}` });
  let value: unknown;
  try {
    value = await response.json();
  } catch (error) {
    throw new DataError('manifest-invalid', { url, reason: reasonOf(error) }, { cause: error });
  }
  return validateManifest(value, url);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the parts the dashboard relies on; a stale or hand-edited file fails here, not in a view. */
export function validateManifest(value: unknown, url = MANIFEST_FILE): Manifest {
  const invalid = (reason: string) => new DataError('manifest-invalid', { url, reason });
  if (!isObject(value)) throw invalid('not a JSON object');
  if (value.format !== MANIFEST_FORMAT) {
    throw new DataError('manifest-format', { url, found: String(value.format), expected: MANIFEST_FORMAT });
  }
  if (!Array.isArray(value.editions)) throw invalid('editions is not a list');
  for (const e of value.editions) {
    if (!isObject(e) || typeof e.edition_id !== 'string' || typeof e.year !== 'number' || !Array.isArray(e.tracks)) {
      throw invalid('an edition lacks edition_id, year or tracks');
    }
  }
  if (!Array.isArray(value.tables)) throw invalid('tables is not a list');
  for (const t of value.tables) {
    if (!isObject(t) || typeof t.name !== 'string' || typeof t.file !== 'string' || typeof t.rows !== 'number') {
      throw invalid('a table lacks name, file or rows');
    }
    if (!(t.name in TABLES)) throw invalid(`unknown table ${t.name}`);
    const expected = Object.keys(TABLES[t.name as TableName].columns).join(',');
    const found = Array.isArray(t.columns) ? t.columns.map((c) => (isObject(c) ? c.name : '')).join(',') : '';
    if (expected !== found) throw new DataError('manifest-columns', { url, table: t.name });
  }
  if (!isObject(value.summary) || typeof value.dictionary_version !== 'string') {
    throw invalid('summary or dictionary_version missing');
  }
  return value as unknown as Manifest;
}

export interface LoadProgress {
  /** Tables finished so far. */
  done: number;
  total: number;
  /** The table being read now; null once everything is in. */
  table: TableName | null;
}

export interface LoadReport {
  tables: { name: TableName; rows: number }[];
  /** Stored contract tables the manifest does not list: created empty so queries still run. */
  missing: TableName[];
}

export type FetchBytes = (file: string) => Promise<Uint8Array>;

export function fetchBytesFrom(fetchFn: FetchLike, base: string): FetchBytes {
  return async (file) => {
    const url = dataUrl(base, file);
    const response = await fetchFn(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

/**
 * Starts every download now and hands out the pending results later, so the tables
 * travel over the network while DuckDB-WASM is still compiling and starting.
 */
export function prefetchBytes(fetchBytes: FetchBytes, files: readonly string[]): FetchBytes {
  const started = new Map<string, Promise<Uint8Array>>();
  for (const file of files) {
    const bytes = fetchBytes(file);
    bytes.catch(() => {}); // reported when the loader awaits it
    started.set(file, bytes);
  }
  return (file) => started.get(file) ?? fetchBytes(file);
}

/**
 * Creates every contract table from schema.ts, then fills the ones the manifest lists
 * with rows. Files download in parallel; inserts run one at a time on the connection.
 * Last, the rows the files leave out (the 'kept' generic-verb rows, cooccurrence) are
 * derived (derive.ts), unless the caller derives them on first use.
 */
export async function loadTables(
  connector: LoadableConnector,
  manifest: Manifest,
  fetchBytes: FetchBytes,
  onProgress: (p: LoadProgress) => void = () => {},
  /** deriveKept false: leave the derived rows ('kept', cooccurrence) to `deriveOnFirstUse` (the dashboard does). */
  options: { deriveKept?: boolean } = {}
): Promise<LoadReport> {
  const listed = new Map<TableName, ManifestTable>(manifest.tables.map((t) => [t.name, t]));
  const toFill = manifest.tables.filter((t) => t.rows > 0);
  const downloads = new Map(
    toFill.map((t) => {
      const bytes = fetchBytes(t.file);
      bytes.catch(() => {}); // reported when awaited below, in table order
      return [t.name, bytes] as const;
    })
  );
  for (const name of TABLE_NAMES) await connector.query({ sql: tableDdl(name) });

  const total = toFill.length;
  const report: LoadReport = { tables: [], missing: TABLE_NAMES.filter((n) => !listed.has(n) && !DERIVED_TABLE_NAMES.includes(n)) };
  for (const [index, table] of toFill.entries()) {
    onProgress({ done: index, total, table: table.name });
    let bytes: Uint8Array;
    try {
      bytes = await downloads.get(table.name)!;
    } catch (error) {
      throw new DataError('table-fetch', { table: table.name, file: table.file, reason: reasonOf(error) }, { cause: error });
    }
    try {
      await connector.insertArrow(table.name, bytes);
    } catch (error) {
      throw new DataError('table-load', { table: table.name, reason: reasonOf(error) }, { cause: error });
    }
    const [{ n }] = await connector.query<{ n: number }>({ sql: `SELECT COUNT(*)::INTEGER AS n FROM ${quoteIdent(table.name)}` });
    if (n !== table.rows) throw new DataError('table-rows', { table: table.name, expected: table.rows, found: n });
  }
  if (options.deriveKept !== false) {
    const editions = await loadedEditions(connector);
    const options = { minPairCount: manifest.options?.min_pair_count ?? DEFAULT_MIN_PAIR_COUNT };
    for (const derivation of DERIVATIONS) {
      try {
        await runDerivation(connector, derivation, editions, options);
      } catch (error) {
        throw new DataError('table-load', { table: derivation.tables.join(', '), reason: reasonOf(error) }, { cause: error });
      }
    }
  }
  for (const t of manifest.tables) report.tables.push({ name: t.name, rows: t.rows });
  onProgress({ done: total, total, table: null });
  return report;
}
