/**
 * Comparing two editions of a guide, A (the reference, usually the earlier) and B.
 * Pure TypeScript without Node or browser imports: the analysis stage precomputes the
 * consecutive pairs with it and the dashboard computes any other pair with the same code.
 *
 *   A, B (tracks, topics, term counts)
 *     │  basis: full when both have bodies, titles when either is titles-only
 *     ▼
 *   tracks by name ──► topic matching (topics.ts) ──► renamed tracks from the topic pairs
 *     │                     ▲                              │
 *     │                     └── again, when a track was renamed, so ties follow it
 *     ▼
 *   topic statuses (moved = not under the aligned track) ──► track rows, topic rows
 *   term counts on the basis ──► term trend rows (terms.ts)
 */
import type { TopicStatus, TopicAlignmentRow, TrackAlignmentRow, TermTrendRow } from '../contract.ts';
import { compareCodePoints } from '../tables/order.ts';
import { termTrend } from './terms.ts';
import { alignTracks, tracksByName } from './tracks.ts';
import { matchTopics, prepareTopics, type TopicMatching, type TopicPair } from './topics.ts';
import { GramIds } from './text.ts';
import { basisOf, type Basis, type CompareEdition } from './types.ts';

export type { Basis, CompareEdition, CompareTopic, CompareTrack, TermCount } from './types.ts';
export { basisOf, hasBodies } from './types.ts';
export { THRESHOLDS } from './topics.ts';
export { trackKey, tracksByName } from './tracks.ts';
export { termTrend, themeTrend, trendStatus, type TermTrend } from './terms.ts';
export { normalizeText } from './text.ts';

export interface Comparison {
  basis: Basis;
  tracks: TrackAlignmentRow[];
  topics: TopicAlignmentRow[];
  terms: TermTrendRow[];
  /** How the matching went, for the benchmark. */
  stats: { candidates: number; greedyComponents: number; largestComponent: number; passes: number };
}

export function compareEditions(a: CompareEdition, b: CompareEdition): Comparison {
  const basis = basisOf(a, b);
  const grams = new GramIds();
  const topicsA = prepareTopics(a.topics, basis, grams);
  const topicsB = prepareTopics(b.topics, basis, grams);
  const byName = tracksByName(a.tracks, b.tracks);
  const countPerTrack = (topics: CompareEdition['topics']) => {
    const out = new Map<number, number>();
    for (const t of topics) out.set(t.track_no, (out.get(t.track_no) ?? 0) + 1);
    return out;
  };
  const perTrack = { a: countPerTrack(a.topics), b: countPerTrack(b.topics) };
  const trackPairs = (m: TopicMatching) => m.pairs.map((p) => ({ trackA: p.a.topic.track_no, trackB: p.b.topic.track_no }));

  let matching = matchTopics(topicsA, topicsB, basis, (x) => byName.get(x));
  let tracks = alignTracks(a.tracks, b.tracks, byName, trackPairs(matching), perTrack);
  let passes = 1;
  if (tracks.aligned.size > byName.size) {
    const aligned = tracks.aligned;
    matching = matchTopics(topicsA, topicsB, basis, (x) => aligned.get(x));
    tracks = alignTracks(a.tracks, b.tracks, byName, trackPairs(matching), perTrack);
    passes = 2;
  }

  const nameA = new Map(a.tracks.map((t) => [t.track_no, t.track_name]));
  const nameB = new Map(b.tracks.map((t) => [t.track_no, t.track_name]));
  const pair = { edition_a: a.edition_id, edition_b: b.edition_id };
  const trackRows: TrackAlignmentRow[] = tracks.rows.map((r) => ({
    ...pair,
    track_a: r.track_a,
    track_b: r.track_b,
    name_a: r.track_a === null ? '' : (nameA.get(r.track_a) ?? ''),
    name_b: r.track_b === null ? '' : (nameB.get(r.track_b) ?? ''),
    status: r.status,
    similarity: r.similarity
  }));

  const statusOf = (p: TopicPair): TopicStatus => {
    if (tracks.aligned.get(p.a.topic.track_no) !== p.b.topic.track_no) return 'moved';
    if (p.a.title !== p.b.title) return 'reworded';
    return basis === 'titles' || p.a.body === p.b.body ? 'matched' : 'edited';
  };
  const pairOfA = new Map(matching.pairs.map((p) => [p.a.index, p]));
  const pairedB = new Set(matching.pairs.map((p) => p.b.index));
  const topicRows: TopicAlignmentRow[] = topicsA.map((x) => {
    const p = pairOfA.get(x.index);
    const side = { ...pair, track_a: x.topic.track_no, topic_a: x.topic.topic_no };
    if (!p) return { ...side, track_b: null, topic_b: null, status: 'removed', title_similarity: null, body_similarity: null };
    return {
      ...side,
      track_b: p.b.topic.track_no,
      topic_b: p.b.topic.topic_no,
      status: statusOf(p),
      title_similarity: p.similarity.title,
      body_similarity: p.similarity.body
    };
  });
  for (const y of topicsB) {
    if (pairedB.has(y.index)) continue;
    topicRows.push({
      ...pair,
      track_a: null,
      topic_a: null,
      track_b: y.topic.track_no,
      topic_b: y.topic.topic_no,
      status: 'added',
      title_similarity: null,
      body_similarity: null
    });
  }

  const terms: TermTrendRow[] = termTrend(a.terms, b.terms, basis).map((t) => ({ ...pair, basis, ...t }));
  return {
    basis,
    tracks: trackRows,
    topics: topicRows,
    terms,
    stats: { candidates: matching.candidates, greedyComponents: matching.greedyComponents, largestComponent: matching.largestComponent, passes }
  };
}

export interface EditionOrder {
  edition_id: string;
  year: number;
  region: string;
}

/**
 * The pairs the analysis stage precomputes: each edition with the next one of the same
 * region, by year (then edition id). Pairs come out in (A, B) code-point order.
 */
export function consecutivePairs(editions: readonly EditionOrder[]): [string, string][] {
  const byRegion = new Map<string, EditionOrder[]>();
  for (const e of editions) {
    const list = byRegion.get(e.region);
    if (list) list.push(e);
    else byRegion.set(e.region, [e]);
  }
  const pairs: [string, string][] = [];
  for (const list of byRegion.values()) {
    list.sort((x, y) => x.year - y.year || compareCodePoints(x.edition_id, y.edition_id));
    for (let i = 0; i + 1 < list.length; i++) pairs.push([list[i].edition_id, list[i + 1].edition_id]);
  }
  return pairs.sort((p, q) => compareCodePoints(p[0], q[0]) || compareCodePoints(p[1], q[1]));
}
