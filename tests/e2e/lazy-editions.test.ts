/**
 * The per-edition tables load per edition: a page fetches the editions it shows and no
 * others, an edition chosen later is fetched then (and only then), and what it shows is
 * what a page opened on that edition shows.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITION_SLICED_TABLES, type Manifest } from '../../analysis/contract.ts';
import { openDashboard, watchPage, type AppServer, type Browser, type Dashboard } from './support.ts';

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
let manifest: Manifest;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  manifest = (await (await fetch(`${server.url}/data/manifest.json`)).json()) as Manifest;
});

afterAll(async () => {
  await dashboard?.close();
});

/** Every table request of the page: the file and the editions it names (null: the whole file). */
function tableRequests(page: Page) {
  const seen: { file: string; editions: string[] | null }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const file = /\/data\/([^/]+\.arrow)$/.exec(url.pathname)?.[1];
    if (!file) return;
    const only = url.searchParams.getAll('edition');
    seen.push({ file, editions: only.length ? only : url.searchParams.has('except') ? ['except:' + url.searchParams.getAll('except').join(',')] : null });
  });
  return seen;
}

const topLabels = async (page: Page) => {
  await page.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
  return page.locator('section.frame').first().locator('.vega svg .role-axis-label text').allTextContents();
};

const slicedFiles = () => new Set(manifest.tables.filter((t) => (EDITION_SLICED_TABLES as readonly string[]).includes(t.name) && t.slices).map((t) => t.file));

describe('tables per edition', () => {
  it('fetches only the shown edition, the next one when it is chosen, and shows its own figures', async () => {
    const [newest, other] = [...manifest.editions].sort((a, b) => b.year - a.year);
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    const requests = tableRequests(page);
    await page.goto(`${server.url}/?edition=${newest.edition_id}`);
    const firstLabels = await topLabels(page);
    expect(firstLabels.length).toBeGreaterThan(0);

    const sliced = slicedFiles();
    expect(sliced.size).toBeGreaterThan(0);
    const slicedRequests = requests.filter((r) => sliced.has(r.file));
    expect(slicedRequests.length).toBeGreaterThan(0);
    for (const r of slicedRequests) expect(r.editions, r.file).toEqual([newest.edition_id]);
    // The tables without slices (vocabulary, themes …) come whole; the near-duplicate pairs wait for a track page.
    for (const r of requests.filter((x) => !sliced.has(x.file))) expect(r.editions).toBeNull();
    expect(requests.map((r) => r.file)).not.toContain('near_duplicates.arrow');

    // Choosing the other edition fetches it now, and only it.
    const before = requests.length;
    await page.locator('form.filters select').first().selectOption(other.edition_id);
    await page.waitForURL((url) => url.searchParams.get('edition') === other.edition_id);
    // The same figures as a page that opens on that edition (once the chart has been redrawn).
    const fresh = await browser.context.newPage();
    await fresh.goto(`${server.url}/?edition=${other.edition_id}`);
    const expected = await topLabels(fresh);
    await fresh.close();
    expect(expected).not.toEqual(firstLabels);
    let switchedLabels: string[] = [];
    for (const started = Date.now(); Date.now() - started < 30_000; await page.waitForTimeout(250)) {
      switchedLabels = await topLabels(page);
      if (JSON.stringify(switchedLabels) === JSON.stringify(expected)) break;
    }
    expect(switchedLabels).toEqual(expected);
    const added = requests.slice(before);
    expect(added.length).toBeGreaterThan(0);
    for (const r of added) {
      expect(sliced.has(r.file), r.file).toBe(true);
      expect(r.editions, r.file).toEqual([other.edition_id]);
    }

    // Back to the first edition: already loaded, nothing fetched.
    const loaded = requests.length;
    await page.locator('form.filters select').first().selectOption(newest.edition_id);
    await page.waitForURL((url) => url.searchParams.get('edition') === newest.edition_id);
    let backLabels: string[] = [];
    for (const started = Date.now(); Date.now() - started < 30_000; await page.waitForTimeout(250)) {
      backLabels = await topLabels(page);
      if (JSON.stringify(backLabels) === JSON.stringify(firstLabels)) break;
    }
    expect(backLabels).toEqual(firstLabels);
    expect(requests.length).toBe(loaded);

    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('a term page fetches the term’s own rows of the other editions, and its trend is the one a full load shows', async () => {
    const [newest] = [...manifest.editions].sort((a, b) => b.year - a.year);
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    const seen: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/data/term_stats.arrow')) seen.push(url);
    });
    const pairText = async () => {
      await page.locator('.pair .num').first().waitFor({ timeout: 60_000 });
      return page.locator('.pair').allInnerTexts();
    };
    await page.goto(`${server.url}/terms/${encodeURIComponent('数据')}?edition=${newest.edition_id}`);
    const lazyTrend = await pairText();
    expect(lazyTrend.length).toBe(manifest.editions.length - 1);
    // The shown edition whole; of the others, the term's rows alone (never the whole file).
    expect(seen.map((u) => [...u.searchParams.entries()])).toEqual([
      [['edition', newest.edition_id]],
      [['term', '数据'], ['except', newest.edition_id]]
    ]);
    // Every table whole (the SQL console reads them all), then the same term page again.
    await page.getByRole('navigation').locator('a', { hasText: 'SQL' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/sql'));
    await page.locator('textarea').first().fill('SELECT COUNT(DISTINCT edition_id)::INTEGER AS n FROM term_stats');
    await page.getByRole('button', { name: '运行' }).click();
    await page.waitForFunction((n) => (document.querySelector('main table') as HTMLElement | null)?.innerText.includes(String(n)) ?? false, manifest.editions.length, { timeout: 60_000 });
    // Back through the console's own history entries (its query is kept in the URL) to the term page.
    for (let i = 0; i < 5 && !page.url().includes('/terms/'); i++) {
      await page.goBack({ waitUntil: 'commit' });
      await page.waitForTimeout(200);
    }
    expect(page.url()).toContain('/terms/');
    expect(await pairText()).toEqual(lazyTrend);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a page that reads every edition (the SQL console) loads the rest, once', async () => {
    const [newest] = [...manifest.editions].sort((a, b) => b.year - a.year);
    const page = await browser.context.newPage();
    const requests = tableRequests(page);
    await page.goto(`${server.url}/?edition=${newest.edition_id}`);
    await topLabels(page);
    const before = requests.length;
    await page.getByRole('navigation').locator('a', { hasText: 'SQL' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/sql'));
    await page.locator('textarea').first().fill('SELECT edition_id, COUNT(*)::INTEGER AS n FROM term_topic GROUP BY 1 ORDER BY 1');
    await page.getByRole('button', { name: '运行' }).click();
    const counts = manifest.tables.find((t) => t.name === 'term_topic')!.slices!.editions;
    const expected = Object.entries(counts).map(([id, [, , rows]]) => `${id}\t${rows}`);
    await page.waitForFunction((lines) => {
      const text = document.querySelector('main table')?.textContent ? (document.querySelector('main table') as HTMLElement).innerText : '';
      return lines.every((line) => text.includes(line));
    }, expected, { timeout: 60_000 });
    // Only what the first page did not load: no request names the edition it had, none is repeated.
    const added = requests.slice(before);
    expect(added.length).toBeGreaterThan(0);
    for (const r of added) expect(r.editions?.includes(newest.edition_id) ?? false, r.file).toBe(false);
    expect(new Set(added.map((r) => r.file)).size).toBe(added.length);
    await page.close();
  });
});
