/**
 * Text marking for topic titles and bodies (pure; tested): term spans from term_topic
 * ('start:length' pairs in UTF-16 units) → segments to render, and search snippets.
 */

export interface Mark {
  start: number;
  length: number;
  term: string;
  /** false: a piece of search text, marked but not a link to a term page. */
  link?: boolean;
}

export interface Segment {
  text: string;
  /** The counted term this piece is (or the search text), or null for plain text. */
  term: string | null;
  /** Whether the piece links to its term page (false for search text). */
  link?: boolean;
}

/** '12:2 40:4' → [{start: 12, length: 2}, …]; malformed pairs are skipped. */
export function parseSpans(spans: string): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  for (const pair of spans.split(/\s+/)) {
    const m = /^(\d+):(\d+)$/.exec(pair);
    if (m && Number(m[2]) > 0) out.push({ start: Number(m[1]), length: Number(m[2]) });
  }
  return out;
}

export interface TopicMarks {
  title: Mark[];
  body: Mark[];
}

/** Groups term_topic span rows by topic number. */
export function marksByTopic(
  rows: readonly { topic_no: number; term: string; title_spans: string; body_spans: string }[]
): Map<number, TopicMarks> {
  const out = new Map<number, TopicMarks>();
  for (const row of rows) {
    let marks = out.get(row.topic_no);
    if (!marks) out.set(row.topic_no, (marks = { title: [], body: [] }));
    for (const s of parseSpans(row.title_spans)) marks.title.push({ ...s, term: row.term });
    for (const s of parseSpans(row.body_spans)) marks.body.push({ ...s, term: row.term });
  }
  return out;
}

/**
 * Cuts `text` into plain and marked pieces. Marks outside the text are dropped; where
 * marks overlap (the tables never write that, but a hand-edited file might) the one
 * starting first wins, the longer one on a tie.
 */
export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  const sorted = marks
    .filter((m) => m.start >= 0 && m.length > 0 && m.start + m.length <= text.length)
    .sort((a, b) => a.start - b.start || b.length - a.length);
  const out: Segment[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start), term: null });
    out.push({ text: text.slice(m.start, m.start + m.length), term: m.term, link: m.link !== false });
    at = m.start + m.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), term: null });
  return out;
}

/** Splits segments into paragraphs at newlines (terms never span one). */
export function paragraphs(segments: readonly Segment[]): Segment[][] {
  const out: Segment[][] = [[]];
  for (const s of segments) {
    if (s.term !== null) {
      out[out.length - 1].push(s);
      continue;
    }
    s.text.split('\n').forEach((piece, i) => {
      if (i > 0) out.push([]);
      if (piece) out[out.length - 1].push({ text: piece, term: null });
    });
  }
  return out.filter((p) => p.length > 0);
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
  /** Text was cut before / after the window. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** Lower-cases Latin letters only where that keeps every offset (one unit in, one out). */
function foldCase(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/**
 * The first match of `query` in `text` (case-insensitive for Latin letters) with up to
 * `radius` characters either side; null when the text does not contain it.
 */
export function snippet(text: string, query: string, radius = 40): Snippet | null {
  const q = query.trim();
  if (!q) return null;
  const at = foldCase(text).indexOf(foldCase(q));
  if (at < 0) return null;
  const from = Math.max(0, at - radius);
  const to = Math.min(text.length, at + q.length + radius);
  return {
    before: text.slice(from, at),
    match: text.slice(at, at + q.length),
    after: text.slice(at + q.length, to),
    clippedStart: from > 0,
    clippedEnd: to < text.length
  };
}

/** Every occurrence of `query` in `text` (Latin letters in any case) as marks that are not links. */
export function literalMarks(text: string, query: string): Mark[] {
  const q = foldCase(query.trim());
  if (!q) return [];
  const folded = foldCase(text);
  const out: Mark[] = [];
  for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + q.length)) out.push({ start: at, length: q.length, term: query.trim(), link: false });
  return out;
}

/** Span rows of several topics (edition/track/topic) grouped by `edition/track/topic`. */
export function marksByHit(
  rows: readonly { edition_id: string; track_no: number; topic_no: number; term: string; title_spans: string; body_spans: string }[]
): Map<string, TopicMarks> {
  const out = new Map<string, TopicMarks>();
  for (const row of rows) {
    const key = `${row.edition_id}/${row.track_no}/${row.topic_no}`;
    let marks = out.get(key);
    if (!marks) out.set(key, (marks = { title: [], body: [] }));
    for (const s of parseSpans(row.title_spans)) marks.title.push({ ...s, term: row.term });
    for (const s of parseSpans(row.body_spans)) marks.body.push({ ...s, term: row.term });
  }
  return out;
}

export interface ClippedText {
  text: string;
  /** The marks inside the window, shifted to it. */
  marks: Mark[];
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * A window of `text` around its first mark (`radius` characters before it, up to
 * 2 × radius after it), with the marks inside the window; the opening of the text when
 * there is no mark. Marks cut by the window edge are left out.
 */
export function clipAroundMarks(text: string, marks: readonly Mark[], radius = 60): ClippedText {
  const first = marks.filter((m) => m.start >= 0 && m.start + m.length <= text.length).sort((a, b) => a.start - b.start)[0];
  const from = first ? Math.max(0, first.start - radius) : 0;
  const to = Math.min(text.length, (first ? first.start + first.length : 0) + 2 * radius);
  return {
    text: text.slice(from, to),
    marks: marks.filter((m) => m.start >= from && m.start + m.length <= to).map((m) => ({ ...m, start: m.start - from })),
    clippedStart: from > 0,
    clippedEnd: to < text.length
  };
}
