/**
 * Test PDFs made the way an office makes them: a guide's text laid out on A4 in Chromium
 * (justified paragraphs indented two characters, headings flush left) and printed to PDF
 * with `— N —` page numbers in the footer. The text layer is Chromium's own, Kangxi-radical
 * quirks of CJK fonts included. A "scanned" page is a canvas drawing: pixels, no text.
 */
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Headings are short lines that do not end a sentence; everything else is a paragraph. */
const isHeading = (line: string) => line.length < 40 && !/[。；]$/.test(line);

export function guideHtml(lines: string[]): string {
  return lines.map((l) => (isHeading(l) ? `<h2>${escape(l)}</h2>` : `<p>${escape(l)}</p>`)).join('\n');
}

/** A page with the lines drawn as pixels (what a scanner gives), on a page of its own. */
export function scannedPageHtml(lines: string[]): string {
  const id = `scan${Math.random().toString(36).slice(2)}`;
  return `<div style="break-before: page"><canvas id="${id}" width="600" height="800"></canvas><script>
    const g = document.getElementById('${id}').getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, 600, 800); g.fillStyle = '#000'; g.font = '26px sans-serif';
    ${JSON.stringify(lines.slice(0, 20))}.forEach((l, i) => g.fillText(l, 20, 40 + i * 36));
  </script></div>`;
}

export async function printPdf(bodyHtml: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
        body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 16pt; line-height: 1.6; margin: 0; }
        h2 { font-size: 16pt; margin: 0.3em 0; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
      </style></head><body>${bodyHtml}</body></html>`,
      { waitUntil: 'load' }
    );
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '30mm', bottom: '28mm', left: '28mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="width:100%;text-align:center;font-size:12pt;font-family:serif">— <span class="pageNumber"></span> —</div>',
      printBackground: true
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/** A guide's lines (one per paragraph or heading) printed to PDF. */
export const printGuidePdf = (lines: string[]) => printPdf(guideHtml(lines));
