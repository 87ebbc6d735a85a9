/**
 * 词条 (index and term page) in Chromium on the real data: search, sort and the audit
 * filter in the URL; the page of 可信数据空间 shows its six tracks, KWIC lines and
 * co-occurring terms; a shared URL restores the view; clicks drill down.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage, type AppServer, type Browser, SHOTS, openDashboard, type Dashboard, frameTitled, HAN } from './support.ts';

const TRUSTED = '可信数据空间';
const SIX = ['现代农业', '交通运输', '金融服务', '医疗保障', '应急管理', '中医药'];

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

const hanLabels = async (page: Page, title: RegExp) =>
  (await frameTitled(page, title).locator('.vega svg .role-axis-label text').allTextContents()).filter((l) => HAN.test(l));
const termUrl = (term: string, query = '') => `${server.url}/terms/${encodeURIComponent(term)}${query}`;
const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('.chart.stale') && !document.querySelector('.stale'));

async function openTerm(page: Page, term: string, query = '') {
  await page.goto(termUrl(term, query));
  await frameTitled(page, /在各赛道的词频/).locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
  await page.locator('table.kwic tbody tr').first().waitFor({ timeout: 60_000 });
  await idle(page);
}

describe('term index', () => {
  it('lists the terms, searches, sorts and filters single characters through the URL', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/terms`);
    const rows = page.locator('section.frame tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(100);
    expect(await page.locator('.intro').textContent()).toMatch(/单字词 \d+ 个/);
    // Sorted by 词频 descending: the first row is the most frequent term.
    expect(await rows.first().locator('th a').textContent()).toBe('数据');
    await page.screenshot({ path: join(SHOTS, 'terms.png') });

    await page.getByRole('checkbox', { name: '只看单字词' }).check();
    await page.waitForURL(/single=1/);
    await idle(page);
    const singles = await page.locator('section.frame tbody th a').allTextContents();
    expect(singles.length).toBeGreaterThan(5);
    expect(singles.every((s) => [...s].length === 1)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'terms-single.png') });
    await page.getByRole('checkbox', { name: '只看单字词' }).uncheck();
    await page.waitForURL((url) => !url.searchParams.has('single'));

    await page.locator('thead button', { hasText: '覆盖赛道数' }).click();
    await page.waitForURL(/sort=tracks/);
    await idle(page);
    const tracks = (await page.locator('section.frame tbody tr td:nth-child(5)').allTextContents()).map(Number);
    expect(tracks).toEqual([...tracks].sort((a, b) => b - a));
    expect(tracks[0]).toBe(17);

    await page.getByLabel('搜索词条').fill('可信');
    await page.waitForURL(/q=/);
    await idle(page);
    const found = await page.locator('section.frame tbody th a').allTextContents();
    expect(found).toContain(TRUSTED);
    expect(found.every((s) => s.includes('可信'))).toBe(true);

    const shared = page.url();
    const other = await browser.context.newPage();
    await other.goto(shared);
    await other.locator('section.frame tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await other.locator('section.frame tbody th a').allTextContents()).toEqual(found);
    expect(await other.getByLabel('搜索词条').inputValue()).toBe('可信');
    await other.close();

    await page.locator('section.frame tbody th a', { hasText: TRUSTED }).click();
    await page.waitForURL(/\/terms\/%E5%8F%AF/);
    await page.locator('h1', { hasText: TRUSTED }).waitFor();
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });
});

describe('term page', () => {
  it(`shows ${TRUSTED} in exactly its six tracks, with figures, KWIC and co-occurrence`, async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openTerm(page, TRUSTED, '?order=guide');
    expect(await hanLabels(page, /在各赛道的词频/)).toEqual(SIX);
    const figures = await page.locator('.figures dd').allTextContents();
    expect(figures[0]).toBe('9');
    expect(figures[3]).toContain('6');
    expect(await page.locator('.figures [role="tooltip"]').count()).toBe(5);
    const lines = page.locator('table.kwic tbody tr');
    expect(await lines.count()).toBe(9);
    expect(new Set(await page.locator('table.kwic mark').allTextContents())).toEqual(new Set([TRUSTED]));
    await frameTitled(page, /共现的词条/).locator('.vega svg .mark-rect path').first().waitFor();
    expect((await hanLabels(page, /共现的词条/)).length).toBeGreaterThan(3);
    // 2025 福建厦门 has no 可信数据空间: its bar has zero width, so wait for the other one.
    await frameTitled(page, /各版本中的每万词频次/).locator('.vega svg .mark-rect path').last().waitFor();
    expect(await frameTitled(page, /各版本中的每万词频次/).textContent()).toContain('对数比');
    await page.screenshot({ path: join(SHOTS, `term-${TRUSTED}.png`), fullPage: true });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('keeps window, statistic, top and order in the URL and restores them after a reload', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openTerm(page, '数据');
    const cooc = frameTitled(page, /共现的词条/);
    await page.getByLabel('上下文字数').selectOption('40');
    await page.waitForURL(/kwic=40/);
    await cooc.getByLabel('统计量').selectOption({ label: 'Jaccard' });
    await page.waitForURL(/stat=jaccard/);
    await cooc.locator('input[type="radio"][value="sentence"]').check();
    await page.waitForURL(/window=sentence/);
    await cooc.getByLabel('显示前').selectOption('10');
    await page.waitForURL(/top=10/);
    await page.locator('input[type="radio"][value="guide"]').check();
    await page.waitForURL(/order=guide/);
    await idle(page);
    const coocLabels = await hanLabels(page, /共现的词条/);
    expect(coocLabels).toHaveLength(10);
    const trackLabels = await hanLabels(page, /在各赛道的词频/);
    const kwicFirst = await page.locator('table.kwic tbody tr').first().textContent();
    expect(await cooc.locator('h2').textContent()).toContain('Jaccard，同一句子');
    expect(log.errors).toEqual([]);

    await page.reload();
    await openTerm(page, '数据', new URL(page.url()).search);
    // The pairs are derived on the page's first co-occurrence query, so this chart can come last.
    await frameTitled(page, /共现的词条/).locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await idle(page);
    expect(await hanLabels(page, /共现的词条/)).toEqual(coocLabels);
    expect(await hanLabels(page, /在各赛道的词频/)).toEqual(trackLabels);
    expect(await page.locator('table.kwic tbody tr').first().textContent()).toBe(kwicFirst);
    expect(await page.getByLabel('上下文字数').inputValue()).toBe('40');
    expect(await frameTitled(page, /共现的词条/).getByLabel('统计量').inputValue()).toBe('jaccard');
    expect(await page.locator('input[type="radio"][value="sentence"]').isChecked()).toBe(true);
    // A reload may abort a request still in flight (a link preload); that is not an app error.
    expect(log.errors.filter((e) => !e.includes('net::ERR_ABORTED'))).toEqual([]);
    await page.close();
  });

  it('drills down from a bar to the track page and from a KWIC line to its topic', async () => {
    const page = await browser.context.newPage();
    await openTerm(page, TRUSTED, '?order=guide');
    await frameTitled(page, /在各赛道的词频/).locator('.vega svg .mark-rect path').first().click();
    await page.waitForURL(/\/tracks\/2026-hunan\/2\?/);
    expect(new URL(page.url()).searchParams.get('term')).toBe(TRUSTED);

    await openTerm(page, TRUSTED);
    const link = page.locator('table.kwic tbody tr a').first();
    await link.click();
    await page.waitForURL(/\/tracks\/2026-hunan\/\d+\?.*topic=\d+/);
    const url = new URL(page.url());
    expect(url.searchParams.get('term')).toBe(TRUSTED);

    await openTerm(page, TRUSTED);
    await frameTitled(page, /共现的词条/).locator('.vega svg .mark-rect path').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/terms/') && !decodeURIComponent(u.pathname).endsWith(TRUSTED));
    await page.close();
  });

  it('says why sentence co-occurrence is empty for a titles-only edition', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(termUrl('数据', '?edition=2025-fujian-xiamen&window=sentence'));
    await frameTitled(page, /共现的词条/).getByText('该版本仅含题目标题，无正文，无法计算句内共现').waitFor({ timeout: 60_000 });
    // The topic window still works there, and the English page says the same in English.
    await page.goto(termUrl('数据', '?edition=2025-fujian-xiamen&window=sentence&lang=en'));
    await page.getByText('This edition lists topic titles only, without paragraphs, so sentence co-occurrence cannot be computed').waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: /Keyword in context: 数据, 2025 福建厦门/ }).waitFor();
    await page.locator('input[type="radio"][value="topic"]').check();
    await page.waitForURL((u) => !u.searchParams.has('window'));
    await frameTitled(page, /Terms co-occurring/).locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('answers an unknown term with similar terms', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(termUrl('可信数据湖'));
    await page.getByRole('heading', { name: '未找到词条“可信数据湖”' }).waitFor({ timeout: 60_000 });
    const similar = page.locator('.notice ul a');
    await similar.first().waitFor();
    expect(await similar.allTextContents()).toContain(TRUSTED);
    await page.screenshot({ path: join(SHOTS, 'term-unknown.png') });
    await similar.filter({ hasText: TRUSTED }).click();
    await page.waitForURL(/\/terms\/%E5%8F%AF/);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
