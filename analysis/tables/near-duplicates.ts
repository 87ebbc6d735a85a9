/**
 * The near_duplicates table: passages repeated within or across editions.
 *
 * Definitions (statistics.md, "Near-duplicate passages", made precise)
 * - Topic order: editions in the order they are added, then track_no, then topic_no.
 *   Side a of a row is always the earlier topic.
 * - Passages: the title and the body of a topic are each split into sentences at 。！？； and
 *   newlines, and each sentence into clauses at ， and ：; pieces are trimmed and nothing else
 *   is normalised (word for word means word for word). A passage is a sentence or a clause of
 *   at least 20 characters (code points). Clauses count because guides copy a sentence and edit
 *   one phrase: Hunan 气象服务 三 and 四 share the 31-character clause 打造气候变化风险识别…
 *   but no whole sentence. Titles count because a topic is title + body everywhere else, and
 *   titles-only guides have nothing else to repeat. (`clauses: false` gives sentences only.)
 * - Shingles: the distinct character 5-grams of a text (a non-empty text under 5 characters
 *   is one shingle). similarity = Jaccard of the two bodies' shingle sets, or of the two
 *   titles' when either body is empty (0 when both are empty).
 * - kind 'sentence': the topics share at least one passage. shared_text = the shared passages
 *   in the order of topic b (title first), a clause left out when its whole sentence is listed,
 *   joined with '\n'.
 * - kind 'body': bodies of at least 20 characters with similarity ≥ 0.8 that share no passage.
 *   When both hold the row is 'sentence': it then lists every repeated passage and its
 *   similarity already says the bodies are near-identical, so 'body' means exactly
 *   "near-identical but reworded", the case only the shingle rule catches. shared_text = the
 *   longest sentence or clause (any length, so under 20 characters) found in both topics, else ''.
 *   One row per topic pair.
 *
 * Which pairs are reported (bounded so 1,000 copies of a passage give ~1,000 rows, not 500,000)
 * - A group is the topics holding one passage, in topic order: the topics containing one
 *   sentence or clause; or the topics with one identical body (≥ 20 characters).
 *   A group of at most 10 topics (`allPairsUpTo`) yields every pair in it; a larger group
 *   yields (first topic, each later topic): k − 1 pairs.
 * - Near-identical bodies are searched among distinct bodies only (exact copies collapsed
 *   first), by a prefix-filtered inverted index on rare shingles, every candidate verified by
 *   exact Jaccard. A distinct body is linked to every earlier distinct body with similarity
 *   ≥ 0.8 when there are at most 10 (`nearBodyLinks`), else to the earliest one only (its
 *   origin), as a large group is. A link between the earlier body's
 *   topics E and the later body's topics L yields every pair of E × L when |E| + |L| ≤
 *   `allPairsUpTo`, else (first topic of E, each topic of L).
 * - A pair found by several groups or links is one row; its kind, similarity and shared_text
 *   are always computed from the two topics themselves, not from the group that found it.
 * With a handful of editions groups stay small, so every pair sharing a passage or a
 * near-identical body is reported; the caps only bite on mass repetition.
 *
 * Memory: each distinct title, body and passage is kept once; bodies as sorted arrays of
 * shingle ids (exact, no hash collisions); topics as a few numbers each.
 */
import { near_duplicates, type NearDuplicateRow } from '../contract.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import type { ParsedEdition } from '../model.ts';
import { findNearSets } from './near-duplicates/near-bodies.ts';
import { jaccardOfSorted, passages, ShingleDictionary, splitClauses } from './near-duplicates/text.ts';
import { compareCodePoints, countCodePoints } from './order.ts';

export interface NearDuplicateOptions {
  /** Shortest sentence or clause (characters) that counts as a repeated passage. */
  minSentenceChars?: number;
  /** Characters per shingle. */
  shingle?: number;
  /** Least body Jaccard for kind 'body'. */
  threshold?: number;
  /** Largest group reported as all its pairs; larger groups give (first, each later). */
  allPairsUpTo?: number;
  /** Most earlier near-identical distinct bodies all linked to one; above it, only the earliest. */
  nearBodyLinks?: number;
  /** Also compare the clauses of sentences (pieces between ， and ：). */
  clauses?: boolean;
}

export interface NearDuplicateFinder {
  add(edition: ParsedEdition): void;
  rows(): NearDuplicateRow[];
}

interface TextRecord {
  text: string;
  /** Ids of its passages, text order, distinct. */
  passages: number[];
  /** Shingle ids, sorted; computed when first needed. */
  shingles: Uint32Array | null;
}

interface Verdict {
  kind: 'sentence' | 'body';
  similarity: number;
  shared_text: string;
}

export function createNearDuplicateFinder(options: NearDuplicateOptions = {}): NearDuplicateFinder {
  const minSentenceChars = options.minSentenceChars ?? 20;
  const threshold = options.threshold ?? 0.8;
  const allPairsUpTo = options.allPairsUpTo ?? 10;
  const nearBodyLinks = options.nearBodyLinks ?? 10;
  const clauses = options.clauses ?? true;
  const dictionary = new ShingleDictionary(options.shingle ?? 5);

  const editionIds: string[] = [];
  const editionFiles = new Map<string, string>();
  const passageIds = new Map<string, number>();
  const passageTexts: string[] = [];
  const passageTopics: number[][] = [];
  const titleIds = new Map<string, number>();
  const titles: TextRecord[] = [];
  const bodyIds = new Map<string, number>();
  const bodies: TextRecord[] = [];
  const bodyTopics: number[][] = [];
  // One entry per topic, parallel arrays to keep 100k+ topics small.
  const topicEdition: number[] = [];
  const topicTrack: number[] = [];
  const topicNo: number[] = [];
  const topicTitle: number[] = [];
  const topicBody: number[] = []; // -1 for an empty body

  function passageId(passage: string): number {
    let id = passageIds.get(passage);
    if (id === undefined) {
      id = passageTexts.length;
      passageIds.set(passage, id);
      passageTexts.push(passage);
      passageTopics.push([]);
    }
    return id;
  }

  function intern(text: string, ids: Map<string, number>, records: TextRecord[]): number {
    let id = ids.get(text);
    if (id === undefined) {
      id = records.length;
      ids.set(text, id);
      records.push({ text, passages: passages(text, minSentenceChars, clauses).map(passageId), shingles: null });
    }
    return id;
  }

  function shinglesOf(record: TextRecord): Uint32Array {
    record.shingles ??= dictionary.idsOf(record.text);
    return record.shingles;
  }

  function topicPassages(topic: number): number[] {
    const fromTitle = titles[topicTitle[topic]].passages;
    const body = topicBody[topic];
    if (body < 0) return fromTitle;
    const fromBody = bodies[body].passages.filter((id) => !fromTitle.includes(id));
    return fromTitle.length === 0 ? fromBody : [...fromTitle, ...fromBody];
  }

  function add(edition: ParsedEdition): void {
    const id = edition.meta.edition_id;
    const other = editionFiles.get(id);
    if (other !== undefined) {
      throw new AnalysisError(diagnostic('error', 'edition-duplicate-id', edition.file, null, { id, other }));
    }
    editionFiles.set(id, edition.file);
    const editionIndex = editionIds.push(id) - 1;
    const tracks = [...edition.tracks].sort((a, b) => a.track_no - b.track_no);
    for (const track of tracks) {
      for (const parsed of [...track.topics].sort((a, b) => a.topic_no - b.topic_no)) {
        const topic = topicEdition.length;
        topicEdition.push(editionIndex);
        topicTrack.push(track.track_no);
        topicNo.push(parsed.topic_no);
        topicTitle.push(intern(parsed.title, titleIds, titles));
        const body = parsed.body.trim() === '' ? -1 : intern(parsed.body, bodyIds, bodies);
        topicBody.push(body);
        if (body >= 0) (bodyTopics[body] ??= []).push(topic);
        for (const passage of topicPassages(topic)) passageTopics[passage].push(topic);
      }
    }
  }

  function rows(): NearDuplicateRow[] {
    const pairs = collectPairs();
    const verdicts = new Map<string, Verdict>();
    const out: NearDuplicateRow[] = [];
    for (const [a, b] of pairs) {
      const key = `${topicTitle[a]}:${topicBody[a]}:${topicTitle[b]}:${topicBody[b]}`;
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        verdict = judge(a, b);
        verdicts.set(key, verdict);
      }
      out.push({
        edition_a: editionIds[topicEdition[a]],
        track_a: topicTrack[a],
        topic_a: topicNo[a],
        edition_b: editionIds[topicEdition[b]],
        track_b: topicTrack[b],
        topic_b: topicNo[b],
        ...verdict
      });
    }
    return out.sort(compareByKey);
  }

  /** Topic pairs [a, b] with a < b, per the bounded rule in the module comment. */
  function collectPairs(): [number, number][] {
    const topicCount = topicEdition.length;
    const seen = new Set<number>();
    const pairs: [number, number][] = [];
    const pair = (x: number, y: number) => {
      const [a, b] = x < y ? [x, y] : [y, x];
      const key = a * topicCount + b;
      if (a === b || seen.has(key)) return;
      seen.add(key);
      pairs.push([a, b]);
    };
    const group = (topics: readonly number[]) => {
      if (topics.length <= allPairsUpTo) {
        for (let i = 0; i < topics.length; i++) for (let j = i + 1; j < topics.length; j++) pair(topics[i], topics[j]);
      } else {
        for (let j = 1; j < topics.length; j++) pair(topics[0], topics[j]);
      }
    };

    for (const topics of passageTopics) group(topics);
    const longBodies: number[] = [];
    for (let body = 0; body < bodies.length; body++) {
      if (countCodePoints(bodies[body].text) < minSentenceChars) continue;
      longBodies.push(body);
      group(bodyTopics[body]);
    }
    // Bodies are numbered by first occurrence, so link order is topic order.
    const sets = longBodies.map((body) => shinglesOf(bodies[body]));
    for (const link of findNearSets(sets, threshold, nearBodyLinks, dictionary.size)) {
      const earlier = bodyTopics[longBodies[link.earlier]];
      const later = bodyTopics[longBodies[link.later]];
      if (earlier.length + later.length <= allPairsUpTo) {
        for (const a of earlier) for (const b of later) pair(a, b);
      } else {
        for (const b of later) pair(earlier[0], b);
      }
    }
    return pairs;
  }

  function judge(a: number, b: number): Verdict {
    const similarity = similarityOf(a, b);
    const inA = new Set(topicPassages(a));
    const shared = topicPassages(b)
      .filter((id) => inA.has(id))
      .map((id) => passageTexts[id]);
    if (shared.length > 0) {
      // A clause of a shared sentence says nothing the sentence does not.
      const listed = shared.filter((text) => !shared.some((other) => clauses && other !== text && splitClauses(other).includes(text)));
      return { kind: 'sentence', similarity, shared_text: listed.join('\n') };
    }
    return { kind: 'body', similarity, shared_text: longestSharedPiece(a, b) };
  }

  function similarityOf(a: number, b: number): number {
    const [bodyA, bodyB] = [topicBody[a], topicBody[b]];
    if (bodyA >= 0 && bodyB >= 0) {
      return bodyA === bodyB ? 1 : jaccardOfSorted(shinglesOf(bodies[bodyA]), shinglesOf(bodies[bodyB]));
    }
    const [titleA, titleB] = [titles[topicTitle[a]], titles[topicTitle[b]]];
    return jaccardOfSorted(shinglesOf(titleA), shinglesOf(titleB));
  }

  function longestSharedPiece(a: number, b: number): string {
    const inA = new Set(passages(topicText(a), 1, clauses));
    let longest = '';
    for (const piece of passages(topicText(b), 1, clauses)) {
      if (inA.has(piece) && countCodePoints(piece) > countCodePoints(longest)) longest = piece;
    }
    return longest;
  }

  function topicText(topic: number): string {
    const body = topicBody[topic];
    return body < 0 ? titles[topicTitle[topic]].text : `${titles[topicTitle[topic]].text}\n${bodies[body].text}`;
  }

  return { add, rows };
}

const KEY = near_duplicates.key;

function compareByKey(x: NearDuplicateRow, y: NearDuplicateRow): number {
  for (const column of KEY) {
    const [a, b] = [x[column], y[column]];
    const order = typeof a === 'string' ? compareCodePoints(a, b as string) : (a as number) - (b as number);
    if (order !== 0) return order;
  }
  return 0;
}
