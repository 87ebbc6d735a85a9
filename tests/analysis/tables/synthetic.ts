/** A Hunan-sized synthetic edition: 17 tracks, 122 topics, ~60 tokens per topic, Zipf vocabulary of 3,000 terms. */
import type { ParsedEdition, SegmentedToken, SegmentedTopic } from '../../../analysis/model.ts';

const HUNAN_TOPICS_PER_TRACK = [5, 12, 3, 14, 12, 4, 4, 5, 4, 6, 15, 5, 8, 7, 5, 6, 7];
const VOCABULARY_SIZE = 3000;

/** Deterministic PRNG (mulberry32) so every run measures the same edition. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticEdition(seed: number): { edition: ParsedEdition; topics: SegmentedTopic[]; verbs: Set<string> } {
  const next = random(seed);
  const terms = Array.from({ length: VOCABULARY_SIZE }, (_, r) =>
    String.fromCodePoint(0x4e00 + ((r * 7919) % 20000), 0x4e00 + ((r * 104729) % 20000), ...(r % 3 === 0 ? [0x4e00 + r] : []))
  );
  const verbs = new Set(terms.slice(3, 13)); // ten frequent generic verbs
  // Zipf (s = 1): cumulative weights 1/r for sampling by binary search.
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let sum = 0;
  for (let r = 0; r < VOCABULARY_SIZE; r++) cumulative[r] = sum += 1 / (r + 1);
  const draw = () => {
    const target = next() * sum;
    let low = 0;
    let high = VOCABULARY_SIZE - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return terms[low];
  };

  const topics: SegmentedTopic[] = [];
  const tracks = HUNAN_TOPICS_PER_TRACK.map((count, t) => ({
    track_no: t + 1,
    track_name: `赛道${t + 1}`,
    heading: `赛道${t + 1}`,
    line: 1,
    topics: Array.from({ length: count }, (_, i) => {
      const length = 40 + Math.floor(next() * 41);
      const tokens: SegmentedToken[] = [];
      let sentence = 0;
      for (let k = 0; k < length; k++) {
        const part = k < 5 ? 'title' : 'body';
        if (k >= 5 && (k - 5) % 12 === 0) sentence++;
        const term = draw();
        tokens.push({ part, sentence_no: sentence, start: k * 3, length: 2, surface: term, term, generic_verb: verbs.has(term) });
      }
      topics.push({ edition_id: 'synthetic', track_no: t + 1, topic_no: i + 1, sentences: sentence + 1, tokens });
      return { topic_no: i + 1, printed_no: i + 1, title: '题'.repeat(20), body: '文'.repeat(140), line: 1 };
    })
  }));
  const edition: ParsedEdition = {
    meta: { edition_id: 'synthetic', year: 2026, region: '湖南', title: '合成', source: '', notes: '' },
    file: 'synthetic.txt',
    encoding: 'utf-8',
    sha256: '',
    bytes: 0,
    warnings: [],
    tracks
  };
  return { edition, topics, verbs };
}
