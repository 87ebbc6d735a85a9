/**
 * Bounds on a guide's text and shape (analysis/limits.ts), checked before the text is
 * parsed (line length) and before anything is computed from it (tracks, topics).
 */
import type { ParsedTrack } from '../model.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import { formatCount, type Limits } from '../limits.ts';

/** Line ends are already '\n' (decode.ts normalises them). */
export function checkLineLengths(text: string, file: string, limit: number): void {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > limit) {
      throw new AnalysisError(diagnostic('error', 'line-too-long', file, line, { chars: formatCount(stop - start), limit: formatCount(limit) }));
    }
    if (end < 0) break;
    start = end + 1;
  }
}

export function checkGuideShape(tracks: readonly ParsedTrack[], file: string, limits: Pick<Limits, 'tracks' | 'topics'>): void {
  if (tracks.length > limits.tracks) {
    throw new AnalysisError(
      diagnostic('error', 'too-many-tracks', file, tracks[limits.tracks].line, { count: formatCount(tracks.length), limit: formatCount(limits.tracks) })
    );
  }
  const count = tracks.reduce((n, t) => n + t.topics.length, 0);
  if (count <= limits.topics) return;
  let seen = 0;
  for (const track of tracks) {
    if (seen + track.topics.length > limits.topics) {
      const first = track.topics[limits.topics - seen];
      throw new AnalysisError(diagnostic('error', 'too-many-topics', file, first.line, { count: formatCount(count), limit: formatCount(limits.topics) }));
    }
    seen += track.topics.length;
  }
}
