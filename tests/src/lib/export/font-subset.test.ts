import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Blob as HbBlob, Face } from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { base64, createFontSubsetter, embedFontFace, svgTextCodePoints, type FontSubsetter } from '../../../../src/lib/export/font-subset.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const FONT = new Uint8Array(readFileSync(join(ROOT, 'src/lib/assets/fonts/crosstrack-sans-sc.otf')));
const WASM = readFileSync(join(ROOT, 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'));

/** The code points a font maps, read back with HarfBuzz's own face API. */
function unicodesOf(font: Uint8Array): Set<number> {
  return new Set(new Face(new HbBlob(font.slice().buffer)).collectUnicodes());
}

const cps = (text: string) => [...text].map((ch) => ch.codePointAt(0)!);

describe('the bundled export font', () => {
  it('covers every character of the bundled guides, dictionaries and interface words', () => {
    const covered = unicodesOf(FONT);
    const sources = [
      ...['data/editions', 'data/dict'].flatMap((dir) => readdirSync(join(ROOT, dir)).map((name) => `${dir}/${name}`)),
      'src/lib/i18n/messages.ts'
    ].filter((file) => /\.(txt|md|tsv|ts)$/.test(file));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const missing = [...new Set(readFileSync(join(ROOT, file), 'utf8').replace(/^\uFEFF/, ''))].filter(
        (ch) => ch.codePointAt(0)! >= 0x2e80 && !covered.has(ch.codePointAt(0)!)
      );
      expect(missing, file).toEqual([]);
    }
  });
});

describe('font subsetting', () => {
  let subsetter: FontSubsetter;
  beforeAll(async () => {
    subsetter = await createFontSubsetter(WASM, FONT);
  });

  it('keeps exactly the characters asked for (those the font has) and is far smaller', () => {
    const subset = subsetter.subset(cps('可信数据空间 AI，（）'));
    expect(unicodesOf(subset)).toEqual(new Set(cps('可信数据空间 AI，（）')));
    expect(subset.length).toBeLessThan(FONT.length / 50);
  });

  it('keeps the copyright and the Open Font License notice in every subset', () => {
    const face = new Face(new HbBlob(subsetter.subset(cps('赛道')).slice().buffer));
    expect(face.getName(0, 'en')).toContain('Adobe');
    expect(face.getName(13, 'en')).toContain('SIL Open Font License, Version 1.1');
    expect(face.getName(14, 'en')).toContain('OFL');
  });

  it('drops characters the font lacks instead of failing', () => {
    const subset = subsetter.subset([...cps('赛道'), 0x1f600]);
    expect(unicodesOf(subset)).toEqual(new Set(cps('赛道')));
  });

  it('serves many exports from one loaded font', () => {
    for (const text of ['总览', '共现网络', '跨赛道重合度']) expect(unicodesOf(subsetter.subset(cps(text)))).toEqual(new Set(cps(text)));
  });
});

describe('svgTextCodePoints', () => {
  it('reads the shown text, entities decoded, and not tag or attribute names', () => {
    const svg = '<svg font-family="x"><title>标题</title><text x="1">数据&amp;要素 &#x5927;&#27169;</text><g><text>型</text></g></svg>';
    const expected = new Set(cps('标题数据&要素大模型'));
    expect(svgTextCodePoints(svg)).toEqual(expected);
  });
});

describe('embedFontFace', () => {
  it('puts a data-URL @font-face right after the opening svg tag', () => {
    const font = new Uint8Array([0, 1, 2, 250, 251, 252]);
    const svg = embedFontFace('<svg xmlns="http://www.w3.org/2000/svg" width="10"><text>赛</text></svg>', 'Crosstrack Sans SC', font);
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10"><defs><style>@font-face{font-family:"Crosstrack Sans SC";' +
        `src:url(data:font/otf;base64,${Buffer.from(font).toString('base64')}) format("opentype");}</style></defs><text>赛</text></svg>`
    );
  });

  it('encodes base64 like Node, past the chunk size', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
