/** The descriptive tables of an edition: editions, tracks, topics and term_topic. */
import { term_topic, type EditionRow, type TopicRow, type TrackRow } from '../contract.ts';
import { columnBatch, ints, same, strings, symbols, type ColumnBatch } from '../write/columns.ts';
import type { ParsedEdition, SegmentedToken } from '../model.ts';
import type { EditionIndex, TopicUnit } from './counts.ts';
import { countCodePoints } from './order.ts';

export function editionRow(edition: ParsedEdition, index: EditionIndex): EditionRow {
  let sentences = 0;
  let chars = 0;
  let hasBodies = false;
  for (const unit of index.units) {
    sentences += unit.sentences;
    chars += topicChars(unit);
    if (unit.topic.body.trim() !== '') hasBodies = true;
  }
  const { meta } = edition;
  return {
    edition_id: index.editionId,
    year: meta.year,
    region: meta.region,
    title: meta.title,
    source: meta.source,
    notes: meta.notes,
    file: edition.file,
    encoding: edition.encoding,
    tracks: index.tracks.length,
    topics: index.units.length,
    sentences,
    tokens: index.variants.removed.editionTokens,
    chars,
    has_bodies: hasBodies
  };
}

export function trackRows(index: EditionIndex): TrackRow[] {
  return index.tracks.map((track, k) => ({
    edition_id: index.editionId,
    track_no: track.track_no,
    track_name: track.track_name,
    heading: track.heading,
    line: track.line,
    topics: index.unitsByTrack[k].length,
    tokens: index.variants.removed.trackTokens[k],
    tokens_with_verbs: index.variants.kept.trackTokens[k]
  }));
}

export function topicRows(index: EditionIndex): TopicRow[] {
  return index.units.map((unit) => ({
    edition_id: index.editionId,
    track_no: unit.track.track_no,
    track_name: unit.track.track_name,
    topic_no: unit.topic.topic_no,
    printed_no: unit.topic.printed_no,
    title: unit.topic.title,
    body: unit.topic.body,
    line: unit.topic.line,
    chars: topicChars(unit)
  }));
}

/** Code points of title + body as stored (the newline joining paragraphs counts, as in DuckDB length()). */
function topicChars(unit: TopicUnit): number {
  return countCodePoints(unit.topic.title) + countCodePoints(unit.topic.body);
}

/** One row per (topic, term) with every token, generic verbs included. */
export function termTopicColumns(index: EditionIndex): ColumnBatch {
  let whole: ColumnBatch | null = null;
  termTopicChunks(index, Infinity, (batch) => (whole = batch));
  return whole!;
}

/**
 * The same rows in batches of about `chunkRows` (whole topics, in order), each handed to
 * `emit` before the next is built: a large guide's term_topic is its biggest table.
 */
export function termTopicChunks(index: EditionIndex, chunkRows: number, emit: (batch: ColumnBatch) => void): void {
  let trackNo: number[] = [];
  let topicNo: number[] = [];
  let term: number[] = [];
  let count: number[] = [];
  let titleSpans: string[] = [];
  let bodySpans: string[] = [];
  const flush = () => {
    emit(
      columnBatch(term_topic, term.length, {
        edition_id: same(index.editionId),
        track_no: ints(trackNo),
        topic_no: ints(topicNo),
        term: symbols(term, index.symbols),
        count: ints(count),
        title_spans: strings(titleSpans),
        body_spans: strings(bodySpans)
      })
    );
    [trackNo, topicNo, term, count, titleSpans, bodySpans] = [[], [], [], [], [], []];
  };
  for (const unit of index.units) {
    // Token positions grouped by term id (ascending = code-point order), then by start.
    const order = Array.from(unit.termIds.keys()).sort(
      (x, y) => unit.termIds[x] - unit.termIds[y] || unit.tokens[x].start - unit.tokens[y].start
    );
    for (let from = 0; from < order.length; ) {
      const id = unit.termIds[order[from]];
      let to = from;
      while (to < order.length && unit.termIds[order[to]] === id) to++;
      const group = order.slice(from, to).map((i) => unit.tokens[i]);
      trackNo.push(unit.track.track_no);
      topicNo.push(unit.topic.topic_no);
      term.push(id);
      count.push(group.length);
      titleSpans.push(spans(group, 'title'));
      bodySpans.push(spans(group, 'body'));
      from = to;
    }
    if (term.length >= chunkRows) flush();
  }
  if (term.length > 0 || chunkRows === Infinity) flush();
}

/** Joined, not concatenated: a rope of small pieces per row costs several times its characters until it is encoded. */
function spans(tokens: SegmentedToken[], part: SegmentedToken['part']): string {
  const pieces: string[] = [];
  for (const token of tokens) if (token.part === part) pieces.push(`${token.start}:${token.length}`);
  return pieces.length === 1 ? pieces[0] : pieces.join(' ');
}
