/**
 * Figures that say something true and lead to their evidence, in Chromium on the real data:
 * search by term counts what the term page counts (隐私计算 / 隐私保护计算), keyness marks
 * significance and ties, the 「领域词」 switch reaches the bar, the cloud and the network,
 * the overview's numbers open what they count, an empty cloud says why.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realConnector } from '../src/lib/fixture/real.ts';
import { engineReady, frameTitled, HAN, openDashboard, SHOTS, watchPage, type AppServer, type Browser, type Dashboard } from './support.ts';

const HUNAN = '2026-hunan';

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
let everyTrack: Set<string>;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  expect(dashboard.data).toBe('real');
  const { db } = await realConnector('node');
  // Terms found in all 17 Hunan tracks: TF-IDF gives them 0.
  everyTrack = new Set(
    (await db.query<{ term: string }>({ sql: `SELECT term FROM term_stats WHERE edition_id = ? AND generic_verbs = 'removed' AND tracks = 17`, params: [HUNAN] })).map(
      (r) => r.term
    )
  );
  await db.close();
});

afterAll(async () => {
  await dashboard?.close();
});

const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('.chart.stale') && !document.querySelector('.hits.stale'));
const num = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

async function termTopics(page: Page, term: string): Promise<number> {
  await page.goto(`${server.url}/terms/${encodeURIComponent(term)}?edition=${HUNAN}`);
  const item = page.locator('.figures .item', { hasText: '含该词题目数' });
  await item.locator('dd a').waitFor({ timeout: 60_000 });
  return num(await item.locator('dd a').textContent());
}

async function searchCount(page: Page, query: string): Promise<number> {
  await page.goto(`${server.url}/topics?edition=${HUNAN}&${query}`);
  await page.locator('.results .count').waitFor({ timeout: 60_000 });
  await idle(page);
  return num((await page.locator('.results .count').textContent())!.match(/共 ([\d,]+) 个题目/)![1]);
}

describe('search by term agrees with the term page', () => {
  it('隐私计算: 6 topics by term (隐私保护计算 included), as the term page says; 5 by exact text', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    const onTermPage = await termTopics(page, '隐私计算');
    expect(onTermPage).toBe(6);
    expect(await searchCount(page, `q=${encodeURIComponent('隐私计算')}`)).toBe(onTermPage);
    const how = await page.locator('.results .how').textContent();
    expect(how).toContain('按词条“隐私计算”检索');
    expect(how).toContain('隐私保护计算');
    // The variant is marked where it is written.
    expect(await page.locator('.hits a.term.strong').allTextContents()).toContain('隐私保护计算');
    await page.screenshot({ path: join(SHOTS, 'topics-by-term.png'), fullPage: true });
    // Exact text, one click away.
    await page.getByRole('button', { name: '改为按原文逐字检索' }).click();
    await page.waitForURL(/match=text/);
    await expect.poll(async () => num((await page.locator('.results .count').textContent())!.match(/共 ([\d,]+) 个题目/)![1])).toBe(5);
    // The variant itself finds the term's topics too.
    expect(await searchCount(page, `q=${encodeURIComponent('隐私保护计算')}`)).toBe(6);
    expect(await page.locator('.results .how').textContent()).toContain('同义写法');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the term page’s topic count links to that search, and 医疗保障 (variant 医保) agrees too', async () => {
    const page = await browser.context.newPage();
    const count = await termTopics(page, '医疗保障');
    await page.locator('.figures .item', { hasText: '含该词题目数' }).locator('dd a').click();
    await page.waitForURL(/\/topics/);
    await page.locator('.results .count').waitFor({ timeout: 60_000 });
    await idle(page);
    expect(num((await page.locator('.results .count').textContent())!.match(/共 ([\d,]+) 个题目/)![1])).toBe(count);
    await page.close();
  });
});

describe('keyness', () => {
  it('医疗保障: significance marks and tiers, the track’s own name left out and named, ties said as ties', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/tracks/${HUNAN}/8?edition=${HUNAN}`);
    const frame = frameTitled(page, /特征词/);
    await frame.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await idle(page);
    const labels = await frame.locator('.vega svg .mark-text text').allTextContents();
    expect(labels).toContain('24.39 ***');
    expect(labels.filter((l) => l.includes('12.19 *** （并列第 5）'))).toHaveLength(7);
    // Not significant: grey bars and no mark (the under-represented side of this small track).
    const fills = await frame.locator('.vega svg .mark-rect path').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
    expect(fills).toContain('#c4c4c4');
    expect(labels.filter((l) => l.startsWith('-')).every((l) => !l.includes('*'))).toBe(true);
    expect(await frame.locator('.vega svg .role-legend').textContent()).toContain('不显著');
    // The track's own name is left out, and said so.
    const axis = (await frame.locator('.vega svg .role-axis-label text').allTextContents()).filter((l) => HAN.test(l));
    expect(axis).not.toContain('医疗保障');
    expect(axis[0]).toBe('药品');
    const notes = await page.locator('.notes').textContent();
    expect(notes).toContain('已排除赛道名称中的词：医疗保障（G² 115.85）');
    expect(notes).toContain('并列第 5 名的 7 个词');
    expect(notes).toContain('*** p < 0.001（G² ≥ 10.83）');
    await page.screenshot({ path: join(SHOTS, 'keyness-医疗保障.png'), fullPage: true });

    // Log Ratio: significant terms only, none seen once.
    await page.getByRole('radio', { name: '对数比' }).check();
    await page.waitForURL(/stat=logratio/);
    await idle(page);
    await frame.getByRole('button', { name: '表格' }).click();
    const rows = await frame.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r[4], r[0]).toMatch(/^\*+$/); // 显著性 column
      expect(num(r[7]), r[0]).toBeGreaterThanOrEqual(2); // 全版本词频 ≥ the default minimum
    }
    // Showing the track's name again puts it first.
    await page.getByRole('button', { name: '仍然显示' }).click();
    await page.waitForURL(/own=1/);
    await idle(page);
    expect((await frame.locator('table tbody tr th').first().textContent())?.trim()).toBe('医疗保障');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('the overview says something', () => {
  it('「领域词」 and TF-IDF reach the bar, the cloud and the network, and stay in the URL', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/?edition=${HUNAN}`);
    const top = frameTitled(page, /高频词条/);
    await top.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await engineReady(page);
    const before = (await top.locator('.vega svg .role-axis-label text').allTextContents()).filter((l) => HAN.test(l));
    expect(before.slice(0, 3)).toEqual(['数据', '应用', '服务']);

    await page.locator('.vocabulary').getByRole('radio', { name: '领域词' }).check();
    await page.waitForURL(/vocab=domain/);
    await page.locator('.vocabulary').getByRole('radio', { name: '区分度 (TF-IDF)' }).check();
    await page.waitForURL(/rank=tfidf/);
    const ranked = frameTitled(page, /区分度最高的领域词/);
    await ranked.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await idle(page);
    const bar = (await ranked.locator('.vega svg .role-axis-label text').allTextContents()).filter((l) => HAN.test(l));
    const cloud = await frameTitled(page, /词云/).locator('.cloud svg a').evaluateAll((as) => as.map((a) => a.querySelector('text')?.lastChild?.textContent ?? ''));
    for (const words of [bar, cloud]) {
      expect(words.length).toBeGreaterThan(10);
      for (const generic of ['数据', '应用', '服务', '智能', '技术']) expect(words).not.toContain(generic);
      expect(words.filter((w) => everyTrack.has(w))).toEqual([]);
    }
    expect(bar[0]).toBe('中医药');
    expect(await ranked.locator('.subtitle').textContent()).toContain('仅领域词');
    await page.screenshot({ path: join(SHOTS, 'overview-领域词.png'), fullPage: true });

    await page.getByRole('link', { name: '在共现网络中查看' }).click();
    await page.waitForURL(/\/network/);
    const url = new URL(page.url());
    expect([url.searchParams.get('vocab'), url.searchParams.get('rank')]).toEqual(['domain', 'tfidf']);
    await page.locator('.network svg .node').first().waitFor({ timeout: 60_000 });
    const nodes = await page.locator('.network svg .node text').allTextContents();
    expect(nodes).toContain('中医药');
    for (const generic of ['数据', '应用', '服务']) expect(nodes).not.toContain(generic);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('every count of the overview opens the rows it counts', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/?edition=${HUNAN}`);
    await page.locator('.cards a').first().waitFor({ timeout: 60_000 });
    const cards = await page.locator('.cards a').evaluateAll((as) => as.map((a) => [a.querySelector('.value')?.textContent, (a as HTMLAnchorElement).href]));
    expect(cards).toHaveLength(4);
    // 题目数 of the corpus: every topic of every edition.
    await page.goto(cards[2][1]!);
    await page.locator('.results .count').waitFor({ timeout: 60_000 });
    expect(await page.locator('.results .count').textContent()).toContain(`共 ${cards[2][0]} 个题目`);
    // 版本数 and 词条数: the tables in SQL 控制台, with as many rows.
    for (const i of [0, 3]) {
      await page.goto(cards[i][1]!);
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 30_000 }).toMatch(new RegExp(`共 ${cards[i][0]} 行`));
    }
    // A term's count in the index opens its KWIC lines: as many as the count.
    await page.goto(`${server.url}/terms?edition=${HUNAN}`);
    const first = page.locator('section.frame tbody tr').first();
    await first.waitFor({ timeout: 60_000 });
    const count = num(await first.locator('td').first().textContent());
    await first.locator('td').first().locator('a').click();
    await page.waitForURL(/\/terms\/.+#kwic/);
    await page.locator('table.kwic tbody tr').first().waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toMatch(new RegExp(`共 ${count.toLocaleString('zh-CN')} 处|共 ${count} 处`));
    await page.close();
  });

  it('an empty word cloud under a theme says that the theme has no member there', async () => {
    const page = await browser.context.newPage();
    // 低空经济's members (低空经济, 低空, 无人机) are not in 医疗保障 (track 8).
    await page.goto(`${server.url}/?edition=${HUNAN}&theme=${encodeURIComponent('低空经济')}&cloud=8`);
    const cloud = frameTitled(page, /词云/);
    await cloud.locator('.empty').waitFor({ timeout: 60_000 });
    const text = await cloud.locator('.empty').textContent();
    expect(text).toContain('没有主题“低空经济”的成员词');
    expect(text).not.toContain('赛道筛选');
    await page.close();
  });
});
