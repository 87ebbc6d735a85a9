/**
 * The parse phase as the pipeline sees it: bytes in, a parsed edition out.
 * No file system here: the pipeline reads the bytes and passes them in.
 */
import { sha256Hex } from '../hash.ts';
import { LIMITS, type Limits } from '../limits.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import type { DecodedText, Diagnostic, ParsedEdition, SourceFile } from '../model.ts';
import { checkGuideShape, checkLineLengths } from './bounds.ts';
import { decodeSource } from './decode.ts';
import { resolveEditionMeta, type EditionEntries } from './metadata.ts';
import { parseGuide, type ParsedGuide } from './parse.ts';

export { decodeSource, guideFormat, SUPPORTED_EXTENSIONS, type GuideFormat } from './decode.ts';
export { parseGuide, type ParsedGuide } from './parse.ts';
export { parseNumeral } from './numerals.ts';
export { inferFromName, inferFromPreamble, loadEditionEntries, stemOf, titleFromPreamble, type EditionEntries, type EditionEntry } from './metadata.ts';

export interface ReadGuide {
  decoded: DecodedText;
  guide: ParsedGuide;
  /** Decoding and parsing warnings, each with its page when the source is a PDF. */
  warnings: Diagnostic[];
}

/** V8 and Node refusing an allocation: the content is too big, whatever the limits let through. */
const OUT_OF_ROOM = /string length|string longer than|allocation failed|invalid array length|buffer too large/i;

/**
 * Decodes and parses one guide (no metadata), inside every bound of `limits`: what the
 * page's upload preview shows and what readEdition builds on.
 */
export async function readGuide(file: SourceFile, limits: Readonly<Limits> = LIMITS): Promise<ReadGuide> {
  let decoded: DecodedText | null = null;
  try {
    decoded = await decodeSource(file, limits);
    checkLineLengths(decoded.text, file.path, limits.lineChars);
    const guide = parseGuide(decoded.text, file.path);
    checkGuideShape(guide.tracks, file.path, limits);
    const text = decoded;
    return { decoded, guide, warnings: [...decoded.warnings, ...guide.warnings].map((d) => onPage(d, text)) };
  } catch (error) {
    if (error instanceof RangeError && OUT_OF_ROOM.test(error.message)) {
      throw new AnalysisError(diagnostic('error', 'file-too-large-to-process', file.path, null));
    }
    if (error instanceof AnalysisError && decoded?.pageOfLine) throw new AnalysisError(onPage(error.diagnostic, decoded));
    throw error;
  }
}

/** A PDF's lines are rebuilt paragraphs: the page is what a reader can find. */
function onPage(d: Diagnostic, decoded: DecodedText): Diagnostic {
  return decoded.pageOfLine && d.line != null && d.page == null ? { ...d, page: decoded.pageOfLine[d.line - 1] ?? null } : d;
}

export async function readEdition(file: SourceFile, entries: EditionEntries, limits: Readonly<Limits> = LIMITS): Promise<ParsedEdition> {
  const { decoded, guide, warnings } = await readGuide(file, limits);
  const { meta, warnings: metaWarnings } = resolveEditionMeta(file.name, file.path, guide.preamble, entries);
  return {
    meta,
    file: file.name,
    encoding: decoded.encoding,
    sha256: sha256Hex(file.bytes),
    bytes: file.bytes.length,
    tracks: guide.tracks,
    warnings: [...warnings, ...metaWarnings]
  };
}
