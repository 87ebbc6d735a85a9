/**
 * 数据管理 in Chromium on a temporary workspace: a guide dropped on the page is previewed,
 * confirmed, and shows in the overview — also in an overview opened before, which reloads
 * its tables without a page reload — and undo takes it away again. Dictionary editing
 * names a bad line; screenshots of the preview and the history for the report.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, smallGuide } from '../support/workspace.ts';
import { openDashboard, SHOTS, watchPage, type Dashboard } from './support.ts';

let dashboard: Dashboard;

beforeAll(async () => {
  dashboard = await openDashboard({ workspace: makeWorkspace() });
}, 600_000);

afterAll(async () => {
  await dashboard?.close();
});

const editionOptions = (page: Page) => page.locator('.filterbar select').first().locator('option').allTextContents();

async function overview(page: Page) {
  await page.goto(`${dashboard.server.url}/`);
  await page.locator('.facts dd').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[role=status] progress'), null, { timeout: 60_000 });
}

describe('数据管理', () => {
  it('upload through the page → visible in the overview (an open one reloads by itself) → undo', async () => {
    const { context } = dashboard.browser;
    const watcher = await context.newPage();
    const watcherLog = watchPage(watcher, dashboard.server.url);
    await overview(watcher);
    expect(await editionOptions(watcher)).toEqual(['2026 湖南', '2025 福建厦门']);
    await watcher.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const page = await context.newPage();
    const log = watchPage(page, dashboard.server.url);
    await page.goto(`${dashboard.server.url}/manage`);
    await page.locator('table.editions tbody tr').nth(1).waitFor();
    const file = join(tmpdir(), `crosstrack-2027-hunan-${process.pid}.txt`);
    writeFileSync(file, smallGuide('2027年“数据要素×”大赛湖南分赛 赛题指南', ['可信数据空间建设与运营', '大模型赋能工业质检', '公共数据授权运营']));
    await page.setInputFiles('[data-testid=drop-zone] input[type=file]', file);
    const preview = page.getByTestId('upload-preview');
    await preview.waitFor();
    expect(await preview.locator('.tracks > li .track').allTextContents()).toEqual(['赛道一：工业制造赛道']);
    expect(await preview.locator('.tracks ol li').allTextContents()).toEqual(['可信数据空间建设与运营', '大模型赋能工业质检', '公共数据授权运营']);
    expect(await page.locator('input[name=year]').inputValue()).toBe('2027');
    expect(await page.locator('input[name=region]').inputValue()).toBe('湖南');
    await page.locator('input[name=title]').fill('2027 湖南（测试）');
    await page.screenshot({ path: join(SHOTS, 'manage-preview.png') });
    await page.getByRole('button', { name: '确认添加' }).click();
    await page.getByText('已添加版本 2027-hunan').waitFor({ timeout: 60_000 });
    await page.locator('tr[data-edition="2027-hunan"]').waitFor();

    // The overview opened before the upload shows the new edition, without reloading the page.
    await watcher.waitForFunction(() => [...document.querySelectorAll('.filterbar select option')].some((o) => o.textContent?.includes('2027')), null, { timeout: 60_000 });
    expect(await editionOptions(watcher)).toEqual(['2027 湖南', '2026 湖南', '2025 福建厦门']);
    expect(await watcher.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // Following the link: the overview of the new edition.
    await page.getByRole('link', { name: '在总览中查看' }).click();
    await page.waitForURL(/edition=2027-hunan/);
    await page.locator('.facts dd').first().waitFor();
    await page.waitForFunction(() => document.querySelector('.facts dd')?.textContent === '1');
    expect((await page.locator('.facts dd').allTextContents()).slice(0, 2)).toEqual(['1', '3']);

    // Undo from the history.
    await page.getByRole('link', { name: '数据管理' }).click();
    await page.locator('#history tbody tr').first().waitFor();
    await page.locator('#history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'manage-history.png') });
    await page.getByRole('button', { name: '撤销上一步' }).click();
    await page.getByText(/^已撤销：/).waitFor({ timeout: 60_000 });
    await page.locator('tr[data-edition="2027-hunan"]').waitFor({ state: 'detached' });
    expect(await page.locator('#history tbody tr').first().getAttribute('class')).toContain('undone');
    await watcher.waitForFunction(() => ![...document.querySelectorAll('.filterbar select option')].some((o) => o.textContent?.includes('2027')), null, { timeout: 60_000 });
    expect(await watcher.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    expect(watcherLog.errors).toEqual([]);
    await page.close();
    await watcher.close();
  });

  it('a dictionary edit with a malformed line is refused naming the line; a term page link adds the term', async () => {
    const page = await dashboard.browser.context.newPage();
    await page.goto(`${dashboard.server.url}/manage?dict=terms&add=${encodeURIComponent('湖南分赛')}#dict`);
    await page.getByText('已把“湖南分赛”加到领域词末尾').waitFor();
    const text = await page.locator('#dict-text').inputValue();
    expect(text.trimEnd().endsWith('湖南分赛')).toBe(true);
    await page.locator('#dict-text').fill(`${text}有 空格\n`);
    await page.getByRole('button', { name: '保存并重新分析' }).click();
    const problem = page.locator('#dict [role=alert]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain(`第 ${text.split('\n').length} 行`);
    await page.close();
  });
});
