/**
 * Label widths for charts drawn on the server: vega measures text on a canvas in the browser
 * and only guesses (0.8 em a character) without one, which clips Chinese labels. Here the
 * bundled CJK font (the page's last resort, metrics of Noto Sans CJK SC) is shaped with
 * HarfBuzz, so an axis laid out on the server is the one the browser lays out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Blob as HbBlob, Buffer as HbBuffer, Face, Font, shape } from 'harfbuzzjs';

export const BUNDLED_FONT = join(process.cwd(), 'src/lib/assets/fonts/crosstrack-sans-sc.otf');

export interface TextItem {
  text?: unknown;
  fontSize?: number;
  limit?: number;
}

export type WidthOf = (item: TextItem, text?: string) => number;

/** Widths in CSS pixels at each item's font size (11 px when it has none, as in vega). */
export function fontWidths(fontBytes: Uint8Array): WidthOf {
  const face = new Face(new HbBlob(fontBytes));
  const font = new Font(face);
  const perEm = new Map<string, number>();
  const emWidth = (text: string): number => {
    let width = perEm.get(text);
    if (width === undefined) {
      const buffer = new HbBuffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      shape(font, buffer);
      width = buffer.getGlyphPositions().reduce((sum, p) => sum + p.xAdvance, 0) / face.upem;
      if (perEm.size > 20_000) perEm.clear();
      perEm.set(text, width);
    }
    return width;
  };
  return (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const value = text ?? (item.text == null ? '' : String(item.text));
    return size <= 0 || value === '' ? 0 : emWidth(value.trim()) * size;
  };
}

const loaded = new Map<string, WidthOf | null>();

/** The font's widths (read once per process), or null (and a log line) when it cannot be read. */
export function bundledFontWidths(path = BUNDLED_FONT): WidthOf | null {
  if (!loaded.has(path)) {
    try {
      loaded.set(path, fontWidths(new Uint8Array(readFileSync(path))));
    } catch (error) {
      console.error(`图表字体 ${path} 无法读取，首屏图表改由浏览器绘制 / the chart font ${path} could not be read; the browser draws the first charts: ${String(error)}`);
      loaded.set(path, null);
    }
  }
  return loaded.get(path) ?? null;
}
