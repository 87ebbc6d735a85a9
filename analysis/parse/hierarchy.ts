/**
 * Decides, once per document, which line style marks tracks and which numbers
 * topics. Numbered lines of any other style are body text, so a "1." sentence
 * under 一、 topics stays in the paragraph.
 */
import type { GuideLine, TopicStyle, TrackStyle } from './layout.ts';

export interface Hierarchy {
  track: TrackStyle;
  topic: TopicStyle;
}

export type HierarchyResult =
  | { ok: true; hierarchy: Hierarchy }
  /** headings: track headings seen (0 when nothing looked like a track). */
  | { ok: false; headings: number; firstLine: number | null };

// Ties between topic styles go to the more explicit one.
const TOPIC_PRIORITY: TopicStyle[] = ['saiti', 'enum', 'paren', 'arabic'];

export function trackLineIndices(lines: GuideLine[], style: TrackStyle): number[] {
  const indices: number[] = [];
  lines.forEach((line, i) => {
    if (line.tracks.some((t) => t.style === style)) indices.push(i);
  });
  return indices;
}

/** For each track line: the style of the first numbered line under it, if any. */
export function topicStylesBelow(lines: GuideLine[], indices: number[], style: TrackStyle): (TopicStyle | null)[] {
  return indices.map((start, k) => {
    const inline = lines[start].inlineTopic;
    if (style === 'bracket' && inline) return inline.style;
    const end = k + 1 < indices.length ? indices[k + 1] : lines.length;
    for (let i = start + 1; i < end; i++) {
      const topic = lines[i].topic;
      if (topic && !(style === 'enum' && topic.style === 'enum')) return topic.style;
    }
    return null;
  });
}

function majority(styles: (TopicStyle | null)[]): TopicStyle | null {
  let best: TopicStyle | null = null;
  let bestCount = 0;
  for (const style of TOPIC_PRIORITY) {
    const count = styles.filter((s) => s === style).length;
    if (count > bestCount) {
      best = style;
      bestCount = count;
    }
  }
  return best;
}

const endsWithTrack = (line: GuideLine) => /赛道$/.test(line.text.replace(/[“”"'‘’]/g, ''));

export function chooseHierarchy(lines: GuideLine[]): HierarchyResult {
  const evidence: number[][] = [];
  const tryStyle = (style: TrackStyle, indices: number[]): Hierarchy | null => {
    if (indices.length === 0) return null;
    evidence.push(indices);
    const topic = majority(topicStylesBelow(lines, indices, style));
    return topic ? { track: style, topic } : null;
  };

  for (const style of ['saidao', 'bracket'] as const) {
    const found = tryStyle(style, trackLineIndices(lines, style));
    if (found) return { ok: true, hierarchy: found };
  }

  // 一、工业制造赛道 with topics in another style below it.
  const enumLines = trackLineIndices(lines, 'enum');
  const enumBelow = topicStylesBelow(lines, enumLines, 'enum');
  const namedTracks = enumLines.filter((i) => endsWithTrack(lines[i]));
  if (namedTracks.length > 0 && namedTracks.length * 2 >= enumLines.length) {
    const found = tryStyle('enum', enumLines);
    if (found) return { ok: true, hierarchy: found };
  }

  const suffix = tryStyle('suffix', trackLineIndices(lines, 'suffix'));
  if (suffix) return { ok: true, hierarchy: suffix };

  // 一、… over （一）… : the 一、 lines are tracks only when most of them carry （一） topics.
  const parenBelow = enumBelow.filter((s) => s === 'paren').length;
  if (enumLines.length > 0 && parenBelow * 2 > enumLines.length) {
    return { ok: true, hierarchy: { track: 'enum', topic: 'paren' } };
  }

  const headings = evidence.length > 0 ? evidence[0] : [];
  return { ok: false, headings: headings.length, firstLine: headings.length > 0 ? lines[headings[0]].no : null };
}

/**
 * The topic style of each track, by the index of its heading line: the document's style,
 * unless the track has no line of that style but numbers its topics another way
 * (a guide assembled from several sources) — then that track's own first style.
 */
export function topicStyleByTrack(lines: GuideLine[], hierarchy: Hierarchy): Map<number, TopicStyle> {
  const indices = trackLineIndices(lines, hierarchy.track);
  const firstBelow = topicStylesBelow(lines, indices, hierarchy.track);
  const styles = new Map<number, TopicStyle>();
  indices.forEach((start, k) => {
    const end = k + 1 < indices.length ? indices[k + 1] : lines.length;
    let hasDocumentStyle = lines[start].inlineTopic?.style === hierarchy.topic;
    for (let i = start + 1; i < end && !hasDocumentStyle; i++) hasDocumentStyle = lines[i].topic?.style === hierarchy.topic;
    styles.set(start, hasDocumentStyle ? hierarchy.topic : (firstBelow[k] ?? hierarchy.topic));
  });
  return styles;
}
