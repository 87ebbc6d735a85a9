/** Checks printed numbers for gaps, repeats and reversals; each finding is a warning at its line. */
import type { Diagnostic } from '../model.ts';
import { diagnostic } from '../messages.ts';

export interface Numbered {
  printed: number | null;
  line: number;
}

export function checkNumbering(
  items: Numbered[],
  start: number,
  what: 'track' | 'topic',
  file: string
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const firstLineOf = new Map<number, number>();
  let previous: number | null = null;
  for (const { printed, line } of items) {
    if (printed === null) continue;
    const expected: number = previous === null ? start : previous + 1;
    if (printed !== expected) {
      if (firstLineOf.has(printed)) {
        warnings.push(
          diagnostic('warning', 'numbering-repeat', file, line, { what, found: printed, first: firstLineOf.get(printed)! })
        );
      } else if (previous !== null && printed < expected) {
        warnings.push(diagnostic('warning', 'numbering-order', file, line, { what, found: printed, previous }));
      } else {
        warnings.push(diagnostic('warning', 'numbering-gap', file, line, { what, expected, found: printed }));
      }
    }
    if (!firstLineOf.has(printed)) firstLineOf.set(printed, line);
    previous = previous === null ? printed : Math.max(previous, printed);
  }
  return warnings;
}

/**
 * Some guides number topics straight through the document (赛题1 … 赛题48) instead of
 * restarting in each track. Returns the number each track's topics should start at.
 */
export function topicNumberingStarts(tracks: Numbered[][]): number[] {
  const withTopics = tracks.map((topics) => topics.filter((t) => t.printed !== null));
  const filled = withTopics.filter((t) => t.length > 0);
  const first = (t: Numbered[]) => t[0].printed!;
  const last = (t: Numbered[]) => t[t.length - 1].printed!;
  const continuous =
    filled.length >= 2 && filled.slice(1).every((t, i) => first(t) === last(filled[i]) + 1 && first(t) !== 1);
  if (!continuous) return tracks.map(() => 1);
  let next = 1;
  return withTopics.map((t) => {
    const start = next;
    if (t.length > 0) next = last(t) + 1;
    return start;
  });
}
