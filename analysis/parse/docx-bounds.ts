/**
 * A .docx is a zip archive, and a zip can be a bomb: a few KB that inflate to gigabytes,
 * or hundreds of thousands of entries. Before mammoth sees the archive, its central
 * directory is read and every XML part (what mammoth inflates and parses) is inflated
 * here with a cap on the bytes it may produce, so the declared sizes, which a bomb
 * falsifies, are never trusted. Other parts (images) are never inflated by mammoth for
 * raw text; their declared sizes still count towards the total.
 */
import { inflateRawSync } from 'node:zlib';
import { AnalysisError, diagnostic } from '../messages.ts';
import { formatBytes, formatCount, type Limits } from '../limits.ts';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const XML_PART = /\.(xml|rels)$/i;

export type DocxBounds = Pick<Limits, 'docxEntries' | 'docxInflatedBytes' | 'docxXmlBytes'>;

export interface DocxSize {
  entries: number;
  /** Bytes the XML parts inflate to. */
  xmlBytes: number;
  /** XML bytes plus the declared sizes of the other parts. */
  totalBytes: number;
}

/**
 * Throws AnalysisError when the archive is over a bound. Returns null when it is not a
 * readable zip at all (mammoth then says why, in words decode.ts chooses).
 */
export function checkDocxBounds(bytes: Uint8Array, file: string, bounds: DocxBounds): DocxSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return null;
  const declaredEntries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (declaredEntries === 0xffff || directoryOffset === 0xffffffff) {
    throw new AnalysisError(
      diagnostic('error', 'docx-invalid', file, null, {
        reason: '这是 ZIP64 格式的大型压缩包，Word 文档不会用到；请在 Word 或 WPS 中另存为 .docx',
        reason_en: 'this is a ZIP64 archive, which Word documents never need; save it as .docx in Word or WPS'
      })
    );
  }
  const fail = (code: 'docx-too-many-entries' | 'docx-too-large', params: Record<string, string>): never => {
    throw new AnalysisError(diagnostic('error', code, file, null, params));
  };
  if (declaredEntries > bounds.docxEntries) {
    fail('docx-too-many-entries', { count: formatCount(declaredEntries), limit: formatCount(bounds.docxEntries) });
  }

  let at = directoryOffset;
  let entries = 0;
  let xmlBytes = 0;
  let otherBytes = 0;
  while (at + 46 <= bytes.length && view.getUint32(at, true) === DIRECTORY_ENTRY) {
    if (++entries > bounds.docxEntries) fail('docx-too-many-entries', { count: `${formatCount(entries)}+`, limit: formatCount(bounds.docxEntries) });
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const declared = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    at = next;
    if (!XML_PART.test(name)) {
      otherBytes += declared;
      continue;
    }
    const data = entryData(view, bytes, local, compressed);
    if (data === null) return null;
    const room = bounds.docxXmlBytes - xmlBytes;
    xmlBytes += inflatedSize(data, method, room) ?? fail('docx-too-large', tooLarge('xml', bounds.docxXmlBytes));
  }
  const totalBytes = xmlBytes + otherBytes;
  if (totalBytes > bounds.docxInflatedBytes) fail('docx-too-large', tooLarge('all', bounds.docxInflatedBytes));
  return { entries, xmlBytes, totalBytes };
}

function tooLarge(what: 'xml' | 'all', limit: number): Record<string, string> {
  return what === 'xml'
    ? { what_zh: ' XML 内容', what_en: 'XML parts', limit: formatBytes(limit) }
    : { what_zh: '全部内容', what_en: 'parts', limit: formatBytes(limit) };
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

function entryData(view: DataView, bytes: Uint8Array, local: number, compressed: number): Uint8Array | null {
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) return null;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressed > bytes.length) return null;
  return bytes.subarray(start, start + compressed);
}

/** Bytes the entry inflates to, or null past `room`; a damaged stream counts as what it gave (mammoth reports it). */
function inflatedSize(data: Uint8Array, method: number, room: number): number | null {
  if (method === STORED) return data.length <= room ? data.length : null;
  if (method !== DEFLATED) return 0;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
    return out.length <= room ? out.length : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    return 0;
  }
}
