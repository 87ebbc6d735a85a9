/**
 * Every bound on what the analysis stage reads, in one place. Each input is checked
 * against these before its content is trusted; the message of a refused input names
 * the limit and the file (and line). The CLI (`--max-file-mb`) and the workspace's
 * uploads read them from here, so both refuse the same things.
 *
 * Why these values: the real guides are 4–60 KB with 17 tracks, 122 topics and lines
 * under 1,000 characters. The bounds sit two orders of magnitude above that, and low
 * enough that one guide stays well inside a PC's memory (see docs/ARCHITECTURE.md).
 */

export const MB = 1024 * 1024;

export interface Limits {
  /** Bytes of one guide file, any format. */
  guideBytes: number;
  /** Bytes of all guide files of one run together (every guide is held in memory while all are read). */
  corpusBytes: number;
  /** Bytes of one dictionary file. */
  dictionaryBytes: number;
  /** Bytes of editions.json. */
  metadataBytes: number;
  /** Entries in a .docx archive (Word writes 10–30; hundreds with many images). */
  docxEntries: number;
  /** Bytes all entries of a .docx inflate to, counted while inflating (a zip bomb declares less). */
  docxInflatedBytes: number;
  /** Bytes the XML parts of a .docx inflate to: what mammoth parses into a DOM. */
  docxXmlBytes: number;
  /** Characters on one line of a guide (a docx paragraph is one line). */
  lineChars: number;
  /** Characters of one dictionary word (the longest real term has 14). */
  termChars: number;
  /** Tracks in one edition. */
  tracks: number;
  /** Topics in one edition. */
  topics: number;
  /**
   * Term pairs within the topics and sentences of one edition, Σ C(distinct terms, 2): the rows
   * the dashboard's co-occurrence derivation joins in the browser (the Hunan guide: 212,037).
   */
  cooccurrencePairs: number;
}

export const LIMITS: Readonly<Limits> = Object.freeze({
  guideBytes: 20 * MB,
  corpusBytes: 200 * MB,
  dictionaryBytes: 5 * MB,
  metadataBytes: 1 * MB,
  docxEntries: 2_000,
  docxInflatedBytes: 200 * MB,
  docxXmlBytes: 60 * MB,
  lineChars: 20_000,
  termChars: 50,
  tracks: 100,
  topics: 10_000,
  cooccurrencePairs: 20_000_000
});

/** The defaults with some bounds replaced (e.g. from `--max-file-mb`). */
export function withLimits(overrides: Partial<Limits> = {}): Readonly<Limits> {
  return Object.freeze({ ...LIMITS, ...overrides });
}

/** 20971520 → "20 MB", 1536 → "1.5 KB": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trim(bytes / MB)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} B`;
}

const trim = (x: number) => (Math.round(x * 10) / 10).toString();

/** 3000000 → "3,000,000": counts in messages. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
