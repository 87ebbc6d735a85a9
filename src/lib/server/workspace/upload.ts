/**
 * An uploaded guide, read without saving: bounded in size before and after the body is
 * read, a Word file's declared inflated size checked before it is opened, then decoded and
 * parsed by the analysis code the CLI uses. The preview is what the page shows before the
 * person confirms: tracks with their topic titles, the format, warnings with line or page.
 */
import { createHash } from 'node:crypto';
import { guideFormat, inferFromName, inferFromPreamble, readGuide, stemOf, titleFromPreamble, type GuideFormat } from '../../../../analysis/parse/index.ts';
import type { ParsedTrack } from '../../../../analysis/model.ts';
import { refuse } from './errors.ts';
import { readFields, type EditionFields } from './editions.ts';
import { UPLOAD_LIMITS } from './limits.ts';

export interface Upload {
  /** The client's file name, for messages and metadata inference only (never a path). */
  name: string;
  bytes: Uint8Array;
  fields: EditionFields;
}

export const megabytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Refuses a body larger than `max` from its Content-Length, before reading it; the message states `shownMax`. */
export function checkLength(request: Request, max: number, what: [string, string], shownMax = max): void {
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(length) && length > max) {
    throw refuse(413, 'api-too-large', { what: what[0], what_en: what[1], size: megabytes(length), max: megabytes(shownMax) });
  }
}

/** A file name fit for messages: no folders, no control characters, not too long. */
export function cleanName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120);
  return clean || 'upload';
}

export async function readUpload(request: Request): Promise<Upload> {
  checkLength(request, UPLOAD_LIMITS.requestBytes, ['上传的文件约', 'the upload is about'], UPLOAD_LIMITS.fileBytes);
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) throw refuse(415, 'api-not-multipart');
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw refuse(400, 'api-not-multipart');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw refuse(400, 'api-no-file');
  if (file.size > UPLOAD_LIMITS.fileBytes) {
    throw refuse(413, 'api-too-large', { what: `文件 ${cleanName(file.name)} 有`, what_en: `the file ${cleanName(file.name)} is`, size: megabytes(file.size), max: megabytes(UPLOAD_LIMITS.fileBytes) });
  }
  const raw: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (key !== 'file') raw[key] = typeof value === 'string' ? value : '';
  const fields = readFields(raw, { allowEmpty: true });
  return { name: cleanName(file.name), bytes: new Uint8Array(await file.arrayBuffer()), fields };
}

/**
 * The inflated size a zip archive declares for its members, from its central directory,
 * without inflating anything; Infinity when the directory cannot be read or uses ZIP64.
 */
export function declaredZipSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= from; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let offset = view.getUint32(at + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return Infinity;
      const size = view.getUint32(offset + 24, true);
      if (size === 0xffffffff) return Infinity;
      total += size;
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return total;
  }
  return Infinity;
}

/** Before a Word file is opened: an archive that would inflate past the bound is refused. */
export function checkInflatedSize(upload: Upload): void {
  if (guideFormat(upload.bytes) !== 'docx') return;
  const size = declaredZipSize(upload.bytes);
  // An unreadable directory is left to the Word reader, which says the file is damaged.
  if (size !== Infinity && size > UPLOAD_LIMITS.inflatedBytes) {
    throw refuse(422, 'api-zip-bomb', { size: megabytes(size), max: megabytes(UPLOAD_LIMITS.inflatedBytes) }, { file: upload.name });
  }
}

export interface PreviewTrack {
  track_no: number;
  track_name: string;
  heading: string;
  topics: { topic_no: number; printed_no: number | null; title: string; chars: number }[];
}

export interface UploadPreview {
  file: string;
  format: GuideFormat;
  /** utf-8, gb18030, … for text; docx; pdf. */
  encoding: string;
  bytes: number;
  /** What the edition will be saved as; the id may still change if another upload takes it first. */
  edition: { edition_id: string; year: number | null; region: string; title: string };
  /** Fields the person must fill in before saving. */
  missing: ('year' | 'region')[];
  /** An edition whose file has exactly these bytes already, or null. */
  same_as: string | null;
  tracks: PreviewTrack[];
  topics: number;
  has_bodies: boolean;
  warnings: { level: string; code: string; message: string; line: number | null; page: number | null }[];
}

const previewTracks = (tracks: ParsedTrack[]): PreviewTrack[] =>
  tracks.map((t) => ({
    track_no: t.track_no,
    track_name: t.track_name,
    heading: t.heading,
    topics: t.topics.map((p) => ({ topic_no: p.topic_no, printed_no: p.printed_no, title: p.title, chars: [...p.title].length + [...p.body].length }))
  }));

/** Reads the upload as the analysis will, and proposes its metadata (typed fields win over inferred ones). */
export async function previewUpload(
  upload: Upload,
  makeId: (year: number, region: string) => string,
  sameAs: (sha256: string) => string | null = () => null
): Promise<UploadPreview> {
  checkInflatedSize(upload);
  const { decoded, guide, warnings } = await readGuide({ path: upload.name, name: upload.name, bytes: upload.bytes });
  const fromName = inferFromName(upload.name);
  const fromText = inferFromPreamble(guide.preamble);
  // The guide's own title block (2027年…湖南分赛) is surer than whatever the file was called.
  const year = upload.fields.year ?? fromText.year ?? fromName.year;
  const region = upload.fields.region ?? fromText.region ?? fromName.region ?? '';
  const title = upload.fields.title ?? (titleFromPreamble(guide.preamble) || stemOf(upload.name));
  const missing: UploadPreview['missing'] = [];
  if (year === null) missing.push('year');
  if (region === '') missing.push('region');
  return {
    file: upload.name,
    format: guideFormat(upload.bytes),
    encoding: decoded.encoding,
    bytes: upload.bytes.length,
    edition: { edition_id: year !== null && region !== '' ? makeId(year, region) : '', year, region, title },
    missing,
    same_as: sameAs(createHash('sha256').update(upload.bytes).digest('hex')),
    tracks: previewTracks(guide.tracks),
    topics: guide.tracks.reduce((n, t) => n + t.topics.length, 0),
    has_bodies: guide.tracks.some((t) => t.topics.some((p) => p.body !== '')),
    warnings: warnings.map((w) => ({ level: w.level, code: w.code, message: w.message, line: w.line, page: w.page ?? null }))
  };
}
