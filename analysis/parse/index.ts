/**
 * The parse phase as the pipeline sees it: bytes in, a parsed edition out.
 * No file system here: the pipeline reads the bytes and passes them in.
 */
import { sha256Hex } from '../hash.ts';
import type { DecodedText, Diagnostic, ParsedEdition, SourceFile } from '../model.ts';
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

/** Decodes and parses one guide (no metadata): what the page's upload preview shows. */
export async function readGuide(file: SourceFile): Promise<ReadGuide> {
  const decoded = await decodeSource(file);
  const guide = parseGuide(decoded.text, file.path);
  return { decoded, guide, warnings: [...decoded.warnings, ...guide.warnings].map((d) => onPage(d, decoded)) };
}

/** A PDF's lines are rebuilt paragraphs: the page is what a reader can find. */
function onPage(d: Diagnostic, decoded: DecodedText): Diagnostic {
  return decoded.pageOfLine && d.line != null && d.page == null ? { ...d, page: decoded.pageOfLine[d.line - 1] ?? null } : d;
}

export async function readEdition(file: SourceFile, entries: EditionEntries): Promise<ParsedEdition> {
  const { decoded, guide, warnings } = await readGuide(file);
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
