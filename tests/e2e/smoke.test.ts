/**
 * Smoke test of the built app in Chromium: the overview paints from the manifest,
 * DuckDB-WASM loads every table, the top-terms chart shows Chinese labels, filters and
 * language live in the URL, exports work, and nothing is fetched from outside.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../analysis/contract.ts';
import { pngDpi } from '../../src/lib/export/png.ts';
import { engineReady, watchPage, type AppServer, type Browser, SHOTS, openDashboard, type Dashboard, HAN, exportFrom, withoutFirstScreen } from './support.ts';


let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
let manifest: Manifest;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  manifest = (await (await fetch(`${server.url}/data/manifest.json`)).json()) as Manifest;
});

afterAll(async () => {
  await dashboard?.close();
});

async function openOverview(page: Page, query = '') {
  await page.goto(`${server.url}/${query}`);
  // The chart is drawn from the server's first answers, then DuckDB takes over: wait for both.
  await page.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
  await engineReady(page);
}

const yLabels = (page: Page) => page.locator('.vega svg .role-axis-label text').allTextContents();

describe('overview', () => {
  it('loads with no console errors, shows counts and the chart with Chinese labels', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openOverview(page);

    const cards = await page.locator('.cards .card .value').allTextContents();
    const s = manifest.summary;
    expect(cards).toEqual([s.editions, s.tracks, s.topics, s.terms].map((n) => n.toLocaleString('zh-CN')));
    expect(await page.locator('h1').textContent()).toBe('总览');

    const labels = await yLabels(page);
    expect(labels.filter((l) => HAN.test(l)).length).toBeGreaterThan(0);
    expect(await page.locator('.vega svg .mark-rect path').count()).toBeGreaterThan(0);
    // Nav: every item shown, and every view is built now: each one is a link.
    const nav = page.getByRole('navigation');
    expect(await nav.locator('li').count()).toBe(11);
    expect(await nav.locator('a', { hasText: '总览' }).count()).toBe(1);
    expect(await nav.locator('a').count()).toBe(11);
    expect(await nav.locator('[aria-disabled="true"]').count()).toBe(0);

    await page.screenshot({ path: join(SHOTS, 'smoke-overview.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('paints the manifest counts before DuckDB is ready, saying what is loading', async () => {
    const page = await browser.context.newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    // Without the server's first answers (first-answers.test.ts has them), every frame waits.
    await withoutFirstScreen(page);
    await page.route('**/api/first-answers*', (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(server.url);
    await page.getByText('正在启动查询引擎…').waitFor();
    expect(await page.locator('.cards .card .value').first().textContent()).toBe(String(manifest.summary.editions));
    expect(await page.locator('section.frame [role="status"]').first().textContent()).toContain('正在加载分析数据');
    await page.screenshot({ path: join(SHOTS, 'overview-loading.png') });
    release();
    await page.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await page.close();
  });

  it('filters by theme through the URL and reaches every control by keyboard', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openOverview(page);
    // Within the filter bar: chart marks and frames elsewhere on the page mention 主题 too.
    const theme = page.locator('form.filters').getByLabel('主题');
    await theme.focus();
    const options = await theme.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await theme.selectOption({ index: 1 });
    await page.waitForURL(/theme=/);
    await page.waitForFunction(() => !document.querySelector('.chart.stale'));
    expect(await page.locator('section.frame .subtitle').first().textContent()).toContain(`主题：${options[1]}`);
    // Tab order: the controls are reachable and show a focus ring.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused.outline).not.toBe('none');
    await page.screenshot({ path: join(SHOTS, 'overview-theme.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('keeps filters and language in the URL, and a link reproduces the view', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openOverview(page);
    const before = await yLabels(page);

    await page.getByLabel('通用动词停用').uncheck();
    await page.waitForURL(/verbs=kept/);
    const newest = [...manifest.editions].sort((a, b) => b.year - a.year)[0];
    expect(new URL(page.url()).searchParams.get('edition')).toBe(newest.edition_id);
    await page.waitForFunction(() => !document.querySelector('.chart.stale'));

    const shared = page.url();
    const other = await browser.context.newPage();
    await openOverview(other, shared.slice(server.url.length + 1));
    expect(await other.getByLabel('通用动词停用').isChecked()).toBe(false);
    // Every chart of the shared link is drawn in time (the first kept query waits for the derivation).
    const expected = await yLabels(page);
    await expect.poll(() => yLabels(other), { timeout: 30_000, interval: 250 }).toEqual(expected);
    await other.close();

    await page.goto(`${shared}&lang=en`);
    await page.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('h1').textContent()).toBe('Overview');
    expect(await page.getByRole('navigation').locator('a').first().textContent()).toBe('Overview');
    expect(before.length).toBeGreaterThan(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('exports SVG with title and source, PNG at Word page width (1890 px, 300 dpi), CSV with a BOM and XLSX with its caption', async () => {
    const page = await browser.context.newPage();
    await openOverview(page);
    // The overview has several chart frames; the top-terms chart is the first.
    const frame = page.locator('section.frame').first();
    const title = (await frame.locator('h2').first().textContent())!.trim();
    expect(title).toMatch(/高频词条/);

    const svgDownload = await exportFrom(page, frame, 'SVG');
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toContain(`<title>${title}</title>`);
    expect(svg).toContain(`词典版本 ${manifest.dictionary_version}`);
    expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);

    // 「Word 页宽」 (the default size): 16 cm at 300 dpi, recorded in the PNG.
    const pngDownload = await exportFrom(page, frame, 'PNG');
    const png = readFileSync((await pngDownload.path())!);
    writeFileSync(join(SHOTS, 'export-top-terms-word.png'), png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const pngWidth = png.readUInt32BE(16);
    const svgWidth = Number(svg.match(/width="([\d.]+)"/)![1]);
    expect(pngWidth).toBe(1890);
    expect(pngWidth).toBe(Math.ceil(svgWidth * 3.125 - 1e-6));
    expect(pngDpi(new Uint8Array(png))).toBe(300);
    expect(pngDownload.suggestedFilename()).toMatch(/word-16cm\.png$/);

    const csvDownload = await exportFrom(page, frame, 'CSV');
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF词条,词频')).toBe(true);

    const xlsxDownload = await exportFrom(page, frame, 'XLSX');
    expect(xlsxDownload.suggestedFilename()).toMatch(/高频词条.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const data = workbook.getWorksheet('数据')!;
    const csvLines = csv.trim().split('\r\n');
    expect(data.rowCount).toBe(csvLines.length);
    expect(data.getCell('A1').value).toBe('词条');
    // The same rows as the CSV (whose floats are rounded to 6 places), with counts as numbers.
    const cells = (data.getRow(2).values as unknown[]).slice(1);
    const fields = csvLines[1].split(',');
    expect(cells.length).toBe(fields.length);
    cells.forEach((cell, i) => (typeof cell === 'number' ? expect(cell).toBeCloseTo(Number(fields[i]), 5) : expect(String(cell)).toBe(fields[i])));
    expect(typeof data.getCell('B2').value).toBe('number');
    const about = workbook.getWorksheet('说明')!;
    expect(about.getCell('A1').value).toBe(title);
    expect(String(about.getCell(`A${about.rowCount}`).value)).toContain(`词典版本 ${manifest.dictionary_version}`);

    await frame.getByRole('button', { name: '表格' }).click();
    expect(await frame.locator('table tbody tr').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('says why an export failed instead of failing silently', async () => {
    const page = await browser.context.newPage();
    await openOverview(page);
    // ExcelJS is fetched on the first XLSX export: make that fetch fail.
    await page.route('**/_app/immutable/chunks/**', (route) => route.abort());
    const frame = page.locator('section.frame').first();
    await frame.locator('details.menu summary').click();
    await frame.getByRole('button', { name: '导出为 XLSX' }).click();
    const alert = frame.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('导出失败');
    await page.unroute('**/_app/immutable/chunks/**');
    const download = await exportFrom(page, frame, 'CSV');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(await frame.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('says what to do when there is no analysis data', async () => {
    const page = await browser.context.newPage();
    // As from a server without tables: no manifest in the HTML, and none to fetch.
    await withoutFirstScreen(page);
    await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // In words a policy user can act on: no terminal command.
    expect(await alert.textContent()).toContain('还没有分析数据：请在“数据管理”页添加一份赛题指南');
    expect(await page.locator('main').getByRole('link', { name: '数据管理' }).getAttribute('href')).toMatch(/\/manage/);
    expect(await alert.textContent()).not.toMatch(/npm|终端|命令/);
    await page.screenshot({ path: join(SHOTS, 'overview-no-data.png') });
    await page.close();
  });
});
