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

export function frameSvg(chartSvg: string, text: FrameText): string {
  const chart = chartSvg.replace(/<\?xml[^>]*>\s*/, '').trim();
  const { width: chartWidth, height: chartHeight } = svgSize(chart);
  const lines = [
    { text: text.title, size: TITLE_SIZE, weight: 'bold', color: '#222' },
    ...(text.subtitle ? [{ text: text.subtitle, size: SUBTITLE_SIZE, weight: 'normal', color: '#555' }] : [])
  ];
  const textWidth = Math.max(...[...lines, { text: text.source, size: SOURCE_SIZE }].map((l) => estimateTextWidth(l.text, l.size)));
  const width = Math.ceil(Math.max(chartWidth, textWidth) + 2 * MARGIN);
  let y = MARGIN;
  const header = lines
    .map((l) => {
      y += l.size * 1.25;
      return `<text x="${MARGIN}" y="${y}" font-size="${l.size}" font-weight="${l.weight}" fill="${l.color}">${escapeXml(l.text)}</text>`;
    })
    .join('');
  const chartTop = y + 10;
  const sourceY = chartTop + chartHeight + 8 + SOURCE_SIZE;
  const height = Math.ceil(sourceY + MARGIN);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<g font-family="${escapeXml(FONT_STACK)}">${header}</g>`,
    `<g transform="translate(${MARGIN},${chartTop})">${chart}</g>`,
    `<text x="${MARGIN}" y="${sourceY}" font-family="${escapeXml(FONT_STACK)}" font-size="${SOURCE_SIZE}" fill="#666">${escapeXml(text.source)}</text>`,
    `</svg>`
  ].join('\n');
}
