/**
 * 题目检索 in Chromium: a search finds exactly the topics whose title or body contain the
 * text, marks the match, links to the topic on its track page; hostile input is plain
 * text; the query lives in the URL.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realConnector } from '../src/lib/fixture/real.ts';
import { watchPage, type AppServer, type Browser, SHOTS, openDashboard, type Dashboard } from './support.ts';

const HUNAN = '2026-hunan';

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
let topics: { edition_id: string; track_no: number; topic_no: number; title: string; body: string }[];

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  const { db } = await realConnector('node');
  topics = await db.query({ sql: 'SELECT edition_id, track_no, topic_no, title, body FROM topics' });
  await db.close();
});

afterAll(async () => {
  await dashboard?.close();
});

const containing = (q: string, edition?: string) =>
  topics.filter((t) => (!edition || t.edition_id === edition) && (t.title.toLowerCase().includes(q.toLowerCase()) || t.body.toLowerCase().includes(q.toLowerCase())));

async function waitForResults(page: Page) {
  await page.locator('.results .count, .results .empty').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.hits.stale'));
}

describe('topic search', () => {
  it('finds exactly the topics containing 可信数据空间, marks the match and counts them', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/topics?edition=${HUNAN}`);
    await waitForResults(page);
    // No query yet: every topic of the edition.
    expect(await page.locator('.results .count').textContent()).toContain(`共 ${containing('', HUNAN).length} 个题目`);

    await page.getByRole('searchbox').fill('可信数据空间');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => page.locator('.hits li').count()).toBe(containing('可信数据空间', HUNAN).length);
    await waitForResults(page);
    const expected = containing('可信数据空间', HUNAN);
    expect(await page.locator('.results .count').textContent()).toContain(`共 ${expected.length} 个题目`);
    expect((await page.locator('.hits li .title').allTextContents()).map((s) => s.trim()).sort()).toEqual(expected.map((t) => t.title).sort());
    // 可信数据空间 is a term: it is searched as one (the same topics here), marked where it is
    // written — <mark> in titles, the highlighted term in paragraphs.
    expect(await page.locator('.results .how').textContent()).toContain('按词条“可信数据空间”检索');
    const marks = await page.locator('.hits mark, .hits a.term.strong').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(expected.length);
    expect(new Set(marks)).toEqual(new Set(['可信数据空间']));
    await page.screenshot({ path: join(SHOTS, 'topics.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('treats a hostile string as text: nothing found, the reason said, nothing broken', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    const hostile = `%'_"; DROP TABLE topics;--`;
    await page.goto(`${server.url}/topics?edition=${HUNAN}&q=${encodeURIComponent(hostile)}&scope=all`);
    await waitForResults(page);
    expect(await page.locator('.results .empty').textContent()).toContain(`没有题目的标题或正文包含“${hostile}”`);
    expect(await page.getByRole('searchbox').inputValue()).toBe(hostile);
    await page.getByRole('button', { name: '清除' }).click();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    // The empty result stays on screen until the new query answers: poll, do not read once.
    await expect.poll(() => page.locator('.results .count').textContent(), { timeout: 30_000 }).toContain(`共 ${topics.length} 个题目`);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('restores a shared search over every edition, case-insensitively, and opens a hit on its track page', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    // ai is the thesaurus variant AI of 人工智能: exact text, as the link asks.
    await page.goto(`${server.url}/topics?edition=${HUNAN}&q=ai&scope=all&match=text`);
    await waitForResults(page);
    expect(await page.locator('.results .how').textContent()).toContain('按原文逐字检索');
    expect(await page.getByRole('button', { name: '改为按词条“人工智能”检索（含同义词变体）' }).count()).toBe(1);
    const expected = containing('ai');
    expect(expected.some((t) => t.edition_id !== HUNAN)).toBe(true);
    expect(await page.locator('.hits li').count()).toBe(expected.length);
    expect(await page.getByRole('radio', { name: /全部版本/ }).isChecked()).toBe(true);
    expect(await page.getByRole('searchbox').inputValue()).toBe('ai');
    expect(new Set((await page.locator('.hits mark').allTextContents()).map((m) => m.toLowerCase()))).toEqual(new Set(['ai']));

    const hit = page.locator('.hits li .title').first();
    const title = (await hit.textContent())!.trim();
    await hit.click();
    await page.waitForURL(/\/tracks\//);
    const url = new URL(page.url());
    const topic = url.searchParams.get('topic');
    const target = page.locator(`article#topic-${topic}`);
    await target.waitFor({ timeout: 60_000 });
    await expect.poll(() => target.evaluate((el) => el.classList.contains('marked'))).toBe(true);
    expect((await target.locator('h3 .title').textContent())?.trim()).toBe(title);
    expect(url.searchParams.get('edition')).toBe(url.pathname.split('/')[2]);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
