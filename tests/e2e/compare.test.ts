/**
 * 版本对比 in Chromium: the two bundled editions (the titles-only notice, figures equal to the
 * on-demand computation, swap, term chart), a constructed pair of one region served in place
 * of the data (exactly its known changes and diff highlights, the series view), the term
 * page's trend panel on titles, and track choices carried across editions by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPIC_STATUSES, TRACK_STATUSES } from '../../analysis/contract.ts';
import { computeComparison } from '../../src/lib/compare/source.ts';
import { sampleCorpus, SAMPLE_EDIT, SAMPLE_TRUTH } from '../analysis/compare/sample.ts';
import { analyseCorpus } from '../src/lib/fixture/compare-output.ts';
import { realConnector } from '../src/lib/fixture/real.ts';
import { exportFrom, frameTitled, openDashboard, SHOTS, watchPage, type AppServer, type Browser, type Dashboard } from './support.ts';

const XIAMEN = '2025-fujian-xiamen';
const HUNAN = '2026-hunan';

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
let sampleDir: string;
let bundled: Record<'tracks' | 'topics', Record<string, number>>;

const tally = (rows: readonly { status: string }[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
};

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  expect(dashboard.data).toBe('real');
  const { db } = await realConnector('node');
  const c = await computeComparison(db, XIAMEN, HUNAN, 'removed');
  bundled = { tracks: tally(c.tracks), topics: tally(c.topics) };
  await db.close();
  sampleDir = (await analyseCorpus(sampleCorpus(), 'e2e-compare')).dir;
});

afterAll(async () => {
  await dashboard?.close();
});

/** Serves the constructed sample's analysis output in place of /data (the page fetches it in the browser). */
async function serveSample(page: Page) {
  await page.route('**/data/**', async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/data\//, ''));
    const file = join(sampleDir, path);
    if (path.includes('..') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ status: 200, body: readFileSync(file), contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
  });
}

async function openCompare(page: Page, query = '') {
  await page.goto(`${server.url}/compare${query}`);
  await page.locator('section.summary').waitFor({ timeout: 60_000 });
}

/** The summary's counts as { status: n } for tracks and topics. */
async function summaryOf(page: Page) {
  const read = async (kind: 'tracks' | 'topics', statuses: readonly string[]) => {
    const out: Record<string, number> = {};
    for (const s of statuses) {
      const n = Number(await page.locator(`.summary [data-kind="${kind}"] a[data-status="${s}"] b`).textContent());
      if (n > 0) out[s] = n;
    }
    return out;
  };
  return { tracks: await read('tracks', TRACK_STATUSES), topics: await read('topics', TOPIC_STATUSES) };
}

describe('the bundled editions', () => {
  it('compares 2025 Xiamen with 2026 Hunan on titles, says so, and shows the on-demand figures', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openCompare(page);
    // The URL names the default pair: Hunan against the older Xiamen list.
    const url = new URL(page.url());
    expect([url.searchParams.get('a'), url.searchParams.get('b')]).toEqual([XIAMEN, HUNAN]);
    const notice = page.locator('.titles-only');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('2025 福建厦门 仅含题目标题');
    expect(await notice.textContent()).toContain('只比较题目标题');
    expect(await summaryOf(page)).toEqual(bundled);
    // The term chart draws bars; the theme heatmap draws cells.
    await frameTitled(page, /词条升降/).locator('.vega svg .mark-rect path').first().waitFor({ timeout: 30_000 });
    await frameTitled(page, /主题 × 版本/).locator('.vega svg .mark-rect path').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'compare-bundled.png') });
    // The term chart exports as an image with its title and Chinese labels.
    const terms = frameTitled(page, /词条升降/);
    const svgDownload = await exportFrom(page, terms, 'SVG');
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toContain('词条升降：2026 湖南 相对 2025 福建厦门');
    expect(svg).toContain('>智能</text>');

    await page.getByRole('button', { name: /交换 A 和 B/ }).click();
    await page.waitForURL(/a=2026-hunan&b=2025-fujian-xiamen/);
    await page.waitForFunction(() => document.querySelector('.summary h2')?.textContent?.includes('2026 湖南 → 2025 福建厦门'));
    const swapped = await summaryOf(page);
    expect(swapped.topics.added).toBe(bundled.topics.removed);
    expect(swapped.topics.removed).toBe(bundled.topics.added);
    expect(swapped.tracks.added).toBe(bundled.tracks.removed);
    expect(await page.locator('.titles-only').isVisible()).toBe(true);
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('compares the term page’s trend on titles against the titles-only list', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/terms/${encodeURIComponent('隐私计算')}`);
    const pair = page.locator('p.pair[data-basis]');
    await pair.first().waitFor({ timeout: 60_000 });
    const text = await pair.first().textContent();
    expect(text).toContain('按标题比较（2025 福建厦门 仅含标题）');
    expect(text).toContain('0 → 2 次');
    expect(text).toContain('新出现');
    // Log Ratio is positive now: more frequent in the newer edition's titles.
    expect(text).toMatch(/对数比\s*0\.33/);
    await page.close();
  });
});

describe('a constructed pair of one region', () => {
  it('shows exactly its known changes, precomputed, with its diff highlights', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await serveSample(page);
    await openCompare(page, '?a=2025-hunan-sample&b=2026-hunan-sample');
    expect(await page.locator('.titles-only').count()).toBe(0);
    expect(await page.locator('.origin').textContent()).toContain('预先计算');
    const summary = await summaryOf(page);
    const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));
    expect(summary).toEqual({ tracks: nonZero(SAMPLE_TRUTH.tracks), topics: nonZero(SAMPLE_TRUTH.topics) });

    // The default list shows every changed topic, grouped by track.
    const items = page.locator('#topics article.pair');
    expect(await items.count()).toBe(28 - SAMPLE_TRUTH.topics.matched);
    // The renamed track is a change in itself: its group shows although its topics did not change.
    const renamed = page.locator('#topics section.group[data-status="renamed"]');
    expect(await renamed.locator('h3').textContent()).toMatch(/气象服务\s*→\s*智慧气象/);
    expect(await renamed.locator('article.pair').count()).toBe(0);

    const edited = page.locator('#topics article.pair[data-status="edited"]');
    expect(await edited.count()).toBe(1);
    expect(await edited.locator('h4').first().textContent()).toBe('产业链协同与供应链风险预警');
    expect(await edited.locator('.side.a del').allTextContents()).toEqual([SAMPLE_EDIT.from]);
    const inserted = (await edited.locator('.side.b ins').allTextContents()).join('|');
    expect(inserted).toBe(`${SAMPLE_EDIT.to}|${SAMPLE_EDIT.added}`);

    const reworded = page.locator('#topics article.pair[data-status="reworded"]');
    expect(await reworded.locator('.side.a h4').textContent()).toBe('工业大模型智能体的研发与应用');
    expect(await reworded.locator('.side.b h4').textContent()).toBe('工业领域大模型智能体研发及场景应用');
    expect((await reworded.locator('.side.b h4 ins').allTextContents()).join('')).toContain('领域');
    expect(await reworded.locator('.side.b .body ins').count()).toBe(0); // the body is unchanged

    const moved = page.locator('#topics article.pair[data-status="moved"]');
    expect(await moved.locator('.moved-from').textContent()).toBe('由「中医药」调整到「工业制造」');
    expect(await page.locator('#topics article.pair[data-status="matched"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'compare-sample.png') });
    await edited.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'compare-sample-diff.png') });

    // The list exports the rows it shows.
    const download = await exportFrom(page, frameTitled(page, /题目对照/), 'CSV');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv[0]).toBe('状态,A 中的赛道,A 题号,A 标题,B 中的赛道,B 题号,B 标题,标题相似度,正文相似度');
    expect(csv).toHaveLength(1 + 28 - SAMPLE_TRUTH.topics.matched);
    expect(csv.some((line) => line.startsWith('调整赛道,中医药,'))).toBe(true);

    // A summary count is a link to its list.
    await page.locator('.summary [data-kind="topics"] a[data-status="removed"]').click();
    await page.waitForURL(/show=removed/);
    await page.waitForFunction(() => document.querySelectorAll('#topics article.pair').length === 4);
    expect(await page.locator('#topics article.pair[data-status="removed"]').count()).toBe(SAMPLE_TRUTH.topics.removed);
    await page.locator('.summary [data-kind="tracks"] a[data-status="added"]').click();
    await page.waitForURL(/tstatus=added/);
    await page.waitForFunction(() => document.querySelectorAll('#topics section.group').length === 1);
    expect(await page.locator('#topics section.group h3').textContent()).toContain('低空经济');

    // Three editions of the region: the series view with its lines and first appearances.
    const series = frameTitled(page, /湖南 历年主题走势/);
    await series.locator('.vega svg .mark-line path').first().waitFor({ timeout: 30_000 });
    expect(await frameTitled(page, /各词条首次出现的年份/).locator('ol.first li').count()).toBeGreaterThan(5);
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('computes the reversed pair on demand and restores a shared link', async () => {
    const page = await browser.context.newPage();
    await serveSample(page);
    await openCompare(page, '?a=2026-hunan-sample&b=2025-hunan-sample&show=added');
    expect(await page.locator('.origin').textContent()).toContain('即时计算');
    const summary = await summaryOf(page);
    expect(summary.topics.added).toBe(SAMPLE_TRUTH.topics.removed);
    expect(summary.topics.removed).toBe(SAMPLE_TRUTH.topics.added);
    expect(summary.tracks.renamed).toBe(1);
    expect(await page.locator('#topics article.pair').count()).toBe(SAMPLE_TRUTH.topics.removed);
    expect(await page.locator('#topics article.pair[data-status="added"]').count()).toBe(SAMPLE_TRUTH.topics.removed);
    await page.close();
  });
});

describe('the report basket', () => {
  it('takes /compare’s charts and tables with their view state and rebuilds them from it', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openCompare(page, `?a=${XIAMEN}&b=${HUNAN}&by=log_ratio&show=added`);
    // Every frame of the page has the 「导出」 menu and 「加入报告篮」, the summary too.
    for (const frame of await page.locator('section.frame').all()) {
      expect(await frame.locator('details.menu').count()).toBe(1);
      expect(await frame.getByRole('button', { name: /加入报告篮/ }).count()).toBe(1);
    }
    expect(await page.locator('section.summary details.menu').count()).toBe(1);
    const terms = frameTitled(page, /词条升降/);
    await terms.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'compare-export.png') });
    await terms.locator('details.menu summary').click();
    await terms.locator('details.menu').screenshot({ path: join(SHOTS, 'compare-export-menu.png') });
    await terms.locator('details.menu summary').click();
    const add = async (container: ReturnType<typeof frameTitled>, n: number) => {
      await container.getByRole('button', { name: /加入报告篮/ }).first().click();
      await container.getByRole('status').filter({ hasText: `已加入报告篮（共 ${n} 项）` }).waitFor();
    };
    await add(terms, 1);
    await add(frameTitled(page, /题目对照/), 2);
    await add(page.locator('section.summary'), 3);
    const listed = await page.locator('#topics article.pair').count();
    expect(listed).toBe(Math.min(60, bundled.topics.added));

    await page.goto(`${server.url}/basket`);
    const entries = page.locator('article.entry');
    await page.waitForFunction(
      () => {
        const items = [...document.querySelectorAll('article.entry')];
        return items.length === 3 && items.every((a) => (a.querySelector('img') as HTMLImageElement | null)?.naturalWidth || a.querySelector('table tbody tr'));
      },
      undefined,
      { timeout: 90_000 }
    );
    expect(await entries.evaluateAll((items) => items.map((a) => a.getAttribute('data-recipe')))).toEqual(['compare.terms', 'compare.topics', 'compare.summary']);
    const text = await entries.allTextContents();
    expect(text[0]).toContain('图 1');
    expect(text[0]).toContain('词条升降：2026 湖南 相对 2025 福建厦门');
    expect(text[0]).toContain('对数比');
    expect(text[1]).toContain('表 1');
    expect(text[1]).toContain('新增 · 仅比较标题');
    expect(text[2]).toContain('变化概览：2025 福建厦门 → 2026 湖南');
    // The list item keeps its filter (新增): it lists the added topics, and only those. The page
    // shows the first 60; the report's table holds every one (up to the Word table's 300 rows).
    const rows = entries.nth(1).locator('table tbody tr');
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(statuses.length).toBe(Math.min(300, bundled.topics.added));
    expect(new Set(statuses)).toEqual(new Set(['新增']));
    await entries.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'basket-compare.png') });
    // 「打开原视图」 goes back to the comparison with the same state.
    const back = new URL((await entries.first().getByRole('link', { name: /打开原视图/ }).getAttribute('href'))!, server.url);
    expect(back.pathname).toBe('/compare');
    expect(back.searchParams.get('a')).toBe(XIAMEN);
    expect(back.searchParams.get('by')).toBe('log_ratio');
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe('tracks across editions', () => {
  it('links a track page to the same track in the other edition, matched by name', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/tracks/${HUNAN}/1?edition=${HUNAN}`);
    const links = page.locator('p.elsewhere a').first();
    await links.waitFor({ timeout: 60_000 });
    expect(await links.textContent()).toContain('2025 福建厦门 工业制造');
    // 工业制造 is track 1 in Hunan and track 3 in Xiamen.
    expect(new URL((await links.getAttribute('href'))!, server.url).pathname).toBe(`/tracks/${XIAMEN}/3`);
    await page.close();
  });

  it('carries the word cloud’s track to the same-named track when the edition changes', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/?edition=${HUNAN}&cloud=1&tracks=1,7`);
    await page.locator('.cloud svg text').first().waitFor({ timeout: 60_000 });
    await page.locator('form.filters select').first().selectOption(XIAMEN);
    await page.waitForURL(new RegExp(`edition=${XIAMEN}`));
    const url = new URL(page.url());
    // 工业制造 (1) → 3 in Xiamen; 医疗健康 (7 in Hunan) → 8 in Xiamen.
    expect(url.searchParams.get('cloud')).toBe('3');
    expect(url.searchParams.get('tracks')).toBe('3,8');
    await page.close();
  });
});
