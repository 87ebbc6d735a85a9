/**
 * 报告篮 in Chromium on the real guides, as a policy officer uses it: two charts and one
 * table added from three pages, reordered, a caption edited, the Word file downloaded and
 * opened as a user would (LibreOffice → PDF → page images), the A4 print, the ZIP, and a
 * share link that rebuilds the same items in a fresh browser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDpi, pngSize } from '../../src/lib/export/png.ts';
import { engineReady, frameTitled, launchBrowser, openDashboard, SHOTS, watchPage, type AppServer, type Browser, type Dashboard } from './support.ts';

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

const TERM = encodeURIComponent('数据');
const entries = (page: Page) => page.locator('article.entry');

async function addToBasket(container: Locator, expected: number) {
  await container.getByRole('button', { name: /加入报告篮/ }).first().click();
  await container.getByRole('status').filter({ hasText: `已加入报告篮（共 ${expected} 项）` }).waitFor();
}

/** The basket with every picture drawn and every table filled. */
async function openBasket(page: Page, url = `${server.url}/basket`) {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const items = [...document.querySelectorAll('article.entry')];
      return (
        items.length > 0 &&
        items.every((a) => a.querySelector('img')?.complete || a.querySelector('table tbody tr')) &&
        [...document.querySelectorAll('article.entry img')].every((img) => (img as HTMLImageElement).naturalWidth > 0)
      );
    },
    undefined,
    { timeout: 90_000 }
  );
}

/** What the basket shows for each item: its number, recipe and caption line. */
const summary = (page: Page) =>
  entries(page).evaluateAll((items) =>
    items.map((a) => ({
      label: a.querySelector('.label')?.textContent?.trim(),
      recipe: a.getAttribute('data-recipe'),
      caption: a.querySelector('.caption-line')?.textContent?.replace(/\s+/g, ' ').trim()
    }))
  );

/** Share of non-white pixels of a PNG, measured on a canvas in the page. */
async function ink(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) dark++;
    return dark / (data.length / 4);
  }, png.toString('base64'));
}

const plain = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('report basket', () => {
  let shareLink = '';
  let expected: { label?: string; recipe: string | null; caption?: string }[] = [];

  it('collects two charts and a table from three pages, reorders them, edits a caption and keeps it', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);

    await page.goto(`${server.url}/?edition=2026-hunan`);
    const top = frameTitled(page, /高频词条/);
    await top.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await engineReady(page);
    await addToBasket(top, 1);

    // The chord at 「PPT 16:9」: the size chosen in the export menu travels with the item.
    await page.goto(`${server.url}/overlap?edition=2026-hunan&a=1&b=3`);
    const chord = page.locator('section.frame', { has: page.locator('svg.chord') });
    await chord.locator('svg.chord path').first().waitFor({ timeout: 60_000 });
    // The chord is drawn from the server's answers; leaving before the engine is in would cut its download.
    await engineReady(page);
    await chord.locator('details.menu summary').click();
    await chord.getByLabel('PPT 16:9').check();
    await chord.locator('.readout').filter({ hasText: '1,920 × 1,080 像素' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'export-menu.png') });
    await chord.locator('details.menu summary').click();
    await addToBasket(chord, 2);

    await page.goto(`${server.url}/terms/${TERM}?edition=2026-hunan&kwic=10`);
    const kwic = frameTitled(page, /关键词上下文/);
    await kwic.locator('table.kwic tbody tr').first().waitFor({ timeout: 60_000 });
    await addToBasket(kwic, 3);
    expect(await page.getByRole('navigation').getByText('3').count()).toBe(1);

    await openBasket(page);
    expect(await summary(page)).toEqual([
      { label: '图 1', recipe: 'overview.top', caption: '图 1 2026 湖南 高频词条（前 20）' },
      { label: '图 2', recipe: 'overlap.chord', caption: '图 2 2026 湖南 赛道重合弦图（弦宽：共同词数）' },
      { label: '表 1', recipe: 'term.kwic', caption: '表 1 关键词上下文：“数据”（2026 湖南）' }
    ]);
    // The PPT item is drawn 960 px wide, the Word one at 16 cm (604.8 px).
    const widths = await entries(page).locator('img').evaluateAll((imgs) => imgs.map((i) => Math.round(parseFloat((i as HTMLElement).style.width))));
    expect(widths).toEqual([605, 960]);

    await entries(page).nth(1).getByRole('button', { name: '把图 2上移' }).click();
    const caption = entries(page).first().getByRole('textbox', { name: '图 1 题注' });
    await caption.fill('湖南各赛道两两重合：工业制造与商贸流通');
    await caption.press('Tab');
    await entries(page).first().getByRole('textbox', { name: /说明/ }).fill('弦越宽，两个赛道的共同词越多。');
    await entries(page).first().getByRole('textbox', { name: /说明/ }).press('Tab');
    expected = [
      { label: '图 1', recipe: 'overlap.chord', caption: '图 1 湖南各赛道两两重合：工业制造与商贸流通' },
      { label: '图 2', recipe: 'overview.top', caption: '图 2 2026 湖南 高频词条（前 20）' },
      { label: '表 1', recipe: 'term.kwic', caption: '表 1 关键词上下文：“数据”（2026 湖南）' }
    ];
    expect(await summary(page)).toEqual(expected);

    // Kept in localStorage: a reload shows the same basket.
    await openBasket(page);
    expect(await summary(page)).toEqual(expected);
    await page.screenshot({ path: join(SHOTS, 'basket.png') });
    await page.screenshot({ path: join(SHOTS, 'basket-full.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('downloads a Word file with every caption, table cell and picture, which LibreOffice opens as A4 pages', async () => {
    const page = await browser.context.newPage();
    await openBasket(page);
    const cells = await entries(page).nth(2).locator('table tbody tr').first().locator('td').allTextContents();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^报告篮_\d{4}-\d{2}-\d{2}\.docx$/);
    const bytes = readFileSync((await download.path())!);
    const zip = await JSZip.loadAsync(bytes);
    const text = plain(await zip.file('word/document.xml')!.async('string'));
    expect(text).toContain('图 1  湖南各赛道两两重合：工业制造与商贸流通');
    expect(text).toContain('注：弦越宽，两个赛道的共同词越多。');
    expect(text).toContain('图 2  2026 湖南 高频词条（前 20）');
    expect(text).toContain('表 1  关键词上下文：“数据”（2026 湖南）');
    for (const label of ['赛道', '题目序号', '位置', '起始位置（字）', '左侧', '关键词', '右侧']) expect(text).toContain(label);
    const squeezed = text.replace(/\s+/g, '');
    for (const cell of cells.filter((c) => c.trim())) expect(squeezed).toContain(cell.replace(/\s+/g, ''));
    expect(text).toContain('附：方法说明');
    expect(text).toContain('重合度（Jaccard）：两个赛道词条集合的 Jaccard 系数');

    const media = Object.values(zip.files).filter((f) => !f.dir && f.name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    const sizes = await Promise.all(media.map(async (f) => pngSize(new Uint8Array(await f.async('uint8array')))));
    expect(sizes.map((s) => s.width).sort()).toEqual([1890, 1920]);
    for (const f of media) expect(pngDpi(new Uint8Array(await f.async('uint8array')))).toBeGreaterThanOrEqual(144);
    const status = (await page.locator('.status .done').textContent())!;
    expect(status).toMatch(/已生成 报告篮_.*\.docx（[\d.]+ (KB|MB)，用时 [\d.]+ 秒）/);

    // Opened as a user would: LibreOffice → PDF → A4 pages with the captions and the pictures on them.
    const dir = mkdtempSync(join(tmpdir(), 'crosstrack-docx-'));
    writeFileSync(join(dir, 'report.docx'), bytes);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
    const info = execFileSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const c of ['图1湖南各赛道两两重合', '图22026湖南高频词条', '表1关键词上下文', '附：方法说明']) expect(pdfText).toContain(c);
    execFileSync('pdftoppm', ['-r', '50', '-png', join(dir, 'report.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, name] of pages.entries()) writeFileSync(join(SHOTS, `basket-docx-page-${i + 1}.png`), readFileSync(join(dir, name)));
    // The picture pages carry ink (a chart, not a blank frame); the chord fills much of its page.
    const inks = await Promise.all(pages.map((name) => ink(page, readFileSync(join(dir, name)))));
    expect(inks[0]).toBeGreaterThan(0.02);
    expect(Math.min(...inks)).toBeGreaterThan(0.005);
    await page.close();
  });

  it('prints to A4: each item with its number, caption and source line, no controls', async () => {
    const page = await browser.context.newPage();
    await openBasket(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.actions').isVisible()).toBe(false);
    expect(await page.locator('article.entry .edit').first().isVisible()).toBe(false);
    expect(await page.locator('nav').first().isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'basket-print.png'), fullPage: true });
    const dir = mkdtempSync(join(tmpdir(), 'crosstrack-print-'));
    await page.pdf({ path: join(dir, 'print.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
    const info = execFileSync('pdfinfo', [join(dir, 'print.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBeGreaterThanOrEqual(2);
    const printed = execFileSync('pdftotext', [join(dir, 'print.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const c of ['图1湖南各赛道两两重合', '图22026湖南高频词条', '表1关键词上下文', '来源：2026湖南']) expect(printed).toContain(c);
    expect(printed).not.toContain('下载Word');
    await page.close();
  });

  it('downloads every item as SVG, PNG, CSV and XLSX in one ZIP, named in basket order', async () => {
    const page = await browser.context.newPage();
    await openBasket(page);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: /ZIP/ }).click()]);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const names = Object.keys(zip.files).sort();
    expect(names.filter((n) => n.startsWith('01_图1_'))).toHaveLength(4);
    expect(names.filter((n) => n.startsWith('02_图2_')).map((n) => n.split('.').pop()).sort()).toEqual(['csv', 'png', 'svg', 'xlsx']);
    expect(names.filter((n) => n.startsWith('03_表1_')).map((n) => n.split('.').pop()).sort()).toEqual(['csv', 'xlsx']);
    const csv = await zip.file(names.find((n) => n.startsWith('03_') && n.endsWith('.csv'))!)!.async('string');
    expect(csv.startsWith('\uFEFF赛道,题目序号,位置,起始位置（字）,左侧,关键词,右侧')).toBe(true);
    expect(csv).toMatch(/,标题,|,正文,/);
    expect(csv).not.toMatch(/,(title|body),/);
    const chordPng = new Uint8Array(await zip.file(names.find((n) => n.startsWith('01_') && n.endsWith('.png'))!)!.async('uint8array'));
    expect(pngSize(chordPng)).toEqual({ width: 1920, height: 1080 });
    const chordSvg = await zip.file(names.find((n) => n.startsWith('01_') && n.endsWith('.svg'))!)!.async('string');
    expect(chordSvg).toContain('湖南各赛道两两重合');
    expect(chordSvg).toContain('@font-face');
    await page.close();
  });

  it('shares the basket as a link that rebuilds the same items in a fresh browser', async () => {
    const page = await browser.context.newPage();
    await openBasket(page);
    await page.getByRole('button', { name: '复制分享链接' }).click();
    shareLink = await page.locator('input.link').inputValue();
    expect(shareLink).toMatch(new RegExp(`^${server.url}/basket#b=1\\.[\\w-]+$`));
    await page.close();

    const fresh = await launchBrowser();
    try {
      const other = await fresh.context.newPage();
      const log = watchPage(other, server.url);
      await openBasket(other, shareLink);
      expect(await summary(other)).toEqual(expected);
      expect(await other.getByText('已按分享链接重建报告篮（3 项）').count()).toBe(1);
      expect(new URL(other.url()).hash).toBe('');
      expect(await other.locator('article.entry').first().getByRole('textbox', { name: /说明/ }).inputValue()).toBe('弦越宽，两个赛道的共同词越多。');
      // The same pictures: the rebuilt chord is the one the first browser drew.
      await other.screenshot({ path: join(SHOTS, 'basket-shared.png') });
      expect(log.errors).toEqual([]);
      expect(log.external).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('copies a chart to the clipboard as a PNG at the chosen size', async () => {
    const page = await browser.context.newPage();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/?edition=2026-hunan`);
    const top = frameTitled(page, /高频词条/);
    await top.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
    await engineReady(page);
    await top.locator('details.menu summary').click();
    await top.getByLabel('Word 页宽').check();
    await top.getByRole('button', { name: '把 PNG 复制到剪贴板' }).click();
    await top.getByRole('status').filter({ hasText: '已复制到剪贴板' }).waitFor({ timeout: 30_000 });
    const width = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType('image/png');
      const bitmap = await createImageBitmap(blob);
      return bitmap.width;
    });
    expect(width).toBe(1890);
    await page.close();
  });
});
