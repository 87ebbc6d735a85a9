/**
 * 总览's HTML (and 跨赛道's, at the end) carries its first screen: the top terms drawn by the server, visible with none
 * of the app's JavaScript (as in the first moment of every visit), with the numbers of the
 * real tables; the app then shows the same drawings in its own frames, lifts the copy, and
 * vega takes each chart over at the same size. The first load fetches neither the manifest
 * nor the first answers: both came in the HTML.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../analysis/contract.ts';
import type { TopTermRow } from '../../src/lib/queries/overview.ts';
import { recipeContext } from '../../src/lib/report/recipe.ts';
import { networkGraph, networkModel } from '../../src/lib/report/recipes/network.ts';
import { realConnector } from '../src/lib/fixture/real.ts';
import { engineReady, HAN, openDashboard, realTopTerms, SHOTS, watchPage, type Dashboard } from './support.ts';

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

/** A page's HTML once the server has its answers (computed right after it starts). */
async function overviewHtml(search: string, path = '/'): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const html = await (await fetch(`${dashboard.server.url}${path}${search}`)).text();
    if (html.includes('crosstrack-first') || attempt > 40) return html;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The paths a page asks for, and which of its frames showed a server drawing before vega's
 * (gone again once vega draws), by heading.
 */
async function watchHandOver(page: Page) {
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { drawingsSeen: Set<string> }).drawingsSeen = seen;
    new MutationObserver(() => {
      for (const d of document.querySelectorAll('#main .first-drawing')) seen.add(d.closest('section.frame')?.querySelector('h2')?.textContent?.trim() ?? '');
    }).observe(document, { childList: true, subtree: true });
  });
  const drawingsSeen = () => page.evaluate(() => [...(window as unknown as { drawingsSeen: Set<string> }).drawingsSeen]);
  return { asked, drawingsSeen };
}

describe('first paint', () => {
  it('is in the HTML of the overview for ?edition= alone, and nowhere else', async () => {
    const html = await overviewHtml('?edition=2026-hunan');
    expect(html).toContain('<script type="application/json" id="crosstrack-first">');
    expect(html.match(/data-spec-hash="[0-9a-f]+"/g)).toHaveLength(3);
    // Another view setting: the data block (its keys simply do not match), no drawings.
    const themed = await overviewHtml(`?edition=2026-hunan&theme=${encodeURIComponent('大模型')}`);
    expect(themed).toContain('crosstrack-first');
    expect(themed).not.toContain('id="first-paint"');
    const topics = await (await fetch(`${dashboard.server.url}/topics`)).text();
    expect(topics).not.toContain('crosstrack-first');
  });

  it('shows the top terms before any of the app’s JavaScript has run', async () => {
    await overviewHtml('?edition=2026-hunan');
    const page = await dashboard.browser.context.newPage();
    const log = watchPage(page, dashboard.server.url);
    await page.route(/\/_app\/.*\.js$/, (route) => route.abort());
    await page.goto(`${dashboard.server.url}/?edition=2026-hunan`);
    const paint = page.locator('#first-paint');
    await paint.locator('.chart svg').first().waitFor({ state: 'visible', timeout: 30_000 });
    const top = paint.locator('section.frame').first();
    expect(await top.locator('h2').textContent()).toBe('2026 湖南 高频词条（前 20）');
    const labels = await top.locator('.role-axis-label text').allTextContents();
    for (const row of expectedTop) expect(labels).toContain(row.term);
    expect(await top.locator('.mark-rect path').count()).toBe(expectedTop.length);
    expect(await top.locator('.mark-text.role-mark text').allTextContents()).toEqual(expectedTop.map((r) => String(r.count)));
    expect(await paint.getByText('页面正在启动').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'first-paint-no-js.png') });
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('hands over to the app: same drawings in its frames, the copy lifted, then vega at the same size', async () => {
    await overviewHtml('?edition=2026-hunan');
    const page = await dashboard.browser.context.newPage();
    const log = watchPage(page, dashboard.server.url);
    const { asked, drawingsSeen } = await watchHandOver(page);
    await page.goto(`${dashboard.server.url}/?edition=2026-hunan`);
    await page.locator('#main section.frame .chart .vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('#first-paint').count(), { timeout: 10_000 }).toBe(0);
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('#main section.frame .chart .vega svg')].map((svg) => Number(svg.getAttribute('width')))
    );
    // 高频词条 is drawn 453 px wide on the server for a 1280 px window; vega measures the same frame.
    expect(Math.abs(sizes[0] - 453)).toBeLessThanOrEqual(2);
    expect(asked).not.toContain('/api/first-answers');
    expect(asked).not.toContain('/data/manifest.json');
    // Every chart ends up live (the server's drawings are gone once vega has drawn).
    await expect.poll(() => page.locator('#main .first-drawing').count(), { timeout: 60_000 }).toBe(0);
    // The page's own specs matched the server's: each of the three frames showed its drawing first.
    const seen = (await drawingsSeen()).sort();
    expect(seen).toEqual(['2026 湖南 主题 × 赛道（词频）', '2026 湖南 跨赛道词条（覆盖赛道数最多的前 20 个）', '2026 湖南 高频词条（前 20）'].sort());
    await page.screenshot({ path: join(SHOTS, 'first-paint-handed-over.png') });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('is in the HTML of 跨赛道 too: its heatmap, every pair of tracks, before any JavaScript', async () => {
    const html = await overviewHtml('?edition=2026-hunan', '/overlap');
    expect(html).toContain('<div id="first-paint" data-route="/overlap"');
    expect(html.match(/data-spec-hash="[0-9a-f]+"/g)).toHaveLength(1);
    const metric = await overviewHtml('?edition=2026-hunan&metric=cosine', '/overlap');
    expect(metric).toContain('crosstrack-first');
    expect(metric).not.toContain('id="first-paint"');
    const page = await dashboard.browser.context.newPage();
    const log = watchPage(page, dashboard.server.url);
    await page.route(/\/_app\/.*\.js$/, (route) => route.abort());
    await page.goto(`${dashboard.server.url}/overlap?edition=2026-hunan`);
    const paint = page.locator('#first-paint');
    await paint.locator('.chart svg').first().waitFor({ state: 'visible', timeout: 30_000 });
    expect(await paint.locator('h1').textContent()).toBe('跨赛道重合度');
    const heatmap = paint.locator('section.frame').first();
    expect(await heatmap.locator('h2').textContent()).toBe('2026 湖南 赛道两两重合度（Jaccard 系数）');
    const manifest = (await (await fetch(`${dashboard.server.url}/data/manifest.json`)).json()) as Manifest;
    const hunan = manifest.editions.find((e) => e.edition_id === '2026-hunan')!;
    expect(await heatmap.locator('.mark-rect.layer_0_marks path').count()).toBe(hunan.tracks.length * (hunan.tracks.length - 1));
    const labels = await heatmap.locator('.role-axis-label text').allTextContents();
    for (const tr of hunan.tracks) expect(labels).toContain(tr.track_name);
    await page.screenshot({ path: join(SHOTS, 'first-paint-overlap-no-js.png') });
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('hands 跨赛道 over to the app: the drawing in its frame first, the chord from the same rows, then vega', async () => {
    await overviewHtml('?edition=2026-hunan', '/overlap');
    const page = await dashboard.browser.context.newPage();
    const log = watchPage(page, dashboard.server.url);
    const { asked, drawingsSeen } = await watchHandOver(page);
    await page.goto(`${dashboard.server.url}/overlap?edition=2026-hunan`);
    await page.locator('#main section.frame .chart .vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('#first-paint').count(), { timeout: 10_000 }).toBe(0);
    await page.locator('#main svg.chord path.ribbon').first().waitFor({ timeout: 60_000 });
    expect(asked).not.toContain('/data/manifest.json');
    expect(asked).not.toContain('/api/first-answers');
    const seen = await drawingsSeen();
    expect(seen).toEqual(['2026 湖南 赛道两两重合度（Jaccard 系数）']);
    // A pick still works once the engine has taken over (the pair's details come from DuckDB-WASM).
    await engineReady(page);
    const selects = page.locator('section.pick select');
    await selects.nth(0).selectOption('1');
    await selects.nth(1).selectOption('2');
    await expect.poll(() => new URL(page.url()).searchParams.get('b'), { timeout: 30_000 }).toBe('2');
    await page.locator('section.pair').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, 'first-paint-overlap-handed-over.png') });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('draws 共现网络 from the answers in its HTML, even when the query engine cannot start', async () => {
    const html = await overviewHtml('?edition=2026-hunan', '/network');
    expect(html).toContain('<script type="application/json" id="crosstrack-first">');
    expect(html).not.toContain('id="first-paint"'); // the page lays its graph out itself
    const page = await dashboard.browser.context.newPage();
    const log = watchPage(page, dashboard.server.url);
    const { asked } = await watchHandOver(page);
    // No DuckDB-WASM at all: whatever the page draws came from the server's answers.
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(`${dashboard.server.url}/network?edition=2026-hunan`);
    await page.locator('.network svg .node circle').first().waitFor({ timeout: 60_000 });
    const manifest = (await (await fetch(`${dashboard.server.url}/data/manifest.json`)).json()) as Manifest;
    const { db } = await realConnector('node');
    try {
      const ctx = recipeContext({ manifest, lang: 'zh', path: '/network', search: new URLSearchParams({ edition: '2026-hunan' }) });
      // The graph the recipe builds from the rows DuckDB gives: one circle per node, labels among its terms.
      const graph = networkModel(ctx, await networkGraph.load((q) => db.query(q), ctx)).graph!;
      expect(graph.nodes.length).toBeGreaterThan(10);
      expect(await page.locator('.network svg .node').count()).toBe(graph.nodes.length);
      const terms = graph.nodes.map((n) => n.term);
      const labels = await page.locator('.network svg .node text').allTextContents();
      expect(labels.length).toBeGreaterThan(10);
      for (const label of labels) expect(terms).toContain(label);
    } finally {
      await db.close();
    }
    expect(asked).not.toContain('/data/manifest.json');
    expect(await page.evaluate(() => document.documentElement.dataset.engine)).not.toBe('ready');
    await page.screenshot({ path: join(SHOTS, 'first-answers-network-no-engine.png') });
    expect(log.external).toEqual([]);
    await page.close();
  });

  it.each(['/terms', '/tracks', '/themes'])('shows the index %s from the answers in its HTML, even when the query engine cannot start', async (path) => {
    const html = await overviewHtml('?edition=2026-hunan', path);
    expect(html).toContain('<script type="application/json" id="crosstrack-first">');
    const page = await dashboard.browser.context.newPage();
    const log = watchPage(page, dashboard.server.url);
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(`${dashboard.server.url}${path}?edition=2026-hunan`);
    const shown = page.locator('#main table tbody tr, #main .vega svg .role-mark path');
    await shown.first().waitFor({ timeout: 60_000 });
    expect(await shown.count()).toBeGreaterThan(5);
    expect(await page.locator('#main').textContent()).toMatch(HAN);
    expect(await page.evaluate(() => document.documentElement.dataset.engine)).not.toBe('ready');
    await page.screenshot({ path: join(SHOTS, `first-answers-${path.slice(1)}-no-engine.png`) });
    expect(log.external).toEqual([]);
    await page.close();
  });
});
