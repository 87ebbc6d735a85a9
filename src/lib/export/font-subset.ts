/**
 * Cuts a font down to the characters one exported chart uses, with HarfBuzz's subsetter
 * (harfbuzzjs's standalone harfbuzz-subset.wasm). Pure: the caller brings the wasm and
 * font bytes, so it runs in the browser (on export) and in Node tests alike.
 */

/** The C functions of harfbuzz-subset.wasm this module calls. */
interface HbSubsetExports {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, setType: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** HB_MEMORY_MODE_READONLY: HarfBuzz reads the font where we put it. */
const READONLY = 1;
/** HB_SUBSET_SETS_NAME_ID: the name records a subset keeps. */
const NAME_ID_SET = 4;
/**
 * Family and style names (1–6), the copyright (0) and the licence text and address
 * (13, 14): the SIL Open Font License asks that the licence travel with the font, and
 * HarfBuzz keeps only 0–6 by default.
 */
const KEPT_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

export interface FontSubsetter {
  /** The font reduced to these code points (those it has); throws when HarfBuzz refuses. */
  subset(codePoints: Iterable<number>): Uint8Array;
}

export async function createFontSubsetter(wasm: BufferSource | WebAssembly.Module, font: Uint8Array): Promise<FontSubsetter> {
  const module = wasm instanceof WebAssembly.Module ? wasm : await WebAssembly.compile(wasm);
  const instance = await WebAssembly.instantiate(module, {});
  const hb = instance.exports as unknown as HbSubsetExports;
  hb._initialize?.();
  // The font stays in wasm memory for the subsetter's lifetime: one copy, many exports.
  const fontPtr = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, font.byteLength, READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);

  return {
    subset(codePoints) {
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('HarfBuzz could not start a font subset');
      try {
        const names = hb.hb_subset_input_set(input, NAME_ID_SET);
        for (const id of KEPT_NAME_IDS) hb.hb_set_add(names, id);
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
        const subsetFace = hb.hb_subset_or_fail(face, input);
        if (subsetFace === 0) throw new Error('HarfBuzz could not subset the export font');
        const result = hb.hb_face_reference_blob(subsetFace);
        const data = hb.hb_blob_get_data(result, 0);
        const length = hb.hb_blob_get_length(result);
        // A fresh view: malloc may have grown (and so replaced) the memory buffer.
        const bytes = new Uint8Array(hb.memory.buffer, data, length).slice();
        hb.hb_blob_destroy(result);
        hb.hb_face_destroy(subsetFace);
        if (length === 0) throw new Error('HarfBuzz returned an empty font');
        return bytes;
      } finally {
        hb.hb_subset_input_destroy(input);
      }
    }
  };
}

/** Every code point of the text an SVG shows (element content, entities decoded). */
export function svgTextCodePoints(svg: string): Set<number> {
  const points = new Set<number>();
  for (const match of svg.matchAll(/>([^<]+)</g)) {
    const text = match[1]
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name]!);
    for (const ch of text) if (!/\s/.test(ch)) points.add(ch.codePointAt(0)!);
  }
  return points;
}

export function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/**
 * Puts the font into the SVG as an @font-face with a data URL, so the file carries its own
 * glyphs: viewers and the PNG rasteriser need no Chinese font on the machine.
 */
export function embedFontFace(svg: string, family: string, font: Uint8Array): string {
  const face = `@font-face{font-family:"${family}";src:url(data:font/otf;base64,${base64(font)}) format("opentype");}`;
  return svg.replace(/<svg\b[^>]*>/, (open) => `${open}<defs><style>${face}</style></defs>`);
}
