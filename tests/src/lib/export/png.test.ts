import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isPng, pngDpi, pngSize, withPngDpi } from '../../../../src/lib/export/png.ts';
import { whitePng } from '../report/png-fixture.ts';

/** Chunk types in order, each with its CRC checked against Node's zlib crc32. */
function chunkData(bytes: Uint8Array, wanted: string): Buffer {
  const buf = Buffer.from(bytes);
  for (let at = 8; at < buf.length; at += 12 + buf.readUInt32BE(at)) {
    if (buf.toString('latin1', at + 4, at + 8) === wanted) return buf.subarray(at + 8, at + 8 + buf.readUInt32BE(at));
  }
  throw new Error(`no ${wanted}`);
}

function chunkTypes(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes);
  const types: string[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const crc = crc32(buf.subarray(at + 4, at + 8 + length));
    expect(buf.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc);
    types.push(type);
    at += 12 + length;
  }
  return types;
}

describe('PNG density', () => {
  it('adds a pHYs chunk after IHDR so Word inserts a 300 dpi picture at its size, keeping the pixels', () => {
    const png = whitePng(1890, 30);
    expect(pngDpi(png)).toBeNull();
    const marked = withPngDpi(png, 300);
    expect(isPng(marked)).toBe(true);
    expect(pngSize(marked)).toEqual({ width: 1890, height: 30 });
    expect(pngDpi(marked)).toBe(300);
    expect(chunkTypes(marked)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(chunkData(marked, 'IDAT').equals(chunkData(png, 'IDAT'))).toBe(true);
  });

  it('replaces an earlier density instead of adding a second one', () => {
    const twice = withPngDpi(withPngDpi(whitePng(10, 10), 72), 150);
    expect(pngDpi(twice)).toBe(150);
    expect(chunkTypes(twice).filter((t) => t === 'pHYs')).toHaveLength(1);
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => withPngDpi(new TextEncoder().encode('<svg/> not a png at all, really'), 300)).toThrow(/not a PNG/);
  });
});
