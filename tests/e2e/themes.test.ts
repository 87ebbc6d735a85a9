/**
 * 主题 in Chromium on the real data: a theme's members are shown and linked wherever the
 * theme is named (the 主题 filter, a term page); the theme page's member × track counts
 * add up to the overview's theme × track heatmap; clicking a cell lists its passages with
 * the members highlighted and never changes the global filters; a link that does change
 * them says so and undoes it in one click.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realConnector } from '../src/lib/fixture/real.ts';
import { engineReady, frameTitled, openDashboard, SHOTS, watchPage, type AppServer, type Browser, type Dashboard } from './support.ts';

const HUNAN = '2026-hunan';
const THEME = '隐私计算';

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
let members: string[];

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  expect(dashboard.data).toBe('real');
  const { db } = await realConnector('node');
  members = (await db.query<{ term: string }>({ sql: 'SELECT term FROM themes WHERE theme = ? ORDER BY term', params: [THEME] })).map((r) => r.term);
  await db.close();
});

afterAll(async () => {
  await dashboard?.close();
});

const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('.chart.stale') && !document.querySelector('[aria-busy="true"]'));

/** The rows of a chart frame's 表格 view, cell texts by column. */
async function tableOf(frame: Locator): Promise<string[][]> {
  const toggle = frame.getByRole('button', { name: '表格' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await frame.locator('table tbody tr').first().waitFor();
  return frame.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

const num = (s: string) => Number(s.replace(/,/g, ''));

describe('theme members wherever a theme is named', () => {
  it('the 主题 filter lists the chosen theme’s members as links, and each option names its members', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/?edition=${HUNAN}&theme=${encodeURIComponent(THEME)}`);
    const line = page.locator('form.filters .members');
    await line.locator('a').first().waitFor({ timeout: 60_000 });
    // The members arrive with the theme list, once the tables are loaded.
    await expect.poll(() => line.locator('a').count(), { timeout: 60_000 }).toBe(members.length + 1);
    const links = await line.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)]));
    // Six members (all shown), then the theme page.
    expect(links.slice(0, -1).map(([text]) => text).sort()).toEqual([...members].sort());
    for (const [text, path] of links.slice(0, -1)) expect(path).toBe(`/terms/${text}`);
    expect(links.at(-1)![1]).toBe(`/themes/${THEME}`);
    const option = page.locator('form.filters select').nth(1).locator(`option[value="${THEME}"]`);
    for (const m of members) expect(await option.getAttribute('title')).toContain(m);
    // Chart subtitles name the members too, so an exported chart says what the theme counts.
    await idle(page);
    expect(await page.locator('section.frame .subtitle').first().textContent()).toContain(`主题：${THEME}（`);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the term page links its theme and the theme’s members', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/terms/${encodeURIComponent('联邦学习')}?edition=${HUNAN}`);
    const theme = page.locator('.meta .theme').filter({ hasText: THEME });
    await theme.waitFor({ timeout: 60_000 });
    expect(await theme.locator('a').first().textContent()).toBe(THEME);
    expect(decodeURIComponent(new URL((await theme.locator('a').first().getAttribute('href'))!, server.url).pathname)).toBe(`/themes/${THEME}`);
    const shown = await theme.locator('.members a, .members strong').allTextContents();
    expect(shown.sort()).toEqual([...members].sort());
    expect(await theme.locator('.members strong').textContent()).toBe('联邦学习');
    await page.close();
  });
});

describe('theme page', () => {
  it('member × track counts add up to the overview’s theme × track heatmap, track by track', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/?edition=${HUNAN}`);
    const heatFrame = frameTitled(page, /主题 × 赛道/);
    await heatFrame.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await engineReady(page);
    const heat = new Map((await tableOf(heatFrame)).filter((r) => r[0] === THEME).map((r) => [r[1], num(r[2])]));
    expect(heat.size).toBe(17);
    expect(heat.get('交通运输')).toBe(4);

    await page.goto(`${server.url}/themes/${encodeURIComponent(THEME)}?edition=${HUNAN}`);
    const matrix = frameTitled(page, /成员词 × 赛道/);
    await matrix.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await idle(page);
    await page.screenshot({ path: join(SHOTS, 'theme-隐私计算.png'), fullPage: true });
    const rows = await tableOf(matrix);
    const total = new Map(rows.filter((r) => r[0] === '合计（主题）').map((r) => [r[1], num(r[2])]));
    expect(total).toEqual(heat);
    const sums = new Map<string, number>();
    for (const [term, track, count] of rows) if (term !== '合计（主题）') sums.set(track, (sums.get(track) ?? 0) + num(count));
    expect(sums).toEqual(heat);
    // 交通运输: one token each of four members (the cross-track matrix used to show 1).
    expect(rows.filter((r) => r[1] === '交通运输' && r[0] !== '合计（主题）' && num(r[2]) > 0).map((r) => r[0]).sort()).toEqual(
      ['可信执行环境', '多方安全计算', '联邦学习', '隐私计算'].sort()
    );
    // The member chips link the members.
    expect((await page.locator('.members .chips a').allTextContents()).sort()).toEqual([...members].sort());
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a cell lists its passages with the member highlighted, and the global filters stay as they are', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/themes/${encodeURIComponent(THEME)}?edition=${HUNAN}`);
    const matrix = frameTitled(page, /成员词 × 赛道/);
    await matrix.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await idle(page);
    // Through the table view: the row 联邦学习 × 交通运输.
    await tableOf(matrix);
    const row = matrix.locator('table tbody tr').filter({ has: page.locator('td', { hasText: /^交通运输$/ }) }).filter({ has: page.locator('th', { hasText: '联邦学习' }) });
    await row.locator('th button').click();
    await page.waitForURL(/track=4/);
    const url = new URL(page.url());
    expect(url.searchParams.get('term')).toBe('联邦学习');
    expect([url.searchParams.get('theme'), url.searchParams.get('tracks')]).toEqual([null, null]);
    const passages = page.locator('section.passages');
    await passages.locator('.hits li').first().waitFor({ timeout: 30_000 });
    expect(await passages.locator('.count').textContent()).toContain('共 1 次，1 个题目');
    expect(await passages.locator('a.term.strong').allTextContents()).toEqual(['联邦学习']);
    // The other members of the passage are marked (linked), not highlighted.
    expect((await passages.locator('a.term:not(.strong)').allTextContents()).sort()).toEqual(['可信执行环境', '多方安全计算'].sort());
    await page.screenshot({ path: join(SHOTS, 'theme-passages.png'), fullPage: true });
    // The filter bar did not move.
    expect(await page.locator('form.filters select').nth(1).inputValue()).toBe('');
    expect(await page.locator('form.filters summary').textContent()).toContain('全部赛道');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('from the overview, a theme cell opens the theme page at that track — the filters stay', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/?edition=${HUNAN}`);
    const heatFrame = frameTitled(page, /主题 × 赛道/);
    await heatFrame.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await engineReady(page);
    await idle(page);
    await tableOf(heatFrame);
    const row = heatFrame.locator('table tbody tr').filter({ has: page.locator('td', { hasText: /^交通运输$/ }) }).filter({ has: page.locator('th', { hasText: new RegExp(`^${THEME}$`) }) });
    await row.locator('th button').click();
    await page.waitForURL(/\/themes\//);
    const url = new URL(page.url());
    expect(decodeURIComponent(url.pathname)).toBe(`/themes/${THEME}`);
    expect([url.searchParams.get('track'), url.searchParams.get('theme'), url.searchParams.get('tracks')]).toEqual(['4', null, null]);
    const passages = page.locator('section.passages');
    await passages.locator('.hits li').first().waitFor({ timeout: 30_000 });
    expect(await passages.locator('.count').textContent()).toContain('共 4 次，1 个题目');
    // Every member in the passage stands out: the cell counted them all.
    expect((await passages.locator('a.term.strong, mark').allTextContents()).filter((t) => members.includes(t)).sort()).toEqual(
      ['可信执行环境', '多方安全计算', '联邦学习', '隐私计算'].sort()
    );
    await page.close();
  });

  it('a link that changes the filters says so under the filter bar and undoes it in one click', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/?edition=${HUNAN}&theme=${encodeURIComponent(THEME)}&tracks=4`);
    // 题目数 of the edition counts every topic: its link clears the track and theme filters.
    const fact = page.locator('.facts .fact', { hasText: '题目数' }).locator('a');
    await fact.waitFor({ timeout: 60_000 });
    await fact.click();
    await page.waitForURL(/\/topics/);
    const notice = page.locator('.notice[role="status"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`主题 由“${THEME}”改为“不限主题”`);
    expect(await notice.textContent()).toContain('赛道 由“交通运输”改为“全部赛道”');
    await page.locator('.results .count').waitFor({ timeout: 60_000 });
    expect(await page.locator('.results .count').textContent()).toContain('共 122 个题目');
    await notice.getByRole('button', { name: '恢复原来的筛选' }).click();
    await page.waitForURL((u) => u.searchParams.get('theme') === THEME && u.searchParams.get('tracks') === '4');
    expect(await page.locator('.notice[role="status"]').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the member × track matrix goes into the report basket and is rebuilt there with the clicked track', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await page.goto(`${server.url}/themes/${encodeURIComponent(THEME)}?edition=${HUNAN}&track=4`);
    const matrix = frameTitled(page, /成员词 × 赛道/);
    await matrix.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await matrix.getByRole('button', { name: /加入报告篮/ }).first().click();
    await matrix.getByRole('status').filter({ hasText: /已加入报告篮（共 \d+ 项）/ }).waitFor();
    await page.goto(`${server.url}/basket`);
    const entry = page.locator('article.entry', { hasText: `${THEME}：成员词 × 赛道` });
    await entry.waitFor({ timeout: 60_000 });
    await entry.locator('svg, img').first().waitFor({ timeout: 60_000 });
    expect(await entry.getAttribute('data-recipe')).toBe('theme.matrix');
    // Rebuilt from the saved URL: the 合计 row and the members, the clicked track kept in its link.
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('图 ');
    const open = entry.getByRole('link', { name: /打开原视图/ });
    expect(decodeURIComponent((await open.getAttribute('href')) ?? '')).toContain(`/themes/${THEME}`);
    expect((await open.getAttribute('href')) ?? '').toContain('track=4');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
