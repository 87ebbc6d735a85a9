/**
 * Wraps a chart's SVG with its title, subtitle and source line, so every exported file
 * says what it shows, for which edition and filters, and where the figures come from.
 * Pure string work: runs in the browser and in tests.
 */
import { FONT_STACK } from '../charts/config.ts';

export interface FrameText {
  title: string;
  subtitle?: string;
  source: string;
}

const MARGIN = 16;
const TITLE_SIZE = 16;
const SUBTITLE_SIZE = 12;
const SOURCE_SIZE = 11;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Rough width of a line of text: CJK glyphs are square, Latin about half as wide. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.6;
  return Math.ceil(width);
}

export function svgSize(svg: string): { width: number; height: number } {
  const root = svg.match(/<svg\b[^>]*>/)?.[0] ?? '';
  const attr = (name: string) => Number(root.match(new RegExp(`\\s${name}="([\\d.]+)`))?.[1]);
  let width = attr('width');
  let height = attr('height');
  if (!(width > 0 && height > 0)) {
    const box = root.match(/viewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/);
    width = Number(box?.[1] ?? 0);
    height = Number(box?.[2] ?? 0);
  }
  return { width, height };
}

interface Line {
  text: string;
  size: number;
  weight: string;
  color: string;
}

const lineHeight = (size: number) => size * 1.25;

const LATIN = /[^\s\u2e80-\u9fff\uff00-\uffef]/;

/**
 * Breaks a line to fit `maxWidth` (by estimateTextWidth): between any two CJK characters,
 * at a space in Latin text, and inside a Latin word only when it is longer than a line.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return [text];
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && estimateTextWidth(line + ch, fontSize) > maxWidth) {
      const space = line.lastIndexOf(' ');
      // Inside a run of Latin letters, digits and punctuation (0.1.0, ab12cd): back up to the last space.
      const latinWord = LATIN.test(line.slice(-1)) && LATIN.test(ch);
      if (latinWord && space > 0) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(line);
        line = '';
      }
    }
    line += ch;
  }
  if (line.trim() !== '') lines.push(line);
  return lines.map((l) => l.trim()).filter(Boolean);
}

function headerLines(text: FrameText, maxWidth: number | null): Line[] {
  const wrap = (t: string, size: number) => (maxWidth === null ? [t] : wrapText(t, size, maxWidth));
  return [
    ...wrap(text.title, TITLE_SIZE).map((t) => ({ text: t, size: TITLE_SIZE, weight: 'bold', color: '#222' })),
    ...(text.subtitle ? wrap(text.subtitle, SUBTITLE_SIZE).map((t) => ({ text: t, size: SUBTITLE_SIZE, weight: 'normal', color: '#555' })) : [])
  ];
}

function sourceLines(text: FrameText, maxWidth: number | null): string[] {
  return maxWidth === null ? [text.source] : wrapText(text.source, SOURCE_SIZE, maxWidth);
}

/** Room the frame takes around the chart at a fixed width: above it, below it, and at each side. */
export function frameChrome(text: FrameText, width: number): { top: number; bottom: number; side: number } {
  const inner = width - 2 * MARGIN;
  const top = MARGIN + headerLines(text, inner).reduce((sum, l) => sum + lineHeight(l.size), 0) + 10;
  const bottom = 8 + sourceLines(text, inner).length * lineHeight(SOURCE_SIZE) + MARGIN;
  return { top, bottom, side: MARGIN };
}

/**
 * The chart with its title, subtitle and source line. Without `width` the frame is as wide
 * as the chart or its longest line; with it (sized exports) lines wrap to fit, and with
 * `height` the source line sits at the bottom of that height.
 */
export function frameSvg(chartSvg: string, text: FrameText, options: { width?: number; height?: number } = {}): string {
  const chart = chartSvg.replace(/<\?xml[^>]*>\s*/, '').trim();
  const { width: chartWidth, height: chartHeight } = svgSize(chart);
  const fixed = options.width ?? null;
  const lines = headerLines(text, fixed === null ? null : fixed - 2 * MARGIN);
  const sources = sourceLines(text, fixed === null ? null : fixed - 2 * MARGIN);
  const textWidth = Math.max(...[...lines, ...sources.map((s) => ({ text: s, size: SOURCE_SIZE }))].map((l) => estimateTextWidth(l.text, l.size)));
  const width = fixed ?? Math.ceil(Math.max(chartWidth, textWidth) + 2 * MARGIN);
  let y = MARGIN;
  const header = lines
    .map((l) => {
      y += lineHeight(l.size);
      return `<text x="${MARGIN}" y="${round(y)}" font-size="${l.size}" font-weight="${l.weight}" fill="${l.color}">${escapeXml(l.text)}</text>`;
    })
    .join('');
  const chartTop = y + 10;
  const footerHeight = 8 + sources.length * lineHeight(SOURCE_SIZE) + MARGIN;
  const height = options.height ?? Math.ceil(chartTop + chartHeight + footerHeight);
  let sourceY = height - footerHeight + 8 - lineHeight(SOURCE_SIZE) + SOURCE_SIZE;
  const footer = sources
    .map((s) => {
      sourceY += lineHeight(SOURCE_SIZE);
      return `<text x="${MARGIN}" y="${round(sourceY)}" font-size="${SOURCE_SIZE}" fill="#666">${escapeXml(s)}</text>`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="${round(width)}" height="${round(height)}" fill="white"/>`,
    `<g font-family="${escapeXml(FONT_STACK)}">${header}</g>`,
    `<g transform="translate(${MARGIN},${round(chartTop)})">${chart}</g>`,
    `<g font-family="${escapeXml(FONT_STACK)}">${footer}</g>`,
    `</svg>`
  ].join('\n');
}

/** Margin of a bare picture (the Word document's figures: caption and source are text there). */
export const BARE_MARGIN = 6;

/** The chart alone on white, `width` wide (its caption, filters and source go beside it as text). */
export function bareSvg(chartSvg: string, title: string, width: number): string {
  const chart = chartSvg.replace(/<\?xml[^>]*>\s*/, '').trim();
  const height = svgSize(chart).height + 2 * BARE_MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${round(width)}" height="${round(height)}" fill="white"/>`,
    `<g transform="translate(${BARE_MARGIN},${BARE_MARGIN})">${chart}</g>`,
    `</svg>`
  ].join('\n');
}

const round = (n: number) => Math.round(n * 100) / 100;
