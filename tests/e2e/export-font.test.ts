/**
 * Exports carry their own Chinese glyphs: a Chromium whose fontconfig sees only DejaVu
 * (no CJK font, as on a fresh office PC without Chinese fonts) exports the same PNG as
 * one with Noto Sans CJK, and shows the dashboard in the bundled font.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Blob as HbBlob, Face } from 'harfbuzzjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svgTextCodePoints } from '../../src/lib/export/font-subset.ts';
import { engineReady, exportFrom, launchBrowser, openDashboard, watchPage, type Browser, type Dashboard, frameTitled } from './support.ts';

const LATIN_ONLY_FONTS = '/usr/share/fonts/truetype/dejavu';

function latinOnlyFontconfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosstrack-fontconfig-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${LATIN_ONLY_FONTS}</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`
  );
  return file;
}

const topFrame = (page: Page) => frameTitled(page, /高频词条/);

async function openOverview(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/?edition=2026-hunan`);
  await topFrame(page).locator('.vega svg .mark-rect path').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.chart.stale'));
  await engineReady(page);
}

async function exportTopTerms(page: Page, format: 'SVG' | 'PNG'): Promise<Buffer> {
  const download = await exportFrom(page, topFrame(page), format);
  return readFileSync((await download.path())!);
}

/**
 * Mean absolute difference (0–255) of two same-sized PNGs' grey levels averaged over
 * BLOCK × BLOCK squares, computed in a page: a glyph drawn as a box changes its square a
 * lot, a layout shifted by a pixel (font metrics measured a hair apart) barely.
 */
const BLOCK = 16;
async function pngDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second, block]) => {
      const grey = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        const columns = Math.ceil(width / block);
        const out = new Float32Array(columns * Math.ceil(height / block));
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            out[Math.floor(y / block) * columns + Math.floor(x / block)] += (data[i] + data[i + 1] + data[i + 2]) / 3 / (block * block);
          }
        }
        return { out, size: `${width}x${height}` };
      };
      const [x, y] = [await grey(first), await grey(second)];
      if (x.size !== y.size) return Number.POSITIVE_INFINITY;
      let total = 0;
      for (let i = 0; i < x.out.length; i++) total += Math.abs(x.out[i] - y.out[i]);
      return total / x.out.length;
    },
    [a.toString('base64'), b.toString('base64'), BLOCK] as const
  );
}

const fontStatus = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.includes('Crosstrack Sans SC')).map((f) => f.status);
  });

describe('exports on a machine without a Chinese font', () => {
  let dashboard: Dashboard;
  let latinOnly: Browser;

  beforeAll(async () => {
    dashboard = await openDashboard();
    latinOnly = await launchBrowser({ env: { FONTCONFIG_FILE: latinOnlyFontconfig() } });
  });
  afterAll(async () => {
    await latinOnly?.close();
    await dashboard?.close();
  });

  it('embeds the glyphs of every character the SVG shows', async () => {
    const page = await dashboard.browser.context.newPage();
    const log = watchPage(page, dashboard.server.url);
    await openOverview(page, dashboard.server.url);
    const svg = (await exportTopTerms(page, 'SVG')).toString('utf8');
    expect(svg).toMatch(/<defs><style>@font-face\{font-family:"Crosstrack Sans SC";src:url\(data:font\/otf;base64,[A-Za-z0-9+/=]{1000,}\)/);
    expect(svg).toContain('高频词条');
    const font = Buffer.from(svg.match(/base64,([A-Za-z0-9+/=]+)\)/)![1], 'base64');
    const embedded = new Set(new Face(new HbBlob(font.buffer.slice(font.byteOffset, font.byteOffset + font.length))).collectUnicodes());
    const shown = svgTextCodePoints(svg.replace(/<defs><style>.*?<\/style><\/defs>/, ''));
    expect([...shown].filter((cp) => !embedded.has(cp)).map((cp) => String.fromCodePoint(cp))).toEqual([]);
    expect(embedded.size).toBeLessThan(shown.size + 5);
    // The page itself never needed the bundled font here: Noto Sans CJK is installed.
    expect(await fontStatus(page)).toEqual(['unloaded']);
    expect(log.errors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });

  it('draws Chinese in the bundled font and exports the same PNG as a machine with Noto Sans CJK', async () => {
    const normal = await dashboard.browser.context.newPage();
    await openOverview(normal, dashboard.server.url);
    const reference = await exportTopTerms(normal, 'PNG');

    const bare = await latinOnly.context.newPage();
    const log = watchPage(bare, dashboard.server.url);
    await openOverview(bare, dashboard.server.url);
    expect(await fontStatus(bare)).toEqual(['loaded']);
    const exported = await exportTopTerms(bare, 'PNG');
    await bare.screenshot({ path: join('test-results', 'export-font-latin-only.png') });
    expect(log.errors).toEqual([]);
    await bare.close();

    // Control: the same export with the bundled font unreachable shows boxes, not glyphs.
    const blocked = await latinOnly.context.newPage();
    await blocked.route(/crosstrack-sans-sc.*\.otf/, (route) => route.abort());
    await openOverview(blocked, dashboard.server.url);
    const withoutFont = await exportTopTerms(blocked, 'PNG');
    await blocked.close();

    const same = await pngDifference(normal, exported, reference);
    const boxes = await pngDifference(normal, withoutFont, reference);
    writeFileSync(join('test-results', 'export-font-latin-only-export.png'), exported);
    writeFileSync(join('test-results', 'export-font-unreachable-export.png'), withoutFont);
    // Measured here: 0.7 (a faux-bold title, axes a pixel apart) against 9.3 for boxes.
    expect(same).toBeLessThan(2);
    expect(boxes).toBeGreaterThan(same * 5);
    await normal.close();
  });
});
