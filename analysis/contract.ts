/**
 * The table contract: every table the analysis stage writes and the dashboard reads.
 *
 * This module is the one place both stages agree on names, column order and types.
 * It has no Node or browser imports so `src/` and `analysis/` can both import it.
 * Row types are derived from the column specs, so a column added here is a column
 * the writer, the CSV copy, the DuckDB loader and the docs all see.
 *
 * Conventions
 * - `edition_id` is the edition's id from editions.json (or the file's stem).
 * - `track_no` is the track's ordinal in its edition (1-based, guide order).
 * - `topic_no` is the topic's ordinal within its track (1-based); `printed_no`
 *   keeps the number as printed in the guide, which may repeat or skip.
 * - Spans ('start:length') count UTF-16 code units of the title or body text.
 *   Guides are CJK in the BMP, so this equals characters for DuckDB `substr`.
 * - `generic_verbs` is 'removed' when the switchable generic-policy-verb list
 *   (推动, 提升 …) is applied as stop words, 'kept' when it is not. Only the
 *   tables whose figures depend on token totals carry the column. The term_stats file
 *   holds the 'removed' rows (STORED_VARIANTS); the dashboard derives the 'kept' rows
 *   when it loads them (src/lib/db/derive.ts), from term_topic and tracks, which
 *   carry every token. Storing both doubled these tables for a rarely used switch.
 * - `cooccurrence`, `term_track` and `track_overlap` are not written at all
 *   (DERIVED_TABLE_NAMES): the dashboard derives them per edition from term_topic, terms,
 *   tracks and topics. Their specs stay here for the DDL and docs.
 */

export type ColumnType = 'string' | 'int' | 'float' | 'bool';

export interface ColumnSpec<T extends ColumnType = ColumnType, N extends boolean = boolean> {
  type: T;
  nullable: N;
  doc: string;
}

const col =
  <T extends ColumnType>(type: T) =>
  (doc: string): ColumnSpec<T, false> => ({ type, nullable: false, doc });
const nullableCol =
  <T extends ColumnType>(type: T) =>
  (doc: string): ColumnSpec<T, true> => ({ type, nullable: true, doc });

const str = col('string');
const int = col('int');
const float = col('float');
const bool = col('bool');
const strOrNull = nullableCol('string');
const intOrNull = nullableCol('int');
const floatOrNull = nullableCol('float');

type ValueOf<C> =
  C extends ColumnSpec<infer T, infer N>
    ? (T extends 'string' ? string : T extends 'bool' ? boolean : number) | (N extends true ? null : never)
    : never;

export interface TableSpec<Cols extends Record<string, ColumnSpec> = Record<string, ColumnSpec>> {
  name: string;
  doc: string;
  /** Columns that identify a row; tables are sorted by them for byte-identical output. */
  key: readonly string[];
  columns: Cols;
}

export type RowOf<S extends TableSpec> = { [K in keyof S['columns']]: ValueOf<S['columns'][K]> };

function table<const Cols extends Record<string, ColumnSpec>, const Key extends readonly (keyof Cols & string)[]>(
  name: string,
  doc: string,
  key: Key,
  columns: Cols
): TableSpec<Cols> & { key: Key } {
  return { name, doc, key, columns };
}

export const GENERIC_VERBS = ['removed', 'kept'] as const;
export type GenericVerbs = (typeof GENERIC_VERBS)[number];
/** The variants written to the files; the dashboard derives the others at load. */
export const STORED_VARIANTS: readonly GenericVerbs[] = ['removed'];
export const TOPIC_PARTS = ['title', 'body'] as const;
export type TopicPart = (typeof TOPIC_PARTS)[number];
export const DUPLICATE_KINDS = ['sentence', 'body'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];
export const TRACK_STATUSES = ['matched', 'renamed', 'added', 'removed'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];
export const TOPIC_STATUSES = ['matched', 'edited', 'reworded', 'moved', 'added', 'removed'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export const TERM_TREND_STATUSES = ['new', 'dropped', 'rising', 'falling', 'stable'] as const;
export type TermTrendStatus = (typeof TERM_TREND_STATUSES)[number];
export const COMPARE_BASES = ['full', 'titles'] as const;
export type CompareBasis = (typeof COMPARE_BASES)[number];
/** |G²| from which a rise or fall counts (p < 0.05, statistics.md). */
export const G2_SIGNIFICANT = 3.84;

const generic_verbs = str("'removed' (generic policy verbs treated as stop words) or 'kept'");

export const editions = table('editions', 'One row per guide edition (one source file).', ['edition_id'], {
  edition_id: str('Edition id, e.g. 2026-hunan'),
  year: int('Year of the competition'),
  region: str('Region, e.g. 湖南 or 福建厦门'),
  title: str('Title of the guide'),
  source: str('Where the document came from'),
  notes: str('Free notes from editions.json (may be empty)'),
  file: str('Source file name inside the input folder'),
  encoding: str('Detected text encoding (utf-8, utf-16le, gb18030) or document format (docx, pdf)'),
  tracks: int('Tracks found'),
  topics: int('Topics found'),
  sentences: int('Sentences over all titles and bodies (split at 。！？；)'),
  tokens: int('Counted term tokens, generic verbs removed'),
  chars: int('Characters of titles and bodies'),
  has_bodies: bool('True when at least one topic has a paragraph (not a titles-only list)')
});

export const tracks = table('tracks', 'One row per track of an edition.', ['edition_id', 'track_no'], {
  edition_id: str('Edition id'),
  track_no: int('Ordinal of the track in its edition (1-based)'),
  track_name: str('Short track name, e.g. 工业制造 (prefixes like 赛道一： and 数据要素× and the 赛道 suffix removed)'),
  heading: str('The heading as printed, e.g. 赛道一：工业制造赛道'),
  line: int('Line of the heading in the source file'),
  topics: int('Topics in the track'),
  tokens: int('Counted term tokens, generic verbs removed'),
  tokens_with_verbs: int('Counted term tokens, generic verbs kept')
});

export const topics = table('topics', 'One row per topic: title and paragraph.', ['edition_id', 'track_no', 'topic_no'], {
  edition_id: str('Edition id'),
  track_no: int('Track ordinal'),
  track_name: str('Short track name'),
  topic_no: int('Ordinal of the topic in its track (1-based)'),
  printed_no: intOrNull('Number as printed (一 → 1, 赛题3 → 3); null when unnumbered'),
  title: str('Topic title'),
  body: str('Topic paragraph(s), joined with a newline; empty for titles-only lists'),
  line: int('Line of the title in the source file'),
  chars: int('Characters of title + body')
});

export const terms = table('terms', 'The vocabulary over all editions: the segmentation audit list.', ['term'], {
  term: str('Canonical term'),
  count: int('Tokens over all editions'),
  editions: int('Editions containing the term'),
  topics: int('Topics containing the term, over all editions'),
  chars: int('Length of the term in characters (single characters are worth a look in the audit)'),
  in_dictionary: bool('True when the term is in the user dictionary (terms.txt)'),
  generic_verb: bool('True when the term is on the generic policy verb list'),
  themes: str('Themes the term belongs to, joined with 、 (empty when none)'),
  variants: str('Surface forms mapped to this term by the thesaurus and seen in the text, joined with 、')
});

export const themes = table('themes', 'Theme membership from themes.tsv.', ['theme', 'term'], {
  theme: str('Theme name, e.g. 隐私计算'),
  term: str('Member term (canonical form)')
});

export const term_topic = table(
  'term_topic',
  'Tokens of each term in each topic (title + body).',
  ['edition_id', 'track_no', 'topic_no', 'term'],
  {
    edition_id: str('Edition id'),
    track_no: int('Track ordinal'),
    topic_no: int('Topic ordinal'),
    term: str('Canonical term'),
    count: int('Tokens of the term in the topic'),
    title_spans: str("Where it occurs in the title: 'start:length' pairs separated by spaces (surface forms differ in length through the thesaurus)"),
    body_spans: str("Where it occurs in the body: 'start:length' pairs separated by spaces")
  }
);

export const term_track = table(
  'term_track',
  'Each term in each track with keyness of the track against the rest of its edition. Derived in the dashboard from term_topic, terms and tracks when a page first reads it (src/lib/db/derive.ts); the analysis files do not hold it.',
  ['edition_id', 'generic_verbs', 'track_no', 'term'],
  {
    edition_id: str('Edition id'),
    generic_verbs,
    track_no: int('Track ordinal'),
    term: str('Canonical term'),
    count: int('Tokens of the term in the track'),
    topics: int('Topics of the track containing the term'),
    per10k: float('count / track tokens × 10,000'),
    keyness_g2: float('Signed log-likelihood G² (Rayson & Garside 2000); negative when under-represented'),
    log_ratio: float('Log Ratio (Hardie 2014), log2 of the rate ratio, 0.5 for a zero count')
  }
);

export const term_stats = table(
  'term_stats',
  "Each term in each edition: frequency and spread across tracks. The file holds the 'removed' rows; the dashboard derives the 'kept' rows when a page first reads them.",
  ['edition_id', 'generic_verbs', 'term'],
  {
    edition_id: str('Edition id'),
    generic_verbs,
    term: str('Canonical term'),
    count: int('Tokens in the edition'),
    topics: int('Topics containing the term'),
    tracks: int('Tracks containing the term'),
    per10k: float('count / edition tokens × 10,000'),
    dispersion_dp: float("Gries' DP over tracks: 0 = spread like the text, near 1 = concentrated"),
    dp_norm: float('DP / (1 − smallest track share)')
  }
);

export const cooccurrence = table(
  'cooccurrence',
  'Term pairs co-occurring in topics (and sentences); term_a < term_b. Pairs below the minimum pair count are left out. Derived in the dashboard from term_topic and topics on first use (src/lib/db/derive-cooccurrence.ts); the analysis files do not hold it.',
  ['edition_id', 'term_a', 'term_b'],
  {
    edition_id: str('Edition id'),
    term_a: str('First term (code-point order)'),
    term_b: str('Second term'),
    topics: int('a_ij: topics containing both'),
    sentences: int('Sentences containing both'),
    jaccard: float('a_ij / (n_i + n_j − a_ij), topic window'),
    association_strength: float('a_ij · N / (n_i · n_j), topic window'),
    npmi: float('Normalised PMI, topic window, −1 … 1'),
    sentence_jaccard: floatOrNull('Jaccard, sentence window; null when the pair shares no sentence'),
    sentence_association_strength: floatOrNull('Association strength, sentence window'),
    sentence_npmi: floatOrNull('NPMI, sentence window')
  }
);

export const track_overlap = table(
  'track_overlap',
  'Similarity of every pair of tracks in an edition (track_a < track_b). Derived in the dashboard from term_topic, terms and tracks when a page first reads it (src/lib/db/derive.ts); the analysis files do not hold it.',
  ['edition_id', 'generic_verbs', 'track_a', 'track_b'],
  {
    edition_id: str('Edition id'),
    generic_verbs,
    track_a: int('First track ordinal'),
    track_b: int('Second track ordinal'),
    shared_terms: int('Terms found in both tracks'),
    jaccard: float('Jaccard of the two term sets'),
    cosine: float('Cosine of TF-IDF vectors (tf = count in track, idf = ln(T/df))'),
    top_shared: str('Up to 10 shared terms by min(tf_a, tf_b) · idf, joined with 、')
  }
);

export const theme_track = table(
  'theme_track',
  'Tokens of each theme (any member term) in each track.',
  ['edition_id', 'theme', 'track_no'],
  {
    edition_id: str('Edition id'),
    theme: str('Theme name'),
    track_no: int('Track ordinal'),
    count: int('Tokens of member terms in the track'),
    topics: int('Topics of the track containing any member term')
  }
);

export const near_duplicates = table(
  'near_duplicates',
  'Passages that repeat within or across editions: a shared sentence or clause (split at ，：) of ≥ 20 characters in title or body, or bodies with 5-gram shingle Jaccard ≥ 0.8. Side a is the earlier topic (edition, track, topic order). Large groups of identical passages are reported as pairs with their first occurrence (see docs/ARCHITECTURE.md).',
  ['edition_a', 'track_a', 'topic_a', 'edition_b', 'track_b', 'topic_b'],
  {
    edition_a: str('Edition of the earlier topic'),
    track_a: int('Track of the earlier topic'),
    topic_a: int('Topic ordinal of the earlier topic'),
    edition_b: str('Edition of the later topic'),
    track_b: int('Track of the later topic'),
    topic_b: int('Topic ordinal of the later topic'),
    kind: str("'sentence' (shared sentences) or 'body' (near-identical bodies)"),
    similarity: float('Character 5-gram shingle Jaccard of the two bodies (titles when bodies are empty)'),
    shared_text: str("The repeated sentences or clauses in topic b's order, joined with a newline (body kind: the longest shared sentence or clause, may be empty)")
  }
);

// ── Edition comparisons: every pair of consecutive editions of one region (by year) ──
// The dashboard computes any other pair on demand with the same code (analysis/compare).

export const track_alignment = table(
  'track_alignment',
  "Tracks of edition B aligned with the tracks of the earlier edition A of the same region: same name → matched; a track that keeps more than half of its topics under a new name → renamed; otherwise removed (A only) or added (B only). Rows: A's tracks in guide order, then B's added tracks.",
  ['edition_a', 'edition_b', 'track_a', 'track_b'],
  {
    edition_a: str('Edition A (the earlier one, the reference)'),
    edition_b: str('Edition B'),
    track_a: intOrNull('Track ordinal in A; null for added'),
    track_b: intOrNull('Track ordinal in B; null for removed'),
    name_a: str("Track name in A ('' for added)"),
    name_b: str("Track name in B ('' for removed)"),
    status: str("'matched', 'renamed', 'added' or 'removed'"),
    similarity: floatOrNull('Share of topics kept between the two tracks: 2 · aligned topic pairs / (topics in A + topics in B); null for added and removed')
  }
);

export const topic_alignment = table(
  'topic_alignment',
  "Every topic of A and of B exactly once, aligned by content (character-bigram Dice of title and body, one-to-one assignment; see docs/ARCHITECTURE.md). matched = same title and body after width/space/punctuation normalisation; edited = same title, body changed; reworded = title changed; moved = now under a track that is not the aligned track of its track in A (may also be edited or reworded); added = B only; removed = A only. Rows: A's topics in guide order, then B's added topics.",
  ['edition_a', 'edition_b', 'track_a', 'topic_a', 'track_b', 'topic_b'],
  {
    edition_a: str('Edition A (the reference)'),
    edition_b: str('Edition B'),
    track_a: intOrNull('Track ordinal in A; null for added'),
    topic_a: intOrNull('Topic ordinal in A; null for added'),
    track_b: intOrNull('Track ordinal in B; null for removed'),
    topic_b: intOrNull('Topic ordinal in B; null for removed'),
    status: str("'matched', 'edited', 'reworded', 'moved', 'added' or 'removed'"),
    title_similarity: floatOrNull('Dice coefficient of the two titles\' character bigrams (normalised), 0 … 1; null for added and removed'),
    body_similarity: floatOrNull('The same for the bodies; null for added and removed, and when either edition is titles-only')
  }
);

export const term_trend = table(
  'term_trend',
  "Each term's rate in B against A (the reference), generic verbs removed. basis 'full' when both editions have bodies; 'titles' when either is titles-only, and then both sides count title tokens only. status: new (0 → >0), dropped (>0 → 0), rising / falling (|G²| ≥ 3.84, p < 0.05), stable otherwise.",
  ['edition_a', 'edition_b', 'term'],
  {
    edition_a: str('Edition A (the reference)'),
    edition_b: str('Edition B'),
    basis: str("'full' (titles and bodies) or 'titles' (titles only, when either edition has no bodies)"),
    term: str('Canonical term'),
    count_a: int('Tokens in A on the basis'),
    count_b: int('Tokens in B on the basis'),
    per10k_a: float("count_a / A's tokens on the basis × 10,000"),
    per10k_b: float("count_b / B's tokens on the basis × 10,000"),
    log_ratio: float("Log Ratio of B's rate against A's (log₂, 0.5 for a zero count); +1 = twice as frequent in B"),
    g2: float('Signed G² of B against A; positive when more frequent in B'),
    status: str("'new', 'dropped', 'rising', 'falling' or 'stable'")
  }
);

/** Every table, in the order the writer writes them and the docs list them. */
export const TABLES = {
  editions,
  tracks,
  topics,
  terms,
  themes,
  term_topic,
  term_track,
  term_stats,
  cooccurrence,
  track_overlap,
  theme_track,
  near_duplicates,
  track_alignment,
  topic_alignment,
  term_trend
} as const;

/** `--min-pair`'s default: a co-occurring pair is kept when it shares this many topics or sentences. */
export const DEFAULT_MIN_PAIR_COUNT = 3;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
/**
 * Tables the dashboard computes in SQL from stored ones (src/lib/db/derive.ts) instead of
 * reading a file: cheap to compute per edition, and most of the output bytes when stored
 * (on the 200-edition benchmark corpus cooccurrence was 41% of them; term_track and
 * track_overlap then 36% of the rest).
 */
export const DERIVED_TABLE_NAMES: readonly TableName[] = ['term_track', 'cooccurrence', 'track_overlap'];
/** Tables the analysis stage writes (`<table>.arrow`, `csv/<table>.csv`, manifest.tables). */
export const STORED_TABLE_NAMES: readonly TableName[] = TABLE_NAMES.filter((name) => !DERIVED_TABLE_NAMES.includes(name));

export type EditionRow = RowOf<typeof editions>;
export type TrackRow = RowOf<typeof tracks>;
export type TopicRow = RowOf<typeof topics>;
export type TermRow = RowOf<typeof terms>;
export type ThemeRow = RowOf<typeof themes>;
export type TermTopicRow = RowOf<typeof term_topic>;
export type TermTrackRow = RowOf<typeof term_track>;
export type TermStatsRow = RowOf<typeof term_stats>;
export type CooccurrenceRow = RowOf<typeof cooccurrence>;
export type TrackOverlapRow = RowOf<typeof track_overlap>;
export type ThemeTrackRow = RowOf<typeof theme_track>;
export type NearDuplicateRow = RowOf<typeof near_duplicates>;
export type TrackAlignmentRow = RowOf<typeof track_alignment>;
export type TopicAlignmentRow = RowOf<typeof topic_alignment>;
export type TermTrendRow = RowOf<typeof term_trend>;

export type Rows = { [K in TableName]: RowOf<(typeof TABLES)[K]>[] };

/** Files inside an output folder. */
export const MANIFEST_FILE = 'manifest.json';
export const tableFile = (name: TableName) => `${name}.arrow`;
export const csvFile = (name: TableName) => `csv/${name}.csv`;
/** Written with `--format parquet` only, beside the Arrow table. */
export const parquetFile = (name: TableName) => `${name}.parquet`;
/**
 * 2: term_track, term_stats and track_overlap hold the 'removed' rows only. Since the
 * dashboard derives cooccurrence, manifest.tables no longer lists it; an older folder that
 * does still loads (the derivation replaces those rows with the same ones), so the format stays.
 */
export const MANIFEST_FORMAT = 2;

export interface ManifestFile {
  file: string;
  sha256: string;
  bytes: number;
}

export interface ManifestTable {
  name: TableName;
  file: string;
  csv: string;
  /** The Parquet copy (zstd), present when the run was asked for one (`--format parquet`). */
  parquet?: string;
  rows: number;
  sha256: string;
  bytes: number;
  columns: { name: string; type: ColumnType; nullable: boolean }[];
  /** Where each edition's record batches lie in the Arrow file (tables in EDITION_SLICED_TABLES). */
  slices?: ManifestSlices;
}

/**
 * An Arrow file of a per-edition table is the schema message, each edition's record batches
 * (contiguous, in edition_id order) and the end marker. The schema bytes, one edition's
 * bytes and the end marker are a valid stream of that edition alone: the server cuts it
 * (`/data/<table>.arrow?edition=…`) and the dashboard loads an edition when a view needs it.
 */
export interface ManifestSlices {
  schema_bytes: number;
  /** edition_id → [byte offset, bytes, rows]; editions without rows are left out. */
  editions: Record<string, [number, number, number]>;
}

/** The end-of-stream marker of an Arrow IPC stream (continuation token, zero length). */
export const ARROW_EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Tables whose rows each belong to one edition, loaded per edition by the dashboard. */
export const EDITION_SLICED_TABLES = [
  'topics',
  'term_topic',
  'term_stats',
  'theme_track'
] as const satisfies readonly TableName[];
export type SlicedTableName = (typeof EDITION_SLICED_TABLES)[number];
export const isSlicedTable = (name: string): name is SlicedTableName => (EDITION_SLICED_TABLES as readonly string[]).includes(name);

export interface ManifestTrack {
  track_no: number;
  track_name: string;
  topics: number;
}

export interface ManifestEdition {
  edition_id: string;
  year: number;
  region: string;
  title: string;
  file: string;
  topics: number;
  has_bodies: boolean;
  tracks: ManifestTrack[];
}

export interface ManifestDiagnostic {
  level: 'warning' | 'error';
  code: string;
  file: string;
  line: number | null;
  message: string;
}

/**
 * manifest.json: enough for the dashboard's first paint (editions, tracks, counts)
 * before DuckDB is ready, and enough for `npm start` to tell whether inputs changed.
 * It holds no clock time, so two runs on the same input write the same bytes.
 */
/** A derived table written as Parquet by `--format parquet` (its 'removed' rows, in key order); no Arrow or CSV file. */
export interface ManifestDerivedParquet {
  name: TableName;
  parquet: string;
  rows: number;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  tool: { name: string; version: string };
  options: { min_pair_count: number };
  /** Short hash over all dictionary files: the "dictionary version" stamped on charts. */
  dictionary_version: string;
  dictionaries: Record<string, ManifestFile & { entries: number }>;
  inputs: (ManifestFile & { edition_id: string; encoding: string })[];
  editions: ManifestEdition[];
  summary: { editions: number; tracks: number; topics: number; terms: number; warnings: number };
  tables: ManifestTable[];
  /** `--format parquet` only: term_track and track_overlap, derived as the dashboard derives them. */
  derived_parquet?: ManifestDerivedParquet[];
  warnings: ManifestDiagnostic[];
}
