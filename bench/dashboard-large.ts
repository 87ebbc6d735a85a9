/**
 * The dashboard on the 1,000-edition synthetic corpus, as a user opens it: for each route a
 * new browser profile (nothing cached), the time from page.goto to the first chart, the
 * bytes of tables fetched (as sent, compressed), and the memory of the browser's processes (the tab's renderer, PSS and RSS summed over the
 * profile's processes: the page, DuckDB-WASM's worker, the GPU and network services).
 * The server serves the corpus read-only (CROSSTRACK_READONLY=1), its tables/ a link to
 * bench/out. Run by bench/dashboard.ts; BENCH_DASHBOARD_LARGE=0 skips it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureBuild, startServer } from '../tests/e2e/support.ts';
import { syntheticOutput } from './dashboard-data.ts';

const CHART = 'main section.frame .chart svg';

export interface ProfileMemory {
  /** RSS summed over the profile's processes: counts the pages they share once per process. */
  rssSum: number;
  /** PSS summed: each shared page split between its processes, so the browser's real share of RAM. */
  pss: number;
  /** RSS of the largest renderer: the tab, with DuckDB-WASM's worker (what the task manager shows for it). */
  tab: number;
}

/** Memory in bytes of every process whose command line names the profile. */
function profileMemory(profile: string): ProfileMemory {
  const memory = { rssSum: 0, pss: 0, tab: 0 };
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes(profile)) continue;
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      const pss = Number(/Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
      memory.rssSum += rss;
      memory.pss += pss;
      if (command.includes('--type=renderer')) memory.tab = Math.max(memory.tab, rss);
    } catch {
      // The process ended meanwhile.
    }
  }
  return memory;
}

const peakOf = (a: ProfileMemory, b: ProfileMemory): ProfileMemory => ({ rssSum: Math.max(a.rssSum, b.rssSum), pss: Math.max(a.pss, b.pss), tab: Math.max(a.tab, b.tab) });

export interface LargeTiming {
  path: string;
  seconds: number | null;
  fetchedMb: number;
  requests: number;
  /** Peaks, MB. */
  memoryMb: ProfileMemory;
  note?: string;
}

/** Milliseconds until `/` carries the drawn first screen, or null after `timeout`. */
async function firstScreenReady(url: string, timeout: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < timeout) {
    if ((await (await fetch(`${url}/`)).text()).includes('id="first-paint"')) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

export async function timeLargeCorpus(editions: number, log: (line: string) => void): Promise<LargeTiming[]> {
  ensureBuild();
  const synthetic = await syntheticOutput(editions, log);
  const workspace = mkdtempSync(join(tmpdir(), 'crosstrack-bench-ws-'));
  symlinkSync(synthetic.dir, join(workspace, 'tables'));
  const server = await startServer({ workspace, env: { CROSSTRACK_READONLY: '1' } });
  const ids = synthetic.manifest.editions.map((e) => e.edition_id);
  const routes = [
    { path: '/', selector: CHART },
    { path: `/terms/${encodeURIComponent('数据')}`, selector: CHART },
    { path: `/tracks/${ids.at(-1)}/1`, selector: CHART },
    { path: '/overlap', selector: CHART },
    { path: '/network', selector: '.network svg .node circle' },
    { path: `/topics?q=${encodeURIComponent('数据')}`, selector: 'main ol.hits li' },
    { path: '/compare', selector: 'main section' },
    { path: `/sql?q=${encodeURIComponent('SELECT COUNT(*) AS n FROM term_topic')}`, selector: 'section.result tbody tr' }
  ];
  const results: LargeTiming[] = [];
  try {
    // Visitors come to a server that has been up a while: its first answers (and 总览's drawn
    // first screen) are ready. Computing them on this corpus takes a few seconds after start.
    const ready = await firstScreenReady(server.url, 60_000);
    log(`  总览's first screen in its HTML ${ready === null ? 'not ready after 60 s: / is timed without it' : `ready ${(ready / 1000).toFixed(1)} s after the server started`}`);
    for (const route of routes) {
      const profile = mkdtempSync(join(tmpdir(), 'crosstrack-bench-profile-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1280, height: 800 },
        locale: 'zh-CN',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
      });
      let fetched = 0;
      let requests = 0;
      let peak: ProfileMemory = { rssSum: 0, pss: 0, tab: 0 };
      const sampler = setInterval(() => (peak = peakOf(peak, profileMemory(profile))), 200);
      const inMb = () => ({ rssSum: peak.rssSum / 1e6, pss: peak.pss / 1e6, tab: peak.tab / 1e6 });
      try {
        const page = await context.newPage();
        page.on('response', (response) => {
          if (!/\/data\/.+\.arrow/.test(response.url())) return;
          requests++;
          void response.request().sizes().then((sizes) => (fetched += sizes.responseBodySize), () => {});
        });
        const started = performance.now();
        await page.goto(`${server.url}${route.path}`, { waitUntil: 'commit' });
        await page.locator(route.selector).first().waitFor({ state: 'visible', timeout: 120_000 });
        const seconds = (performance.now() - started) / 1000;
        // Let the rest of the page's queries finish before reading the memory.
        await page.waitForTimeout(1500);
        peak = peakOf(peak, profileMemory(profile));
        results.push({ path: decodeURIComponent(route.path), seconds, fetchedMb: fetched / 1e6, requests, memoryMb: inMb() });
      } catch (error) {
        const note = error instanceof Error ? error.message.split('\n')[0] : String(error);
        results.push({ path: decodeURIComponent(route.path), seconds: null, fetchedMb: fetched / 1e6, requests, memoryMb: inMb(), note });
      } finally {
        clearInterval(sampler);
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
  return results;
}
