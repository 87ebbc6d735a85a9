/**
 * Topic alignment: which topic of edition B is which topic of edition A, by content.
 * Numbers and order are not evidence (guides renumber and reorder).
 *
 *   exact      identical normalised title (+ body on the full basis): paired first,
 *              inside aligned tracks before across them
 *   candidates for the rest, B topics sharing A's rarer bigrams (an inverted index over
 *              B; grams in more than CANDIDATE_DF_CAP topics are skipped unless a topic
 *              has too few others) — the best CANDIDATES_PER_TOPIC by shared grams
 *   score      Dice of title bigrams and of body bigrams; a candidate is kept when it
 *              passes `accepts` (THRESHOLDS, calibrated in docs/ARCHITECTURE.md; on the
 *              titles basis a pair across unaligned tracks needs more)
 *   assign     one-to-one, maximum total score (assignment.ts), a small bonus for pairs
 *              inside aligned tracks so identical twins in two tracks stay in their own
 */
import { assign, type Edge } from './assignment.ts';
import { dice, distinct, GramIds, normalizeText, union } from './text.ts';
import type { Basis, CompareTopic } from './types.ts';

export const THRESHOLDS = {
  /** Full basis: a pair is the same topic when its bodies are at least this alike … */
  body: 0.5,
  /** … or title and body together ((title + 2·body) / 3) reach this … */
  combined: 0.45,
  /** … or its normalised titles are identical. Titles basis: title Dice at least this … */
  titlesOnly: 0.5,
  /** … and this across tracks that are not aligned: a title alone is thin evidence of a move. */
  titlesOnlyMoved: 0.8
} as const;

/** Added to a pair's weight when its tracks are aligned: breaks ties, never outweighs content. */
const SAME_TRACK_BONUS = 0.02;
const CANDIDATES_PER_TOPIC = 10;
const CANDIDATE_DF_CAP = 40;
const MIN_PROBE_GRAMS = 6;

export interface PreparedTopic {
  index: number;
  topic: CompareTopic;
  title: string;
  body: string;
  titleGrams: Int32Array;
  bodyGrams: Int32Array;
  /** Distinct grams of what is compared (title, or title and body), for the candidate index. */
  probe: Int32Array;
}

export function prepareTopics(topics: readonly CompareTopic[], basis: Basis, grams: GramIds): PreparedTopic[] {
  return topics.map((topic, index) => {
    const title = normalizeText(topic.title);
    const body = basis === 'full' ? normalizeText(topic.body) : '';
    const titleGrams = grams.grams(title);
    const bodyGrams = grams.grams(body);
    return { index, topic, title, body, titleGrams, bodyGrams, probe: union(distinct(titleGrams), distinct(bodyGrams)) };
  });
}

export interface Similarity {
  title: number;
  /** Null on the titles basis. */
  body: number | null;
}

export function similarity(a: PreparedTopic, b: PreparedTopic, basis: Basis): Similarity {
  return { title: dice(a.titleGrams, b.titleGrams), body: basis === 'full' ? dice(a.bodyGrams, b.bodyGrams) : null };
}

/** The weight a kept pair brings to the assignment: title and body together, body counted twice. */
export function score(s: Similarity): number {
  return s.body === null ? s.title : (s.title + 2 * s.body) / 3;
}

/** Whether two topics with this similarity (in aligned tracks or not) are the same topic. */
export function accepts(s: Similarity, sameTitle: boolean, sameTrack: boolean): boolean {
  if (sameTitle) return true;
  if (s.body === null) return s.title >= (sameTrack ? THRESHOLDS.titlesOnly : THRESHOLDS.titlesOnlyMoved);
  return s.body >= THRESHOLDS.body || score(s) >= THRESHOLDS.combined;
}

export interface TopicPair {
  a: PreparedTopic;
  b: PreparedTopic;
  similarity: Similarity;
}

export interface TopicMatching {
  pairs: TopicPair[];
  /** Candidate pairs scored exactly (for the benchmark). */
  candidates: number;
  greedyComponents: number;
  largestComponent: number;
}

/**
 * Pairs topics of A and B one-to-one. `alignedTrack(trackA)` is the B track that A's track
 * is aligned to so far (by name, later also renamed), used only to break near-ties.
 */
export function matchTopics(
  a: readonly PreparedTopic[],
  b: readonly PreparedTopic[],
  basis: Basis,
  alignedTrack: (trackA: number) => number | undefined
): TopicMatching {
  const inTrack = (x: PreparedTopic, y: PreparedTopic) => alignedTrack(x.topic.track_no) === y.topic.track_no;
  const pairs: TopicPair[] = [];
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);

  // Exact: same normalised title (and body on the full basis).
  const exactKey = (t: PreparedTopic) => (basis === 'full' ? `${t.title}\u0000${t.body}` : t.title);
  const byKey = new Map<string, PreparedTopic[]>();
  for (const t of b) {
    const key = exactKey(t);
    const list = byKey.get(key);
    if (list) list.push(t);
    else byKey.set(key, [t]);
  }
  for (const sameTrackOnly of [true, false]) {
    for (const x of a) {
      if (usedA[x.index]) continue;
      const y = byKey.get(exactKey(x))?.find((t) => !usedB[t.index] && (!sameTrackOnly || inTrack(x, t)));
      if (!y) continue;
      usedA[x.index] = usedB[y.index] = 1;
      pairs.push({ a: x, b: y, similarity: similarity(x, y, basis) });
    }
  }

  // Candidates among the rest, through the rarer grams they share.
  const restB = b.filter((t) => !usedB[t.index]);
  const postings = new Map<number, number[]>();
  for (const t of restB) {
    for (const g of t.probe) {
      const list = postings.get(g);
      if (list) list.push(t.index);
      else postings.set(g, [t.index]);
    }
  }
  const hits = new Int32Array(b.length);
  const touched: number[] = [];
  const edges: Edge[] = [];
  const sims = new Map<number, Similarity>();
  let candidates = 0;
  for (const x of a) {
    if (usedA[x.index]) continue;
    const probe = [...x.probe].filter((g) => postings.has(g)).sort((g, h) => postings.get(g)!.length - postings.get(h)!.length || g - h);
    for (const [k, g] of probe.entries()) {
      const list = postings.get(g)!;
      if (k >= MIN_PROBE_GRAMS && list.length > CANDIDATE_DF_CAP) break;
      for (const y of list) {
        if (hits[y]++ === 0) touched.push(y);
      }
    }
    const best = touched
      .sort((y, z) => hits[z] - hits[y] || y - z)
      .slice(0, CANDIDATES_PER_TOPIC);
    for (const y of touched) hits[y] = 0;
    touched.length = 0;
    for (const yi of best) {
      const y = b[yi];
      candidates++;
      const s = similarity(x, y, basis);
      const sameTrack = inTrack(x, y);
      if (!accepts(s, x.title === y.title, sameTrack)) continue;
      const weight = score(s) + (x.title === y.title ? 0.05 : 0) + (sameTrack ? SAME_TRACK_BONUS : 0);
      edges.push({ a: x.index, b: y.index, weight });
      sims.set(x.index * b.length + y.index, s);
    }
  }
  const assignment = assign(a.length, b.length, edges);
  for (const e of assignment.pairs) {
    pairs.push({ a: a[e.a], b: b[e.b], similarity: sims.get(e.a * b.length + e.b)! });
  }
  pairs.sort((p, q) => p.a.index - q.a.index);
  return { pairs, candidates, greedyComponents: assignment.greedyComponents, largestComponent: assignment.largestComponent };
}
