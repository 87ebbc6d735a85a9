/**
 * Source bytes → text. The content decides how a file is read, never its name: a zip
 * archive is a Word document, %PDF a PDF (pdf.ts), anything else must decode as text; a
 * PNG renamed .txt is reported as a PNG. Says which encoding it guessed whenever the
 * file was not UTF-8.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import type { DecodedText, SourceFile } from '../model.ts';
import { AnalysisError, diagnostic, type MessageCode } from '../messages.ts';
import { formatBytes, LIMITS, type Limits } from '../limits.ts';
import { checkDocxBounds } from './docx-bounds.ts';
import { decodePdf } from './pdf.ts';

/** Names a folder scan takes for guides; single files are read whatever their name. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'] as const;

const fail = (code: MessageCode, file: SourceFile, line: number | null = null, params = {}): never => {
  throw new AnalysisError(diagnostic('error', code, file.path, line, params));
};

export type GuideFormat = 'pdf' | 'docx' | 'text';

/** How decodeSource reads these bytes (a stored copy is named by it: .pdf, .docx, .txt). */
export function guideFormat(bytes: Uint8Array): GuideFormat {
  const kind = sniffBinaryKind(bytes);
  return kind === 'PDF' ? 'pdf' : kind === 'ZIP' || kind?.startsWith('OLE') ? 'docx' : 'text';
}

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const MAGIC: { kind: string; matches: (b: Uint8Array) => boolean }[] = [
  { kind: 'PNG', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: 'JPEG', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { kind: 'GIF', matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { kind: 'PDF', matches: (b) => startsWith(b, ascii('%PDF-')) },
  {
    kind: 'ZIP',
    matches: (b) => [[3, 4], [5, 6], [7, 8]].some(([x, y]) => startsWith(b, [0x50, 0x4b, x, y]))
  },
  { kind: 'OLE (.doc/.xls/.ppt)', matches: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { kind: 'GZIP', matches: (b) => startsWith(b, [0x1f, 0x8b]) },
  { kind: 'RAR', matches: (b) => startsWith(b, ascii('Rar!\x1a\x07')) },
  { kind: '7z', matches: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { kind: 'WebP', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { kind: 'TIFF', matches: (b) => startsWith(b, ascii('II*\0')) || startsWith(b, ascii('MM\0*')) }
];

export function sniffBinaryKind(bytes: Uint8Array): string | null {
  return MAGIC.find((m) => m.matches(bytes))?.kind ?? null;
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  // Node's own validator and decoder: several times faster than a fatal TextDecoder.
  if (encoding === 'utf-8') {
    return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

interface TextShape {
  total: number;
  /** ASCII printable and line ends, Han, CJK and general punctuation. */
  plausible: number;
  nonAscii: number;
  han: number;
}

function shapeOf(text: string): TextShape {
  const shape = { total: 0, plausible: 0, nonAscii: 0, han: 0 };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    shape.total++;
    if (cp < 0x80) {
      if (cp >= 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d) shape.plausible++;
      continue;
    }
    shape.nonAscii++;
    const isHan = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff);
    const isPunctuation =
      (cp >= 0x3000 && cp <= 0x303f) ||
      (cp >= 0xff00 && cp <= 0xffef) ||
      (cp >= 0x2000 && cp <= 0x206f) ||
      (cp >= 0x2460 && cp <= 0x24ff) ||
      (cp >= 0x2500 && cp <= 0x25ff) ||
      cp === 0xb7 ||
      cp === 0xd7;
    if (isHan) shape.han++;
    if (isHan || isPunctuation) shape.plausible++;
  }
  return shape;
}

/**
 * A GB18030 reading is believed only when it reads like Chinese text: no
 * replacement characters, almost nothing outside CJK, ASCII and common
 * punctuation, and mostly Han among the non-ASCII characters.
 */
export function looksLikeChineseText(text: string): boolean {
  if (text.includes('\ufffd')) return false;
  const { total, plausible, nonAscii, han } = shapeOf(text);
  return han > 0 && plausible / total >= 0.97 && han / nonAscii >= 0.5;
}

function controlCharShare(text: string): number {
  const controls = text.match(/[\x00-\x08\x0e-\x1f\x7f]/g)?.length ?? 0;
  return text.length === 0 ? 0 : controls / text.length;
}

function normaliseText(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

/**
 * UTF-16 written without a BOM (some Windows tools do), told from binary by its NUL bytes
 * (every ASCII character, line breaks included, has one): the byte order whose reading
 * is more plausible, if that reading looks like Chinese text, else null. The wrong order
 * turns line breaks and digits into characters no guide holds.
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  let best: { text: string; encoding: 'utf-16le' | 'utf-16be'; share: number } | null = null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = decodeStrict(encoding, bytes);
    // A guide has line breaks; in the wrong byte order each one becomes U+0A00.
    if (text === null || !text.includes('\n') || !looksLikeChineseText(text)) continue;
    const shape = shapeOf(text);
    const share = shape.plausible / shape.total;
    if (best === null || share > best.share) best = { text, encoding, share };
  }
  return best && { text: best.text, encoding: best.encoding };
}

function decodePlainText(file: SourceFile): DecodedText {
  const bytes = file.bytes;
  const bom: [number[], string, string][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8', 'utf-8-bom'],
    [[0xff, 0xfe], 'utf-16le', 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be', 'utf-16be']
  ];
  for (const [prefix, decoder, name] of bom) {
    if (!startsWith(bytes, prefix)) continue;
    const text = decodeStrict(decoder, bytes);
    if (text === null) fail('file-undecodable', file);
    return { text: normaliseText(text!), encoding: name, warnings: [] };
  }
  const utf16 = (): DecodedText | null => {
    const found = utf16WithoutBom(bytes);
    if (found === null) return null;
    const label = found.encoding === 'utf-16le' ? 'UTF-16LE (no BOM)' : 'UTF-16BE (no BOM)';
    const warning = diagnostic('warning', 'encoding-detected', file.path, null, { encoding: label });
    return { text: normaliseText(found.text), encoding: found.encoding, warnings: [warning] };
  };
  if (bytes.includes(0)) return utf16() ?? fail('file-binary', file, null, { kind: 'NUL' });

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) return { text: normaliseText(utf8), encoding: 'utf-8', warnings: [] };

  const gb = decodeStrict('gb18030', bytes);
  if (gb !== null && looksLikeChineseText(gb)) {
    const warning = diagnostic('warning', 'encoding-detected', file.path, null, { encoding: 'GB18030/GBK' });
    return { text: normaliseText(gb), encoding: 'gb18030', warnings: [warning] };
  }
  const bad = firstInvalidUtf8(bytes);
  const byte = bad >= 0 ? `0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')}` : '';
  return fail('file-undecodable', file, bad >= 0 ? lineAtOffset(bytes, bad) : null, { byte });
}

/**
 * mammoth's and its zip and XML readers' messages ("Hierarchy request error", "End of data
 * reached") mean nothing to a policy officer: each known kind becomes a sentence, and an
 * unknown one a general sentence. The raw text is never shown.
 */
function docxFailure(error: unknown): { reason: string; reason_en: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (/main document|document\.xml/i.test(detail)) {
    return {
      reason: '压缩包里没有 Word 正文（word/document.xml），不是 .docx 文件',
      reason_en: 'the archive holds no Word body (word/document.xml), so it is not a .docx'
    };
  }
  if (/central directory|zip|end of data|signature|corrupted|crc32|compression|inflate|invalid (stored|distance|code|block)/i.test(detail)) {
    return { reason: '不是有效的 zip 压缩包，文件可能已损坏', reason_en: 'not a valid zip archive; the file may be damaged' };
  }
  if (/hierarchy request|xml|parse|unclosed|unexpected|mismatch|entity|attribute|element|tag/i.test(detail)) {
    return {
      reason: 'Word 文档内部的 XML 已损坏或不规范；请在 Word 或 WPS 中打开后另存为 .docx',
      reason_en: 'the XML inside the Word document is damaged or malformed; open it in Word or WPS and save it as .docx again'
    };
  }
  if (/string length|string longer than|allocation failed|array length/i.test(detail)) {
    return { reason: 'Word 文档的内容太大，无法在内存中处理', reason_en: 'the Word document is too large to process in memory' };
  }
  return {
    reason: '文件内容无法按 Word 文档读取（可能已损坏，或不是 Word/WPS 保存的格式）；请在 Word 或 WPS 中另存为 .docx',
    reason_en: 'the content cannot be read as a Word document (damaged, or not saved by Word/WPS); save it as .docx in Word or WPS'
  };
}

async function decodeDocx(file: SourceFile, limits: Readonly<Limits>): Promise<DecodedText> {
  if (sniffBinaryKind(file.bytes)?.startsWith('OLE')) {
    fail('docx-invalid', file, null, {
      reason: '这是旧版 Word 97-2003 (.doc) 文件；请在 Word 或 WPS 中另存为 .docx 或 PDF',
      reason_en: 'this is an old Word 97-2003 (.doc) file; save it as .docx or PDF in Word or WPS'
    });
  }
  checkDocxBounds(file.bytes, file.path, limits);
  // Loaded on the first .docx: ~0.1 s of start-up a run of text and PDF files never needs.
  const { default: mammoth } = await import('mammoth');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) })).value;
  } catch (error) {
    return fail('docx-invalid', file, null, docxFailure(error));
  }
  // mammoth ends every paragraph with a blank line; one line per paragraph keeps line numbers meaningful.
  return { text: normaliseText(raw).replace(/\n\n/g, '\n'), encoding: 'docx', warnings: [] };
}

export async function decodeSource(file: SourceFile, limits: Readonly<Limits> = LIMITS): Promise<DecodedText> {
  if (file.bytes.length === 0) fail('file-empty', file);
  if (file.bytes.length > limits.guideBytes) {
    fail('file-too-large', file, null, { size: formatBytes(file.bytes.length), limit: formatBytes(limits.guideBytes), hint_zh: '', hint_en: '' });
  }
  const kind = sniffBinaryKind(file.bytes);
  let decoded: DecodedText;
  if (kind === 'PDF') {
    decoded = await decodePdf(file);
  } else if (kind === 'ZIP' || kind?.startsWith('OLE')) {
    decoded = await decodeDocx(file, limits);
  } else {
    if (kind) fail('file-binary', file, null, { kind });
    decoded = decodePlainText(file);
    if (controlCharShare(decoded.text) > 0.01) fail('file-binary', file, null, { kind: 'control characters' });
  }
  if (decoded.text.trim() === '') fail('file-empty', file);
  return decoded;
}
