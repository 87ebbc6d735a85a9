/**
 * Near-duplicate test helpers: hand-built editions, the real guides through the parser,
 * and an independent, brute-force reading of the definitions to check rows against.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { NearDuplicateRow } from '../../../../analysis/contract.ts';
import type { ParsedEdition, ParsedTopic } from '../../../../analysis/model.ts';
import { loadEditionEntries, readEdition } from '../../../../analysis/parse/index.ts';
import { createNearDuplicateFinder, type NearDuplicateOptions } from '../../../../analysis/tables/near-duplicates.ts';

/** A topic as [title, body]; a bare string is a body under a short, unique title. */
export type TopicSpec = string | [string, string];

export function edition(id: string, tracks: TopicSpec[][]): ParsedEdition {
  return {
    meta: { edition_id: id, year: 2026, region: '测试', title: id, source: 'test', notes: '' },
    file: `${id}.txt`,
    encoding: 'utf-8',
    sha256: '',
    bytes: 0,
    tracks: tracks.map((topics, t) => ({
      track_no: t + 1,
      track_name: `赛道${t + 1}`,
      heading: `赛道${t + 1}`,
      line: 1,
      topics: topics.map((spec, i): ParsedTopic => {
        const [title, body] = typeof spec === 'string' ? [`${id}题${t + 1}.${i + 1}`, spec] : spec;
        return { topic_no: i + 1, printed_no: i + 1, title, body, line: 1 };
      })
    })),
    warnings: []
  };
}

export function find(editions: ParsedEdition[], options?: NearDuplicateOptions): NearDuplicateRow[] {
  const finder = createNearDuplicateFinder(options);
  for (const e of editions) finder.add(e);
  return finder.rows();
}

export const pairOf = (r: NearDuplicateRow) =>
  `${r.edition_a}/${r.track_a}.${r.topic_a}~${r.edition_b}/${r.track_b}.${r.topic_b}`;

/** n distinct CJK characters starting at `from`; no punctuation, so one sentence. */
export function distinctChars(n: number, from = 0x4e00): string {
  return Array.from({ length: n }, (_, i) => String.fromCharCode(from + i)).join('');
}

/** `text` with the characters at `positions` replaced by fresh characters (used nowhere else). */
export function replaced(text: string, positions: number[]): string {
  const chars = Array.from(text);
  positions.forEach((p, i) => (chars[p] = String.fromCharCode(0x9000 + i)));
  return chars.join('');
}

const DATA = join(import.meta.dirname, '../../../../data/editions');

/** A real guide through the parser, as the pipeline reads it. */
export async function readGuide(name: string): Promise<ParsedEdition> {
  const entries = loadEditionEntries(new Uint8Array(readFileSync(join(DATA, 'editions.json'))), 'data/editions/editions.json');
  return readEdition({ path: `data/editions/${name}`, name, bytes: new Uint8Array(readFileSync(join(DATA, name))) }, entries);
}

// ── the definitions, read independently of the implementation ─────

export const MIN_CHARS = 20;
const pieces = (text: string, at: RegExp) => text.split(at).map((p) => p.trim()).filter((p) => p !== '');
/** Every sentence and clause of a text, any length. */
export const allPieces = (text: string) =>
  pieces(text, /[。！？；\n]/).flatMap((sentence) => [sentence, ...pieces(sentence, /[，：]/)]);
const longPieces = (text: string) => new Set(allPieces(text).filter((p) => [...p].length >= MIN_CHARS));
const grams = (text: string) => {
  const chars = [...text];
  if (chars.length === 0) return new Set<string>();
  if (chars.length <= 5) return new Set([text]);
  return new Set(chars.slice(0, chars.length - 4).map((_, i) => chars.slice(i, i + 5).join('')));
};
export const jaccard = (x: string, y: string) => {
  const [a, b] = [grams(x), grams(y)];
  const shared = [...a].filter((g) => b.has(g)).length;
  return a.size + b.size - shared === 0 ? 0 : shared / (a.size + b.size - shared);
};

export interface FlatTopic {
  key: string;
  order: number;
  title: string;
  body: string;
}

export function flatten(editions: ParsedEdition[]): FlatTopic[] {
  const out: FlatTopic[] = [];
  for (const e of editions) {
    for (const track of e.tracks) {
      for (const topic of track.topics) {
        out.push({ key: `${e.meta.edition_id}/${track.track_no}.${topic.topic_no}`, order: out.length, title: topic.title, body: topic.body });
      }
    }
  }
  return out;
}

const similarityOf = (a: FlatTopic, b: FlatTopic) =>
  a.body.trim() !== '' && b.body.trim() !== '' ? jaccard(a.body, b.body) : jaccard(a.title, b.title);

/** Every pair the definitions call near-duplicate, by brute force: "key~key" → kind. */
export function bruteForce(topics: FlatTopic[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < topics.length; i++) {
    const inA = longPieces(`${topics[i].title}\n${topics[i].body}`);
    for (let j = i + 1; j < topics.length; j++) {
      const [a, b] = [topics[i], topics[j]];
      const sharesPassage = [...longPieces(`${b.title}\n${b.body}`)].some((p) => inA.has(p));
      const longBodies =
        a.body.trim() !== '' && b.body.trim() !== '' && [...a.body].length >= MIN_CHARS && [...b.body].length >= MIN_CHARS;
      if (sharesPassage) out.set(`${a.key}~${b.key}`, 'sentence');
      else if (longBodies && jaccard(a.body, b.body) >= 0.8) out.set(`${a.key}~${b.key}`, 'body');
    }
  }
  return out;
}

/** Checks every row against the two topics it names. */
export function expectRowsAreReal(rows: NearDuplicateRow[], editions: ParsedEdition[]): void {
  const topics = new Map(flatten(editions).map((t) => [t.key, t]));
  const keys = new Set<string>();
  for (const row of rows) {
    const a = topics.get(`${row.edition_a}/${row.track_a}.${row.topic_a}`)!;
    const b = topics.get(`${row.edition_b}/${row.track_b}.${row.topic_b}`)!;
    expect(a.order).toBeLessThan(b.order);
    expect(keys.has(pairOf(row))).toBe(false);
    keys.add(pairOf(row));
    expect(row.similarity).toBeGreaterThanOrEqual(0);
    expect(row.similarity).toBeLessThanOrEqual(1);
    expect(row.similarity).toBeCloseTo(similarityOf(a, b), 12);
    const [piecesA, piecesB] = [allPieces(`${a.title}\n${a.body}`), allPieces(`${b.title}\n${b.body}`)];
    if (row.kind === 'sentence') {
      for (const line of row.shared_text.split('\n')) {
        expect([...line].length).toBeGreaterThanOrEqual(MIN_CHARS);
        expect(piecesA).toContain(line);
        expect(piecesB).toContain(line);
      }
    } else {
      expect(row.kind).toBe('body');
      expect(row.similarity).toBeGreaterThanOrEqual(0.8);
      if (row.shared_text !== '') {
        expect(piecesA).toContain(row.shared_text);
        expect(piecesB).toContain(row.shared_text);
      }
    }
  }
}
