/**
 * 总览 in Chromium on the real data: every chart draws, the word cloud is the same after a
 * reload and holds no punctuation or (removed) generic verbs, and clicks drill down.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, engineReady, watchPage, type AppServer, type Browser, SHOTS, openDashboard, type Dashboard, frameTitled, exportFrom } from './support.ts';

const GENERIC_VERBS = readFileSync(join(ROOT, 'data/dict/generic-verbs.txt'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => l && !l.startsWith('#'));

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  expect(dashboard.data).toBe('real');
});

afterAll(async () => {
  await dashboard?.close();
});

const cloudFrame = (page: Page) => frameTitled(page, /词云/);
const cloudWordsOf = (frame: Locator) =>
  frame.locator('.cloud svg text').evaluateAll((nodes) => nodes.map((n) => `${n.childNodes[n.childNodes.length - 1]?.textContent}@${n.getAttribute('transform')}`));

async function open(page: Page, query = '') {
  await page.goto(`${server.url}/${query}`);
  await page.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
  await cloudFrame(page).locator('.cloud svg text').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelectorAll('.vega svg').length >= 3 && !document.querySelector('.chart.stale'));
  await engineReady(page);
}

describe('overview', () => {
  it('shows the edition counts, top terms, word cloud, theme heatmap and cross-track matrix without errors', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await open(page);
    const facts = await page.locator('.facts dd').allTextContents();
    expect(facts).toHaveLength(4);
    expect(facts.slice(0, 2)).toEqual(['17', '122']);
    expect(Number(facts[2].replace(/,/g, ''))).toBeGreaterThan(1000);
    for (const title of [/高频词条/, /词云/, /主题 × 赛道/, /跨赛道词条/]) expect(await frameTitled(page, title).count(), String(title)).toBe(1);
    expect(await frameTitled(page, /主题 × 赛道/).locator('.vega svg .mark-rect path').count()).toBeGreaterThan(17 * 10);
    const crossLabels = await frameTitled(page, /跨赛道词条/).locator('.vega svg .role-axis-label text').allTextContents();
    expect(crossLabels).toContain('数据');
    expect(await cloudFrame(page).locator('.cloud svg text').count()).toBeGreaterThan(30);
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
    await cloudFrame(page).screenshot({ path: join(SHOTS, 'wordcloud.png') });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('draws the same word cloud after a reload, with no punctuation or generic verbs', async () => {
    const page = await browser.context.newPage();
    await open(page);
    const first = await cloudWordsOf(cloudFrame(page));
    await page.reload();
    await open(page);
    expect(await cloudWordsOf(cloudFrame(page))).toEqual(first);
    const words = first.map((w) => w.split('@')[0]);
    expect(words.filter((w) => /[\p{P}\p{S}\s]/u.test(w))).toEqual([]);
    expect(words.filter((w) => GENERIC_VERBS.includes(w))).toEqual([]);
    // No rotation anywhere in the cloud.
    expect(first.every((w) => !w.includes('rotate'))).toBe(true);

    await page.goto(`${server.url}/?verbs=kept`);
    await cloudFrame(page).locator('.cloud svg text').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('.chart.stale'));
    const kept = (await cloudWordsOf(cloudFrame(page))).map((w) => w.split('@')[0]);
    expect(kept.some((w) => GENERIC_VERBS.includes(w))).toBe(true);
    await page.close();
  });

  it('switches the cloud to one track through the URL and exports it as SVG', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await open(page);
    const frame = cloudFrame(page);
    const before = await cloudWordsOf(frame);
    await frame.getByLabel('词云范围').selectOption({ label: '3 商贸流通' });
    await page.waitForURL(/cloud=3/);
    await expect.poll(async () => (await frame.locator('h2').textContent()) ?? '').toContain('商贸流通');
    await expect.poll(() => cloudWordsOf(frame)).not.toEqual(before);
    await page.waitForFunction(() => !document.querySelector('.chart.stale'));
    const shared = page.url();
    const words = await cloudWordsOf(frame);
    const other = await browser.context.newPage();
    await other.goto(shared);
    await cloudFrame(other).locator('.cloud svg text').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => cloudWordsOf(cloudFrame(other))).toEqual(words);
    await other.close();

    // The export lays the words out again for the Word width: about as many fit as on screen.
    const download = await exportFrom(page, frame, 'SVG');
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toContain('商贸流通');
    expect(svg.match(/<text /g)!.length).toBeGreaterThan(words.length * 0.8);
    expect(svg).toContain('词典版本');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('drills down: bar → term page, cloud word → term page, track → track page, cells → theme page / track page', async () => {
    const page = await browser.context.newPage();
    await open(page);
    const top = frameTitled(page, /高频词条/);
    // The longest bar is drawn first and its label heads the vertical axis.
    const firstLabel = (await top.locator('.vega svg .role-axis-label text').allTextContents()).find((l) => /\p{Script=Han}/u.test(l))!;
    await top.locator('.vega svg .mark-rect path').first().click();
    await page.waitForURL(/\/terms\//);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/terms/${firstLabel}`);
    await page.locator('h1', { hasText: firstLabel }).waitFor();

    await open(page);
    const word = cloudFrame(page).locator('.cloud svg a').first();
    const text = (await word.locator('text').evaluate((n) => n.childNodes[n.childNodes.length - 1]?.textContent))!;
    await word.click();
    await page.waitForURL(/\/terms\//);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/terms/${text}`);

    await open(page);
    await page.locator('.tracks a', { hasText: '交通运输' }).click();
    await page.waitForURL(/\/tracks\/2026-hunan\/4/);

    await open(page);
    // A cell's printed figure sits on top of it and carries the same datum.
    await frameTitled(page, /主题 × 赛道/).locator('.vega svg .mark-text.role-mark text').nth(200).click();
    // The theme's page at that track: the global filters (theme, tracks) are left alone.
    await page.waitForURL((url) => url.pathname.startsWith('/themes/'));
    expect(new URL(page.url()).searchParams.get('track')).toMatch(/^\d+$/);
    expect([new URL(page.url()).searchParams.get('theme'), new URL(page.url()).searchParams.get('tracks')]).toEqual([null, null]);

    await open(page);
    await frameTitled(page, /跨赛道词条/).locator('.vega svg .mark-text.role-mark text').nth(100).click();
    await page.waitForURL(/\/tracks\/2026-hunan\/\d+\?.*term=/);
    const crossTerm = new URL(page.url()).searchParams.get('term')!;
    expect(crossTerm.length).toBeGreaterThan(0);
    await page.close();
  });
});
