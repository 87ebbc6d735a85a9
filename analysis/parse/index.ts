/**
 * The parse phase as the pipeline sees it: bytes in, a parsed edition out.
 * No file system here: the pipeline reads the bytes and passes them in.
 */
import { sha256Hex } from '../hash.ts';
import { LIMITS, type Limits } from '../limits.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import type { ParsedEdition, SourceFile } from '../model.ts';
import { checkGuideShape, checkLineLengths } from './bounds.ts';
import { decodeSource } from './decode.ts';
import { resolveEditionMeta, type EditionEntries } from './metadata.ts';
import { parseGuide } from './parse.ts';

export { decodeSource, SUPPORTED_EXTENSIONS } from './decode.ts';
export { parseGuide, type ParsedGuide } from './parse.ts';
export { parseNumeral } from './numerals.ts';
export { loadEditionEntries, type EditionEntries, type EditionEntry } from './metadata.ts';

/** V8 and Node refusing an allocation: the content is too big, whatever the limits let through. */
const OUT_OF_ROOM = /string length|string longer than|allocation failed|invalid array length|buffer too large/i;

export async function readEdition(file: SourceFile, entries: EditionEntries, limits: Readonly<Limits> = LIMITS): Promise<ParsedEdition> {
  try {
    const decoded = await decodeSource(file, limits);
    checkLineLengths(decoded.text, file.path, limits.lineChars);
    const guide = parseGuide(decoded.text, file.path);
    checkGuideShape(guide.tracks, file.path, limits);
    const { meta, warnings: metaWarnings } = resolveEditionMeta(file.name, file.path, guide.preamble, entries);
    return {
      meta,
      file: file.name,
      encoding: decoded.encoding,
      sha256: sha256Hex(file.bytes),
      bytes: file.bytes.length,
      tracks: guide.tracks,
      warnings: [...decoded.warnings, ...guide.warnings, ...metaWarnings]
    };
  } catch (error) {
    if (error instanceof RangeError && OUT_OF_ROOM.test(error.message)) {
      throw new AnalysisError(diagnostic('error', 'file-too-large-to-process', file.path, null));
    }
    throw error;
  }
}
