/**
 * The parse phase as the pipeline sees it: bytes in, a parsed edition out.
 * No file system here: the pipeline reads the bytes and passes them in.
 */
import { sha256Hex } from '../hash.ts';
import type { Diagnostic, ParsedEdition, SourceFile } from '../model.ts';
import { decodeSource } from './decode.ts';
import { resolveEditionMeta, type EditionEntries } from './metadata.ts';
import { parseGuide } from './parse.ts';

export { decodeSource, guideFormat, SUPPORTED_EXTENSIONS, type GuideFormat } from './decode.ts';
export { parseGuide, type ParsedGuide } from './parse.ts';
export { parseNumeral } from './numerals.ts';
export { loadEditionEntries, type EditionEntries, type EditionEntry } from './metadata.ts';

export async function readEdition(file: SourceFile, entries: EditionEntries): Promise<ParsedEdition> {
  const decoded = await decodeSource(file);
  const guide = parseGuide(decoded.text, file.path);
  const { meta, warnings: metaWarnings } = resolveEditionMeta(file.name, file.path, guide.preamble, entries);
  // A PDF's lines are rebuilt paragraphs: the page is what a reader can find.
  const onPage = (d: Diagnostic): Diagnostic =>
    decoded.pageOfLine && d.line != null && d.page == null ? { ...d, page: decoded.pageOfLine[d.line - 1] ?? null } : d;
  return {
    meta,
    file: file.name,
    encoding: decoded.encoding,
    sha256: sha256Hex(file.bytes),
    bytes: file.bytes.length,
    tracks: guide.tracks,
    warnings: [...decoded.warnings, ...guide.warnings, ...metaWarnings].map(onPage)
  };
}

