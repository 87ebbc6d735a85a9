/**
 * 总览 before DuckDB-WASM: with the engine's wasm and worker held back, `/` draws its first
 * charts from the server's first answers with the numbers the engine would give, says that
 * the rest is still loading, and makes no request elsewhere; once the engine is let through,
 * the same charts stay (not drawn again) and a changed setting is answered by the engine.
 */
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '../../src/lib/format.ts';
import type { TopTermRow } from '../../src/lib/queries/overview.ts';
import { frameTitled, openDashboard, realTopTerms, SHOTS, watchPage, withoutFirstScreen, type Dashboard } from './support.ts';

let dashboard: Dashboard;
let expectedTop: TopTermRow[];

beforeAll(async () => {
  dashboard = await openDashboard();
  expect(dashboard.data).toBe('real');
  expectedTop = await realTopTerms();
}, 600_000);

afterAll(async () => {
  await dashboard?.close();
});

describe('first answers', () => {
  it('draws the overview from the server while the engine is held back, then hands over to the engine', async () => {
    const { server, browser } = dashboard;
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    const held: Route[] = [];
    let release = false;
    await page.route(/duckdb-(eh|browser-eh\.worker)\.[^/]*$/, (route) => (release ? route.continue() : void held.push(route)));

    await page.goto(`${server.url}/`);
    const top = frameTitled(page, /高频词条/);
    await top.locator('.chart svg').first().waitFor({ state: 'visible', timeout: 60_000 });
    await frameTitled(page, /主题 × 赛道/).locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await frameTitled(page, /跨赛道词条/).locator('.vega svg').first().waitFor({ timeout: 60_000 });
    // The engine really is not there (its files are held; the charts may even come before the
    // page asks for them), and the page says the rest is loading.
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const status = page.getByTestId('first-answers');
    await expect.poll(() => status.isVisible()).toBe(true);
    expect(await status.textContent()).toMatch(/服务器先行算出/);
    await page.screenshot({ path: join(SHOTS, 'first-answers-loading.png') });

    // The numbers are the engine's: the table view against the same query on the real tables.
    await top.getByRole('button', { name: '表格' }).click();
    const rows = await top.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent?.trim() ?? '')));
    expect(rows.map((r) => r.slice(0, 2))).toEqual(expectedTop.map((r) => [r.term, formatCount(r.count)]));
    expect(await frameTitled(page, /主题 × 赛道/).locator('.vega svg .mark-rect path').count()).toBeGreaterThan(17 * 10);
    expect(await frameTitled(page, /跨赛道词条/).locator('.vega svg .role-axis-label text').allTextContents()).toContain('数据');
    // The themes came with the answers: the picker is usable already.
    expect(await page.locator('select').filter({ has: page.locator('option', { hasText: '可信数据空间' }) }).count()).toBe(1);

    // Mark the drawn charts; let the engine through.
    await page.locator('main .vega svg').evaluateAll((svgs) => svgs.forEach((s) => s.setAttribute('data-first', '1')));
    const drawn = await page.locator('main .vega svg[data-first]').count();
    release = true;
    for (const route of held.splice(0)) await route.continue();
    await expect.poll(() => status.isVisible(), { timeout: 60_000 }).toBe(false);
    await page.waitForFunction(() => !document.querySelector('[role="status"]'), null, { timeout: 60_000 });
    // Not drawn again when the engine arrived.
    expect(await page.locator('main .vega svg[data-first]').count()).toBe(drawn);

    // A setting the server did not answer: the engine answers it.
    const cross = frameTitled(page, /跨赛道词条/);
    await cross.locator('select').selectOption('10');
    await page.waitForFunction(() => {
      const frame = [...document.querySelectorAll('section.frame')].find((f) => /跨赛道词条/.test(f.querySelector('h2')?.textContent ?? ''));
      return frame?.querySelector('h2')?.textContent?.includes('10') && frame.querySelector('.vega svg:not([data-first])');
    }, null, { timeout: 60_000 });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('still works, waiting for the engine, when the first answers fail', async () => {
    const { server, browser } = dashboard;
    const page = await browser.context.newPage();
    await page.route('**/api/first-answers*', (route) => route.fulfill({ status: 500, body: 'broken' }));
    // The HTML's own copy of them (and of the first charts) taken out too.
    await withoutFirstScreen(page);
    await page.goto(`${server.url}/`);
    await frameTitled(page, /高频词条/).locator('.chart svg').first().waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.getByTestId('first-answers').count()).toBe(0);
    await page.close();
  });
});
