/**
 * Export sizes: what a chart is laid out for before it is drawn, and how many pixels its
 * PNG gets. A chart is laid out in CSS pixels (96 per inch, the unit its fonts are set in)
 * at the size it will have on paper or on a slide, then rasterised at the target dpi — so
 * 12 px labels print at 9 pt in a 16 cm Word figure instead of shrinking with a wide screen.
 *
 *   word    16 cm wide (A4 portrait text width), 300 dpi, the height the chart needs
 *           (capped at MAX_WORD_HEIGHT_CM so figure and caption share a page)
 *   ppt     16:9, 1920 × 1080 px, laid out at 960 × 540 (a 13.33 in slide at 72 dpi)
 *   custom  width × height in cm at a chosen dpi
 */

export const CSS_DPI = 96;
export const CM_PER_INCH = 2.54;

export const WORD_WIDTH_CM = 16;
export const WORD_DPI = 300;
export const MAX_WORD_HEIGHT_CM = 20;
export const PPT_LAYOUT = { width: 960, height: 540, scale: 2 } as const;

export const CUSTOM_LIMITS = { cm: { min: 2, max: 60 }, dpi: { min: 72, max: 600 } } as const;

export type SizePreset = 'word' | 'ppt' | 'custom';
export const SIZE_PRESETS: readonly SizePreset[] = ['word', 'ppt', 'custom'];

export type ExportSize =
  | { preset: 'word' }
  | { preset: 'ppt' }
  | { preset: 'custom'; widthCm: number; heightCm: number; dpi: number };

export const DEFAULT_SIZE: ExportSize = { preset: 'word' };
export const DEFAULT_CUSTOM = { widthCm: 16, heightCm: 10, dpi: 300 } as const;

/** The box a chart is laid out in (CSS px) and the factor its PNG is drawn at. */
export interface ExportBox {
  width: number;
  /** null: as tall as the chart needs, up to `maxHeight`. */
  height: number | null;
  maxHeight: number;
  /** PNG pixels per CSS pixel (dpi / 96). */
  scale: number;
  dpi: number;
}

export const cmToPx = (cm: number, dpi = CSS_DPI) => (cm / CM_PER_INCH) * dpi;
export const pxToCm = (px: number, dpi = CSS_DPI) => (px / dpi) * CM_PER_INCH;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function exportBox(size: ExportSize): ExportBox {
  switch (size.preset) {
    case 'word': {
      const scale = WORD_DPI / CSS_DPI;
      // The layout width is the PNG width divided by the scale, so the PNG is exactly 16 cm at 300 dpi.
      const pixels = Math.round(cmToPx(WORD_WIDTH_CM, WORD_DPI));
      return { width: pixels / scale, height: null, maxHeight: cmToPx(MAX_WORD_HEIGHT_CM), scale, dpi: WORD_DPI };
    }
    case 'ppt':
      return { width: PPT_LAYOUT.width, height: PPT_LAYOUT.height, maxHeight: PPT_LAYOUT.height, scale: PPT_LAYOUT.scale, dpi: PPT_LAYOUT.scale * 72 };
    case 'custom': {
      const c = normaliseCustom(size);
      const scale = c.dpi / CSS_DPI;
      const width = Math.round(cmToPx(c.widthCm, c.dpi)) / scale;
      const height = Math.round(cmToPx(c.heightCm, c.dpi)) / scale;
      return { width, height, maxHeight: height, scale, dpi: c.dpi };
    }
  }
}

/** PNG pixels for a laid-out height (the width is fixed by the box). */
export function pixelSize(box: ExportBox, height: number): { width: number; height: number } {
  return { width: Math.ceil(box.width * box.scale - 1e-6), height: Math.ceil(height * box.scale - 1e-6) };
}

function normaliseCustom(size: { widthCm: number; heightCm: number; dpi: number }) {
  const cm = (v: number, fallback: number) => (Number.isFinite(v) ? clamp(v, CUSTOM_LIMITS.cm.min, CUSTOM_LIMITS.cm.max) : fallback);
  return {
    widthCm: cm(size.widthCm, DEFAULT_CUSTOM.widthCm),
    heightCm: cm(size.heightCm, DEFAULT_CUSTOM.heightCm),
    dpi: Number.isFinite(size.dpi) ? Math.round(clamp(size.dpi, CUSTOM_LIMITS.dpi.min, CUSTOM_LIMITS.dpi.max)) : DEFAULT_CUSTOM.dpi
  };
}

export function customSize(widthCm: number, heightCm: number, dpi: number): ExportSize {
  return { preset: 'custom', ...normaliseCustom({ widthCm, heightCm, dpi }) };
}

/** 'word', 'ppt' or 'custom:16x10@300' — for the basket, its share link and localStorage. */
export function formatSize(size: ExportSize): string {
  return size.preset === 'custom' ? `custom:${trim(size.widthCm)}x${trim(size.heightCm)}@${size.dpi}` : size.preset;
}

const trim = (n: number) => String(Math.round(n * 10) / 10);

/** Reads formatSize's output; anything else is the default size. */
export function parseSize(raw: unknown): ExportSize {
  if (raw === 'word' || raw === 'ppt') return { preset: raw };
  const m = typeof raw === 'string' ? raw.match(/^custom:(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)@(\d+)$/) : null;
  return m ? customSize(Number(m[1]), Number(m[2]), Number(m[3])) : DEFAULT_SIZE;
}

/** The width a picture of this size takes on paper, for the Word document. */
export function paperWidthCm(size: ExportSize): number {
  const box = exportBox(size);
  return pxToCm(box.width);
}

/** The size in a file name: word-16cm, ppt-16x9, 16x10cm-300dpi. */
export function sizeTag(size: ExportSize): string {
  return size.preset === 'word' ? `word-${WORD_WIDTH_CM}cm` : size.preset === 'ppt' ? 'ppt-16x9' : `${trim(size.widthCm)}x${trim(size.heightCm)}cm-${size.dpi}dpi`;
}
