/**
 * Per-edition pieces of a table's Arrow file (see ManifestSlices in analysis/contract.ts):
 * the byte ranges that make a stream of some editions alone, and the request that asks the
 * server for them. Shared by the server (which reads the ranges from disk) and the loader.
 */
import { ARROW_EOS, type ManifestTable, type SlicedTableName, type TableName } from '../../../analysis/contract.ts';

/**
 * Tables of every edition that few pages read and that grow with the corpus (near-duplicate
 * pairs: 53 MB for 1,000 editions): loaded whole when a page needs them, not at start.
 */
export const ON_DEMAND_TABLES = ['near_duplicates'] as const satisfies readonly TableName[];
export type OnDemandTableName = (typeof ON_DEMAND_TABLES)[number];
export const isOnDemand = (name: string): name is OnDemandTableName => (ON_DEMAND_TABLES as readonly string[]).includes(name);

/** Editions every per-edition table needs, tables needed for every edition, and the on-demand tables read. */
export interface EditionNeed {
  editions: string[];
  everyEdition: SlicedTableName[];
  onDemand?: OnDemandTableName[];
  /**
   * One term's rows of a table in every edition, where the page reads no other row of the
   * other editions (the term page's trend): a few KB instead of the whole table.
   */
  termRows?: { table: TermRowsTableName; term: string }[];
}

/**
 * The per-edition tables a page may take single terms' rows of. Not term_topic: the derived
 * tables treat an edition with term_topic rows as complete.
 */
export const TERM_ROWS_TABLES = ['term_stats'] as const satisfies readonly SlicedTableName[];
export type TermRowsTableName = (typeof TERM_ROWS_TABLES)[number];

/** The terms `need` asks of a table in every edition (none when the whole table is needed anyway). */
export function termsOf(need: Need, table: SlicedTableName): string[] {
  if (need === 'all' || need.everyEdition.includes(table)) return [];
  return [...new Set((need.termRows ?? []).filter((r) => r.table === table).map((r) => r.term))];
}

/** The term a request asks for (`?term=`), or null when it names none, several or an overlong one. */
export function requestedTerm(search: URLSearchParams): string | null {
  const terms = search.getAll('term');
  return terms.length === 1 && terms[0] !== '' && terms[0].length <= MAX_TERM_CHARS ? terms[0] : null;
}

/** Longer than any term a dictionary holds. */
export const MAX_TERM_CHARS = 64;

/** The requests for one term's rows in every edition of a table but the `whole` ones (those already hold them). */
export function termRequests(table: ManifestTable, term: string, whole: ReadonlySet<string>): string[] {
  const all = Object.keys(table.slices?.editions ?? {});
  const wanted = all.filter((id) => !whole.has(id));
  if (wanted.length === 0) return [];
  const key = `term=${encodeURIComponent(term)}`;
  const list = (name: string, ids: readonly string[]) => ids.map((id) => `&${name}=${encodeURIComponent(id)}`).join('');
  if (whole.size === 0) return [`${table.file}?${key}`];
  const others = all.filter((id) => whole.has(id));
  if (others.length <= MAX_IDS_PER_REQUEST) return [`${table.file}?${key}${list('except', others)}`];
  const files: string[] = [];
  for (let i = 0; i < wanted.length; i += MAX_IDS_PER_REQUEST) files.push(`${table.file}?${key}${list('edition', wanted.slice(i, i + MAX_IDS_PER_REQUEST))}`);
  return files;
}

export function needsTable(need: Need, table: OnDemandTableName): boolean {
  return need === 'all' || (need.onDemand ?? []).includes(table);
}

/** What a page reads of the per-edition tables (state/edition-scope.ts decides it per route). */
export type Need = EditionNeed | 'all';

/** The editions `need` asks of a table (of those that have rows in it). */
export function editionsOf(need: Need, table: ManifestTable & { name: SlicedTableName }): string[] {
  const present = Object.keys(table.slices?.editions ?? {});
  if (need === 'all' || need.everyEdition.includes(table.name)) return present;
  return [...new Set(need.editions)].filter((id) => table.slices?.editions[id]);
}

/** Above this many ids a request names the editions it does not want instead (URLs stay short). */
const MAX_IDS_PER_REQUEST = 40;

/** [offset, bytes] ranges, schema first, then the editions' batches in file order; the end marker follows them. */
export function sliceRanges(table: ManifestTable, editions: Iterable<string>): [number, number][] {
  const slices = table.slices!;
  const wanted = [...new Set(editions)].flatMap((id) => (slices.editions[id] ? [slices.editions[id]] : []));
  wanted.sort((a, b) => a[0] - b[0]);
  return [[0, slices.schema_bytes], ...wanted.map(([offset, bytes]): [number, number] => [offset, bytes])];
}

/** Rows the editions hold in the table. */
export function sliceRows(table: ManifestTable, editions: Iterable<string>): number {
  let rows = 0;
  for (const id of new Set(editions)) rows += table.slices?.editions[id]?.[2] ?? 0;
  return rows;
}

/** The editions a request asks for: `edition` (repeated) names them; `except` names those left out. */
export function requestedEditions(table: ManifestTable, search: URLSearchParams): string[] | null {
  const only = search.getAll('edition');
  const except = search.getAll('except');
  if (only.length === 0 && except.length === 0) return null;
  const left = new Set(except);
  const ids = only.length > 0 ? only : Object.keys(table.slices?.editions ?? {});
  return ids.filter((id) => !left.has(id));
}

/**
 * The files to fetch for `missing` editions of a table that already holds `loaded` ones:
 * a few ids each, or, when every other edition is wanted, one request that leaves the
 * loaded ones out.
 */
export function sliceRequests(table: ManifestTable, missing: readonly string[], loaded: ReadonlySet<string>): string[] {
  const withRows = [...new Set(missing)].filter((id) => table.slices?.editions[id]);
  if (withRows.length === 0) return [];
  const all = Object.keys(table.slices!.editions);
  const query = (key: string, ids: readonly string[]) => ids.map((id) => `${key}=${encodeURIComponent(id)}`).join('&');
  if (loaded.size === 0 && withRows.length === all.length) return [table.file];
  const others = all.filter((id) => loaded.has(id));
  if (withRows.length > MAX_IDS_PER_REQUEST && others.length <= MAX_IDS_PER_REQUEST && withRows.length + others.length === all.length) {
    return [`${table.file}?${query('except', others)}`];
  }
  const files: string[] = [];
  for (let i = 0; i < withRows.length; i += MAX_IDS_PER_REQUEST) files.push(`${table.file}?${query('edition', withRows.slice(i, i + MAX_IDS_PER_REQUEST))}`);
  return files;
}

/** Cuts the stream of `editions` from a whole file's bytes (what the server does from disk). */
export function cutSlices(table: ManifestTable, whole: Uint8Array, editions: Iterable<string>): Uint8Array {
  const ranges = sliceRanges(table, editions);
  const out = new Uint8Array(ranges.reduce((n, [, b]) => n + b, 0) + ARROW_EOS.length);
  let at = 0;
  for (const [offset, bytes] of ranges) {
    out.set(whole.subarray(offset, offset + bytes), at);
    at += bytes;
  }
  out.set(ARROW_EOS, at);
  return out;
}
