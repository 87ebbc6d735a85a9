/**
 * 赛道 in Chromium: the index lists the edition's tracks; a track page shows its key
 * terms, overlap, near-duplicates and topics with terms marked as links; `topic` and
 * `term` in the URL mark a topic and a term; state survives a shared link.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../analysis/contract.ts';
import { realConnector } from '../src/lib/fixture/real.ts';
import { watchPage, type AppServer, type Browser, SHOTS, openDashboard, type Dashboard, HAN } from './support.ts';

const HUNAN = '2026-hunan';

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
let manifest: Manifest;
let genericVerbs: Set<string>;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  const { db } = await realConnector('node');
  genericVerbs = new Set((await db.query<{ term: string }>({ sql: 'SELECT term FROM terms WHERE generic_verb' })).map((r) => r.term));
  await db.close();
  manifest = (await (await fetch(`${server.url}/data/manifest.json`)).json()) as Manifest;
});

afterAll(async () => {
  await dashboard?.close();
});

const hunan = () => manifest.editions.find((e) => e.edition_id === HUNAN)!;

async function openTrack(page: Page, track: number, query = `edition=${HUNAN}`) {
  await page.goto(`${server.url}/tracks/${HUNAN}/${track}?${query}`);
  await page.locator('article a.term').first().waitFor({ timeout: 60_000 });
  await page.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
}

describe('track index', () => {
  it('lists every track of the edition with key terms and links, and draws the tokens chart', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/tracks?edition=${HUNAN}`);
    await page.locator('.list li.track').first().waitFor({ timeout: 60_000 });
    await page.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });

    const names = await page.locator('.list li.track .name a').allTextContents();
    expect(names).toEqual(hunan().tracks.map((t) => t.track_name));
    const href = await page.locator('.list li.track .name a').nth(9).getAttribute('href');
    expect(new URL(href!, server.url).pathname).toBe(`/tracks/${HUNAN}/10`);
    expect(await page.locator('.list li.track').first().locator('.chip').count()).toBe(5);
    // The bar chart keeps Chinese labels upright on its vertical axis.
    const labels = await page.locator('.vega svg .role-axis-label text').allTextContents();
    expect(labels.filter((l) => HAN.test(l)).length).toBe(17);

    await page.screenshot({ path: join(SHOTS, 'tracks.png'), fullPage: true });
    await page.locator('.list li.track .name a', { hasText: '气象服务' }).click();
    await page.waitForURL(/\/tracks\/2026-hunan\/10/);
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });
});

describe('track page', () => {
  it('shows 气象服务 in full: charts, near-duplicates and marked terms', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openTrack(page, 10);
    expect((await page.locator('h1').textContent())?.trim()).toBe('气象服务');
    expect(await page.locator('article[id^="topic-"]').count()).toBe(6);
    // Key terms and overlap: two vega charts with bars (each table is derived when first read, so the second may come later).
    await page.locator('.vega').nth(1).locator('.mark-rect path').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.vega').count()).toBe(2);
    expect(await page.locator('.vega').nth(0).locator('.mark-rect path').count()).toBeGreaterThan(5);
    expect(await page.locator('.vega').nth(1).locator('.mark-rect path').count()).toBe(16);
    // Near-duplicates 1&4 and 3&4.
    const pairs = page.locator('.pairs li');
    expect(await pairs.count()).toBe(2);
    expect(await pairs.nth(0).textContent()).toContain('深化气象数据与城市规划');
    // Generic verbs are not marked while they are removed.
    const marked = await page.locator('article a.term').evaluateAll((els) => els.map((e) => e.getAttribute('data-term')!));
    expect(marked.length).toBeGreaterThan(100);
    expect(marked.filter((term) => genericVerbs.has(term))).toEqual([]);

    await page.screenshot({ path: join(SHOTS, 'track-气象服务.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('marks generic verbs too when they are kept', async () => {
    const page = await browser.context.newPage();
    await openTrack(page, 10, `edition=${HUNAN}&verbs=kept`);
    const marked = await page.locator('article a.term').evaluateAll((els) => els.map((e) => e.getAttribute('data-term')!));
    expect(marked.some((term) => genericVerbs.has(term))).toBe(true);
    await page.close();
  });

  it('scrolls to and marks the topic and the term from the URL', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openTrack(page, 10, `edition=${HUNAN}&topic=4&term=${encodeURIComponent('气象')}`);
    const topic = page.locator('article#topic-4');
    await expect.poll(() => topic.evaluate((el) => el.classList.contains('marked'))).toBe(true);
    await expect.poll(() => topic.evaluate((el) => el.getBoundingClientRect().top < innerHeight && el.getBoundingClientRect().bottom > 0)).toBe(true);
    const strong = await page.locator('a.term.strong').evaluateAll((els) => els.map((e) => e.getAttribute('data-term')));
    expect(strong.length).toBeGreaterThan(5);
    expect(new Set(strong)).toEqual(new Set(['气象']));
    await page.screenshot({ path: join(SHOTS, 'track-气象服务-topic4.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('goes to the term page when a marked term is clicked', async () => {
    const page = await browser.context.newPage();
    await openTrack(page, 10);
    const link = page.locator('article#topic-1 a.term').first();
    const term = (await link.getAttribute('data-term'))!;
    await link.click();
    await page.waitForURL((url) => url.pathname !== `/tracks/${HUNAN}/10`);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/terms/${term}`);
    expect(new URL(page.url()).searchParams.get('edition')).toBe(HUNAN);
    await page.close();
  });

  it('switches G² / log ratio and Jaccard / cosine through the URL, and a shared link restores them', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openTrack(page, 10);
    const title = page.locator('section.frame h2').first();
    expect(await title.textContent()).toContain('显著性 (G²)');
    await page.getByRole('radio', { name: '对数比' }).check({ force: true });
    await page.waitForURL(/stat=logratio/);
    await expect.poll(() => title.textContent()).toContain('对数比');
    await page.getByRole('radio', { name: '余弦相似度' }).check({ force: true });
    await page.waitForURL(/metric=cosine/);

    const other = await browser.context.newPage();
    await other.goto(page.url());
    await other.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    expect(await other.getByRole('radio', { name: '对数比' }).isChecked()).toBe(true);
    expect(await other.getByRole('radio', { name: '余弦相似度' }).isChecked()).toBe(true);
    expect(await other.locator('section.frame h2').nth(1).textContent()).toContain('余弦相似度');
    await other.close();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('takes the edition from the path when a link carried another one, and says when a track does not exist', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/tracks/2025-fujian-xiamen/1?edition=${HUNAN}`);
    await page.waitForURL(/edition=2025-fujian-xiamen/);
    await page.locator('article#topic-1').waitFor({ timeout: 60_000 });
    expect(await page.getByText('该版本仅含题目标题，无正文。').count()).toBe(1);
    await page.goto(`${server.url}/tracks/${HUNAN}/99?edition=${HUNAN}`);
    expect(await page.getByRole('alert').textContent()).toContain('没有第 99 个赛道');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
