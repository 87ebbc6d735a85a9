/**
 * PDF import: the Hunan guide printed to PDF by Chromium (A4, justified, `— N —` page
 * numbers) reads as the same tracks, titles and paragraphs as the .txt; scans and broken
 * files are refused with a sentence; the layout rules on hand-made lines.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../analysis/cli.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import { AnalysisError, formatDiagnostic } from '../../../analysis/messages.ts';
import type { ParsedEdition, SourceFile } from '../../../analysis/model.ts';
import { loadEditionEntries, readEdition } from '../../../analysis/parse/index.ts';
import { decodeSource } from '../../../analysis/parse/decode.ts';
import { dropFurniture, foldPdfCharacters, paragraphsOf, type PdfLine, type PdfPage } from '../../../analysis/parse/pdf.ts';
import { guideHtml, printGuidePdf, printPdf, scannedPageHtml } from '../../support/print-pdf.ts';

const DATA = join(import.meta.dirname, '../../../data/editions');
const HUNAN = readFileSync(join(DATA, '2026-hunan.txt'), 'utf8');
const entries = loadEditionEntries(new Uint8Array(readFileSync(join(DATA, 'editions.json'))), 'editions.json');
const NONE = loadEditionEntries(null, 'editions.json');

const file = (name: string, bytes: Uint8Array): SourceFile => ({ path: `uploads/${name}`, name, bytes });
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

async function failure(source: SourceFile): Promise<AnalysisError> {
  try {
    await decodeSource(source);
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error(`expected ${source.name} to fail`);
}

describe('the Hunan guide printed to PDF', () => {
  let pdf: Uint8Array;
  let fromPdf: ParsedEdition;
  let fromTxt: ParsedEdition;

  beforeAll(async () => {
    pdf = await printGuidePdf(lines(HUNAN));
    // Named like the .txt so editions.json gives both the same metadata.
    fromPdf = await readEdition(file('2026-hunan.txt', pdf), entries);
    fromTxt = await readEdition(file('2026-hunan.txt', new TextEncoder().encode(HUNAN)), entries);
  }, 120_000);

  test('is a real many-page PDF with page numbers in the footer', () => {
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(fromPdf.encoding).toBe('pdf');
  });

  test('gives the same 17 tracks and 122 topics, titles and paragraphs as the .txt', () => {
    expect(fromPdf.tracks).toHaveLength(17);
    expect(fromPdf.tracks.reduce((n, t) => n + t.topics.length, 0)).toBe(122);
    expect(fromPdf.tracks.map((t) => [t.track_name, t.heading])).toEqual(fromTxt.tracks.map((t) => [t.track_name, t.heading]));
    const topics = (e: ParsedEdition) => e.tracks.flatMap((t) => t.topics.map((p) => [t.track_no, p.topic_no, p.printed_no, p.title, p.body]));
    expect(topics(fromPdf)).toEqual(topics(fromTxt));
    expect(fromPdf.meta).toEqual(fromTxt.meta);
    expect(fromPdf.warnings).toEqual([]);
  });

  test('npm run analyze reads it from a folder like any guide', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosstrack-pdf-cli-'));
    mkdirSync(join(dir, 'editions'));
    writeFileSync(join(dir, 'editions/2026-hunan.pdf'), pdf);
    const code = await main([join(dir, 'editions'), '--out', join(dir, 'out'), '--dict', join(DATA, '../dict'), '--quiet']);
    expect(code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.inputs).toMatchObject([{ file: '2026-hunan.pdf', encoding: 'pdf', edition_id: '2026-hunan' }]);
    expect(manifest.editions[0]).toMatchObject({ year: 2026, region: '湖南', topics: 122 });
  });

  test('drops the page numbers and folds Kangxi radicals back to ideographs', async () => {
    const decoded = await decodeSource(file('guide.pdf', pdf));
    expect(decoded.text).not.toMatch(/—\s*\d+\s*—/);
    expect(decoded.text).not.toMatch(/[\u2e80-\u2fdf]/);
    const pages = decoded.pageOfLine!;
    expect(pages).toHaveLength(decoded.text.split('\n').length);
    expect(pages[0]).toBe(1);
    expect(pages.every((p, i) => i === 0 || p >= pages[i - 1])).toBe(true);
    expect(pages.at(-1)).toBeGreaterThan(20);
  });
});

describe('warnings name the page', () => {
  test('a numbering gap in a PDF is reported on its page', async () => {
    const guide = ['2025年某省分赛赛题指南', '赛道一：工业制造赛道', '一、第一个题目', '说明文字。', '三、第三个题目', '说明文字。'];
    const edition = await readEdition(file('2025-hunan.pdf', await printGuidePdf(guide)), NONE);
    const gap = edition.warnings.find((w) => w.code === 'numbering-gap')!;
    expect(gap.page).toBe(1);
    expect(formatDiagnostic(gap)).toContain('第 1 页');
  });

  test('a page of pixels among text pages is named', async () => {
    const guide = ['2025年某省分赛赛题指南', '赛道一：工业制造赛道', '一、第一个题目', '说明文字。'];
    const pdf = await printPdf(guideHtml(guide) + scannedPageHtml(['赛道二：现代农业赛道']));
    const decoded = await decodeSource(file('mixed.pdf', pdf));
    expect(decoded.warnings.map((w) => [w.code, w.page])).toEqual([['pdf-pages-without-text', 2]]);
    expect(decoded.warnings[0].message).toContain('第 2 页');
  });
});

describe('PDFs that cannot be read', () => {
  test('a scan without a text layer says so', async () => {
    const error = await failure(file('scan.pdf', await printPdf(scannedPageHtml(['赛道一：工业制造赛道', '一、题目']))));
    expect(error.diagnostic.code).toBe('pdf-no-text');
    expect(error.message).toContain('扫描');
    expect(error.message).toContain('OCR');
  });

  test('an empty page says so too', async () => {
    const error = await failure(file('blank.pdf', await printPdf('<p></p>')));
    expect(error.diagnostic.code).toBe('pdf-no-text');
  });

  test.each([
    ['a header and garbage', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\nthis is not a PDF body')],
    ['a header only', new TextEncoder().encode('%PDF-1.4')]
  ])('%s is a damaged PDF, in a sentence', async (_, bytes) => {
    const error = await failure(file('broken.pdf', bytes));
    expect(error.diagnostic.code).toMatch(/^pdf-(invalid|no-text)$/);
    expect(error.message).toContain('uploads/broken.pdf');
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  test('the content decides, not the name: a PDF named .txt is read as a PDF', async () => {
    const pdf = await printGuidePdf(['2025年某省分赛赛题指南', '赛道一：工业制造赛道', '一、第一个题目', '说明文字。']);
    const decoded = await decodeSource(file('guide.txt', pdf));
    expect(decoded.encoding).toBe('pdf');
    expect(decoded.text).toContain('赛道一：工业制造赛道');
  });
});

// ── layout rules on hand-made lines ─────────────────────────────────
const SIZE = 16;
const line = (page: number, y: number, x0: number, x1: number, text: string, size = SIZE): PdfLine => ({ page, x0, x1, y, size, text });
const page = (n: number, ls: PdfLine[]): PdfPage => ({ page: n, width: 596, height: 842, lines: ls });
const LEFT = 80;
const RIGHT = 520;
/** A justified paragraph: first line indented, full lines to the right edge, a short last line. */
function paragraph(n: number, y: number, parts: string[], indent = true): PdfLine[] {
  return parts.map((text, i) => line(n, y + i * 25, i === 0 && indent ? LEFT + 2 * SIZE : LEFT, i === parts.length - 1 ? LEFT + 200 : RIGHT, text));
}

describe('paragraphs from lines', () => {
  test('wrapped lines join; a short line ends the paragraph; an indented line starts one', () => {
    const p = page(1, [...paragraph(1, 100, ['聚焦产品研发环节，', '汇聚多源信息，', '支撑优化。']), ...paragraph(1, 175, ['第二段开始，', '到此结束。'])]);
    expect(paragraphsOf([p]).map((x) => x.text)).toEqual(['聚焦产品研发环节，汇聚多源信息，支撑优化。', '第二段开始，到此结束。']);
  });

  test('a paragraph continues on the next page unless that page starts indented', () => {
    const first = page(1, [...paragraph(1, 600, ['甲', '乙', '丙', '丁']).slice(0, 3)]);
    const second = page(2, [line(2, 100, LEFT, LEFT + 100, '丁。'), ...paragraph(2, 125, ['新段，', '完。'])]);
    // Three full lines on page 1 (the block's right edge), then the wrap goes on.
    first.lines[2] = line(1, 650, LEFT, RIGHT, '丙');
    expect(paragraphsOf([first, second]).map((x) => [x.page, x.text])).toEqual([
      [1, '甲乙丙丁。'],
      [2, '新段，完。']
    ]);
  });

  test('a sentence that ends at the edge is not joined to a numbered heading below it', () => {
    const p = page(1, [...paragraph(1, 100, ['一段话，', '又一行，', '正好到边。']).map((l) => ({ ...l, x1: RIGHT })), line(1, 175, LEFT, LEFT + 150, '四、下一个题目')]);
    expect(paragraphsOf([p]).map((x) => x.text)).toEqual(['一段话，又一行，正好到边。', '四、下一个题目']);
  });

  test('a list of short lines (no justified block) is never joined', () => {
    const list = ['【数据要素×文化旅游】 赛题1：甲', '【数据要素×文化旅游】 赛题2：乙乙乙乙', '赛题3：丙丙'].map((t, i) => line(1, 100 + i * 25, LEFT, LEFT + 40 + i * 90, t));
    expect(paragraphsOf([page(1, list)]).map((x) => x.text)).toHaveLength(3);
  });

  test('a wider gap or another font size starts a new paragraph', () => {
    const body = [line(1, 100, LEFT, RIGHT, '甲甲'), line(1, 125, LEFT, RIGHT, '乙乙'), line(1, 150, LEFT, RIGHT, '丙丙'), line(1, 175, LEFT, RIGHT, '丁丁')];
    const gap = [...body.slice(0, 2), line(1, 170, LEFT, RIGHT, '远'), line(1, 195, LEFT, 200, '完')];
    expect(paragraphsOf([page(1, gap)]).map((x) => x.text)).toEqual(['甲甲乙乙', '远完']);
    const resized = [...body.slice(0, 3), line(1, 175, LEFT, 200, '大字', 22)];
    expect(paragraphsOf([page(1, resized)]).map((x) => x.text)).toEqual(['甲甲乙乙丙丙', '大字']);
  });

  test('Latin words broken at a line end keep their space', () => {
    const p = page(1, [line(1, 100, LEFT, RIGHT, '采用 large'), line(1, 125, LEFT, RIGHT, 'language'), line(1, 150, LEFT, RIGHT, 'model 技术'), line(1, 175, LEFT, 200, '完。')]);
    expect(paragraphsOf([p])[0].text).toBe('采用 large language model 技术完。');
  });
});

describe('page furniture', () => {
  const numbered = (n: number, footer: string) => page(n, [line(n, 100, LEFT, RIGHT, `正文${n}`), line(n, 125, LEFT, 300, '短行。'), line(n, 820, 280, 320, footer)]);

  test.each(['— 3 —', '- 3 -', '3', '第 3 页', '第3页 共35页', '3/35'])('page number %s is dropped', (footer) => {
    const pages = [numbered(1, footer)];
    expect(dropFurniture(pages)[0].lines.map((l) => l.text)).toEqual(['正文1', '短行。']);
  });

  test('a running header repeated on most pages is dropped, a one-off heading is not', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page(n, [line(n, 40, LEFT, 400, '2026年数据要素大赛赛题指南'), line(n, 200, LEFT, RIGHT, n === 1 ? '赛道一：工业制造赛道' : `正文${n}`)])
    );
    expect(dropFurniture(pages).flatMap((p) => p.lines.map((l) => l.text))).toEqual(['赛道一：工业制造赛道', '正文2', '正文3', '正文4']);
  });

  test('a number inside the text is not furniture', () => {
    const p = page(1, [line(1, 100, LEFT, RIGHT, '正文'), line(1, 400, LEFT, 100, '2026'), line(1, 425, LEFT, RIGHT, '更多正文')]);
    expect(dropFurniture([p])[0].lines).toHaveLength(3);
  });
});

describe('characters', () => {
  test('Kangxi and supplement radicals become the ideographs people type; U+2015 becomes —', () => {
    expect(foldPdfCharacters('⼯业⼤模型⽤⼾⻛险')).toBe('工业大模型用户风险');
    expect(foldPdfCharacters('品种―企业')).toBe('品种—企业');
    expect(foldPdfCharacters('（全角）ＡＢ')).toBe('（全角）ＡＢ');
  });
});
