/**
 * 共现网络 in Chromium against the built app and the real guides: the network draws nodes
 * and edges with no console errors, the same URL gives the same picture, settings live
 * in the URL, a node opens its term page, the titles-only edition explains the empty
 * sentence window, and the data behind the picture downloads as CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPage, type AppServer, type Browser, SHOTS, openDashboard, type Dashboard, exportFrom } from './support.ts';

const HUNAN = 'edition=2026-hunan';

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
});

afterAll(async () => {
  await dashboard?.close();
});

async function openNetwork(page: Page, query = HUNAN) {
  await page.goto(`${server.url}/network?${query}`);
  await page.locator('.network svg .node circle').first().waitFor({ timeout: 60_000 });
}

/** Node positions by term, as drawn. */
const positions = (page: Page): Promise<Record<string, [string, string]>> =>
  page.$$eval('.network svg .node', (nodes) =>
    Object.fromEntries(nodes.map((n) => [n.getAttribute('data-term')!, [n.querySelector('circle')!.getAttribute('cx')!, n.querySelector('circle')!.getAttribute('cy')!]]))
  );

describe('co-occurrence network', () => {
  it('draws nodes, edges, labels and a legend with no console errors', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openNetwork(page);
    expect(await page.locator('h1').textContent()).toBe('共现网络');
    const nodes = await page.locator('.network svg .node').count();
    const edges = await page.locator('.network svg .edges line').count();
    expect(nodes).toBeGreaterThan(15);
    expect(edges).toBe(60); // KH Coder's default cap: Jaccard ≥ 0.2 gives more than 60 pairs on this guide
    expect(await page.locator('.network svg .node text').first().textContent()).toMatch(/\p{Script=Han}/u);
    expect(await page.locator('.network svg .legend text').first().textContent()).toMatch(/^社群 1（\d+）：/);
    const facts = await page.locator('.facts').first().textContent();
    expect(facts).toContain(`${nodes} 个词条、60 条连线`);
    expect(facts).toContain('连线按共现词对计算（全部赛道');

    await page.screenshot({ path: join(SHOTS, 'network.png') });

    // Hover shows the exact figures.
    await page.locator('.network svg .node').first().hover();
    const tip = page.getByRole('tooltip').filter({ hasText: '词频' });
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/词频\d/);
    await page.screenshot({ path: join(SHOTS, 'network-hover.png') });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('gives the same picture for the same URL, after a reload and in another tab', async () => {
    const page = await browser.context.newPage();
    await openNetwork(page, `${HUNAN}&stat=association&top=80`);
    const first = await positions(page);
    expect(Object.keys(first).length).toBeGreaterThan(15);
    await page.reload();
    await page.locator('.network svg .node circle').first().waitFor({ timeout: 60_000 });
    expect(await positions(page)).toEqual(first);
    const other = await browser.context.newPage();
    await openNetwork(other, `${HUNAN}&stat=association&top=80`);
    expect(await positions(other)).toEqual(first);
    // Another seed is another picture of the same graph.
    await other.getByRole('button', { name: '换一种布局' }).click();
    await other.waitForURL(/layout=2/);
    await other.waitForFunction((before) => {
      const c = document.querySelector('.network svg .node circle');
      return c && `${c.getAttribute('cx')},${c.getAttribute('cy')}` !== before;
    }, Object.values(first)[0].join(','));
    expect(Object.keys(await positions(other)).sort()).toEqual(Object.keys(first).sort());
    await other.close();
    await page.close();
  });

  it('keeps every setting in the URL', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openNetwork(page);
    await page.getByLabel('连线统计量').selectOption('npmi');
    await page.waitForURL(/stat=npmi/);
    await page.getByLabel('节点数').selectOption('100');
    await page.waitForURL(/top=100/);
    await page.getByLabel('最多连线').selectOption('30');
    await page.waitForURL(/edges=30/);
    await page.waitForFunction(() => document.querySelectorAll('.network svg .edges line').length === 30);
    const slider = page.getByRole('slider');
    await slider.fill('0.35');
    await page.waitForURL(/min=0.35/);
    expect(await page.locator('section.frame h2').first().textContent()).toContain('NPMI');
    const shared = page.url();
    const other = await browser.context.newPage();
    await other.goto(shared);
    await other.locator('.network svg .node circle').first().waitFor({ timeout: 60_000 });
    expect(await other.getByLabel('连线统计量').inputValue()).toBe('npmi');
    expect(await other.getByRole('slider').inputValue()).toBe('0.35');
    expect(await positions(other)).toEqual(await positions(page));
    await other.close();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('recomputes from the chosen tracks and says so', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openNetwork(page, `${HUNAN}&tracks=1,2,3,4,5&stat=topics`);
    expect(await page.locator('.facts').first().textContent()).toContain('按所选赛道的题目从 term_topic 重新计算');
    expect(await page.locator('.network svg .node').count()).toBeGreaterThan(5);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('explains why the sentence window of a titles-only edition is empty', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/network?edition=2025-fujian-xiamen&window=sentence`);
    const note = page.getByRole('status').filter({ hasText: '仅含题目标题' });
    await note.waitFor({ timeout: 60_000 });
    expect(await page.locator('section.frame .empty').textContent()).toContain('无法计算句内共现');
    await note.getByRole('button', { name: '改用同一题目窗口' }).click();
    await page.waitForURL((url) => !url.search.includes('window='));
    await page.locator('.network svg .node circle').first().waitFor({ timeout: 60_000 });
    await page.close();
  });

  it('downloads the edges and the nodes as CSV (nodes also as XLSX), and the picture as SVG with its legend', async () => {
    const page = await browser.context.newPage();
    await openNetwork(page);
    const frame = page.locator('section.frame');
    const edgesCsv = await exportFrom(page, frame, 'CSV');
    const edges = readFileSync((await edgesCsv.path())!, 'utf8');
    expect(edges.startsWith('\uFEFF词条 A,词条 B,Jaccard 系数,共现题目数')).toBe(true);
    expect(edges.trim().split('\r\n')).toHaveLength(61);

    await page.locator('details.nodes > summary').click();
    const nodesCsv = await exportFrom(page, page.locator('details.nodes'), 'CSV');
    const nodes = readFileSync((await nodesCsv.path())!, 'utf8');
    expect(nodes.startsWith('\uFEFF词条,词频,含该词题目数,社群,连线数')).toBe(true);
    expect(nodes.trim().split('\r\n').length - 1).toBe(await page.locator('.network svg .node').count());
    const nodesXlsx = await exportFrom(page, page.locator('details.nodes'), 'XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await nodesXlsx.path())!);
    const sheet = workbook.getWorksheet('数据')!;
    expect(sheet.rowCount).toBe(nodes.trim().split('\r\n').length);
    expect(sheet.getCell('A1').value).toBe('词条');
    expect(typeof sheet.getCell('B2').value).toBe('number');

    const svgDownload = await exportFrom(page, frame, 'SVG');
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toContain('共现网络');
    expect(svg).toContain('社群 1');
    expect(svg).toMatch(/<circle[^>]+fill="#E69F00"/);
    await page.close();
  });

  it('opens a term page from a node', async () => {
    const page = await browser.context.newPage();
    await openNetwork(page);
    const node = page.locator('.network svg a.node').first();
    if ((await node.count()) === 0) {
      // The term page is another view's; until it exists, nodes are not links.
      expect(await page.locator('.network svg g.node').count()).toBeGreaterThan(0);
      await page.close();
      return;
    }
    const term = await node.getAttribute('data-term');
    await node.locator('circle').click();
    await page.waitForURL(new RegExp(`/terms/${encodeURIComponent(term!)}`));
    expect(new URL(page.url()).searchParams.get('edition')).toBe('2026-hunan');
    await page.close();
  });
});
