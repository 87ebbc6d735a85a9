/**
 * In-memory shapes passed between the analysis phases (parse → segment → tables).
 * Unlike contract.ts these never leave the analysis stage.
 */

export interface SourceFile {
  /** Path as given on the command line or found in a folder (used in messages). */
  path: string;
  /** Base name, e.g. 2026-hunan.txt */
  name: string;
  bytes: Uint8Array;
}

export interface Diagnostic {
  level: 'warning' | 'error';
  /** Stable code from messages.ts, e.g. 'numbering-gap'. Tests assert on it. */
  code: string;
  file: string;
  line: number | null;
  /** Page of a PDF the problem is on (the line is then a line of the rebuilt text). */
  page?: number | null;
  message: string;
}

export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'docx' or 'pdf' */
  encoding: string;
  warnings: Diagnostic[];
  /** PDF only: the page each line of `text` came from (index 0 is line 1). */
  pageOfLine?: number[];
}

export interface EditionMeta {
  edition_id: string;
  year: number;
  region: string;
  title: string;
  source: string;
  notes: string;
}

export interface ParsedTopic {
  /** Ordinal within the track, 1-based. */
  topic_no: number;
  printed_no: number | null;
  title: string;
  /** Paragraphs joined with '\n'; '' when titles-only. */
  body: string;
  line: number;
}

export interface ParsedTrack {
  track_no: number;
  track_name: string;
  heading: string;
  line: number;
  topics: ParsedTopic[];
}

export interface ParsedEdition {
  meta: EditionMeta;
  file: string;
  encoding: string;
  sha256: string;
  bytes: number;
  tracks: ParsedTrack[];
  warnings: Diagnostic[];
}

/** One counted token of a topic after segmentation, thesaurus and stop words. */
export interface SegmentedToken {
  part: 'title' | 'body';
  sentence_no: number;
  start: number;
  length: number;
  surface: string;
  term: string;
  generic_verb: boolean;
}

export interface SegmentedTopic {
  edition_id: string;
  track_no: number;
  topic_no: number;
  tokens: SegmentedToken[];
  /** Number of sentences in title + body (title is sentence 0). */
  sentences: number;
}

export interface Dictionaries {
  /** User dictionary entries (terms.txt), in file order. */
  terms: string[];
  stopwords: Set<string>;
  genericVerbs: Set<string>;
  /** variant → canonical */
  thesaurus: Map<string, string>;
  /** theme → member terms (canonical), in file order */
  themes: Map<string, string[]>;
  /** file name → { sha256, entries, bytes } for the manifest */
  files: Record<string, { file: string; sha256: string; bytes: number; entries: number }>;
  /** Paths of the files nodejieba should load as user dictionaries. */
  userDictPaths: string[];
}
