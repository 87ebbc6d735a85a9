/**
 * Previews of segmentation, for editing the dictionaries with the results in view:
 * how one text is cut, and which term counts a dictionary change would move in a corpus.
 * Segmenters come in, so the CLI, tests and (later) the workspace API share this.
 */
import { cliText } from './messages.ts';
import type { ParsedEdition } from './model.ts';
import type { PieceReason, Segmenter } from './segment/index.ts';
import { compareCodePoints } from './tables/index.ts';

const REASON_MARK: Record<PieceReason, string> = {
  term: '',
  'generic-verb': cliText('preview-mark-generic-verb'),
  stopword: cliText('preview-mark-stopword'),
  punctuation: '',
  number: cliText('preview-mark-number'),
  space: ''
};

/**
 * The text as its pieces joined by " | ": counted terms as written, with their canonical
 * form when the thesaurus maps them (AI→人工智能), marks for generic verbs, stop words and
 * numbers; spaces and punctuation are left out.
 */
export function cutLine(segmenter: Segmenter, text: string): string {
  return segmenter
    .preview(text)
    .filter((p) => p.reason !== 'space' && p.reason !== 'punctuation')
    .map((p) => `${p.surface}${p.term !== null && p.term !== p.surface ? `→${p.term}` : ''}${REASON_MARK[p.reason]}`)
    .join(' | ');
}

export interface TermChange {
  term: string;
  before: number;
  after: number;
  /** Where the counts differ first: edition, track, topic and the cut of that passage both ways. */
  example: { where: string; before: string; after: string } | null;
}

interface Passage {
  where: string;
  text: string;
}

function passagesOf(editions: readonly ParsedEdition[]): Passage[] {
  return editions.flatMap((e) =>
    e.tracks.flatMap((track) =>
      track.topics.flatMap((topic) =>
        [topic.title, topic.body]
          .filter((text) => text.trim() !== '')
          .map((text) => ({ where: cliText('preview-where', { edition: e.meta.edition_id, track: track.track_no, topic: topic.topic_no }), text }))
      )
    )
  );
}

/** Where each counted term starts in each passage (generic verbs included: switching them off is a view option). */
function countedOffsets(segmenter: Segmenter, passages: readonly Passage[]): Map<string, number[]>[] {
  return passages.map(({ text }) => {
    const offsets = new Map<string, number[]>();
    let at = 0;
    for (const piece of segmenter.preview(text)) {
      if (piece.term !== null) {
        const list = offsets.get(piece.term);
        if (list) list.push(at);
        else offsets.set(piece.term, [at]);
      }
      at += piece.surface.length;
    }
    return offsets;
  });
}

const CONTEXT = 18;

/** The first offset counted on one side only (the two lists are ascending). */
function firstDifference(a: readonly number[], b: readonly number[]): number {
  const inB = new Set(b);
  const inA = new Set(a);
  const onlyA = a.find((x) => !inB.has(x));
  const onlyB = b.find((x) => !inA.has(x));
  return Math.min(onlyA ?? Infinity, onlyB ?? Infinity);
}

export interface SegmenterComparison {
  /** Titles and bodies compared (empty bodies of titles-only guides are not passages). */
  passages: number;
  changes: TermChange[];
}

/**
 * Every term whose count in the passages differs between the two segmenters, biggest
 * change first; the first `examples` of them with the passage where they first differ,
 * cut both ways around that spot. nodejieba holds one dictionary per process and a reload
 * costs about a second, so each segmenter does its cutting in as few turns as possible:
 * two reloads in all when `after` is the segmenter created last.
 */
export function compareSegmenters(
  before: Segmenter,
  after: Segmenter,
  editions: readonly ParsedEdition[],
  examples = 20
): SegmenterComparison {
  const passages = passagesOf(editions);
  // `after` was created last, so its dictionary is the one loaded: cut its side first.
  const offsetsAfter = countedOffsets(after, passages);
  const offsetsBefore = countedOffsets(before, passages);
  const totals = new Map<string, { before: number; after: number; first: number }>();
  passages.forEach((_, i) => {
    for (const term of new Set([...offsetsBefore[i].keys(), ...offsetsAfter[i].keys()])) {
      const b = offsetsBefore[i].get(term)?.length ?? 0;
      const a = offsetsAfter[i].get(term)?.length ?? 0;
      const total = totals.get(term) ?? { before: 0, after: 0, first: -1 };
      total.before += b;
      total.after += a;
      if (a !== b && total.first < 0) total.first = i;
      totals.set(term, total);
    }
  });
  const changes = [...totals]
    .filter(([, t]) => t.before !== t.after)
    .sort(([ta, a], [tb, b]) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || compareCodePoints(ta, tb));

  const shown = changes.slice(0, examples).map(([term, t]) => {
    const passage = passages[t.first];
    const offset = firstDifference(offsetsBefore[t.first].get(term) ?? [], offsetsAfter[t.first].get(term) ?? []);
    const start = Math.max(0, offset - CONTEXT);
    return { where: passage.where, window: passage.text.slice(start, start + 2 * CONTEXT + term.length) };
  });
  // `before` is loaded now: its examples first, then one reload for `after`'s.
  const beforeCuts = shown.map((s) => cutLine(before, s.window));
  const afterCuts = shown.map((s) => cutLine(after, s.window));
  return {
    passages: passages.length,
    changes: changes.map(([term, t], i) => ({
      term,
      before: t.before,
      after: t.after,
      example: i < shown.length ? { where: shown[i].where, before: beforeCuts[i], after: afterCuts[i] } : null
    }))
  };
}
