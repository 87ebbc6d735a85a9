/**
 * SQL 控制台 in Chromium against the built app and the real guides: a query runs and
 * shows rows with the total count, a DROP is refused in words, external access is off,
 * the query lives in the URL so a link restores it, and the result downloads as CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../analysis/contract.ts';
import { watchPage, type AppServer, type Browser, SHOTS, openDashboard, type Dashboard } from './support.ts';


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

async function openConsole(page: Page, query = 'edition=2026-hunan') {
  await page.goto(`${server.url}/sql?${query}`);
  await page.getByRole('heading', { name: 'SQL 控制台' }).waitFor();
}

const editor = (page: Page) => page.getByRole('textbox', { name: 'SQL 语句' });
const grid = (page: Page) => page.locator('section.result table');

async function runSql(page: Page, sql: string) {
  await editor(page).fill(sql);
  await editor(page).press('Control+Enter');
}

describe('SQL console', () => {
  it('runs a query, shows rows and the total, with no console errors', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openConsole(page);
    // The schema sidebar lists every table with its rows from the manifest.
    const topics = manifest.tables.find((tb) => tb.name === 'topics')!;
    expect(await page.locator('.schema summary').filter({ hasText: 'topics' }).first().textContent()).toContain(`${topics.rows} 行`);

    await runSql(page, "SELECT term, count FROM term_stats WHERE edition_id = '2026-hunan' AND generic_verbs = 'removed' ORDER BY count DESC, term LIMIT 5");
    await grid(page).waitFor({ timeout: 60_000 });
    expect(await grid(page).locator('tbody tr').count()).toBe(5);
    expect(await grid(page).locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('数据');
    expect(await grid(page).locator('thead th').nth(2).textContent()).toContain('INTEGER');
    expect(await page.locator('section.result .meta').textContent()).toContain('共 5 行');
    expect(new URL(page.url()).searchParams.get('q')).toContain('FROM term_stats');

    // A big result: 1,000 rows fetched, all counted, paged by 100.
    const termTopic = manifest.tables.find((tb) => tb.name === 'term_topic')!;
    await runSql(page, 'SELECT * FROM term_topic');
    await page.locator('section.result .meta').filter({ hasText: `共 ${termTopic.rows.toLocaleString('zh-CN')} 行` }).waitFor();
    expect(await page.locator('section.result .meta').textContent()).toContain('只显示前 1,000 行');
    expect(await grid(page).locator('tbody tr').count()).toBe(100);
    await page.getByRole('button', { name: '下一页' }).click();
    expect(await grid(page).locator('tbody tr').first().locator('td').first().textContent()).toBe('101');

    await runSql(page, "SELECT track_no, track_name, topics FROM tracks WHERE edition_id = '2026-hunan' ORDER BY track_no");
    await page.locator('section.result .meta').filter({ hasText: '共 17 行' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'sql.png') });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('refuses a DROP, a second statement and file access, and the tables stay', async () => {
    const page = await browser.context.newPage();
    await openConsole(page);
    await runSql(page, 'DROP TABLE topics');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('控制台是只读的，不能运行 DROP 语句');
    await page.screenshot({ path: join(SHOTS, 'sql-rejected.png') });

    await runSql(page, "SELECT 'a;b' AS s; DROP TABLE topics");
    await alert.filter({ hasText: '一次只能运行一条语句' }).waitFor();

    await runSql(page, "SELECT * FROM read_csv('http://example.com/x.csv')");
    await alert.filter({ hasText: /disabled by configuration|Permission/ }).waitFor();

    await runSql(page, 'SELECT COUNT(*) AS n FROM topics');
    await grid(page).waitFor();
    expect(await grid(page).locator('tbody td').nth(1).textContent()).toBe(String(manifest.summary.topics));
    await page.close();
  });

  it('restores the query from a shared link and runs it', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openConsole(page);
    await page.getByRole('button', { name: '“可信数据空间”出现在哪些赛道' }).click();
    await grid(page).waitFor({ timeout: 60_000 });
    const rows = await grid(page).locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    const shared = page.url();
    expect(new URL(shared).searchParams.get('q')).toContain('可信数据空间');

    const other = await browser.context.newPage();
    await other.goto(shared);
    await grid(other).waitFor({ timeout: 60_000 });
    expect(await editor(other).inputValue()).toBe(new URL(shared).searchParams.get('q'));
    expect(await grid(other).locator('tbody tr').count()).toBe(rows);
    expect(await grid(other).locator('tbody tr').first().textContent()).toBe(await grid(page).locator('tbody tr').first().textContent());
    await other.close();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('inserts names from the schema and exports the result as CSV with a BOM and as XLSX', async () => {
    const page = await browser.context.newPage();
    await openConsole(page);
    await editor(page).fill('SELECT * FROM ');
    await editor(page).press('End');
    await page.getByRole('button', { name: '插入 editions' }).click();
    expect(await editor(page).inputValue()).toBe('SELECT * FROM editions');
    await editor(page).press('Control+Enter');
    await grid(page).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /把全部结果.*CSV/ }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFedition_id,year,region')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + manifest.summary.editions);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /把全部结果.*XLSX/ }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const data = workbook.getWorksheet('数据')!;
    expect(data.rowCount).toBe(1 + manifest.summary.editions);
    expect(data.getCell('A1').value).toBe('edition_id');
    // year is an INTEGER column: a number in the workbook, not text.
    expect(data.getCell('B2').value).toBe(Number(csv.split('\r\n')[1].split(',')[1]));
    expect(workbook.getWorksheet('说明')!.getCell('A2').value).toBe('SELECT * FROM editions');
    await page.close();
  });

  it('neutralises formula-like text in both exports, keeping numbers as numbers', async () => {
    const page = await browser.context.newPage();
    await openConsole(page);
    await runSql(page, `SELECT '=HYPERLINK("http://example.com","x")' AS title, '@SUM(A1)' AS note, -5 AS n`);
    await grid(page).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /把全部结果.*CSV/ }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://example.com"",""x"")",'@SUM(A1),-5`);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /把全部结果.*XLSX/ }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const data = workbook.getWorksheet('数据')!;
    expect(data.getCell('A2').value).toBe(`'=HYPERLINK("http://example.com","x")`);
    expect(data.getCell('B2').value).toBe(`'@SUM(A1)`);
    expect(data.getCell('C2').value).toBe(-5);
    expect(data.getCell('A2').formula).toBeUndefined();
    await page.close();
  });

  it('pauses a long query from a link and asks; a running query can be cancelled', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    // About 10^10 rows: minutes of work, far past the link budget of 3 seconds.
    const slow = 'SELECT sum(hash(a.range * b.range)) AS s FROM range(100000) a, range(100000) b';
    await openConsole(page, `edition=2026-hunan&q=${encodeURIComponent(slow)}`);
    await page.getByText('正在运行链接中的查询').waitFor({ timeout: 60_000 });
    const paused = page.getByRole('alert').filter({ hasText: '这条查询来自链接' });
    await paused.waitFor({ timeout: 30_000 });
    expect(await paused.textContent()).toContain('超过 3 秒');
    expect(await grid(page).count()).toBe(0);

    await paused.getByRole('button', { name: '继续运行' }).click();
    const cancel = page.getByRole('button', { name: '停止正在运行的查询' });
    await cancel.waitFor();
    // Still running well past the budget: "run it anyway" has no time limit.
    await page.waitForTimeout(4_000);
    expect(await cancel.isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'sql-running.png') });
    const started = Date.now();
    await cancel.click();
    await page.getByText('查询已取消').waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);

    // The engine is free again, and a query typed on the page has no time budget.
    await runSql(page, 'SELECT COUNT(*) AS n FROM topics');
    await grid(page).waitFor({ timeout: 60_000 });
    expect(await grid(page).locator('tbody td').nth(1).textContent()).toBe(String(manifest.summary.topics));
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('computes cooccurrence on the first query that names it, and says so in the sidebar', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openConsole(page);
    expect(manifest.tables.map((tb) => tb.name)).not.toContain('cooccurrence');
    expect(await page.locator('.schema summary').filter({ hasText: 'cooccurrence' }).first().textContent()).toContain('首次查询时计算');
    await runSql(page, "SELECT term_a, term_b, topics, sentences, round(jaccard, 3) AS jaccard FROM cooccurrence WHERE edition_id = '2026-hunan' ORDER BY topics DESC, term_a, term_b");
    await grid(page).waitFor({ timeout: 60_000 });
    const total = Number((await page.locator('section.result .meta').textContent())!.replace(/,/g, '').match(/共 (\d+) 行/)![1]);
    expect(total).toBeGreaterThan(5_000);
    expect(await grid(page).locator('tbody tr').first().locator('td').nth(1).textContent()).toMatch(/\p{Script=Han}/u);
    await page.screenshot({ path: join(SHOTS, 'sql-cooccurrence.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('cannot change a setting once the configuration is locked, even past the guard', async () => {
    const page = await browser.context.newPage();
    await openConsole(page);
    // current_setting reads; the guard lets it through, and the engine reports the lock in force.
    await runSql(page, "SELECT current_setting('lock_configuration') AS locked, current_setting('enable_external_access') AS external");
    await grid(page).waitFor({ timeout: 60_000 });
    const cells = grid(page).locator('tbody td');
    expect(await cells.nth(1).textContent()).toBe('true');
    expect(await cells.nth(2).textContent()).toBe('false');
    await page.close();
  });
});
