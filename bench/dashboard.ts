/**
 * The dashboard part of `npm run bench` (run by bench/run.ts in its own process):
 *   1. navigation → first chart per route in headless Chromium (bench/dashboard-nav.ts);
 *   2. every view's query builders on DuckDB-WASM (the Node build of the browser's engine)
 *      with (a) the bundled tables and (b) the 1,000-edition synthetic corpus.
 * Environment: BENCH_NAV_RUNS (warm loads per route, default 5), BENCH_QUERY_RUNS (calls
 * per query family, default 30), BENCH_DASHBOARD_EDITIONS (default 1000),
 * CROSSTRACK_BUILD_DIR (the build to serve, default build); BENCH_DASHBOARD_NAV=0,
 * BENCH_FIRST_ANSWERS=0 or BENCH_DASHBOARD_QUERIES=0 skips a part.
 *   3. the server's first answers to 总览 (src/lib/server/first-answers/) computed for the newest
 *      edition of the bundled tables and of the synthetic corpus (the latter only when the
 *      queries part runs or its output is already there: analysing 1,000 editions takes a while).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../analysis/contract.ts';
import type { LoadableConnector } from '../src/lib/db/connector.ts';
import { LOCKDOWN_SQL } from '../src/lib/db/wasm-connection.ts';
import { openWasmConnectorInNode } from '../tests/src/lib/fixture/connect.ts';
import { ensureRealData } from '../tests/src/lib/fixture/real.ts';
import { loadOutput, ROOT, syntheticExists, syntheticOutput, tableSizes, type DerivedRows, type LoadedTable } from './dashboard-data.ts';
import { timeNavigation } from './dashboard-nav.ts';
import { timeLargeCorpus } from './dashboard-large.ts';
import { computeFirstAnswers } from '../src/lib/server/first-answers/compute.ts';
import { queryContext, timeFamilies, type FamilyTiming } from './queries.ts';

const NAV_RUNS = Number(process.env.BENCH_NAV_RUNS ?? 5);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 30);
const EDITIONS = Number(process.env.BENCH_DASHBOARD_EDITIONS ?? 1000);
/** Above this much Arrow data the synthetic output is loaded per edition (see dashboard-data.ts). */
const WASM_BUDGET = 1024 ** 3;
const NAV_TARGET_S = 1.0;
const QUERY_TARGET_MS = 50;

const log = (line = '') => console.log(line);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0)));

async function navigation() {
  log(`Dashboard: navigation → first chart (headless Chromium, built server on localhost, bundled editions; target < ${NAV_TARGET_S.toFixed(1)} s)`);
  const results = await timeNavigation(NAV_RUNS, log);
  log(`route                                  | cold s | reload median s | in-app median s | reload runs (s)`);
  log(`---------------------------------------|--------|-----------------|-----------------|----------------`);
  for (const r of results) {
    const path = r.label ?? decodeURIComponent(r.path).replace(/\n/g, ' ');
    const shown = path.length > 38 ? `${path.slice(0, 35)}…` : path;
    if (r.median === null) {
      log(`${pad(shown, 38)} |      – |               – |               – | ${r.note ?? ''}`);
      continue;
    }
    const over = (t: number | null) => (t !== null && t > NAV_TARGET_S * 1000 ? '*' : ' ');
    const inApp = r.inApp === null ? '–' : (r.inApp / 1000).toFixed(2);
    log(
      `${pad(shown, 38)} | ${(r.cold! / 1000).toFixed(2).padStart(6)} | ${(r.median / 1000).toFixed(2).padStart(14)}${over(r.median)} | ` +
        `${inApp.padStart(14)}${over(r.inApp)} | ${r.warm.map((t) => (t / 1000).toFixed(2)).join(' ')}`
    );
  }
  log(`  * over the ${NAV_TARGET_S.toFixed(1)} s target. A full page load starts DuckDB-WASM (34 MB wasm) and loads every table; / shows the server's drawings from its HTML meanwhile, and vega's live charts once vega has loaded.`);
  log();
}

async function timed(label: string, { loaded, derived }: { loaded: LoadedTable[]; derived: DerivedRows[] }, db: LoadableConnector, manifest: Manifest, editionIds?: string[]) {
  await db.query({ sql: LOCKDOWN_SQL });
  const ctx = await queryContext(db, manifest.options.min_pair_count, editionIds);
  const rows = loaded.reduce((n, t) => n + t.rows, 0);
  const bytes = loaded.reduce((n, t) => n + t.bytes, 0);
  log(`  ${label}: ${rows.toLocaleString('en')} rows, ${mb(bytes)} MB of Arrow loaded; editions queried: ${ctx.editions.map((e) => e.id).join(', ')}`);
  const [{ n: pairs }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM cooccurrence' });
  log(`      derived for ${derived[0]?.editions ?? 0} editions: ${derived.map((d) => `${d.name} ${ms(d.ms)} ms`).join(', ')} (${pairs.toLocaleString('en')} cooccurrence rows)`);
  return timeFamilies(db, ctx, QUERY_RUNS);
}

async function queries() {
  log(`Dashboard: interaction queries (each view's query builders, ${QUERY_RUNS} calls per family with varied parameters after 2 warm-ups; target p95 < ${QUERY_TARGET_MS} ms)`);

  // (a) The bundled editions, loaded whole as the dashboard loads them.
  const bundledManifest = ensureRealData();
  const bundledDb = await openWasmConnectorInNode();
  const [{ v }] = await bundledDb.query<{ v: string }>({ sql: 'SELECT version() AS v' });
  log(`  engine: DuckDB-WASM ${v} (Node blocking build of @duckdb/duckdb-wasm, the browser's eh bundle), one connection`);
  const bundledLoaded = await loadOutput(bundledDb, join(ROOT, 'data/tables'), bundledManifest);
  const bundled = await timed(`(a) bundled (${bundledManifest.editions.length} editions)`, bundledLoaded, bundledDb, bundledManifest);
  await bundledDb.close();

  // (b) The synthetic corpus: whole if it fits, else per edition.
  const synthetic = await syntheticOutput(EDITIONS, log);
  if (!synthetic.reused) log(`  analysis of ${EDITIONS} editions took ${synthetic.seconds.toFixed(1)} s`);
  const sizes = tableSizes(synthetic.dir);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const rowsOf = new Map(synthetic.manifest.tables.map((t) => [t.name, t.rows]));
  log(`  (b) ${EDITIONS} synthetic editions (bench/out/${synthetic.dir.split('/').at(-1)}): ${mb(total)} MB of Arrow in all`);
  for (const [name, bytes] of [...sizes.entries()].sort((a, b) => b[1] - a[1])) {
    log(`      ${name.padEnd(16)} ${mb(bytes).padStart(8)} MB ${(rowsOf.get(name) ?? 0).toLocaleString('en').padStart(12)} rows`);
  }
  const ids = synthetic.manifest.editions.map((e) => e.edition_id);
  const chosen = total > WASM_BUDGET ? [ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)!] : undefined;
  if (chosen) {
    log(
      `      ${mb(total)} MB is too big for DuckDB-WASM (a wasm32 heap holds at most 4 GB, and the tables take more room\n` +
        `      in DuckDB than in Arrow). Loaded instead what a 1,000-edition dashboard would load for the edition being\n` +
        `      viewed — every view filters by edition: the cross-edition tables whole (editions, tracks, topics, terms,\n` +
        `      themes, theme_track, near_duplicates) and term_topic and term_stats for three editions\n` +
        `      (${chosen.join(', ')}), term_track, track_overlap and cooccurrence derived for them. Queries that span editions (termTrend,\n` +
        `      searchTopics in all editions) see the whole topics table but only those editions' term rows.`
    );
  }
  // The pairs (and 'kept' rows) are derived for the queried editions only, as the dashboard
  // derives them for the edition in view: deriving 1,000 editions is not what a user waits for.
  const queried = chosen ?? [ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)!];
  const syntheticDb = await openWasmConnectorInNode();
  const syntheticLoaded = await loadOutput(syntheticDb, synthetic.dir, synthetic.manifest, chosen ? new Set(chosen) : undefined, queried);
  const big = await timed(`(b) ${EDITIONS} synthetic editions${chosen ? ' (sliced as above)' : ''}`, syntheticLoaded, syntheticDb, synthetic.manifest, queried);
  await syntheticDb.close();

  log();
  log(`view       | query family                      | (a) p50 ms | (a) p95 ms | (b) p50 ms | (b) p95 ms | over ${QUERY_TARGET_MS} ms`);
  log(`-----------|-----------------------------------|------------|------------|------------|------------|----------`);
  bundled.forEach((a, i) => {
    const b: FamilyTiming = big[i];
    const over = [a, b].filter((x) => x.p95 > QUERY_TARGET_MS).map((x) => (x === a ? 'a' : 'b'));
    const problem = a.error ?? b.error;
    log(
      `${pad(a.family.view, 10)} | ${a.family.name.padEnd(33)} | ${ms(a.p50).padStart(10)} | ${ms(a.p95).padStart(10)} | ` +
        `${ms(b.p50).padStart(10)} | ${ms(b.p95).padStart(10)} | ${problem ? `error: ${problem}` : over.join(',')}`
    );
  });
  log();
}

async function large() {
  log(`Dashboard on ${EDITIONS} synthetic editions (new browser profile per route: nothing cached; goals: first chart < 1.5 s, tab < 1.5 GB)`);
  const results = await timeLargeCorpus(EDITIONS, log);
  log(`route                                  | first chart s | fetched MB (br) | requests | tab MB | browser PSS MB | RSS summed MB`);
  log(`---------------------------------------|---------------|-----------------|----------|--------|----------------|--------------`);
  for (const r of results) {
    const shown = r.path.length > 38 ? `${r.path.slice(0, 35)}…` : r.path;
    const seconds = r.seconds === null ? `– (${r.note})` : r.seconds.toFixed(2);
    const memory = r.memoryMb;
    log(`${pad(shown, 38)} | ${seconds.padStart(13)} | ${mb(r.fetchedMb * 1e6).padStart(15)} | ${String(r.requests).padStart(8)} | ${memory.tab.toFixed(0).padStart(6)} | ${memory.pss.toFixed(0).padStart(14)} | ${memory.rssSum.toFixed(0).padStart(13)}`);
  }
  log(`  A page loads the editions it shows (state/edition-scope.ts); the SQL console loads every edition.`);
  log(`  tab: RSS of the page's renderer (DuckDB-WASM's worker included); browser PSS: every process of the profile, shared pages split`);
  log(`  between them; RSS summed: the same processes' RSS added up (what earlier runs printed; counts shared pages once per process).`);
  log();
}

/** Median and peak memory of computing the first answers, as the server does after a table change. */
async function firstAnswerTimes() {
  log(`Dashboard: the server's first answers to 总览 (Node DuckDB over the newest edition's rows; 3 runs, median)`);
  const corpora: { label: string; dir: string; manifest: Manifest }[] = [
    { label: `bundled (${ensureRealData().editions.length} editions)`, dir: join(ROOT, 'data/tables'), manifest: ensureRealData() }
  ];
  if (process.env.BENCH_DASHBOARD_QUERIES !== '0' || syntheticExists(EDITIONS)) {
    const synthetic = await syntheticOutput(EDITIONS, log);
    corpora.push({ label: `${EDITIONS} synthetic editions`, dir: synthetic.dir, manifest: synthetic.manifest });
  }
  for (const corpus of corpora) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const answers = await computeFirstAnswers(corpus.dir, corpus.manifest, null, null);
      times.push(performance.now() - started);
      bytes = JSON.stringify(answers).length;
    }
    times.sort((a, b) => a - b);
    log(`  ${corpus.label.padEnd(26)} ${ms(times[1]).padStart(8)} ms (runs ${times.map(ms).join(', ')}), ${(bytes / 1024).toFixed(0)} KB of JSON; process RSS ${mb(process.memoryUsage().rss)} MB`);
  }
  log();
}

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
log(`Crosstrack ${version} dashboard benchmark`);
log();
if (process.env.BENCH_DASHBOARD_NAV !== '0') await navigation();
if (process.env.BENCH_FIRST_ANSWERS !== '0') await firstAnswerTimes();
if (process.env.BENCH_DASHBOARD_QUERIES !== '0') await queries();
if (process.env.BENCH_DASHBOARD_LARGE !== '0') await large();
