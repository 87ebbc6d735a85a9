/**
 * A growable byte buffer with hand-rolled UTF-8 encoding. Building CSV as JS strings
 * made the garbage collector the biggest cost of large runs; bytes go straight here.
 */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const DIGIT_PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGIT_PAIRS[i * 2] = 0x30 + Math.floor(i / 10);
  DIGIT_PAIRS[i * 2 + 1] = 0x30 + (i % 10);
}
const DIGIT_TRIPLES = new Uint8Array(3000);
for (let i = 0; i < 1000; i++) {
  DIGIT_TRIPLES[i * 3] = 0x30 + Math.floor(i / 100);
  DIGIT_TRIPLES[i * 3 + 1] = 0x30 + (Math.floor(i / 10) % 10);
  DIGIT_TRIPLES[i * 3 + 2] = 0x30 + (i % 10);
}

/**
 * Writes `text` as UTF-8 into `out` at `at` and returns the end; `out` must have room for
 * 3 bytes per UTF-16 unit. Unpaired surrogates become U+FFFD, as TextEncoder does.
 */
export function encodeUtf8Into(text: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[at++] = 0xf0 | (code >> 18);
        out[at++] = 0x80 | ((code >> 12) & 0x3f);
        out[at++] = 0x80 | ((code >> 6) & 0x3f);
        out[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 0x3f);
    out[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

export class ByteBuffer {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** Appends bytes (a loop for short ones: set() costs more than it saves there). */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.reserve(n);
    if (n > 32) this.buffer.set(bytes, this.length);
    else for (let i = 0, at = this.length; i < n; i++) this.buffer[at + i] = bytes[i];
    this.length += n;
  }

  /** Appends `text` as UTF-8 (unpaired surrogates become U+FFFD, as TextEncoder does). */
  text(text: string): void {
    this.reserve(text.length * 3);
    this.length = encodeUtf8Into(text, this.buffer, this.length);
  }

  /** Appends a non-negative safe integer's decimal digits, left-padded with zeros to `width`. */
  digits(value: number, width = 1): void {
    if (value > 0x7fffffff) {
      const text = String(value);
      for (let i = text.length; i < width; i++) this.byte(0x30);
      return this.text(text);
    }
    let count = 1;
    while (count < 10 && value >= POWERS_OF_TEN[count]) count++;
    const total = count > width ? count : width;
    this.reserve(total);
    const out = this.buffer;
    let at = this.length + total;
    this.length = at;
    let v = value;
    // Two digits per division, integer arithmetic only: number formatting dominates CSV time.
    while (v >= 100) {
      const q = (v / 100) | 0;
      const r = (v - q * 100) * 2;
      out[--at] = DIGIT_PAIRS[r + 1];
      out[--at] = DIGIT_PAIRS[r];
      v = q;
    }
    if (v >= 10) {
      out[--at] = DIGIT_PAIRS[v * 2 + 1];
      out[--at] = DIGIT_PAIRS[v * 2];
    } else out[--at] = 0x30 + v;
    while (at > this.length - total) out[--at] = 0x30;
  }

  /**
   * Appends "." and a fraction of 1 … 999,999 millionths as six digits without the
   * trailing zeros (250000 → ".25"): a table lookup per three digits, since floats are
   * most of the cells of the large tables.
   */
  millionths(fraction: number): void {
    this.reserve(7);
    const out = this.buffer;
    let at = this.length;
    const high = ((fraction / 1000) | 0) * 3;
    const low = (fraction % 1000) * 3;
    out[at++] = 0x2e;
    out[at++] = DIGIT_TRIPLES[high];
    out[at++] = DIGIT_TRIPLES[high + 1];
    out[at++] = DIGIT_TRIPLES[high + 2];
    out[at++] = DIGIT_TRIPLES[low];
    out[at++] = DIGIT_TRIPLES[low + 1];
    out[at++] = DIGIT_TRIPLES[low + 2];
    while (out[at - 1] === 0x30) at--;
    this.length = at;
  }

  /** A view of the bytes written so far (valid until the next write). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Hands out the bytes and starts empty again. */
  take(): Uint8Array {
    const bytes = this.buffer.slice(0, this.length);
    this.length = 0;
    return bytes;
  }
}
