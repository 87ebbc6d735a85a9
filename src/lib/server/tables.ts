/**
 * The analysis output the dashboard loads, served from the workspace's tables/ (not from
 * the build), so a new edition is visible without rebuilding: manifest.json and exactly
 * the files it lists, nothing else. Revalidated on every load (ETag), compressed when the
 * browser accepts it (compressed copies kept for the current files only). GET and HEAD
 * only (the route exports nothing else); the security headers come from the hooks.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { ARROW_EOS, MANIFEST_FILE, type Manifest, type ManifestTable } from '../../../analysis/contract.ts';
import { contentTypeFor } from './security.ts';
import { requestedEditions, requestedTerm, sliceRanges } from '../db/slices.ts';
import { hasTermColumn, termRowsStream } from './term-rows.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8'
};

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const compressed = new Map<string, Uint8Array>();
const COMPRESSED_BYTES = 256 * 1024 * 1024;

async function compress(key: string, bytes: Uint8Array, encoding: 'br' | 'gzip'): Promise<Uint8Array> {
  const cached = compressed.get(`${encoding}:${key}`);
  if (cached) return cached;
  const out = new Uint8Array(
    encoding === 'br'
      ? await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
      : await gzipAsync(bytes, { level: 6 })
  );
  let total = [...compressed.values()].reduce((n, b) => n + b.length, 0) + out.length;
  for (const k of compressed.keys()) {
    if (total <= COMPRESSED_BYTES) break;
    total -= compressed.get(k)!.length;
    compressed.delete(k);
  }
  compressed.set(`${encoding}:${key}`, out);
  return out;
}

/** Files a manifest lets the server hand out. */
export function listedFiles(manifest: Manifest): Set<string> {
  return new Set([MANIFEST_FILE, ...manifest.tables.flatMap((t) => [t.file, t.csv])]);
}

/** Reads a file that may be swapped out from under us (rename of the whole folder): a few retries. */
async function readCurrent(path: string): Promise<{ bytes: Uint8Array; tag: string } | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const info = await stat(path);
      const bytes = new Uint8Array(await readFile(path));
      return { bytes, tag: `W/"${info.ino.toString(36)}-${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}"` };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return null;
}

/**
 * The schema message, the record batches of the asked editions (in the file's order) and the
 * end marker: a valid Arrow stream of those editions alone (see ManifestSlices). Read by byte
 * range, so a 1,000-edition file is never read whole for one edition. Null when the file on
 * disk is not the one the manifest describes (swapped meanwhile).
 */
export async function readSlices(path: string, table: ManifestTable, editions: readonly string[]): Promise<{ bytes: Uint8Array; tag: string } | null> {
  const ranges = sliceRanges(table, editions);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const info = await handle.stat();
    if (info.size !== table.bytes) return null;
    const out = new Uint8Array(ranges.reduce((n, [, b]) => n + b, 0) + ARROW_EOS.length);
    let at = 0;
    for (const [offset, bytes] of ranges) {
      const { bytesRead } = await handle.read(out, at, bytes, offset);
      if (bytesRead !== bytes) return null;
      at += bytes;
    }
    out.set(ARROW_EOS, at);
    const key = ranges.slice(1).map(([offset]) => offset.toString(36)).join('.');
    return { bytes: out, tag: `W/"${info.ino.toString(36)}-${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}-${key}"` };
  } finally {
    await handle.close();
  }
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * The term in the ETag (which must stay ASCII), exactly: the tag also keys the compressed
 * copies, so two terms must never share one.
 */
const termTag = (term: string): string => Buffer.from(term, 'utf8').toString('base64url');

/**
 * `?edition=ID` (repeatable) or `?except=ID` on a per-edition table's .arrow file: only those
 * editions' rows; `?term=T` (with or without them): only that term's rows (term-rows.ts).
 */
export async function serveTableFile(dir: string, manifest: Manifest | null, file: string, request: Request): Promise<Response> {
  if (file !== MANIFEST_FILE && (manifest === null || !listedFiles(manifest).has(file))) return notFound();
  const search = new URL(request.url).searchParams;
  const term = requestedTerm(search);
  const asksSlices = search.has('edition') || search.has('except') || search.has('term');
  const sliced = asksSlices ? manifest?.tables.find((t) => t.file === file && t.slices) : undefined;
  if (asksSlices && !sliced) return notFound();
  if (search.has('term') && (term === null || !hasTermColumn(sliced!.name))) return notFound();
  const editions = sliced ? (requestedEditions(sliced, search) ?? Object.keys(sliced.slices!.editions)) : [];
  let found = sliced ? await readSlices(join(dir, file), sliced, editions) : await readCurrent(join(dir, file));
  if (found && term !== null) found = { bytes: termRowsStream(sliced!.name, found.bytes, term), tag: `${found.tag.slice(0, -1)}-t${termTag(term)}"` };
  if (!found) return notFound();
  const extension = /\.[a-z]+$/.exec(file)?.[0] ?? '';
  const headers = new Headers({
    'content-type': contentTypeFor(file) ?? CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    etag: found.tag,
    vary: 'accept-encoding'
  });
  if (request.headers.get('if-none-match') === found.tag) return new Response(null, { status: 304, headers });
  const accepted = request.headers.get('accept-encoding') ?? '';
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (encoding && found.bytes.length > 1024) {
    headers.set('content-encoding', encoding);
    return new Response(Buffer.from(await compress(`${file}:${found.tag}`, found.bytes, encoding)), { headers });
  }
  return new Response(Buffer.from(found.bytes), { headers });
}
