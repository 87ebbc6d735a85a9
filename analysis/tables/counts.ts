/**
 * The numeric index of one edition every table is computed from: terms as integer
 * ids in code-point order (so id order is the contract's row order), topics in guide
 * order, and dense track × term count arrays for both generic-verb variants.
 */
import type { GenericVerbs } from '../contract.ts';
import type { ParsedEdition, ParsedTopic, ParsedTrack, SegmentedTopic, SegmentedToken } from '../model.ts';
import { compareCodePoints } from './order.ts';
import { Symbols } from '../write/columns.ts';

export interface TopicUnit {
  track: ParsedTrack;
  topic: ParsedTopic;
  /** Position of the track in `EditionIndex.tracks`. */
  trackIndex: number;
  tokens: readonly SegmentedToken[];
  /** Term id of each token, parallel to `tokens`. */
  termIds: Int32Array;
  /** Distinct term ids over all tokens (generic verbs included), ascending. */
  distinctTermIds: Int32Array;
  sentences: number;
}

/** Counts under one generic-verb variant; `[k * V + id]` indexes track k, term id. */
export interface VariantCounts {
  trackTokens: Float64Array;
  editionTokens: number;
  trackTermCount: Int32Array;
  trackTermTopics: Int32Array;
  termCount: Int32Array;
  termTopics: Int32Array;
  termTracks: Int32Array;
}

export interface EditionIndex {
  editionId: string;
  /** Term by id, code-point sorted. */
  terms: string[];
  /** The same terms for the column writers, each encoded once per edition. */
  symbols: Symbols;
  termIds: Map<string, number>;
  /** Tracks sorted by track_no. */
  tracks: ParsedTrack[];
  /** Topics in (track_no, topic_no) order. */
  units: TopicUnit[];
  /** Topic-unit indexes of each track. */
  unitsByTrack: number[][];
  variants: Record<GenericVerbs, VariantCounts>;
}

export function buildEditionIndex(edition: ParsedEdition, segmented: readonly SegmentedTopic[]): EditionIndex {
  const editionId = edition.meta.edition_id;
  const tracks = [...edition.tracks].sort((a, b) => a.track_no - b.track_no);
  const byKey = new Map<string, SegmentedTopic>();
  for (const topic of segmented) {
    const key = `${topic.track_no}:${topic.topic_no}`;
    if (byKey.has(key)) throw new Error(`${edition.file}: topic ${key} was segmented twice`);
    byKey.set(key, topic);
  }

  const termSet = new Set<string>();
  for (const topic of segmented) for (const token of topic.tokens) termSet.add(token.term);
  const terms = [...termSet].sort(compareCodePoints);
  const termIds = new Map<string, number>();
  terms.forEach((term, id) => termIds.set(term, id));

  const units: TopicUnit[] = [];
  const unitsByTrack: number[][] = [];
  const seen = new Int32Array(terms.length).fill(-1);
  tracks.forEach((track, trackIndex) => {
    const indexes: number[] = [];
    const topics = [...track.topics].sort((a, b) => a.topic_no - b.topic_no);
    for (const topic of topics) {
      const key = `${track.track_no}:${topic.topic_no}`;
      const seg = byKey.get(key);
      byKey.delete(key);
      const tokens = seg?.tokens ?? [];
      const ids = new Int32Array(tokens.length);
      const distinct: number[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const id = termIds.get(tokens[i].term)!;
        ids[i] = id;
        if (seen[id] !== units.length) {
          seen[id] = units.length;
          distinct.push(id);
        }
      }
      indexes.push(units.length);
      units.push({
        track,
        topic,
        trackIndex,
        tokens,
        termIds: ids,
        distinctTermIds: Int32Array.from(distinct).sort(),
        sentences: seg?.sentences ?? 0
      });
    }
    unitsByTrack.push(indexes);
  });
  if (byKey.size > 0) {
    throw new Error(`${edition.file}: segmented topics ${[...byKey.keys()].join(', ')} are not in the parsed edition`);
  }

  const variants = {
    removed: countVariant(units, tracks.length, terms.length, true),
    kept: countVariant(units, tracks.length, terms.length, false)
  };
  return { editionId, terms, symbols: new Symbols(terms), termIds, tracks, units, unitsByTrack, variants };
}

function countVariant(units: TopicUnit[], T: number, V: number, dropGenericVerbs: boolean): VariantCounts {
  const trackTokens = new Float64Array(T);
  const trackTermCount = new Int32Array(T * V);
  const trackTermTopics = new Int32Array(T * V);
  const termCount = new Int32Array(V);
  const termTopics = new Int32Array(V);
  const termTracks = new Int32Array(V);
  const lastUnit = new Int32Array(V).fill(-1);
  const lastTrack = new Int32Array(V).fill(-1);
  let editionTokens = 0;
  units.forEach((unit, u) => {
    const k = unit.trackIndex;
    const row = k * V;
    for (let i = 0; i < unit.tokens.length; i++) {
      if (dropGenericVerbs && unit.tokens[i].generic_verb) continue;
      const id = unit.termIds[i];
      trackTokens[k]++;
      editionTokens++;
      trackTermCount[row + id]++;
      termCount[id]++;
      if (lastUnit[id] !== u) {
        lastUnit[id] = u;
        trackTermTopics[row + id]++;
        termTopics[id]++;
      }
      if (lastTrack[id] !== k) {
        lastTrack[id] = k;
        termTracks[id]++;
      }
    }
  });
  return { trackTokens, editionTokens, trackTermCount, trackTermTopics, termCount, termTopics, termTracks };
}
