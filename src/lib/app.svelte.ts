/**
 * The app's shared state, created once in the root layout and read by every page with
 * `getApp()`: the manifest (first paint), the DuckDB connector once it is ready, and
 * the global filters and language, which live in the URL.
 */
import { createContext } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { Manifest, ManifestEdition, TableName } from '../../analysis/contract.ts';
import type { Connector } from './db/connector.ts';
import { DataError, fetchBytesFrom, loadTables, prefetchBytes, type DataErrorCode } from './db/load.ts';
import { LOCKDOWN_SQL } from './db/wasm-connection.ts';
import { deriveOnFirstUse } from './db/derive.ts';
import { themeOptions, type ThemeOption } from './queries/filters.ts';
import { GLOBAL_KEYS, WAS_KEY, parseFilters, parseLang, writeFilters, writeLang, type GlobalFilters, type Lang } from './state/filters.ts';
import { nextFilters, searchWithFilters } from './state/filter-change.ts';
import { hrefWithGlobals } from './state/url.ts';
import { routeExists } from './nav.ts';
import { loadVega } from './charts/vega-modules.ts';

export interface DataProblem {
  code: DataErrorCode;
  detail: Record<string, string | number>;
}

export type EngineState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'loading'; done: number; total: number; table: TableName | null }
  | { phase: 'ready'; missing: TableName[] }
  | { phase: 'error'; problem: DataProblem };

const problemOf = (error: unknown, fallback: DataErrorCode): DataProblem =>
  error instanceof DataError
    ? { code: error.code, detail: error.detail }
    : { code: fallback, detail: { reason: error instanceof Error ? error.message : String(error) } };

export class AppState {
  readonly manifest: Manifest | null;
  readonly manifestProblem: DataProblem | null;
  /** URL prefix of the analysis files (…/data). */
  readonly dataBase: string;
  /** Path prefix of the app (SvelteKit `paths.base`), for links. */
  readonly basePath: string;

  engine = $state<EngineState>({ phase: 'idle' });
  /** Null until every table is loaded; pages wait for it. */
  connector = $state.raw<Connector | null>(null);
  themes = $state.raw<ThemeOption[]>([]);

  constructor(init: { manifest: Manifest | null; problem: DataProblem | null; dataBase: string; basePath: string }) {
    this.manifest = init.manifest;
    this.manifestProblem = init.problem;
    this.dataBase = init.dataBase;
    this.basePath = init.basePath;
  }

  get lang(): Lang {
    return parseLang(page.url.searchParams);
  }

  get filters(): GlobalFilters {
    return parseFilters(page.url.searchParams, this.manifest);
  }

  get edition(): ManifestEdition | undefined {
    const id = this.filters.edition;
    return this.manifest?.editions.find((e) => e.edition_id === id);
  }

  /** Starts DuckDB-WASM and loads every table. Browser only; call once. */
  async start(fetchFn: typeof fetch = fetch): Promise<void> {
    if (!this.manifest || this.engine.phase !== 'idle') return;
    this.engine = { phase: 'starting' };
    void loadVega().catch(() => {}); // a chart reports its own load failure
    const tableFiles = this.manifest.tables.filter((t) => t.rows > 0).map((t) => t.file);
    const fetchBytes = prefetchBytes(fetchBytesFrom(fetchFn, this.dataBase), tableFiles);
    let connector;
    try {
      const { openWasmConnector } = await import('./db/wasm.ts');
      connector = await openWasmConnector();
      performance.mark('crosstrack:engine-ready');
    } catch (error) {
      console.error(error);
      this.engine = { phase: 'error', problem: problemOf(error, 'engine-start') };
      return;
    }
    try {
      const report = await loadTables(
        connector,
        this.manifest,
        fetchBytes,
        (p) => {
          this.engine = { phase: 'loading', ...p };
        },
        { deriveKept: false }
      );
      this.themes = await connector.query<ThemeOption>(themeOptions());
      // The SQL console runs typed queries: nothing may reach files or URLs after loading.
      await connector.query({ sql: LOCKDOWN_SQL });
      // The generic-verbs-kept rows are derived when a view first asks for them.
      this.connector = deriveOnFirstUse(connector);
      performance.mark('crosstrack:tables-ready');
      this.engine = { phase: 'ready', missing: report.missing };
    } catch (error) {
      console.error(error);
      this.engine = { phase: 'error', problem: problemOf(error, 'table-load') };
      await connector.close().catch(() => {});
    }
  }

  /** A link to `path` (e.g. termPath('数据')) that keeps the global filters and language. */
  href(path: string, extra?: Record<string, string> | URLSearchParams): string {
    return hrefWithGlobals(this.basePath + (path === '/' ? '/' : path), page.url.searchParams, extra);
  }

  /**
   * A link to `path` that also changes global filters (e.g. clears the theme so a count
   * matches what it counts). It carries `was`, so the page says what changed and offers
   * to undo it (FilterChangeNotice); with no change it is just href().
   */
  hrefWithFilters(path: string, changes: Partial<GlobalFilters>, extra?: Record<string, string>): string {
    const globals = searchWithFilters(page.url.searchParams, this.manifest, changes, GLOBAL_KEYS);
    for (const [key, value] of Object.entries(extra ?? {})) globals.set(key, value);
    const query = globals.toString();
    const target = this.basePath + (path === '/' ? '/' : path);
    return query ? `${target}?${query}` : target;
  }

  /** The members of a theme, most frequent first (empty until the theme list is loaded). */
  membersOf(theme: string | null): string[] {
    return theme === null ? [] : (this.themes.find((th) => th.theme === theme)?.members ?? []);
  }

  /** Navigates to a drill-down target if that page exists yet; returns whether it did. */
  drill(path: string, extra?: Record<string, string>): boolean {
    if (!routeExists(path)) return false;
    void goto(this.href(path, extra));
    return true;
  }

  /** Replaces the current URL's query (same page): for filters and view parameters. */
  setSearch(search: URLSearchParams, options: { history?: 'push' | 'replace' } = {}): Promise<void> {
    const query = search.toString();
    return goto(`${page.url.pathname}${query ? `?${query}` : ''}${page.url.hash}`, {
      replaceState: options.history === 'replace',
      keepFocus: true,
      noScroll: true
    });
  }

  setFilters(changes: Partial<GlobalFilters>): Promise<void> {
    const search = writeFilters(nextFilters(this.filters, changes), page.url.searchParams);
    // The reader chose these filters: a notice about an earlier change would now mislead.
    search.delete(WAS_KEY);
    return this.setSearch(search);
  }

  /** The current URL with the other language, for the language toggle link. */
  langToggleHref(): string {
    const search = writeLang(this.lang === 'en' ? 'zh' : 'en', page.url.searchParams).toString();
    return `${page.url.pathname}${search ? `?${search}` : ''}`;
  }
}

const [getAppContext, setAppContext] = createContext<AppState>();
export const getApp = getAppContext;
export const setApp = setAppContext;
