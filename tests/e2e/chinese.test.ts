/**
 * The Chinese UI is Chinese: every route the app has (src/lib/nav.ts EXISTING_ROUTES, so
 * a page added later is walked too), and a few states of them, show no Latin word outside
 * data, code and units — in text, titles, labels and placeholders — and log no warning or
 * error to the console.
 *
 * "Data" is any word the guides, the dictionaries or the manifest contain (a term like
 * AIGC, a file name). "Code" is <code>/<pre>/<textarea>/<kbd>/<samp> and [translate="no"]
 * (SQL identifiers). The allowed words below are names and notation a Chinese policy
 * reader sees in Chinese documents too; each says why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXISTING_ROUTES } from '../../src/lib/nav.ts';
import { ROOT, openDashboard, type AppServer, type Browser, type Dashboard } from './support.ts';

const HUNAN = '2026-hunan';

/** A sample value for every route parameter; a route with a parameter not listed fails the walk. */
const SAMPLES: Record<string, string> = { term: '隐私计算', edition: HUNAN, track: '8', theme: '隐私计算' };

/** Extra states worth walking: a theme, a search, the 「领域词」 switch, a selection, English off. */
const STATES = [
  `/?theme=${encodeURIComponent('隐私计算')}`,
  '/?vocab=domain&rank=tfidf',
  `/topics?q=${encodeURIComponent('隐私计算')}`,
  `/themes/${encodeURIComponent('隐私计算')}?track=4`,
  '/tracks/2026-hunan/8?stat=logratio',
  `/terms/${encodeURIComponent('不存在的词')}`
];
const NOT_FOUND = `/${encodeURIComponent('没有这个页面')}`;

const ALLOWED = new Set([
  'Crosstrack', // the product's name
  'English', // the language switch names the language it switches to
  'SQL', // SQL 控制台: the language the console runs
  'DuckDB', // the SQL dialect the console speaks (DuckDB 语法)
  // the statements the console accepts, named in its help (SQL keywords are code)
  'SELECT', 'WITH', 'FROM', 'VALUES', 'DESCRIBE', 'SHOW', 'EXPLAIN', 'SUMMARIZE', 'PRAGMA', 'table_info', 'TABLE', 'ANALYZE', 'LIMIT',
  'Ctrl', 'Enter', 'Mac', // key names on the keyboard
  'SVG', 'PNG', 'CSV', 'XLSX', 'PDF', // file formats of the exports (and of print: 另存为 PDF)
  'Word', 'PPT', // the programs the export sizes fit (Word 页宽, PPT 16:9), named as Chinese offices name them
  'cm', 'dpi', // units of an export size (16 cm 宽，300 dpi)
  'editions.json', 'docx', 'utf-16le', 'gb18030', // file names and text encodings the schema describes
  'txt', 'md', 'pdf', 'MB', // the file types 数据管理 takes (.txt、.md、.docx、.pdf) and its size limit's unit
  'TF-IDF', 'Dice', 'DP', 'DPnorm', 'NPMI', 'PMI', 'Jaccard', // names of statistics (statistics.md), as the literature writes them
  'Gries', 'Rayson', 'Garside', 'Hardie', 'Eck', 'Waltman', // authors of those statistics, cited in the help
  'KH', 'Coder', 'VOSviewer', 'Leiden', // tools and algorithms the help compares with by name
  'ln', 'log', 'min', 'max', 'tf', 'idf', 'df' // notation in formulas (idf = ln(T/df))
]);

/** A Latin word with its digits and joiners (utf-16le, TF-IDF, editions.json); a_ij-style subscripts are notation. */
const LATIN_WORD = /[A-Za-z0-9²]+(?:[-_.][A-Za-z0-9²]+)*/g;

let dashboard: Dashboard;
let server: AppServer;
let browser: Browser;
let dataWords: Set<string>;

/** A quoted value ('matched', 'kept') is a column value the SQL console's reader types: code. */
const SQL_LITERAL = /'[A-Za-z_]+'/g;

function wordsOf(text: string): string[] {
  return (text.replace(SQL_LITERAL, ' ').match(LATIN_WORD) ?? []).filter((w) => w.replace(/[^A-Za-z]/g, '').length >= 2 && !/^[A-Za-z]+_[A-Za-z]+$/.test(w));
}

beforeAll(async () => {
  dashboard = await openDashboard();
  ({ server, browser } = dashboard);
  const sources = [
    ...readdirSync(join(ROOT, 'data/editions')).map((f) => join(ROOT, 'data/editions', f)),
    ...readdirSync(join(ROOT, 'data/dict')).map((f) => join(ROOT, 'data/dict', f)),
    join(ROOT, 'data/tables/manifest.json')
  ];
  dataWords = new Set(sources.flatMap((f) => wordsOf(readFileSync(f, 'utf8'))));
});

afterAll(async () => {
  await dashboard?.close();
});

function concrete(route: string): string {
  return route.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    if (!(name in SAMPLES)) throw new Error(`route ${route}: add a sample value for [${name}] to SAMPLES in tests/e2e/chinese.test.ts`);
    return encodeURIComponent(SAMPLES[name]);
  });
}

/** Waits until nothing on the page is loading or querying any more. */
async function settle(page: Page) {
  await page.waitForFunction(
    () => {
      const text = document.querySelector('main')?.textContent ?? '';
      return !/正在(启动|加载|查询|读取)/.test(text) && !document.querySelector('.chart.stale, .hits.stale, [aria-busy="true"]');
    },
    undefined,
    { timeout: 90_000, polling: 250 }
  );
  await page.waitForTimeout(300);
}

/** Latin words the reader can see or hear: text, and title / aria-label / placeholder / alt. */
async function latinWords(page: Page): Promise<{ word: string; where: string }[]> {
  const found = await page.evaluate(() => {
    const CODE = 'code, pre, textarea, kbd, samp, script, style, [translate="no"]';
    const out: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(CODE)) continue;
      if (node.textContent?.trim()) out.push({ text: node.textContent, where: parent.tagName.toLowerCase() + (parent.className ? `.${String(parent.className).split(' ')[0]}` : '') });
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], [aria-roledescription]')) {
      if (el.closest(CODE)) continue;
      const heard = !el.closest('[aria-hidden="true"]');
      for (const attr of ['title', 'placeholder', 'alt', ...(heard ? ['aria-label', 'aria-roledescription'] : [])]) {
        const value = el.getAttribute(attr);
        if (value) out.push({ text: value, where: `${el.tagName.toLowerCase()}[${attr}]` });
      }
    }
    out.push({ text: document.title, where: 'title' });
    return out;
  });
  return found.flatMap(({ text, where }) => wordsOf(text).map((word) => ({ word, where: `${where}: ${text.trim().slice(0, 60)}` })));
}

const paths = () => [...[...EXISTING_ROUTES].sort().map(concrete), ...STATES];

describe('the Chinese UI', () => {
  it('walks every route of the app (nav.ts EXISTING_ROUTES)', () => {
    expect(EXISTING_ROUTES.size).toBeGreaterThanOrEqual(10);
    expect([...EXISTING_ROUTES]).toEqual(expect.arrayContaining(['/', '/terms', '/terms/[term]', '/themes', '/themes/[theme]', '/tracks/[edition]/[track]', '/topics', '/sql']));
  });

  it.each(paths())('%s shows no English outside data, code and units, and logs no warning', async (path) => {
    const page = await browser.context.newPage();
    const console: string[] = [];
    page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.push(`page: ${e.message}`));
    await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}edition=${HUNAN}`);
    await page.locator('main h1').first().waitFor({ timeout: 60_000 });
    await settle(page);
    const english = (await latinWords(page)).filter(({ word }) => !ALLOWED.has(word) && !dataWords.has(word));
    expect(english, path).toEqual([]);
    expect(console, path).toEqual([]);
    await page.close();
  });

  it('a page that does not exist says so in Chinese, with the way back', async () => {
    const page = await browser.context.newPage();
    const console: string[] = [];
    page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && console.push(m.text()));
    await page.goto(`${server.url}${NOT_FOUND}`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.locator('h1').textContent()).toBe('页面不存在');
    expect(await alert.textContent()).toContain('没有这个页面');
    expect(await alert.getByRole('link', { name: '返回总览' }).count()).toBe(1);
    expect((await latinWords(page)).filter(({ word }) => !ALLOWED.has(word) && !dataWords.has(word))).toEqual([]);
    // The browser reports the 404 response itself; nothing else may be logged.
    expect(console.filter((m) => !m.startsWith('Failed to load resource'))).toEqual([]);
    await page.close();
  });
});
