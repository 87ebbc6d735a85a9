/**
 * Large synthetic editions for the alignment's timing and scale tests: topics drawn from a
 * character model of the Hunan guide, and a recipe of many changes at once.
 */
import { chineseNumeral } from '../../../bench/corpus.ts';
import { seededRandom } from '../../../src/lib/random.ts';
import { hunanBase, type Change, type VEdition } from './variants.ts';

type Random = () => number;
const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];

/**
 * A large edition for timing and scale: `topics` topics over `tracks` tracks whose titles
 * and bodies are drawn from an order-2 character model of the Hunan guide, so distinct
 * topics are as alike as real ones (shared domain words) without repeating each other.
 */
export function syntheticBase(topics: number, tracks: number, seed = 1000): VEdition {
  const base = hunanBase();
  const random = seededRandom(seed);
  const titles = markov(base.tracks.flatMap((t) => t.topics.map((p) => p.title)));
  const bodies = markov(base.tracks.flatMap((t) => t.topics.map((p) => p.body)));
  const out: VEdition = { id: `synthetic-${topics}`, changes: [], tracks: [] };
  for (let i = 0; i < tracks; i++) out.tracks.push({ origin: i + 1, name: `合成赛道${chineseNumeral(i + 1)}`, topics: [] });
  for (let k = 0; k < topics; k++) {
    const track = out.tracks[k % tracks];
    const no = track.topics.length + 1;
    track.topics.push({ origin: `${track.origin}.${no}`, title: titles(random, 8, 20), body: bodies(random, 80, 250) });
  }
  return out;
}

/** An order-2 character model of `texts`: a generator of texts between min and max characters. */
function markov(texts: string[]): (random: Random, min: number, max: number) => string {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const text of texts) {
    const chars = [...text];
    if (chars.length < 3) continue;
    starts.push(chars[0] + chars[1]);
    for (let i = 0; i + 2 < chars.length; i++) {
      const key = chars[i] + chars[i + 1];
      const list = next.get(key);
      if (list) list.push(chars[i + 2]);
      else next.set(key, [chars[i + 2]]);
    }
  }
  return (random, min, max) => {
    const length = min + Math.floor(random() * (max - min + 1));
    let state = pick(starts, random);
    let text = state;
    while ([...text].length < length) {
      const options = next.get(state);
      if (!options) {
        state = pick(starts, random);
        text += '，' + state;
        continue;
      }
      const ch = pick(options, random);
      text += ch;
      state = [...state][1] + ch;
    }
    return text;
  };
}

/** A recipe of many changes for a large edition (about one topic in six changes). */
export function largeRecipe(topics: number): Change[] {
  const n = (share: number) => Math.max(1, Math.round(topics * share));
  return [
    'dropTrack',
    'renameTrack',
    ...Array<Change>(n(0.05)).fill('edit'),
    ...Array<Change>(n(0.04)).fill('reword'),
    ...Array<Change>(n(0.03)).fill('move'),
    ...Array<Change>(n(0.03)).fill('removeTopic'),
    ...Array<Change>(10).fill('addTopic'),
    'reorder'
  ];
}
