import { describe, expect, it } from 'vitest';
import { customSize, exportBox, formatSize, parseSize, pixelSize, pxToCm, sizeTag } from '../../../../src/lib/export/size.ts';

describe('export sizes', () => {
  it('lays Word 页宽 out 16 cm wide at 96 px per inch and draws it at 300 dpi: 1890 px', () => {
    const box = exportBox({ preset: 'word' });
    expect(pxToCm(box.width)).toBeCloseTo(16, 2);
    expect(box.height).toBeNull();
    expect(box.dpi).toBe(300);
    expect(pixelSize(box, 400)).toEqual({ width: 1890, height: 1250 });
    expect(pxToCm(box.maxHeight)).toBeCloseTo(20, 5);
  });

  it('makes PPT 16:9 1920 × 1080 px from a 960 × 540 layout', () => {
    const box = exportBox({ preset: 'ppt' });
    expect([box.width, box.height, box.scale]).toEqual([960, 540, 2]);
    expect(pixelSize(box, 540)).toEqual({ width: 1920, height: 1080 });
  });

  it('makes a custom size exactly its centimetres at its dpi, within limits', () => {
    const box = exportBox(customSize(10, 5, 300));
    expect(pixelSize(box, box.height!)).toEqual({ width: 1181, height: 591 });
    expect(customSize(500, 0.1, 5000)).toEqual({ preset: 'custom', widthCm: 60, heightCm: 2, dpi: 600 });
    expect(customSize(Number.NaN, 8, Number.NaN)).toEqual({ preset: 'custom', widthCm: 16, heightCm: 8, dpi: 300 });
  });

  it('writes and reads sizes for the basket, and reads anything else as Word 页宽', () => {
    for (const size of [{ preset: 'word' }, { preset: 'ppt' }, customSize(12.5, 8, 150)] as const) expect(parseSize(formatSize(size))).toEqual(size);
    expect(formatSize(customSize(12.5, 8, 150))).toBe('custom:12.5x8@150');
    for (const bad of [null, 42, 'custom:1x', 'custom:-1x2@300', 'pdf', '<script>']) expect(parseSize(bad)).toEqual({ preset: 'word' });
    expect([sizeTag({ preset: 'word' }), sizeTag({ preset: 'ppt' }), sizeTag(customSize(10, 5, 300))]).toEqual(['word-16cm', 'ppt-16x9', '10x5cm-300dpi']);
  });
});
