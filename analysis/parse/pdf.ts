/**
 * PDF → text, with paragraphs and headings rebuilt from the layout (pdf.js text layer).
 *
 *   pages ─► text runs (pdf.js, device space) ─► lines (runs on one baseline, by x)
 *         ─► page furniture dropped (page numbers, running headers/footers)
 *         ─► paragraphs: a line that reaches the right margin continues into the next,
 *            unless the next is indented, set in another size or after a wider gap
 *         ─► one line of text per paragraph, and the page each line came from
 *
 * Government PDFs wrap every line at the page edge and break paragraphs across pages;
 * read line by line they would give the parser hundreds of broken titles. Fonts from
 * Word, WPS and Chromium often map CJK glyphs to Kangxi radicals (⼯ for 工), so those
 * are folded back to the ideographs people type.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DecodedText, Diagnostic, SourceFile } from '../model.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import { isPageNumberLine } from './layout.ts';

/** A PDF with more pages than this is refused before its pages are read. */
export const PDF_MAX_PAGES = 2000;

export interface PdfLine {
  page: number;
  /** Left and right edge, baseline (device space, y down) and font size, in points. */
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

export interface PdfPage {
  page: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

export interface PdfText extends DecodedText {
  /** Page of each line of `text` (index 0 is line 1). */
  pageOfLine: number[];
  pages: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
/** pdf.js is large (its worker runs in this thread in Node): loaded on the first PDF only. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function assetDir(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return join(root, name) + '/';
}

// ── characters ────────────────────────────────────────────────────
/** CJK Radicals Supplement forms that stand for a whole character (no Unicode decomposition), and exceptions. */
const RADICAL_SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [
    // Kangxi radicals whose decomposition is the traditional form of a character simplified fonts draw.
    '⼾户',
    '⺁厂', '⺅亻', '⺆冂', '⺊卜', '⺌小', '⺍小', '⺎兀', '⺐尢', '⺒巳', '⺓幺', '⺔彑', '⺕彐', '⺖忄', '⺘扌', '⺙攵',
    '⺛旡', '⺝月', '⺞歺', '⺟母', '⺠民', '⺡氵', '⺢氺', '⺣灬', '⺤爫', '⺥爫', '⺦丬', '⺧牛', '⺨犭', '⺩王', '⺪疋',
    '⺫罒', '⺬示', '⺭礻', '⺮竹', '⺯糸', '⺰纟', '⺲罒', '⺷羊', '⺹耂', '⺺肀', '⺻聿', '⺼月', '⺽臼', '⺾艹', '⺿艹',
    '⻀艹', '⻁虎', '⻂衤', '⻃覀', '⻄西', '⻅见', '⻆角', '⻈讠', '⻉贝', '⻋车', '⻌辶', '⻍辶', '⻎辶', '⻏阝', '⻐钅',
    '⻑長', '⻒镸', '⻓长', '⻔门', '⻖阝', '⻗雨', '⻘青', '⻙韦', '⻚页', '⻛风', '⻜飞', '⻝食', '⻟飠', '⻠饣', '⻢马',
    '⻣骨', '⻤鬼', '⻥鱼', '⻦鸟', '⻧卤', '⻨麦', '⻩黄', '⻪黾', '⻫斉', '⻬齐', '⻭歯', '⻮齿', '⻯竜', '⻰龙', '⻱龜',
    '⻲亀', '⻳龟'
  ].map((pair) => [pair[0], pair[1]])
);
// Kangxi radicals (U+2F00–2FD5) and compatibility ideographs decompose to the unified ones.
const NORMALISED = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function foldPdfCharacters(text: string): string {
  return text
    .replace(NORMALISED, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC'))
    .replace(INVISIBLE, '')
    // CJK fonts draw the dash of 破折号 for both; GB text means U+2014.
    .replace(/\u2015/g, '\u2014')
    .replace(/[\u00a0\u2000-\u200a\u3000\u202f]/g, (ch) => (ch === '\u3000' ? '\u3000' : ' '));
}

const LATIN = /[A-Za-z0-9]/;

// ── lines ─────────────────────────────────────────────────────────
interface Run {
  x: number;
  y: number;
  width: number;
  size: number;
  str: string;
}

/** Runs on one baseline (within half a font size) become a line, read left to right. */
export function linesOfRuns(page: number, runs: Run[]): PdfLine[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    const y = group ? group.reduce((s, r) => s + r.y, 0) / group.length : 0;
    if (group && Math.abs(run.y - y) < 0.5 * Math.max(run.size, group[0].size)) group.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const run of group) {
      const gap = run.x - end;
      const size = run.size;
      if (text !== '' && gap > 0.25 * size && !/\s$/.test(text) && !/^\s/.test(run.str)) {
        // Justified CJK text is spread with small gaps; only words of Latin script need a space.
        if (LATIN.test(text.at(-1)!) && LATIN.test(run.str[0])) text += ' ';
        else if (gap > 1.5 * size) text += ' ';
      }
      text += run.str;
      end = Math.max(end, run.x + run.width);
    }
    const size = group.reduce((s, r) => Math.max(s, r.size), 0);
    return {
      page,
      x0: group[0].x,
      x1: end,
      y: group.reduce((s, r) => s + r.y, 0) / group.length,
      size,
      text: foldPdfCharacters(text).replace(/\s+/g, (s) => (s.includes('\u3000') ? '\u3000' : ' ')).trim()
    };
  });
}

// ── page furniture ────────────────────────────────────────────────
const digitless = (text: string) => text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');

/**
 * Page numbers in the top or bottom band of a page, and running headers or footers: a line
 * in those bands whose text (digits aside) recurs on at least half the pages (three or more).
 */
export function dropFurniture(pages: PdfPage[]): PdfPage[] {
  const inBand = (line: PdfLine, page: PdfPage) => line.y < page.height * 0.12 || line.y > page.height * 0.88;
  const edge = (line: PdfLine, page: PdfPage) =>
    inBand(line, page) || line === page.lines[0] || line === page.lines[page.lines.length - 1];
  const recurring = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(page.lines.filter((l) => inBand(l, page)).map((l) => digitless(l.text)));
    for (const key of seen) recurring.set(key, (recurring.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => pages.length >= 3 && (recurring.get(key) ?? 0) >= Math.max(3, pages.length / 2);
  return pages.map((page) => ({
    ...page,
    lines: page.lines.filter(
      (line) => !(edge(line, page) && isPageNumberLine(line.text)) && !(inBand(line, page) && repeated(digitless(line.text)))
    )
  }));
}

// ── paragraphs ────────────────────────────────────────────────────
const median = (values: number[]) => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

interface Block {
  left: number;
  /** Right edge of the text block, or null when no line is justified to it (a list). */
  right: number | null;
  pitch: number;
}

/**
 * The text block of a set of lines: left edge = the leftmost common start, right edge = the
 * end most lines share (at least a quarter of them, three or more, at the far right and half
 * a page from the left edge; otherwise the lines are a list and none continues), line
 * pitch = the median distance between lines.
 */
function blockOf(lines: PdfLine[], pageWidth: number): Block | null {
  if (lines.length === 0) return null;
  const size = median(lines.map((l) => l.size));
  const starts = new Map<number, number>();
  for (const l of lines) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const minStart = lines.reduce((m, l) => Math.min(m, l.x0), Infinity);
  // The leftmost start that is common; a stray outdented line does not move the margin.
  const common = [...starts].filter(([, n]) => n >= Math.max(2, lines.length * 0.1)).map(([x]) => x);
  const left = common.length > 0 ? Math.min(...common) : minStart;
  // The end most lines share (justified lines; a hanging comma may stick out past it).
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  let right: number | null = null;
  let best = 0;
  for (let i = 0, lo = 0, hi = 0; i < ends.length; i++) {
    while (ends[lo] < ends[i] - 0.25 * size) lo++;
    while (hi < ends.length && ends[hi] <= ends[i] + 0.25 * size) hi++;
    if (hi - lo >= best) [best, right] = [hi - lo, ends[i]];
  }
  // Lines that happen to end together (a list of equal titles) are not a block: the edge
  // must be the text's far right (a hanging comma aside) and span half the page.
  const farRight = ends[ends.length - 1];
  if (best < Math.max(3, lines.length * 0.25) || right! < farRight - 1.5 * size || right! - left < 0.5 * pageWidth) right = null;
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i].y - lines[i - 1].y;
    if (gap > 0) gaps.push(gap);
  }
  return { left, right, pitch: median(gaps) };
}

const HEADING_START = /^(赛道|赛题|[【〖]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十百]+[、．.]|[0-9０-９]{1,3}[.．、](?![0-9０-９]))/;

export interface Paragraph {
  page: number;
  text: string;
}

/** Joins wrapped lines into paragraphs, across pages too. */
export function paragraphsOf(pages: PdfPage[]): Paragraph[] {
  const all = pages.flatMap((p) => p.lines);
  const documentBlock = blockOf(all, Math.max(...pages.map((p) => p.width)));
  const paragraphs: Paragraph[] = [];
  let previous: { line: PdfLine; block: Block } | null = null;
  for (const page of pages) {
    const own = page.lines.length >= 6 ? blockOf(page.lines, page.width) : null;
    const block: Block | null = own && documentBlock ? { ...own, right: own.right ?? documentBlock.right, pitch: own.pitch || documentBlock.pitch } : documentBlock;
    if (!block) continue;
    for (const line of page.lines) {
      const size = line.size;
      let continues = false;
      if (previous) {
        const p = previous;
        // Within one character of the edge: the next character did not fit (left-aligned text).
        const reachedRight = p.block.right !== null && p.line.x1 > p.block.right - 0.95 * p.line.size;
        const indented = line.x0 > block.left + 0.8 * size;
        const resized = Math.abs(line.size - p.line.size) > 0.15 * size;
        const samePage = p.line.page === line.page;
        const wideGap = samePage && Number.isFinite(block.pitch) && line.y - p.line.y > block.pitch * 1.15;
        // A full last line of a paragraph followed by a flush heading looks like a wrap; a
        // sentence that ends there and a numbered marker that starts the next line do not.
        const heading = /[。！？；：:]$/.test(p.line.text) && HEADING_START.test(line.text);
        continues = reachedRight && !indented && !resized && !wideGap && !heading;
      }
      if (continues) {
        const last = paragraphs[paragraphs.length - 1];
        const joint = LATIN.test(last.text.at(-1) ?? '') && LATIN.test(line.text[0]) ? ' ' : '';
        last.text += joint + line.text;
      } else {
        paragraphs.push({ page: line.page, text: line.text });
      }
      previous = { line, block };
    }
  }
  return paragraphs;
}

// ── reading ───────────────────────────────────────────────────────
const fail = (file: SourceFile, code: 'pdf-invalid' | 'pdf-encrypted' | 'pdf-no-text' | 'pdf-too-many-pages', params = {}): never => {
  throw new AnalysisError(diagnostic('error', code, file.path, null, params));
};

async function readPages(file: SourceFile): Promise<PdfPage[]> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js takes ownership of the buffer it is given; the caller keeps its bytes.
    data: new Uint8Array(file.bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: lib.VerbosityLevel.ERRORS,
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts')
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return fail(file, 'pdf-encrypted');
    return fail(file, 'pdf-invalid', { reason: error instanceof Error ? error.message : String(error) });
  }
  try {
    if (doc.numPages > PDF_MAX_PAGES) fail(file, 'pdf-too-many-pages', { pages: doc.numPages, max: PDF_MAX_PAGES });
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, x, y] = lib.Util.transform(viewport.transform, item.transform);
        // Vertical and rotated text is left out: guides are set horizontally.
        if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue;
        runs.push({ x, y, width: item.width, size: Math.abs(d) || item.height, str: item.str });
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, lines: linesOfRuns(n, runs) });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if (error instanceof AnalysisError) throw error;
    return fail(file, 'pdf-invalid', { reason: error instanceof Error ? error.message : String(error) });
  } finally {
    await task.destroy();
  }
}

/** Pages without any text, as "3、5–7". */
function pageList(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return parts.join('、');
}

export async function decodePdf(file: SourceFile): Promise<PdfText> {
  // A page whose only text is its number is a scan too.
  const pages = dropFurniture(await readPages(file));
  const empty = pages.filter((p) => p.lines.length === 0).map((p) => p.page);
  if (empty.length === pages.length) fail(file, 'pdf-no-text', { pages: pages.length });
  const warnings: Diagnostic[] = [];
  if (empty.length > 0) {
    warnings.push({ ...diagnostic('warning', 'pdf-pages-without-text', file.path, null, { pages: pageList(empty) }), page: empty[0] });
  }
  const paragraphs = paragraphsOf(pages);
  return {
    text: paragraphs.map((p) => p.text).join('\n'),
    encoding: 'pdf',
    warnings,
    pageOfLine: paragraphs.map((p) => p.page),
    pages: pages.length
  };
}
