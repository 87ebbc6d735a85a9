/**
 * Word cloud (词云) pieces that need no browser: which words go in, their font sizes and
 * colours, a seeded random source so the layout is the same on every load, and the SVG
 * markup for export. The layout itself (d3-cloud, which measures text on a canvas) runs
 * in WordCloud.svelte. CJK text is never rotated.
 */
import { FONT_STACK } from './config.ts';
import { escapeXml } from '../export/svg.ts';

export interface CloudInput {
  term: string;
  count: number;
}

export interface CloudWord {
  text: string;
  count: number;
  /** Font size in px. */
  size: number;
  color: string;
}

export interface PlacedWord extends CloudWord {
  /** Centre of the word's baseline, relative to the cloud's centre (d3-cloud's convention). */
  x: number;
  y: number;
}

export const CLOUD_WIDTH = 640;
export const CLOUD_HEIGHT = 360;
export const MIN_FONT = 14;
export const MAX_FONT = 58;

/** Darker for bigger words: the size and the colour say the same thing, so no legend is needed. */
const SHADES = ['#6baed6', '#3182bd', '#08519c', '#08306b'] as const;

/** Punctuation, symbols, spaces or digits only: never a word of the cloud, whatever a table says. */
const NOT_A_WORD = /[\p{P}\p{S}\p{Z}\s]/u;
const DIGITS_ONLY = /^\p{N}+$/u;

export function isCloudWord(text: string): boolean {
  return text.trim() !== '' && !NOT_A_WORD.test(text) && !DIGITS_ONLY.test(text);
}

/**
 * Words for the cloud, biggest first: anything that is not a word is dropped, then sizes
 * follow the square root of the count (so area ∝ frequency) between MIN_FONT and MAX_FONT
 * (a lower top size for lists under 18 words).
 */
export function cloudWords(rows: readonly CloudInput[], fonts: { min?: number; max?: number } = {}): CloudWord[] {
  const min = fonts.min ?? MIN_FONT;
  const words = rows.filter((r) => isCloudWord(r.term) && r.count > 0);
  if (words.length === 0) return [];
  // A handful of words would otherwise fill the box with one giant word: the top size grows with the list.
  const max = min + ((fonts.max ?? MAX_FONT) - min) * Math.min(1, 0.4 + words.length / 30);
  const counts = words.map((w) => Math.sqrt(w.count));
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return words
    .map((w, i) => {
      const share = hi === lo ? 1 : (counts[i] - lo) / (hi - lo);
      const shade = SHADES[Math.min(SHADES.length - 1, Math.floor(share * SHADES.length))];
      return { text: w.term, count: w.count, size: Math.round(min + share * (max - min)), color: shade };
    })
    .sort((a, b) => b.size - a.size || b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** A string → 32-bit seed (FNV-1a), so each edition and track has its own fixed layout. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The cloud as standalone SVG (for export; the page draws the same words). */
export function cloudSvg(words: readonly PlacedWord[], width = CLOUD_WIDTH, height = CLOUD_HEIGHT): string {
  const texts = words
    .map(
      (w) =>
        `<text text-anchor="middle" transform="translate(${w.x},${w.y})" font-size="${w.size}" fill="${w.color}">${escapeXml(w.text)}</text>`
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<g font-family="${escapeXml(FONT_STACK)}" transform="translate(${width / 2},${height / 2})">${texts}</g>`,
    `</svg>`
  ].join('');
}
