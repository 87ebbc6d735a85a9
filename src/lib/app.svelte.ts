/**
 * The app's shared state, created once in the root layout and read by every page with
 * `getApp()`: the manifest (first paint), the DuckDB connector once it is ready, and
 * the global filters and language, which live in the URL.
 */
import { createContext } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { DEFAULT_MIN_PAIR_COUNT, type Manifest, type ManifestEdition, type TableName } from '../../analysis/contract.ts';
import type { Connector, LoadableConnector, Query, QueryOptions } from './db/connector.ts';
import {
  DataError,
  fetchBytesFrom,
  filesToFetch,
  loadEditions,
  loadManifest,
  loadTables,
  prefetchBytes,
  type DataErrorCode,
  LoadedEditions,
  type LoadProgress
} from './db/load.ts';
import type { Need } from './db/slices.ts';
import { editionsNeeded } from './state/edition-scope.ts';
import { openEngine } from './db/engine.ts';
import { LOCKDOWN_SQL } from './db/wasm-connection.ts';
import { deriveOnFirstUse } from './db/derive.ts';
import { AnsweringConnector, type AnswerMap } from './db/first-answers.ts';
import { specHash } from './charts/spec-hash.ts';
import type { TopLevelSpec } from 'vega-lite';
import { themeOptions, type ThemeOption } from './queries/filters.ts';
import { GLOBAL_KEYS, WAS_KEY, parseFilters, parseLang, writeFilters, writeLang, type GlobalFilters, type Lang } from './state/filters.ts';
import { nextFilters, searchWithFilters } from './state/filter-change.ts';
import { hrefWithGlobals } from './state/url.ts';
import { trackParamsAcross } from './state/tracks-across.ts';
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

/** The server's re-analysis queue as /api/events reports it (src/lib/server/workspace/queue.ts). */
export interface ServerStatus {
  state: 'idle' | 'running';
  task: { kind: string; subject: string } | null;
  progress: { phase: string; done: number; total: number; label: string } | null;
  queued: number;
  seconds: number;
}

const sameManifest = (a: Manifest | null, b: Manifest | null) => JSON.stringify(a) === JSON.stringify(b);

class EngineFailure extends Error {
  constructor(readonly problem: DataProblem) {
    super(problem.code);
  }
}

export class AppState {
  /** Replaced (not mutated) when the workspace's tables change: everything derived from it follows. */
  manifest = $state.raw<Manifest | null>(null);
  manifestProblem = $state.raw<DataProblem | null>(null);
  /** URL prefix of the analysis files (…/data). */
  readonly dataBase: string;
  /** Path prefix of the app (SvelteKit `paths.base`), for links. */
  readonly basePath: string;

  engine = $state<EngineState>({ phase: 'idle' });
  /**
   * What views query. With a manifest it is there at once: it answers the server's first
   * answers (db/first-answers.ts) and holds every other query until the engine is ready;
   * `ready` says whether the engine is. The same object stays when the engine arrives.
   */
  connector = $state.raw<Connector | null>(null);
  /** Charts are being drawn from the server's first answers while the engine loads. */
  answering = $state(false);
  themes = $state.raw<ThemeOption[]>([]);
  /** What the server is re-analysing, from its event stream; null when idle or unknown. */
  serverStatus = $state.raw<ServerStatus | null>(null);
  /** True while newer tables are loaded into a fresh engine (the current one keeps answering). */
  reloading = $state(false);
  /** Counts table reloads, so a page can tell it is looking at new tables. */
  tablesGeneration = $state(0);

  private starting: Promise<void> | null = null;
  private reloadAgain = false;
  /** A reload is comparing manifests or loading tables. */
  private checking = false;
  /** The engine itself, under the wrappers views get. */
  private engineConnector: LoadableConnector | null = null;
  /** Pending while tables are being replaced: views' queries wait for it. */
  private swapping: Promise<void> | null = null;
  /** The editions each per-edition table holds in the engine. */
  private loaded = new LoadedEditions();
  /** The last load of editions a page needed; the next one queues behind it. */
  private editionLoad: Promise<void> = Promise.resolve();
  /** The connector views hold until the engine is attached to it. */
  private early: AnsweringConnector | null = null;

  constructor(init: {
    manifest: Manifest | null;
    problem: DataProblem | null;
    dataBase: string;
    basePath: string;
    firstAnswers?: Promise<AnswerMap | null>;
    firstDrawings?: ReadonlyMap<string, string>;
    /** DuckDB-WASM already starting (the layout starts it before the manifest arrives). */
    engine?: Promise<LoadableConnector>;
  }) {
    this.manifest = init.manifest;
    this.manifestProblem = init.problem;
    this.dataBase = init.dataBase;
    this.basePath = init.basePath;
    if (init.manifest) this.answerFirst(init.firstAnswers ?? Promise.resolve(null));
    this.firstDrawings = init.firstDrawings ?? new Map();
    this.engineStarting = init.manifest ? (init.engine ?? null) : null;
    // No tables to load into it: let the early engine go (a later start opens its own).
    if (!init.manifest) void init.engine?.then((c) => c.close()).catch(() => {});
  }

  /** The engine the layout started early, taken by the first start. */
  private engineStarting: Promise<LoadableConnector> | null;

  /** The server's drawings of 总览's first charts (first-paint.ts), by spec hash. */
  private readonly firstDrawings: ReadonlyMap<string, string>;

  /** The server's SVG of exactly this spec, shown until vega has drawn it; undefined otherwise. */
  firstDrawing(spec: TopLevelSpec): string | undefined {
    return this.firstDrawings.size === 0 ? undefined : this.firstDrawings.get(specHash(spec));
  }

  /** The engine has every table: the SQL console, the basket and exports of new queries may run. */
  get ready(): boolean {
    return this.engine.phase === 'ready' && this.connector !== null;
  }

  private answerFirst(answers: Promise<AnswerMap | null>): void {
    this.early = new AnsweringConnector(answers);
    this.connector = this.early;
    void answers.then((map) => {
      if (!map || this.early === null) return;
      this.answering = true;
      const themes = map.get(JSON.stringify(themeOptions())) as ThemeOption[] | undefined;
      if (themes && this.themes.length === 0) this.themes = themes;
    });
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
  start(fetchFn: typeof fetch = fetch): Promise<void> {
    if (!this.manifest || this.engine.phase !== 'idle') return this.starting ?? Promise.resolve();
    this.starting = this.startEngine(fetchFn).finally(() => (this.starting = null));
    return this.starting;
  }

  private async startEngine(fetchFn: typeof fetch): Promise<void> {
    if (!this.manifest) return;
    this.engine = { phase: 'starting' };
    void loadVega().catch(() => {}); // a chart reports its own load failure
    try {
      const next = await this.openTables(this.manifest, fetchFn, (p) => {
        this.engine = { phase: 'loading', ...p };
      });
      // The same themes as the first answers': keep the array, or every chart would draw again.
      if (JSON.stringify(next.themes) !== JSON.stringify(this.themes)) this.themes = next.themes;
      this.engineConnector = next.engine;
      this.loaded = next.loaded;
      const views = this.forViews(next.engine);
      // Attached, not replaced: views that drew first answers keep their rows and charts.
      this.connector = this.early ? this.early.attach(views) : views;
      this.early = null;
      this.answering = false;
      this.engine = { phase: 'ready', missing: next.missing };
    } catch (error) {
      this.engine = { phase: 'error', problem: error instanceof EngineFailure ? error.problem : problemOf(error, 'table-load') };
    }
  }

  /** What the current page reads of the per-edition tables (state/edition-scope.ts). */
  private needNow(manifest: Manifest): Need {
    return editionsNeeded({ routeId: page.route.id, params: page.params as Record<string, string>, search: page.url.searchParams, manifest });
  }

  /**
   * Appends the editions the current page needs and the engine lacks (queued, one load at a
   * time); resolves at once when it has them.
   */
  private ensureEditions(engine: LoadableConnector): Promise<void> {
    const manifest = this.manifest;
    if (!manifest) return Promise.resolve();
    const need = this.needNow(manifest);
    if (this.loaded.size === 0 || filesToFetch(manifest, need, this.loaded).length === 0) return this.editionLoad;
    const fetchBytes = fetchBytesFrom(fetch, this.dataBase);
    const run = this.editionLoad.then(() => loadEditions(engine, manifest, fetchBytes, need, this.loaded));
    this.editionLoad = run.catch(() => {});
    return run;
  }

  /** What views query: waits while tables are replaced and while the page's editions load; derives the generic-verbs-kept rows on first use. */
  private forViews(engine: LoadableConnector): Connector {
    // Derived rows come from term_topic: an edition is derivable once its term_topic rows are in.
    const derived = deriveOnFirstUse(engine, {
      minPairCount: this.manifest?.options.min_pair_count ?? DEFAULT_MIN_PAIR_COUNT,
      editions: () => [...(this.loaded.get('term_topic') ?? [])]
    });
    return {
      // The options carry the SQL console's cancel signal: they must reach the engine.
      query: async <T>(q: Query, options?: QueryOptions) => {
        while (this.swapping) await this.swapping;
        await this.ensureEditions(engine);
        return derived.query<T>(q, options);
      },
      close: () => derived.close()
    };
  }

  /** A new DuckDB-WASM engine with every table of `manifest` loaded and locked down. */
  private async openTables(manifest: Manifest, fetchFn: typeof fetch, onProgress: (p: LoadProgress) => void) {
    const need = this.needNow(manifest);
    const fetchBytes = prefetchBytes(fetchBytesFrom(fetchFn, this.dataBase), filesToFetch(manifest, need));
    let connector;
    try {
      const early = this.engineStarting;
      this.engineStarting = null;
      connector = await (early ?? openEngine());
      performance.mark('crosstrack:engine-ready');
    } catch (error) {
      console.error(error);
      throw new EngineFailure(problemOf(error, 'engine-start'));
    }
    try {
      const report = await loadTables(connector, manifest, fetchBytes, onProgress, { deriveKept: false, need });
      const themes = await connector.query<ThemeOption>(themeOptions());
      // The SQL console runs typed queries: nothing may reach files or URLs after loading.
      await connector.query({ sql: LOCKDOWN_SQL });
      performance.mark('crosstrack:tables-ready');
      return { engine: connector, themes, missing: report.missing, loaded: report.loaded };
    } catch (error) {
      console.error(error);
      await connector.close().catch(() => {});
      throw new EngineFailure(problemOf(error, 'table-load'));
    }
  }

  /**
   * Loads the server's current tables when they differ from the ones shown: into a new engine
   * while the current one keeps answering, then swaps them in (no page reload). Calls that
   * arrive while one runs make it run once more.
   */
  async reload(fetchFn: typeof fetch = fetch): Promise<void> {
    if (this.checking) {
      this.reloadAgain = true;
      return;
    }
    this.checking = true;
    try {
      do {
        this.reloadAgain = false;
        await this.starting;
        const manifest = await loadManifest(fetchFn, this.dataBase).catch(() => null);
        if (manifest === null || sameManifest(manifest, this.manifest)) continue;
        this.reloading = true;
        if (this.engine.phase !== 'ready' || !this.engineConnector) {
          // No engine yet (first tables, or the last load failed): start from scratch.
          await this.connector?.close().catch(() => {});
          this.connector = null;
          this.early = null;
          this.answering = false;
          this.engineConnector = null;
          this.manifest = manifest;
          this.manifestProblem = null;
          this.engine = { phase: 'idle' };
          await this.start(fetchFn);
        } else {
          await this.replaceTables(this.engineConnector, manifest, fetchFn);
        }
        this.tablesGeneration++;
        this.reloading = false;
      } while (this.reloadAgain);
    } catch (error) {
      console.error(error);
    } finally {
      this.checking = false;
      this.reloading = false;
    }
  }

  /**
   * New tables into the running engine (no second 34 MB wasm start): every file is
   * downloaded first, then the tables are re-created and filled while views' queries wait.
   */
  private async replaceTables(engine: LoadableConnector, manifest: Manifest, fetchFn: typeof fetch): Promise<void> {
    const need = this.needNow(manifest);
    const files = filesToFetch(manifest, need);
    const fetchBytes = prefetchBytes(fetchBytesFrom(fetchFn, this.dataBase), files);
    await Promise.all(files.map((f) => fetchBytes(f)));
    let release = () => {};
    this.swapping = new Promise<void>((done) => (release = done));
    try {
      await this.editionLoad;
      const report = await loadTables(engine, manifest, fetchBytes, () => {}, { deriveKept: false, need });
      this.loaded = report.loaded;
      this.themes = await engine.query<ThemeOption>(themeOptions());
      this.manifest = manifest;
      this.connector = this.forViews(engine);
      this.engine = { phase: 'ready', missing: report.missing };
    } catch (error) {
      console.error(error);
      this.engine = { phase: 'error', problem: problemOf(error, 'table-load') };
    } finally {
      this.swapping = null;
      release();
    }
  }

  /**
   * Follows the server's event stream: re-analysis progress, and new tables (reloaded at
   * once). A stream that drops reconnects by itself and is told the current tables again.
   */
  watchServer(): () => void {
    if (typeof EventSource === 'undefined') return () => {};
    const source = new EventSource(`${this.basePath}/api/events`);
    source.addEventListener('status', (event) => {
      const status = JSON.parse((event as MessageEvent<string>).data) as ServerStatus;
      this.serverStatus = status.state === 'idle' && status.queued === 0 ? null : status;
    });
    source.addEventListener('tables', () => void this.reload());
    const close = () => source.close();
    addEventListener('pagehide', close);
    return () => {
      removeEventListener('pagehide', close);
      close();
    };
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
    const next = nextFilters(this.filters, changes, this.manifest);
    let search = page.url.searchParams;
    // The views' own track parameters move to the same-named tracks of the new edition too.
    if (next.edition !== this.filters.edition) search = trackParamsAcross(search, this.manifest, this.filters.edition, next.edition);
    const written = writeFilters(next, search);
    // The reader chose these filters: a notice about an earlier change would now mislead.
    written.delete(WAS_KEY);
    return this.setSearch(written);
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
