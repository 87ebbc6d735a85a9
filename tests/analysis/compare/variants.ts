/**
 * Constructed editions with known truth: variants of the Hunan guide (tracks dropped,
 * renamed and added; topics added, removed, reordered, moved, reworded, edited — several
 * changes at once), the statuses the alignment must find, a guide text in the Hunan
 * layout, and precision / recall of a comparison against the truth. Used by the tests,
 * `npm run bench` and the e2e fixture pair.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopicStatus, TrackStatus } from '../../../analysis/contract.ts';
import { normalizeText, trackKey, type Comparison, type CompareEdition } from '../../../analysis/compare/index.ts';
import { parseGuide } from '../../../analysis/parse/index.ts';
import { chineseNumeral } from '../../../bench/corpus.ts';
import { seededRandom } from '../../../src/lib/random.ts';
import { EXTRA_SENTENCES, NEW_TOPICS, NEW_TRACKS, REWORDINGS, SYNONYMS, TRACK_RENAMES } from './variant-text.ts';

export interface VTopic {
  /** 'track.topic' of the base topic it comes from; null for a new topic. */
  origin: string | null;
  title: string;
  body: string;
}

export interface VTrack {
  /** Base track number it comes from; null for a new track. */
  origin: number | null;
  name: string;
  topics: VTopic[];
}

export interface VEdition {
  id: string;
  tracks: VTrack[];
  /** What was done, for messages. */
  changes: string[];
}

const ROOT = join(import.meta.dirname, '../../..');

export function hunanBase(): VEdition {
  const file = join(ROOT, 'data/editions/2026-hunan.txt');
  const tracks = parseGuide(readFileSync(file, 'utf8'), file).tracks;
  return {
    id: '2026-hunan',
    changes: [],
    tracks: tracks.map((t) => ({
      origin: t.track_no,
      name: t.track_name,
      topics: t.topics.map((p) => ({ origin: `${t.track_no}.${p.topic_no}`, title: p.title, body: p.body }))
    }))
  };
}

/** The edition as a comparison reads it (numbers are fresh ordinals; terms are not needed). */
export function toCompareEdition(e: VEdition): CompareEdition {
  return {
    edition_id: e.id,
    tracks: e.tracks.map((t, i) => ({ track_no: i + 1, track_name: t.name })),
    topics: e.tracks.flatMap((t, i) => t.topics.map((p, k) => ({ track_no: i + 1, topic_no: k + 1, title: p.title, body: p.body }))),
    terms: []
  };
}

/** The guide as text in the Hunan layout (赛道一：…赛道 / 一、title / body), as the parser reads it. */
export function guideText(e: VEdition, title: string): string {
  const lines = [title, '赛题指南'];
  for (const [i, t] of e.tracks.entries()) {
    lines.push(`赛道${chineseNumeral(i + 1)}：${t.name}赛道`);
    for (const [k, p] of t.topics.entries()) {
      lines.push(`${chineseNumeral(k + 1)}、${p.title}`);
      if (p.body) lines.push(p.body);
    }
  }
  return lines.join('\n') + '\n';
}

// ── changes ─────────────────────────────────────────────────────────

type Random = () => number;
const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];
/** A deep copy of an edition under another id. */
export const clone = (e: VEdition, id: string): VEdition => ({
  id,
  changes: [],
  tracks: e.tracks.map((t) => ({ ...t, topics: t.topics.map((p) => ({ ...p })) }))
});
function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
const baseTopics = (e: VEdition) => e.tracks.flatMap((t) => t.topics.filter((p) => p.origin !== null).map((p) => ({ track: t, topic: p })));

export type Change = 'dropTrack' | 'renameTrack' | 'addTrack' | 'addTopic' | 'removeTopic' | 'reorder' | 'move' | 'reword' | 'edit' | 'punctuation' | 'titlesOnly';

/** Applies one change in place; `used` keeps new topics from appearing twice. */
function applyChange(e: VEdition, change: Change, random: Random, used: Set<string>): void {
  const freshTopic = (): VTopic | null => {
    const free = NEW_TOPICS.filter((t) => !used.has(t.title));
    if (free.length === 0) return null;
    const t = pick(free, random);
    used.add(t.title);
    return { origin: null, title: t.title, body: t.body };
  };
  switch (change) {
    case 'dropTrack': {
      const i = Math.floor(random() * e.tracks.length);
      e.changes.push(`drop track ${e.tracks[i].name}`);
      e.tracks.splice(i, 1);
      return;
    }
    case 'renameTrack': {
      const renameOf = (name: string) => TRACK_RENAMES[name] ?? `${name}与创新`;
      const free = (t: VTrack) => t.origin !== null && !e.tracks.some((u) => u.name === renameOf(t.name));
      const known = e.tracks.filter((t) => free(t) && TRACK_RENAMES[t.name]);
      const candidates = known.length > 0 ? known : e.tracks.filter(free);
      if (candidates.length === 0) return;
      const t = pick(candidates, random);
      const name = renameOf(t.name);
      e.changes.push(`rename track ${t.name} → ${name}`);
      t.name = name;
      return;
    }
    case 'addTrack': {
      const name = NEW_TRACKS.find((n) => !e.tracks.some((t) => t.name === n));
      const topics = [freshTopic(), freshTopic()].filter((t): t is VTopic => t !== null);
      if (!name || topics.length === 0) return;
      e.tracks.splice(Math.floor(random() * (e.tracks.length + 1)), 0, { origin: null, name, topics });
      e.changes.push(`add track ${name} (${topics.length} topics)`);
      return;
    }
    case 'addTopic': {
      const topic = freshTopic();
      if (!topic) return;
      const t = pick(e.tracks, random);
      t.topics.splice(Math.floor(random() * (t.topics.length + 1)), 0, topic);
      e.changes.push(`add topic ${topic.title} to ${t.name}`);
      return;
    }
    case 'removeTopic': {
      const t = pick(e.tracks.filter((x) => x.topics.length > 1), random);
      const [gone] = t.topics.splice(Math.floor(random() * t.topics.length), 1);
      e.changes.push(`remove topic ${gone.title}`);
      return;
    }
    case 'reorder': {
      shuffle(e.tracks, random);
      for (const t of e.tracks) shuffle(t.topics, random);
      e.changes.push('reorder tracks and topics');
      return;
    }
    case 'move': {
      const from = pick(e.tracks.filter((x) => x.topics.length > 2), random);
      const to = pick(e.tracks.filter((x) => x !== from), random);
      const [topic] = from.topics.splice(Math.floor(random() * from.topics.length), 1);
      to.topics.splice(Math.floor(random() * (to.topics.length + 1)), 0, topic);
      e.changes.push(`move ${topic.title}: ${from.name} → ${to.name}`);
      return;
    }
    case 'reword': {
      const options = baseTopics(e).filter((x) => REWORDINGS[x.topic.title]);
      // Synthetic titles have no hand-written rewording: rotate the title and swap a word in.
      const { topic } = pick(options.length > 0 ? options : baseTopics(e), random);
      const next = REWORDINGS[topic.title] ?? rotatedTitle(topic.title, random);
      e.changes.push(`reword ${topic.title} → ${next}`);
      topic.title = next;
      return;
    }
    case 'edit': {
      const { topic } = pick(baseTopics(e).filter((x) => x.topic.body !== ''), random);
      topic.body = editedBody(topic.body, random);
      e.changes.push(`edit body of ${topic.title}`);
      return;
    }
    case 'punctuation': {
      // Width and spacing only: still the same text after normalisation (status matched).
      const { topic } = pick(baseTopics(e).filter((x) => /[，、]/.test(x.topic.body)), random);
      topic.body = topic.body.replace(/，/g, ', ').replace(/、/, ' 、');
      e.changes.push(`respace punctuation of ${topic.title}`);
      return;
    }
    case 'titlesOnly': {
      for (const t of e.tracks) for (const p of t.topics) p.body = '';
      e.changes.push('titles only');
      return;
    }
  }
}

/** Edits a body: drops a sentence (if it has several), swaps a word, appends a sentence. */
function editedBody(body: string, random: Random): string {
  const sentences = body.split(/(?<=[。；])/).filter((s) => s !== '');
  if (sentences.length > 2) sentences.splice(1 + Math.floor(random() * (sentences.length - 1)), 1);
  let text = sentences.join('');
  const swaps = SYNONYMS.filter(([from]) => text.includes(from));
  if (swaps.length > 0) {
    const [from, to] = pick(swaps, random);
    text = text.replace(from, to);
  }
  return text + pick(EXTRA_SENTENCES, random);
}

function rotatedTitle(title: string, random: Random): string {
  const chars = [...title];
  const at = 2 + Math.floor(random() * Math.max(1, chars.length - 4));
  return [...chars.slice(at), '与', ...chars.slice(0, at)].join('') + pick(['研究', '创新', '应用'], random);
}

/** The recipe of each variant: the changes it makes, in order (several at once). */
export const VARIANT_RECIPES: Change[][] = [
  ['edit', 'edit', 'reword'],
  ['addTopic', 'removeTopic', 'reorder'],
  ['move', 'move', 'edit'],
  ['renameTrack', 'edit', 'reword'],
  ['dropTrack', 'addTrack'],
  ['renameTrack', 'renameTrack', 'move', 'reorder'],
  ['reword', 'reword', 'reword', 'punctuation'],
  ['addTopic', 'addTopic', 'removeTopic', 'removeTopic', 'edit'],
  ['dropTrack', 'renameTrack', 'move', 'reword', 'edit'],
  ['reorder', 'punctuation', 'edit', 'addTopic'],
  ['move', 'reword', 'edit', 'removeTopic', 'addTrack'],
  ['renameTrack', 'reorder', 'addTopic', 'move'],
  ['edit', 'edit', 'edit', 'edit', 'reword', 'reword'],
  ['dropTrack', 'dropTrack', 'addTopic', 'reorder'],
  ['renameTrack', 'addTrack', 'removeTopic', 'punctuation', 'move'],
  ['reword', 'move', 'move', 'edit', 'reorder'],
  ['addTopic', 'addTopic', 'addTopic', 'renameTrack', 'edit'],
  ['removeTopic', 'removeTopic', 'removeTopic', 'reword', 'reorder'],
  ['dropTrack', 'addTrack', 'renameTrack', 'move', 'edit', 'reword', 'reorder'],
  ['move', 'renameTrack', 'reword', 'edit', 'addTopic', 'removeTopic', 'punctuation'],
  ['removeTopic', 'addTopic', 'reorder', 'titlesOnly'],
  ['move', 'renameTrack', 'reword', 'titlesOnly'],
  ['edit', 'move', 'dropTrack', 'reorder', 'addTopic'],
  ['reword', 'reword', 'edit', 'edit', 'move', 'move', 'renameTrack', 'addTrack', 'removeTopic', 'reorder']
];

/** Variant `i` of `base` (seeded): the recipe's changes applied in order. */
export function buildVariant(base: VEdition, i: number, recipe: readonly Change[] = VARIANT_RECIPES[i]): VEdition {
  const random = seededRandom(20260801 + i * 7919);
  const e = clone(base, `variant-${String(i + 1).padStart(2, '0')}`);
  const used = new Set<string>();
  for (const change of recipe) applyChange(e, change, random, used);
  return e;
}

export function allVariants(base = hunanBase()): VEdition[] {
  return VARIANT_RECIPES.map((_, i) => buildVariant(base, i));
}

// ── truth ───────────────────────────────────────────────────────────

/** A row's identity: 'a:<track>.<topic>' and/or 'b:<track>.<topic>' of the fresh ordinals. */
export interface TruthRow {
  a: string | null;
  b: string | null;
  status: TopicStatus;
}

export interface Truth {
  topics: TruthRow[];
  tracks: { a: number | null; b: number | null; status: TrackStatus }[];
}

/** The statuses the definitions give for `b` against `a` (both built from one base). */
export function truthOf(a: VEdition, b: VEdition): Truth {
  const full = [a, b].every((e) => e.tracks.some((t) => t.topics.some((p) => p.body.trim() !== '')));
  const posA = new Map<string, { track: number; topic: number; v: VTopic }>();
  a.tracks.forEach((t, i) => t.topics.forEach((p, k) => p.origin && posA.set(p.origin, { track: i + 1, topic: k + 1, v: p })));
  const trackOfOrigin = new Map<number, number>();
  a.tracks.forEach((t, i) => t.origin !== null && trackOfOrigin.set(t.origin, i + 1));

  // Tracks: same name → matched; renamed when more than half of A's track's topics sit in it.
  const aligned = new Map<number, number>();
  const tracks: Truth['tracks'] = [];
  const nameA = new Map(a.tracks.map((t, i) => [trackKey(t.name), i + 1]));
  const takenB = new Set<number>();
  b.tracks.forEach((t, j) => {
    const same = nameA.get(trackKey(t.name));
    if (same !== undefined) {
      aligned.set(same, j + 1);
      takenB.add(j + 1);
    }
  });
  b.tracks.forEach((t, j) => {
    if (takenB.has(j + 1) || t.origin === null) return;
    const x = trackOfOrigin.get(t.origin);
    if (x === undefined || aligned.has(x)) return;
    const size = a.tracks[x - 1].topics.length;
    const kept = t.topics.filter((p) => p.origin !== null && posA.get(p.origin)?.track === x).length;
    if (2 * kept > size) {
      aligned.set(x, j + 1);
      takenB.add(j + 1);
    }
  });
  a.tracks.forEach((t, i) => {
    const y = aligned.get(i + 1);
    const renamed = y !== undefined && trackKey(b.tracks[y - 1].name) !== trackKey(t.name);
    tracks.push({ a: i + 1, b: y ?? null, status: y === undefined ? 'removed' : renamed ? 'renamed' : 'matched' });
  });
  b.tracks.forEach((_, j) => takenB.has(j + 1) || tracks.push({ a: null, b: j + 1, status: 'added' }));

  const topics: TruthRow[] = [];
  const seen = new Set<string>();
  b.tracks.forEach((t, j) =>
    t.topics.forEach((p, k) => {
      const id = `b:${j + 1}.${k + 1}`;
      const from = p.origin === null ? undefined : posA.get(p.origin);
      if (!from) return topics.push({ a: null, b: id, status: 'added' });
      seen.add(p.origin!);
      const sameTitle = normalizeText(from.v.title) === normalizeText(p.title);
      const sameBody = !full || normalizeText(from.v.body) === normalizeText(p.body);
      const status: TopicStatus =
        aligned.get(from.track) !== j + 1 ? 'moved' : !sameTitle ? 'reworded' : sameBody ? 'matched' : 'edited';
      topics.push({ a: `a:${from.track}.${from.topic}`, b: id, status });
    })
  );
  a.tracks.forEach((t, i) =>
    t.topics.forEach((p, k) => {
      if (p.origin === null || !seen.has(p.origin)) topics.push({ a: `a:${i + 1}.${k + 1}`, b: null, status: 'removed' });
    })
  );
  return { topics, tracks };
}

// ── scoring ─────────────────────────────────────────────────────────

export interface Score {
  /** Topic pairs (a, b) found that the truth has / all found; and / all true pairs. */
  pairPrecision: number;
  pairRecall: number;
  /** Rows whose status is the truth's, per status: found correctly / found, / true. */
  byStatus: Record<TopicStatus, { found: number; correct: number; truth: number }>;
  topicRows: number;
  topicStatusCorrect: number;
  trackRows: number;
  trackStatusCorrect: number;
}

const rowKey = (r: { a: string | null; b: string | null }) => `${r.a ?? '-'}|${r.b ?? '-'}`;

export function scoreComparison(truth: Truth, result: Pick<Comparison, 'topics' | 'tracks'>): Score {
  const found: TruthRow[] = result.topics.map((r) => ({
    a: r.track_a === null ? null : `a:${r.track_a}.${r.topic_a}`,
    b: r.track_b === null ? null : `b:${r.track_b}.${r.topic_b}`,
    status: r.status as TopicStatus
  }));
  const truthByKey = new Map(truth.topics.map((r) => [rowKey(r), r]));
  const truePairs = truth.topics.filter((r) => r.a && r.b);
  const foundPairs = found.filter((r) => r.a && r.b);
  const correctPairs = foundPairs.filter((r) => truthByKey.has(rowKey(r))).length;
  const statuses: TopicStatus[] = ['matched', 'edited', 'reworded', 'moved', 'added', 'removed'];
  const byStatus = Object.fromEntries(statuses.map((s) => [s, { found: 0, correct: 0, truth: 0 }])) as Score['byStatus'];
  for (const r of truth.topics) byStatus[r.status].truth++;
  let topicStatusCorrect = 0;
  for (const r of found) {
    byStatus[r.status].found++;
    if (truthByKey.get(rowKey(r))?.status === r.status) {
      byStatus[r.status].correct++;
      topicStatusCorrect++;
    }
  }
  const trackTruth = new Map(truth.tracks.map((r) => [`${r.a}|${r.b}`, r.status]));
  const trackStatusCorrect = result.tracks.filter((r) => trackTruth.get(`${r.track_a}|${r.track_b}`) === r.status).length;
  return {
    pairPrecision: foundPairs.length === 0 ? 1 : correctPairs / foundPairs.length,
    pairRecall: truePairs.length === 0 ? 1 : correctPairs / truePairs.length,
    byStatus,
    topicRows: truth.topics.length,
    topicStatusCorrect,
    trackRows: truth.tracks.length,
    trackStatusCorrect
  };
}
