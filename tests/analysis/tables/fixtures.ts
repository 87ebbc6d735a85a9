/** Hand-built parser and segmenter outputs for the table tests. */
import type { Dictionaries, ParsedEdition, ParsedTopic, SegmentedToken, SegmentedTopic } from '../../../analysis/model.ts';

export interface TokenSpec {
  part: 'title' | 'body';
  sentence: number;
  surface: string;
  /** Canonical term; the surface when omitted. */
  term?: string;
  generic?: boolean;
}

export interface TopicSpec {
  title: string;
  body: string;
  sentences: number;
  tokens: TokenSpec[];
}

export interface TrackSpec {
  name: string;
  topics: TopicSpec[];
}

export const tok = (part: 'title' | 'body', sentence: number, surface: string, term?: string): TokenSpec => ({
  part,
  sentence,
  surface,
  term
});
export const verb = (part: 'title' | 'body', sentence: number, surface: string): TokenSpec => ({
  part,
  sentence,
  surface,
  generic: true
});

/**
 * Builds the parsed edition and its segmented topics. Token starts are found by
 * searching the surface in its part after the previous token of that part, so the
 * specs read like the text.
 */
export function buildEdition(editionId: string, tracks: TrackSpec[]): { edition: ParsedEdition; topics: SegmentedTopic[] } {
  const segmented: SegmentedTopic[] = [];
  let line = 1;
  const parsedTracks = tracks.map((track, t) => {
    const trackLine = line++;
    const topics: ParsedTopic[] = track.topics.map((spec, i) => {
      const topic = { topic_no: i + 1, printed_no: i + 1, title: spec.title, body: spec.body, line: line++ };
      segmented.push({
        edition_id: editionId,
        track_no: t + 1,
        topic_no: i + 1,
        sentences: spec.sentences,
        tokens: locate(spec)
      });
      return topic;
    });
    return { track_no: t + 1, track_name: track.name, heading: `赛道${t + 1}：${track.name}赛道`, line: trackLine, topics };
  });
  const edition: ParsedEdition = {
    meta: { edition_id: editionId, year: 2026, region: '测试', title: '测试指南', source: 'hand-built', notes: '' },
    file: `${editionId}.txt`,
    encoding: 'utf-8',
    sha256: '0'.repeat(64),
    bytes: 0,
    tracks: parsedTracks,
    warnings: []
  };
  return { edition, topics: segmented };
}

function locate(spec: TopicSpec): SegmentedToken[] {
  const from = { title: 0, body: 0 };
  return spec.tokens.map((token) => {
    const text = token.part === 'title' ? spec.title : spec.body;
    const start = text.indexOf(token.surface, from[token.part]);
    if (start < 0) throw new Error(`fixture: ${token.surface} not in ${token.part} after ${from[token.part]}`);
    from[token.part] = start + token.surface.length;
    return {
      part: token.part,
      sentence_no: token.sentence,
      start,
      length: token.surface.length,
      surface: token.surface,
      term: token.term ?? token.surface,
      generic_verb: token.generic ?? false
    };
  });
}

export function dictionaries(themes: [string, string[]][], extra: Partial<Dictionaries> = {}): Dictionaries {
  return {
    terms: [],
    stopwords: new Set(),
    genericVerbs: new Set(['推动']),
    thesaurus: new Map(),
    themes: new Map(themes),
    files: {},
    userDictPaths: [],
    ...extra
  };
}
