/**
 * Browser side of the embedded export font: loads the bundled CJK font and HarfBuzz's
 * subsetter once, on the first export, and gives every exported SVG the glyphs it shows.
 * Both files are build assets, so this works offline.
 */
import fontUrl from '$lib/assets/fonts/crosstrack-sans-sc.otf?url';
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { EXPORT_FONT_FAMILY } from '../charts/config.ts';
import { createFontSubsetter, embedFontFace, svgTextCodePoints, type FontSubsetter } from './font-subset.ts';

let subsetter: Promise<FontSubsetter> | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function loadSubsetter(): Promise<FontSubsetter> {
  subsetter ??= Promise.all([fetchBytes(wasmUrl), fetchBytes(fontUrl)])
    .then(([wasm, font]) => createFontSubsetter(wasm, font))
    .catch((error: unknown) => {
      subsetter = null;
      throw error;
    });
  return subsetter;
}

/**
 * The SVG with a subset of the export font embedded. Should the font fail to load, the
 * SVG goes out as it was (the viewer's fonts draw it) and the reason is logged.
 */
export async function withEmbeddedFont(svg: string): Promise<string> {
  try {
    const font = (await loadSubsetter()).subset(svgTextCodePoints(svg));
    return embedFontFace(svg, EXPORT_FONT_FAMILY, font);
  } catch (error) {
    console.warn('export font not embedded:', error);
    return svg;
  }
}
