/**
 * Synthetic corpora for the benchmark: editions resampled (seeded) from the tracks and
 * topics of the real guides, written in the Hunan layout (赛道一：… / 一、…).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGuide } from '../analysis/parse/index.ts';
import type { ParsedTrack } from '../analysis/model.ts';
import { seededRandom } from '../src/lib/random.ts';

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function chineseNumeral(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${CHINESE_DIGITS[n % 10]}`;
}

export function loadSeedTracks(root: string): ParsedTrack[] {
  const file = join(root, 'data/editions/2026-hunan.txt');
  return parseGuide(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file).tracks;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Every real track once, in a shuffled order; each keeps about 85% of its own topics
 * (shuffled) and borrows a few from other tracks, so editions differ but stay the size
 * of the real guide and never repeat a topic (a repeat would inflate co-occurrence).
 */
export function syntheticEdition(tracks: ParsedTrack[], index: number, random: () => number): string {
  const lines = [`${2000 + (index % 30)}年“数据要素×”大赛合成分赛${index} 赛题指南`];
  const used = new Set<string>();
  const pool = tracks.flatMap((t) => t.topics);
  for (const [t, source] of shuffled(tracks, random).entries()) {
    lines.push(`赛道${chineseNumeral(t + 1)}：${source.track_name}赛道`);
    const own = shuffled(source.topics, random).slice(0, Math.max(1, Math.round(source.topics.length * 0.85)));
    const borrowed = Array.from({ length: source.topics.length - own.length }, () => pool[Math.floor(random() * pool.length)]);
    let k = 0;
    for (const topic of [...own, ...borrowed]) {
      if (used.has(topic.title)) continue;
      used.add(topic.title);
      lines.push(`${chineseNumeral(++k)}、${topic.title}`);
      if (topic.body) lines.push(topic.body);
    }
  }
  return lines.join('\n') + '\n';
}

/** Writes `count` editions plus editions.json into `dir`; returns the total bytes. */
export function writeSyntheticCorpus(root: string, dir: string, count: number, seed = 20261124): number {
  const tracks = loadSeedTracks(root);
  const random = seededRandom(seed);
  mkdirSync(dir, { recursive: true });
  const entries = [];
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const id = `synthetic-${String(i).padStart(4, '0')}`;
    const text = syntheticEdition(tracks, i, random);
    writeFileSync(join(dir, `${id}.txt`), text);
    bytes += Buffer.byteLength(text);
    entries.push({ file: `${id}.txt`, edition_id: id, year: 2000 + (i % 30), region: `合成${i}`, title: `合成版本 ${i}`, source: 'bench', notes: '' });
  }
  writeFileSync(join(dir, 'editions.json'), JSON.stringify({ editions: entries }, null, 2));
  return bytes;
}
