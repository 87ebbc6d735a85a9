/**
 * Guide text → tracks and topics. Every line that cannot be placed is reported
 * as a warning with its line number; a guide without tracks or topics is an error.
 */
import type { Diagnostic, ParsedTopic, ParsedTrack } from '../model.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import { chooseHierarchy, topicStyleByTrack, type Hierarchy } from './hierarchy.ts';
import { readLines, type GuideLine, type TopicMark, type TopicStyle, type TrackMark } from './layout.ts';
import { checkNumbering, topicNumberingStarts } from './numbering.ts';

export interface ParsedGuide {
  tracks: ParsedTrack[];
  warnings: Diagnostic[];
  /** Title-block lines before the first track (artifacts removed), for metadata inference. */
  preamble: string[];
}

/** Longer titles have probably swallowed their paragraph. */
export const LONG_TITLE_CHARS = 60;

interface TopicDraft {
  printed: number;
  marker: string;
  title: string;
  titlePending: boolean;
  body: string[];
  line: number;
}

interface TrackDraft {
  name: string;
  heading: string;
  line: number;
  topics: TopicDraft[];
  /** Runs of text inside the track that no topic holds: [first line, line count]. */
  unplaced: [number, number][];
}

class GuideWalker {
  readonly warnings: Diagnostic[] = [];
  readonly tracks: TrackDraft[] = [];
  readonly headings: { printed: number | null; line: number }[] = [];
  readonly preamble: string[] = [];
  private readonly orphanTopicLines: number[] = [];
  private track: TrackDraft | null = null;
  private topic: TopicDraft | null = null;
  private lastUnplacedLine = -1;
  private topicStyle: TopicStyle;

  constructor(
    private readonly file: string,
    private readonly hierarchy: Hierarchy
  ) {
    this.topicStyle = hierarchy.topic;
  }

  walk(lines: GuideLine[]): void {
    const styleByTrack = topicStyleByTrack(lines, this.hierarchy);
    for (const [index, line] of lines.entries()) {
      if (!line.text) continue;
      const trackMark = line.tracks.find((t) => t.style === this.hierarchy.track);
      if (trackMark) {
        this.topicStyle = styleByTrack.get(index) ?? this.hierarchy.topic;
        this.onTrack(line, trackMark);
      } else if (line.topic && line.topic.style === this.topicStyle && !this.isBodySentence(line.topic)) {
        this.onTopic(line, line.topic);
      } else this.onText(line);
    }
    this.closeTopic();
    if (this.orphanTopicLines.length > 0) {
      this.warn('topic-before-track', this.orphanTopicLines[0], { count: this.orphanTopicLines.length });
    }
  }

  private warn(code: Parameters<typeof diagnostic>[1], line: number | null, params: Record<string, string | number>) {
    this.warnings.push(diagnostic('warning', code, this.file, line, params));
  }

  /**
   * 一、二线城市……。 inside a paragraph reads like topic 2. A numbered line inside a
   * body that breaks the sequence and reads like a sentence stays in the body.
   */
  private isBodySentence(mark: TopicMark): boolean {
    if (!this.topic || this.topic.titlePending) return false;
    const inSequence = mark.printed === this.topic.printed + 1;
    const sentenceLike = /[。；;]/.test(mark.title) || mark.title.length > LONG_TITLE_CHARS;
    return !inSequence && sentenceLike;
  }

  private onTrack(line: GuideLine, mark: TrackMark): void {
    if (this.track?.name !== mark.name) {
      this.closeTopic();
      const earlier = this.tracks.find((t) => t.name === mark.name);
      if (earlier) {
        this.warn('track-repeated', line.no, { track: mark.name, first: earlier.line });
        this.track = earlier;
      } else {
        this.track = { name: mark.name, heading: mark.heading, line: line.no, topics: [], unplaced: [] };
        this.tracks.push(this.track);
        this.headings.push({ printed: mark.printed, line: line.no });
      }
    }
    const inline = line.inlineTopic;
    if (inline && inline.style === this.topicStyle) this.onTopic(line, inline);
    else if (inline || line.inlineRest) {
      const text = line.inlineRest || line.text.slice(mark.heading.length).trim();
      this.warn('text-unplaced', line.no, { text: text.length > 30 ? `${text.slice(0, 30)}…` : text });
    }
  }

  private onTopic(line: GuideLine, mark: TopicMark): void {
    this.closeTopic();
    if (!this.track) {
      this.orphanTopicLines.push(line.no);
      return;
    }
    this.topic = {
      printed: mark.printed,
      marker: mark.marker,
      title: mark.title,
      titlePending: mark.title === '',
      body: [],
      line: line.no
    };
    this.track.topics.push(this.topic);
  }

  private onText(line: GuideLine): void {
    if (this.topic) {
      if (this.topic.titlePending) {
        this.topic.title = line.text;
        this.topic.titlePending = false;
      } else {
        this.topic.body.push(line.text);
      }
    } else if (this.track) {
      const runs = this.track.unplaced;
      if (runs.length > 0 && this.lastUnplacedLine === line.no - 1) runs[runs.length - 1][1]++;
      else runs.push([line.no, 1]);
      this.lastUnplacedLine = line.no;
    } else if (this.orphanTopicLines.length === 0) {
      this.preamble.push(line.text);
    }
  }

  /** A topic whose title never came falls back to its printed number. */
  private closeTopic(): void {
    const topic = this.topic;
    if (topic?.titlePending) {
      this.warn('topic-title-missing', topic.line, { marker: topic.marker });
      topic.title = topic.marker;
      topic.titlePending = false;
    }
    this.topic = null;
  }
}

function toTopics(drafts: TopicDraft[]): ParsedTopic[] {
  return drafts.map((d, i) => ({
    topic_no: i + 1,
    printed_no: d.printed,
    title: d.title,
    body: d.body.join('\n'),
    line: d.line
  }));
}

export function parseGuide(text: string, file: string): ParsedGuide {
  const lines = readLines(text);
  const choice = chooseHierarchy(lines);
  if (!choice.ok) {
    if (choice.headings === 0) throw new AnalysisError(diagnostic('error', 'guide-no-tracks', file, null));
    throw new AnalysisError(diagnostic('error', 'guide-no-topics', file, choice.firstLine, { tracks: choice.headings }));
  }

  const walker = new GuideWalker(file, choice.hierarchy);
  walker.walk(lines);
  const warnings = [...walker.warnings];
  const warn = (code: Parameters<typeof diagnostic>[1], line: number, params: Record<string, string | number>) =>
    warnings.push(diagnostic('warning', code, file, line, params));

  if (choice.hierarchy.track === 'saidao' || choice.hierarchy.track === 'enum') {
    warnings.push(...checkNumbering(walker.headings, 1, 'track', file));
  }
  const kept = walker.tracks.filter((t) => t.topics.length > 0);
  const starts = topicNumberingStarts(kept.map((t) => t.topics));
  kept.forEach((track, i) => warnings.push(...checkNumbering(track.topics, starts[i], 'topic', file)));

  for (const track of walker.tracks) {
    if (track.topics.length === 0) {
      warn('track-empty', track.line, { track: track.heading });
      for (const [line, count] of track.unplaced) warn('text-unplaced-run', line, { track: track.name, count });
      continue;
    }
    for (const [line, count] of track.unplaced) warn('text-before-topic', line, { track: track.name, count });
    for (const topic of track.topics) {
      if (topic.title.length > LONG_TITLE_CHARS) warn('title-long', topic.line, { chars: topic.title.length });
    }
  }

  if (kept.length === 0) {
    const first = walker.tracks[0]?.line ?? null;
    throw new AnalysisError(diagnostic('error', 'guide-no-topics', file, first, { tracks: walker.tracks.length }));
  }

  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const tracks: ParsedTrack[] = kept.map((t, i) => ({
    track_no: i + 1,
    track_name: t.name,
    heading: t.heading,
    line: t.line,
    topics: toTopics(t.topics)
  }));
  return { tracks, warnings, preamble: walker.preamble };
}
