/**
 * Navigation → first chart: for each route, the time from page.goto to the first chart's
 * SVG (or the first result) being visible, in headless Chromium against the built server
 * on localhost with the bundled editions. "Cold" is a new browser profile (nothing cached:
 * the wasm engine and every table are downloaded and compiled); "warm" is the median of
 * later loads in the same profile (HTTP cache and compiled wasm reused, as for a user
 * opening a second link); "in-app" follows a link inside the open dashboard, the everyday case.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ensureBuild, ensureData, launchBrowser, startServer } from '../tests/e2e/support.ts';
import { exampleQueries } from '../src/lib/queries/sql.ts';
import { percentile } from './queries.ts';
import { ROOT } from './dashboard-data.ts';

export interface RouteCase {
  path: string;
  /** The first chart or result of the page. */
  selector: string;
  /** The route file that must exist for the page to be there. */
  route: string;
  /** How the row is named when the path alone does not say what is timed. */
  label?: string;
}

const CHART = 'main section.frame .chart svg';

export const ROUTES: RouteCase[] = [
  // The first chart of / is the server's drawing in the HTML (first paint); the live one is vega's.
  { path: '/', selector: CHART, route: '+page.svelte', label: '/ (first chart: server-drawn)' },
  { path: '/', selector: '#main section.frame .chart .vega svg .mark-rect path', route: '+page.svelte', label: '/ (live vega chart)' },
  { path: `/terms/${encodeURIComponent('可信数据空间')}`, selector: CHART, route: 'terms/[term]/+page.svelte' },
  { path: '/tracks/2026-hunan/10', selector: CHART, route: 'tracks/[edition]/[track]/+page.svelte' },
  { path: '/overlap', selector: CHART, route: 'overlap/+page.svelte' },
  { path: '/network', selector: '.network svg .node circle', route: 'network/+page.svelte' },
  { path: `/topics?q=${encodeURIComponent('数据')}`, selector: 'main ol.hits li', route: 'topics/+page.svelte' },
  { path: '/compare?a=2025-fujian-xiamen&b=2026-hunan', selector: '#topics article.pair', route: 'compare/+page.svelte' },
  {
    path: `/sql?q=${encodeURIComponent(exampleQueries('2026-hunan')[0].sql)}`,
    selector: 'section.result tbody tr',
    route: 'sql/+page.svelte'
  }
];

export interface RouteTiming {
  path: string;
  label?: string;
  cold: number | null;
  warm: number[];
  median: number | null;
  /** Median in-app navigation (a link clicked inside the loaded dashboard) to this route. */
  inApp: number | null;
  note?: string;
}

/**
 * In-app navigation: the dashboard is already open (engine started, tables loaded) and a
 * link is followed, as when a user clicks through the views. Timed from the click to the
 * route's first chart.
 */
async function timeInApp(context: BrowserContext, base: string, route: RouteCase, runs: number): Promise<number> {
  const page = await context.newPage();
  const from = route.path === '/' ? '/topics' : '/';
  // Wait for a result that needs the engine, so the click happens in a fully loaded dashboard.
  const fromSelector = route.path === '/' ? 'main ol.hits li' : CHART;
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${base}${from}?edition=2026-hunan`);
      await page.locator(fromSelector).first().waitFor({ state: 'visible', timeout: 60_000 });
      const target = `${route.path}${route.path.includes('?') ? '&' : '?'}edition=2026-hunan`;
      const started = performance.now();
      await page.evaluate((href) => {
        const link = document.createElement('a');
        link.href = href;
        document.body.append(link);
        link.click();
      }, target);
      await page.waitForURL((url) => url.pathname === new URL(target, base).pathname, { timeout: 60_000 });
      await page.locator(route.selector).first().waitFor({ state: 'visible', timeout: 60_000 });
      times.push(performance.now() - started);
    }
    return percentile(times.sort((a, b) => a - b), 50);
  } finally {
    await page.close();
  }
}

async function timeLoad(context: BrowserContext, url: string, selector: string, timeout: number): Promise<number> {
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ state: 'visible', timeout });
    return performance.now() - started;
  } finally {
    await page.close();
  }
}

export async function timeNavigation(runs: number, log: (line: string) => void): Promise<RouteTiming[]> {
  log(`  building the app if its sources changed (build dir ${process.env.CROSSTRACK_BUILD_DIR ?? 'build'})…`);
  ensureBuild();
  const { workspace } = await ensureData();
  const server = await startServer({ workspace });
  const results: RouteTiming[] = [];
  try {
    for (const route of ROUTES) {
      if (!existsSync(join(ROOT, 'src/routes', route.route))) {
        results.push({ path: route.path, cold: null, warm: [], median: null, inApp: null, note: 'page not built yet' });
        continue;
      }
      const url = `${server.url}${route.path}${route.path.includes('?') ? '&' : '?'}edition=2026-hunan`;
      const cold = await launchBrowser();
      const warm = await launchBrowser();
      try {
        const coldTime = await timeLoad(cold.context, url, route.selector, 60_000);
        await timeLoad(warm.context, url, route.selector, 60_000); // fills the cache
        const times: number[] = [];
        for (let i = 0; i < runs; i++) times.push(await timeLoad(warm.context, url, route.selector, 60_000));
        times.sort((a, b) => a - b);
        const inApp = await timeInApp(warm.context, server.url, route, runs);
        results.push({ path: route.path, label: route.label, cold: coldTime, warm: times, median: percentile(times, 50), inApp });
      } catch (error) {
        results.push({ path: route.path, cold: null, warm: [], median: null, inApp: null, note: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      } finally {
        await cold.close();
        await warm.close();
      }
    }
  } finally {
    await server.stop();
  }
  return results;
}
