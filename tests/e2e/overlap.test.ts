/**
 * 跨赛道 in Chromium: heatmap and chord diagram of track overlap, the pair drill-down
 * (right tracks, shared terms equal to a direct intersection over term_track), and the
 * whole view restored from a shared URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realConnector } from '../src/lib/fixture/real.ts';
import { watchPage, type AppServer, type Browser, SHOTS, openDashboard, type Dashboard, exportFrom } from './support.ts';

const HUNAN = '2026-hunan';

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
/** Terms of each Hunan track (generic verbs removed), straight from term_track. */
let trackTerms: Map<number, Set<string>>;
let trackNames: Map<number, string>;

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  const { db } = await realConnector('node');
  const rows = await db.query<{ track_no: number; term: string }>({
    sql: `SELECT track_no, term FROM term_track WHERE edition_id = ? AND generic_verbs = 'removed' AND count > 0`,
    params: [HUNAN]
  });
  trackTerms = new Map();
  for (const r of rows) (trackTerms.get(r.track_no) ?? trackTerms.set(r.track_no, new Set()).get(r.track_no)!).add(r.term);
  trackNames = new Map(
    (await db.query<{ track_no: number; track_name: string }>({ sql: 'SELECT track_no, track_name FROM tracks WHERE edition_id = ?', params: [HUNAN] })).map(
      (r) => [r.track_no, r.track_name]
    )
  );
  await db.close();
});

afterAll(async () => {
  await dashboard?.close();
});

const shared = (a: number, b: number) => [...trackTerms.get(a)!].filter((t) => trackTerms.get(b)!.has(t)).sort();

async function openOverlap(page: Page, query = `edition=${HUNAN}`) {
  await page.goto(`${server.url}/overlap?${query}`);
  await page.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
  await page.locator('svg.chord path.ribbon').first().waitFor({ timeout: 60_000 });
}

/** The pair's shared terms as the page's table lists them. */
async function pairTableTerms(page: Page): Promise<string[]> {
  const frame = page.locator('section.frame', { has: page.locator('h2', { hasText: '的共同词' }) });
  await frame.locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
  await frame.getByRole('button', { name: '表格' }).click();
  return (await frame.locator('table tbody tr th').allTextContents()).map((s) => s.trim());
}

describe('overlap', () => {
  it('draws the heatmap and the chord diagram with horizontal labels, no console errors', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openOverlap(page);
    expect(await page.locator('h1').textContent()).toBe('跨赛道重合度');
    // 17 × 16 cells (the diagonal is empty).
    expect(await page.locator('.vega').first().locator('.mark-rect.role-mark path').count()).toBe(17 * 16);
    expect(await page.locator('svg.chord path.ribbon').count()).toBeGreaterThan(100);
    const labels = await page.locator('svg.chord text').evaluateAll((els) => els.map((e) => ({ text: e.textContent, transform: e.getAttribute('transform') })));
    expect(labels.map((l) => l.text)).toEqual([...trackNames.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n));
    expect(labels.every((l) => l.transform === null)).toBe(true);
    expect(await page.getByText('点击热力图中的格子').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'overlap.png'), fullPage: true });

    // The chord diagram exports as SVG with its title, labels and source line.
    const chordFrame = page.locator('section.frame', { has: page.locator('svg.chord') });
    const download = await exportFrom(page, chordFrame, 'SVG');
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toContain('<title>2026 湖南 赛道重合弦图（弦宽：共同词数）</title>');
    expect(svg).toContain('>气象服务</text>');
    expect(svg).toContain('词典版本');
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('picks a pair with the selects and shows the right tracks, shared terms and topics', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openOverlap(page);
    await page.getByLabel('赛道 A').selectOption('10');
    await page.waitForURL(/a=10/);
    await page.getByLabel('赛道 B').selectOption('12');
    await page.waitForURL(/b=12/);
    const heading = page.locator('section.pair h2');
    await heading.waitFor();
    expect(await heading.textContent()).toContain(`${trackNames.get(10)} × ${trackNames.get(12)}`);
    expect((await pairTableTerms(page)).sort()).toEqual(shared(10, 12));
    // The chosen ribbon is drawn in the accent colour.
    expect(await page.locator('svg.chord path.ribbon[fill="#D55E00"]').count()).toBe(1);
    // Topics of both tracks; their links open the track page with the term highlighted.
    const columns = page.locator('.columns .column');
    expect(await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-track')))).toEqual(['10', '12']);
    const chip = columns.nth(1).locator('a.chip').first();
    const term = (await chip.textContent())!.trim();
    expect(shared(10, 12)).toContain(term);
    await chip.click();
    await page.waitForURL(/\/tracks\/2026-hunan\/12/);
    const url = new URL(page.url());
    expect(url.searchParams.get('term')).toBe(term);
    await page.locator('a.term.strong').first().waitFor({ timeout: 60_000 });
    expect(await page.locator(`article#topic-${url.searchParams.get('topic')} a.term.strong`).count()).toBeGreaterThan(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('picks a pair by clicking a ribbon', async () => {
    const page = await browser.context.newPage();
    await openOverlap(page);
    await page.locator('svg.chord path.ribbon').nth(3).dispatchEvent('click');
    await page.waitForURL(/a=\d+&b=\d+|b=\d+&a=\d+/);
    const url = new URL(page.url());
    const a = Number(url.searchParams.get('a'));
    const b = Number(url.searchParams.get('b'));
    expect(a).not.toBe(b);
    expect(await page.locator('section.pair h2').textContent()).toContain(`${trackNames.get(a)} × ${trackNames.get(b)}`);
    await page.close();
  });

  it('picks a pair by clicking a heatmap cell', async () => {
    const page = await browser.context.newPage();
    await openOverlap(page);
    const cell = page.locator('.vega').first().locator('.mark-rect.role-mark path').nth(20);
    const box = (await cell.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/[?&]a=\d+/);
    const url = new URL(page.url());
    const a = Number(url.searchParams.get('a'));
    const b = Number(url.searchParams.get('b'));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(await page.locator('section.pair h2').textContent()).toContain(`${trackNames.get(a)} × ${trackNames.get(b)}`);
    await page.close();
  });

  it('restores metric, pair and weight from a shared URL', async () => {
    const page = await browser.context.newPage();
    const log = watchPage(page, server.url);
    await openOverlap(page, `edition=${HUNAN}&a=14&b=12&metric=cosine&weight=metric`);
    expect(await page.getByRole('radio', { name: '余弦相似度' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: '所选度量' }).isChecked()).toBe(true);
    expect(await page.getByLabel('赛道 A').inputValue()).toBe('14');
    expect(await page.getByLabel('赛道 B').inputValue()).toBe('12');
    expect(await page.locator('section.frame h2').first().textContent()).toContain('余弦相似度');
    expect(await page.locator('section.pair h2').textContent()).toContain(`${trackNames.get(14)} × ${trackNames.get(12)}`);
    expect((await pairTableTerms(page)).sort()).toEqual(shared(14, 12));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'overlap-pair.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
