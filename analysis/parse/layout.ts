/**
 * Line-level recognition: cleans one line of a guide and says what it could be
 * (an artifact, a track heading of some style, a numbered topic of some style).
 * Which of those readings holds is decided per document in parse.ts.
 */
import { CHINESE_NUMERAL_PATTERN, DIGITS_PATTERN, parseNumeral } from './numerals.ts';

/** How a document marks its tracks. */
export type TrackStyle = 'saidao' | 'bracket' | 'enum' | 'suffix';
/** How a document numbers its topics. */
export type TopicStyle = 'saiti' | 'enum' | 'paren' | 'arabic';

export interface TrackMark {
  style: TrackStyle;
  /** The heading as printed (for a bracket line: the bracket part only). */
  heading: string;
  name: string;
  printed: number | null;
}

export interface TopicMark {
  style: TopicStyle;
  printed: number;
  /** The number as printed with its punctuation, e.g. 赛题1 or （三）. */
  marker: string;
  /** '' when the title is on the next line. */
  title: string;
}

export interface GuideLine {
  /** 1-based line of the decoded text. */
  no: number;
  /** Cleaned text; '' for blank lines and artifacts. */
  text: string;
  /** Every track reading the line allows, at most one per style. */
  tracks: TrackMark[];
  topic: TopicMark | null;
  /** A topic printed after a bracket marker on the same line. */
  inlineTopic: TopicMark | null;
  /** Text after a bracket marker that is not a topic. */
  inlineRest: string;
}

const NUM = `(${DIGITS_PATTERN}|${CHINESE_NUMERAL_PATTERN})`;
const CN_NUM = `(${CHINESE_NUMERAL_PATTERN})`;

const SAIDAO = new RegExp(`^赛道\\s*${NUM}(?:\\s*[：:、．.]\\s*|\\s+|$)(.*)$`, 's');
const BRACKET = /^[【〖［]([^【】〖〗［］]+)[】〗］]\s*(.*)$/s;
const ENUM = new RegExp(`^${CN_NUM}\\s*[、．.]\\s*(.*)$`, 's');
const PAREN = new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)]\\s*[、．.]?\\s*(.*)$`, 's');
const SAITI = new RegExp(`^赛题\\s*${NUM}(?:\\s*[：:、．.]\\s*|\\s+|$)(.*)$`, 's');
// 1.5亿 at the start of a sentence is a decimal, not a topic number.
const ARABIC = /^([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])\s*(.*)$/s;

const BOOKMARK = /\[bookmark:[^\]]*\]/gi;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const ANNEX = /^附件\s*(?:[0-9０-９]+|[一二三四五六七八九十]+)?\s*[：:]?$/;
const PAGE_NUMBER = [
  /^[-—–－~～]+\s*[0-9０-９]{1,4}\s*[-—–－~～]+$/,
  /^第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/／]?\s*共\s*[0-9０-９]{1,4}\s*页)?$/,
  /^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$/,
  /^[0-9０-９]{1,4}$/,
  /^page\s+[0-9]{1,4}(?:\s+of\s+[0-9]{1,4})?$/i
];

const QUOTES = /[“”‘’"'「」『』]/g;
const SENTENCE_PUNCTUATION = /[，。；：:;,!?！？、]/;
const DATA_ELEMENTS_PREFIX = /^数据要素\s*[×xX✕✖╳]\s*/;

export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(text.trim()));
}

export function isArtifact(text: string): boolean {
  return ANNEX.test(text) || isPageNumberLine(text);
}

/** Removes extraction artifacts inside a line and light Markdown decoration. */
export function cleanLine(raw: string): string {
  let text = raw.replace(BOOKMARK, '').replace(INVISIBLE, '').trim();
  if (isArtifact(text)) return '';
  text = text.replace(/^#{1,6}\s+/, '').replace(/\*\*/g, '').trim();
  return isArtifact(text) ? '' : text;
}

/** 赛道一：工业制造赛道 → 工业制造; 【数据要素×文化旅游】 → 文化旅游. */
export function shortTrackName(printed: string): string {
  const bare = printed
    .replace(/[【】〖〗［］]/g, '')
    .replace(QUOTES, '')
    .trim()
    .replace(new RegExp(`^赛道\\s*${NUM}\\s*[：:、．.]?\\s*`), '')
    .replace(DATA_ELEMENTS_PREFIX, '')
    .replace(/[：:。，,\s]+$/, '')
    .trim();
  const withoutSuffix = bare.replace(/赛道$/, '').trim();
  return withoutSuffix || bare || printed.trim();
}

function isBracketTrack(content: string): boolean {
  const bare = content.replace(QUOTES, '').trim();
  return DATA_ELEMENTS_PREFIX.test(bare) || /赛道$/.test(bare) || /^赛道/.test(bare);
}

// 共设17个赛道, 各赛道, 十大赛道 talk about tracks; they are not headings.
const COUNTS_TRACKS = /(?:^[共设]|[个各大本该此]赛道$|[0-9０-９])/;

function isSuffixTrack(text: string): boolean {
  const bare = text.replace(QUOTES, '').replace(/[：:]$/, '');
  return (
    bare.length <= 20 &&
    bare.length > 2 &&
    /赛道$/.test(bare) &&
    !SENTENCE_PUNCTUATION.test(bare) &&
    !COUNTS_TRACKS.test(bare)
  );
}

export function readTopicMark(text: string): TopicMark | null {
  const forms: [TopicStyle, RegExp][] = [
    ['saiti', SAITI],
    ['enum', ENUM],
    ['paren', PAREN],
    ['arabic', ARABIC]
  ];
  for (const [style, re] of forms) {
    const match = re.exec(text);
    if (!match) continue;
    const printed = parseNumeral(match[1]);
    if (printed === null) return null;
    const title = match[2].trim();
    const marker = text.slice(0, text.length - match[2].length).replace(/[\s：:]+$/, '');
    return { style, printed, marker, title };
  }
  return null;
}

function readTrackMarks(text: string): { tracks: TrackMark[]; rest: string } {
  const tracks: TrackMark[] = [];
  let rest = '';
  const saidao = SAIDAO.exec(text);
  if (saidao) {
    const printed = parseNumeral(saidao[1]);
    if (printed !== null) tracks.push({ style: 'saidao', heading: text, name: shortTrackName(text), printed });
  }
  const bracket = BRACKET.exec(text);
  if (bracket && isBracketTrack(bracket[1])) {
    const heading = text.slice(0, text.length - bracket[2].length).trim();
    tracks.push({ style: 'bracket', heading, name: shortTrackName(bracket[1]), printed: null });
    rest = bracket[2].trim();
  }
  const enumerated = ENUM.exec(text);
  if (enumerated) {
    const printed = parseNumeral(enumerated[1]);
    const name = shortTrackName(enumerated[2]);
    if (printed !== null && enumerated[2].trim()) tracks.push({ style: 'enum', heading: text, name, printed });
  }
  if (!saidao && !bracket && !enumerated && isSuffixTrack(text)) {
    tracks.push({ style: 'suffix', heading: text, name: shortTrackName(text), printed: null });
  }
  return { tracks, rest };
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function readLines(text: string): GuideLine[] {
  return splitLines(text).map((raw, index) => {
    const cleaned = cleanLine(raw);
    const { tracks, rest } = readTrackMarks(cleaned);
    const inlineTopic = rest ? readTopicMark(rest) : null;
    return {
      no: index + 1,
      text: cleaned,
      tracks,
      topic: cleaned ? readTopicMark(cleaned) : null,
      inlineTopic,
      inlineRest: inlineTopic ? '' : rest
    };
  });
}
