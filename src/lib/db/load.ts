/**
 * Reads the analysis output the dashboard is served with: manifest.json first (enough
 * for the first paint), then the tables into DuckDB — whole, or, for the per-edition
 * tables, the editions a page needs (`need`), with more appended later (`loadEditions`).
 */
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  TABLES,
  TABLE_NAMES,
  isSlicedTable,
  DERIVED_TABLE_NAMES,
  DEFAULT_MIN_PAIR_COUNT,
  STORED_VARIANTS,
  type Manifest,
  type ManifestTable,
  type TableName
} from '../../../analysis/contract.ts';
import { editionsOf, isOnDemand, needsTable, sliceRequests, sliceRows, termRequests, termsOf, type Need } from './slices.ts';
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
  /** The editions each per-edition table holds now (every edition for a table loaded whole). */
  loaded: LoadedEditions;
}

/**
 * The tables in the engine: for a per-edition table the editions it holds whole; a table
 * loaded whole holds every edition. `terms` names, per table, the terms whose rows every
 * other edition holds too (EditionNeed.termRows): those editions are not loaded, only those rows.
 */
export class LoadedEditions extends Map<TableName, Set<string>> {
  readonly terms = new Map<TableName, Set<string>>();
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

/** What to fetch for one table: whole files, or slices of the editions the need adds, with the rows they hold. */
interface TablePlan {
  table: ManifestTable;
  files: string[];
  rows: number;
  editions: string[];
  /** Requests for single terms' rows in the editions not held whole (counts unknown in advance). */
  termFiles: string[];
  terms: string[];
}

function planTable(table: ManifestTable, manifest: Manifest, need: Need, loaded: LoadedEditions): TablePlan | null {
  if (!isSlicedTable(table.name) || !table.slices) {
    if (loaded.has(table.name) || (isOnDemand(table.name) && !needsTable(need, table.name))) return null;
    const every = (manifest.editions ?? []).map((e) => e.edition_id);
    return { table, files: table.rows > 0 ? [table.file] : [], rows: table.rows, editions: every, termFiles: [], terms: [] };
  }
  const have = loaded.get(table.name) ?? new Set<string>();
  const missing = editionsOf(need, { ...table, name: table.name }).filter((id) => !have.has(id));
  const files = sliceRequests(table, missing, have);
  const whole = new Set([...have, ...missing]);
  const held = loaded.terms.get(table.name) ?? new Set<string>();
  const terms = termsOf(need, table.name).filter((term) => !held.has(term));
  const termFiles = terms.flatMap((term) => termRequests(table, term, whole));
  return { table, files, rows: sliceRows(table, missing), editions: missing, termFiles, terms };
}

/**
 * The files a load would fetch: with `loaded` empty, the first load's (to start the downloads
 * early); otherwise the ones `need` adds — none when the engine already holds what it asks.
 */
export function filesToFetch(manifest: Manifest, need: Need, loaded: LoadedEditions = new LoadedEditions()): string[] {
  return manifest.tables.flatMap((t) => {
    const plan = planTable(t, manifest, need, loaded);
    return plan ? [...plan.files, ...plan.termFiles] : [];
  });
}

/**
 * Creates every contract table from schema.ts, then fills the ones the manifest lists
 * with rows: every table whole, or with `need` the per-edition tables with those editions'
 * rows only. Files download in parallel; inserts run one at a time on the connection.
 * Last, the rows the files leave out (the 'kept' generic-verb rows, cooccurrence) are
 * derived (derive.ts), unless the caller derives them on first use.
 */
export async function loadTables(
  connector: LoadableConnector,
  manifest: Manifest,
  fetchBytes: FetchBytes,
  onProgress: (p: LoadProgress) => void = () => {},
  /** deriveKept false: leave the derived rows ('kept', cooccurrence) to `deriveOnFirstUse` (the dashboard does). */
  options: { deriveKept?: boolean; need?: Need } = {}
): Promise<LoadReport> {
  const listed = new Set<TableName>(manifest.tables.map((t) => t.name));
  for (const name of TABLE_NAMES) await connector.query({ sql: tableDdl(name) });
  const loaded = new LoadedEditions();
  await fill(connector, manifest, fetchBytes, options.need ?? 'all', loaded, onProgress, true);
  if (options.deriveKept !== false) {
    // Derived rows come from term_topic: the editions whose term_topic rows are in.
    const editions = loaded.has('term_topic') ? [...loaded.get('term_topic')!].sort() : await loadedEditions(connector);
    const derive = { minPairCount: manifest.options?.min_pair_count ?? DEFAULT_MIN_PAIR_COUNT };
    for (const derivation of DERIVATIONS) {
      try {
        await runDerivation(connector, derivation, editions, derive);
      } catch (error) {
        throw new DataError('table-load', { table: derivation.tables.join(', '), reason: reasonOf(error) }, { cause: error });
      }
    }
  }
  return { tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })), missing: TABLE_NAMES.filter((n) => !listed.has(n) && !DERIVED_TABLE_NAMES.includes(n)), loaded };
}

/**
 * Appends the rows of the editions `need` adds to the per-edition tables (`loaded` says what
 * they hold, and is updated as each table is filled).
 */
export async function loadEditions(
  connector: LoadableConnector,
  manifest: Manifest,
  fetchBytes: FetchBytes,
  need: Need,
  loaded: LoadedEditions,
  onProgress: (p: LoadProgress) => void = () => {}
): Promise<void> {
  await fill(connector, manifest, fetchBytes, need, loaded, onProgress, false);
}

async function fill(
  connector: LoadableConnector,
  manifest: Manifest,
  fetchBytes: FetchBytes,
  need: Need,
  loaded: LoadedEditions,
  onProgress: (p: LoadProgress) => void,
  first: boolean
): Promise<void> {
  const plans = manifest.tables.flatMap((t) => planTable(t, manifest, need, loaded) ?? []);
  const downloads = new Map(
    plans.map((plan) => {
      const bytes = Promise.all([...plan.files, ...plan.termFiles].map((file) => fetchBytes(file)));
      bytes.catch(() => {}); // reported when awaited below, in table order
      return [plan.table.name, bytes] as const;
    })
  );
  const total = plans.filter((p) => p.files.length + p.termFiles.length > 0).length;
  let done = 0;
  for (const plan of plans) {
    const { table } = plan;
    if (plan.files.length + plan.termFiles.length > 0) {
      onProgress({ done: done++, total, table: table.name });
      let parts: Uint8Array[];
      try {
        parts = await downloads.get(table.name)!;
      } catch (error) {
        throw new DataError('table-fetch', { table: table.name, file: table.file, reason: reasonOf(error) }, { cause: error });
      }
      // An edition that held some terms' rows only is about to come whole: drop those first.
      if (!first && (loaded.terms.get(table.name)?.size ?? 0) > 0 && plan.editions.length > 0) {
        // Only the stored rows: derived ones (the 'kept' variant) are not in the slices.
        const stored = 'generic_verbs' in TABLES[table.name].columns ? ` AND generic_verbs IN (${STORED_VARIANTS.map((v) => `'${v}'`).join(', ')})` : '';
        await connector.query({
          sql: `DELETE FROM ${quoteIdent(table.name)} WHERE edition_id IN (${plan.editions.map(() => '?').join(', ')})${stored}`,
          params: plan.editions
        });
      }
      const insert = async (streams: Uint8Array[]) => {
        try {
          for (const bytes of streams) await connector.insertArrow(table.name, bytes);
        } catch (error) {
          throw new DataError('table-load', { table: table.name, reason: reasonOf(error) }, { cause: error });
        }
      };
      const before = first ? 0 : await rowCount(connector, table.name);
      await insert(parts.slice(0, plan.files.length));
      const found = (await rowCount(connector, table.name)) - before;
      if (found !== plan.rows) throw new DataError('table-rows', { table: table.name, expected: plan.rows, found });
      await insert(parts.slice(plan.files.length));
    }
    const have = loaded.get(table.name) ?? new Set<string>();
    for (const id of plan.editions) have.add(id);
    loaded.set(table.name, have);
    if (plan.terms.length > 0) loaded.terms.set(table.name, new Set([...(loaded.terms.get(table.name) ?? []), ...plan.terms]));
  }
  onProgress({ done: total, total, table: null });
}

async function rowCount(connector: LoadableConnector, table: TableName): Promise<number> {
  const [{ n }] = await connector.query<{ n: number }>({ sql: `SELECT COUNT(*)::INTEGER AS n FROM ${quoteIdent(table)}` });
  return n;
}
