/**
 * Every message the analysis stage shows a person: errors, warnings, CLI lines.
 * Each has a stable code (tests assert on codes, not wording) and Chinese text
 * followed by English, because the users read Chinese and the logs travel.
 */
import type { Diagnostic } from './model.ts';

type Params = Record<string, string | number>;

interface MessageText {
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

const WHAT_ZH: Record<string, string> = { track: '赛道', topic: '题目' };
const INFERRED_FROM_ZH: Record<string, string> = { name: '文件名', preamble: '文件开头几行', 'name+preamble': '文件名和开头几行' };
const INFERRED_FROM_EN: Record<string, string> = { name: 'file name', preamble: 'first lines', 'name+preamble': 'file name and first lines' };

const m = (zh: (p: Params) => string, en: (p: Params) => string): MessageText => ({ zh, en });

export const MESSAGES = {
  // ── reading files ──────────────────────────────────────────────
  'file-unreadable': m(
    (p) => `无法读取文件：${p.reason}`,
    (p) => `cannot read the file: ${p.reason_en ?? p.reason}`
  ),
  'file-empty': m(
    () => '文件为空，没有可分析的内容',
    () => 'the file is empty'
  ),
  'file-binary': m(
    (p) => `这是二进制文件（${p.kind}），不是赛题指南文本；请提供 .txt、.md 或 .docx`,
    (p) => `this is a binary file (${p.kind}), not guide text; give a .txt, .md or .docx file`
  ),
  'file-unsupported': m(
    (p) => `不支持的文件类型 ${p.ext}；请另存为 .docx 或 .txt 后再放入`,
    (p) => `unsupported file type ${p.ext}; save it as .docx or .txt and try again`
  ),
  'file-undecodable': m(
    (p) =>
      `无法识别文本编码（不是 UTF-8、UTF-16 或 GB18030/GBK${p.byte ? `；第一个无法识别的字节 ${p.byte}` : ''}）；请另存为 UTF-8`,
    (p) =>
      `cannot tell the text encoding (not UTF-8, UTF-16 or GB18030/GBK${p.byte ? `; first bad byte ${p.byte}` : ''}); save the file as UTF-8`
  ),
  'encoding-detected': m(
    (p) => `文件不是 UTF-8，已按 ${p.encoding} 解码`,
    (p) => `the file is not UTF-8; decoded as ${p.encoding}`
  ),
  'docx-invalid': m(
    (p) => `无法读取 Word 文档：${p.reason}`,
    (p) => `cannot read the Word document: ${p.reason_en ?? p.reason}`
  ),
  'no-input-files': m(
    (p) => `在 ${p.path} 中没有找到赛题指南文件（.txt、.md、.docx）`,
    (p) => `no guide files (.txt, .md, .docx) found in ${p.path}`
  ),
  'input-missing': m(
    (p) => `找不到输入：${p.path}`,
    (p) => `input not found: ${p.path}`
  ),

  // ── metadata ───────────────────────────────────────────────────
  'metadata-invalid': m(
    (p) => `editions.json 有误：${p.reason}`,
    (p) => `editions.json is not valid: ${p.reason_en ?? p.reason}`
  ),
  /** p.from: 'name', 'preamble' or 'name+preamble' */
  'metadata-inferred': m(
    (p) =>
      `editions.json 中没有此文件的条目，已从${INFERRED_FROM_ZH[p.from] ?? p.from}推断：年份 ${p.year}，地区 ${p.region || '未知'}`,
    (p) =>
      `no editions.json entry for this file; inferred from the ${INFERRED_FROM_EN[p.from] ?? p.from}: year ${p.year}, region ${p.region || 'unknown'}`
  ),
  'metadata-unknown': m(
    () => 'editions.json 中没有此文件的条目，也无法从文件名或开头几行推断年份和地区',
    () => 'no editions.json entry for this file, and neither its name nor its first lines give a year and region'
  ),
  'edition-duplicate-id': m(
    (p) => `版本编号 ${p.id} 重复（另见 ${p.other}）`,
    (p) => `edition id ${p.id} is used twice (also ${p.other})`
  ),

  // ── parsing ────────────────────────────────────────────────────
  'guide-no-tracks': m(
    () =>
      '未找到赛道标题；期望如 赛道一：…、【数据要素×…】、一、…赛道 或单独一行的 …赛道，其下是 一、…、（一）…、赛题1：… 或 1. … 的题目',
    () =>
      'no track headings found; expected headings like 赛道一：…, 【数据要素×…】, 一、…赛道 or a line …赛道, with topics below numbered 一、…, （一）…, 赛题1：… or 1. …'
  ),
  'guide-no-topics': m(
    (p) =>
      `找到 ${p.tracks} 个赛道标题，但其下没有题目；期望赛道标题下是 一、…、（一）…、赛题1：… 或 1. … 的编号题目`,
    (p) =>
      `found ${p.tracks} track heading(s) but no topics under them; expected numbered topics like 一、…, （一）…, 赛题1：… or 1. … below each track`
  ),
  /** p.what: 'track' or 'topic' */
  'numbering-gap': m(
    (p) => `${WHAT_ZH[p.what] ?? p.what}编号跳号：应为 ${p.expected}，实为 ${p.found}`,
    (p) => `${p.what} numbering skips: expected ${p.expected}, found ${p.found}`
  ),
  'numbering-repeat': m(
    (p) => `${WHAT_ZH[p.what] ?? p.what}编号 ${p.found} 重复（第 ${p.first} 行已出现）`,
    (p) => `${p.what} number ${p.found} is repeated (first on line ${p.first})`
  ),
  'numbering-order': m(
    (p) => `${WHAT_ZH[p.what] ?? p.what}编号顺序颠倒：${p.found} 出现在 ${p.previous} 之后`,
    (p) => `${p.what} numbers out of order: ${p.found} comes after ${p.previous}`
  ),
  'topic-before-track': m(
    (p) => `第一个赛道标题之前有 ${p.count} 个题目，无法归入赛道，已忽略`,
    (p) => `${p.count} topic(s) before the first track heading cannot be placed in a track and were left out`
  ),
  'text-before-topic': m(
    (p) => `赛道「${p.track}」中从此行起的 ${p.count} 行文字位于题目之前，无法归入题目，已忽略`,
    (p) => `${p.count} line(s) of text in track 「${p.track}」 from here come before any topic and were left out`
  ),
  'text-unplaced-run': m(
    (p) => `赛道「${p.track}」没有可识别的题目，从此行起的 ${p.count} 行文字无法归入题目，已忽略`,
    (p) => `track 「${p.track}」 has no recognisable topic; ${p.count} line(s) of text from here were left out`
  ),
  'text-unplaced': m(
    (p) => `赛道标记后的文字「${p.text}」不是编号题目，已忽略`,
    (p) => `the text 「${p.text}」 after the track marker is not a numbered topic and was left out`
  ),
  'track-empty': m(
    (p) => `赛道「${p.track}」下没有题目，已略去此赛道`,
    (p) => `track 「${p.track}」 has no topics and was left out`
  ),
  'track-repeated': m(
    (p) => `赛道「${p.track}」再次出现（第 ${p.first} 行首次出现），其后的题目并入该赛道`,
    (p) => `track 「${p.track}」 appears again (first on line ${p.first}); the topics below are added to it`
  ),
  'topic-title-missing': m(
    (p) => `题目 ${p.marker} 没有标题，已用编号代替`,
    (p) => `topic ${p.marker} has no title; its number is used instead`
  ),
  'title-long': m(
    (p) => `题目标题长达 ${p.chars} 字，可能把正文并进了标题`,
    (p) => `the topic title is ${p.chars} characters long; it may have swallowed its paragraph`
  ),

  // ── dictionaries ───────────────────────────────────────────────
  'dict-missing': m(
    (p) => `缺少词典文件 ${p.file}`,
    (p) => `dictionary file ${p.file} is missing`
  ),
  'dict-bad-line': m(
    (p) => `词典格式有误：${p.reason_zh ?? p.reason}`,
    (p) => `dictionary line is malformed: ${p.reason_en ?? p.reason}`
  ),

  // ── segmentation ───────────────────────────────────────────────
  'dict-thesaurus-conflict': m(
    (p) => `同义词表中 ${p.variant} 对应了两个标准词：${p.first}（第 ${p.first_line} 行）和 ${p.second}（第 ${p.line} 行）`,
    (p) => `the thesaurus maps ${p.variant} to two canonical terms: ${p.first} (line ${p.first_line}) and ${p.second} (line ${p.line})`
  ),
  'dict-thesaurus-cycle': m(
    (p) => `同义词表出现循环：${p.cycle}（第 ${p.lines} 行）`,
    (p) => `the thesaurus goes round in a cycle: ${p.cycle} (lines ${p.lines})`
  ),
  'segmenter-unavailable': m(
    (p) => `分词组件 nodejieba 无法加载：${p.reason}；请运行 npm rebuild nodejieba`,
    (p) => `the nodejieba segmenter cannot be loaded: ${p.reason}; run npm rebuild nodejieba`
  ),

  // ── CLI ────────────────────────────────────────────────────────
  'cli-usage': m(
    (p) => `用法错误：${p.reason}`,
    (p) => `usage: ${p.reason}`
  ),
  'cli-failed': m(
    (p) => `分析失败，未改动 ${p.out} 中原有的输出`,
    (p) => `analysis failed; the previous outputs in ${p.out} are unchanged`
  ),
  'preview-failed': m(
    () => '预览失败，请先修正上面的错误',
    () => 'preview failed; fix the errors above first'
  )
} satisfies Record<string, MessageText>;

// ── segmentation: reasons given with 'dict-bad-line' ─────────────
export const DICT_LINE_REASONS = {
  'term-format': m(
    () => '每行写一个词，词中不能有空格',
    () => 'write one term per line, with no spaces inside'
  ),
  'thesaurus-format': m(
    () => '应为两列：变体<Tab>标准词',
    () => 'expected two columns: variant<Tab>canonical'
  ),
  'themes-format': m(
    () => '应为两列：主题<Tab>成员词（多个用、分隔）',
    () => 'expected two columns: theme<Tab>member terms (several separated by 、)'
  ),
  'has-punctuation': m(
    (p) => `“${p.word}”含标点或符号，分词时总会在那里断开，无法成为一个词`,
    (p) => `"${p.word}" contains punctuation or a symbol; the segmenter always splits there, so it can never be one term`
  ),
  'is-number': m(
    (p) => `“${p.word}”是数字，数字不计为词`,
    (p) => `"${p.word}" is a number; numbers are never counted as terms`
  ),
  'maps-to-itself': m(
    (p) => `“${p.word}”映射到它自己`,
    (p) => `"${p.word}" is mapped to itself`
  ),
  'is-stopword': m(
    (p) => `“${p.word}”同时是停用词（stopwords.txt 第 ${p.stop_line} 行），永远不会被计数`,
    (p) => `"${p.word}" is also a stop word (stopwords.txt line ${p.stop_line}), so it would never be counted`
  )
} satisfies Record<string, MessageText>;

export type DictLineReason = keyof typeof DICT_LINE_REASONS;

export type MessageCode = keyof typeof MESSAGES;

export function messageText(code: MessageCode, params: Params = {}): string {
  const text = MESSAGES[code];
  return `${text.zh(params)} / ${text.en(params)}`;
}

export function diagnostic(
  level: Diagnostic['level'],
  code: MessageCode,
  file: string,
  line: number | null,
  params: Params = {}
): Diagnostic {
  return { level, code, file, line, message: messageText(code, params) };
}

/** "file:line: message" — the form editors and terminals turn into links. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line == null ? d.file : `${d.file}:${d.line}`;
  const tag = d.level === 'error' ? '错误 error' : '警告 warning';
  return `${where}: ${tag}: ${d.message}`;
}

/** A failure the pipeline reports to the person; anything else is a bug. */
export class AnalysisError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(d: Diagnostic) {
    super(formatDiagnostic(d));
    this.name = 'AnalysisError';
    this.diagnostic = d;
  }
}

/** Lines the CLI prints that are not diagnostics (phase names, the summary). */
const CLI_TEXT = {
  phase: (p: Params) =>
    ({ read: '读取 read', segment: '分析 analyse', compare: '版本对比 compare', write: '写出 write' })[String(p.phase)] ?? String(p.phase),
  summary: (p: Params) =>
    `完成 done: ${p.editions} 个版本 editions · ${p.tracks} 个赛道 tracks · ${p.topics} 个题目 topics · ` +
    `${p.terms} 个词条 terms · ${p.warnings} 条警告 warnings → ${p.out} (${p.seconds} s)`,
  'more-warnings': (p: Params) => `……另有 ${p.n} 条警告，见 manifest.json / ${p.n} more warnings in manifest.json`,
  'preview-usage': () =>
    [
      '用法 usage:',
      '  npm run preview -- --text "文本" [--dict 目录] [--against 目录]      看一段文本怎样切分 / how a text is cut',
      '  npm run preview -- --against 目录 [--dict 目录] [--top N] [文件或目录…]  词典修改会改变哪些词频 / which counts a dictionary change moves',
      '--dict 是现在的词典（默认 data/dict），--against 是修改后的词典副本；语料默认 data/editions。',
      '--dict is the current dictionary folder (default data/dict), --against an edited copy; the corpus defaults to data/editions.'
    ].join('\n'),
  'preview-now': (p: Params) => `现在 now:      ${p.cut}`,
  'preview-after': (p: Params) => `修改后 after:  ${p.cut}`,
  'preview-same': (p: Params) => `两套词典对这 ${p.passages} 段文本的计数完全相同 / both dictionaries count these ${p.passages} passages identically`,
  'preview-changes': (p: Params) =>
    `${p.n} 个词条的频次会变化（${p.passages} 段文本）/ ${p.n} terms change count (${p.passages} passages); 现在 now → 修改后 after:`,
  'preview-more': (p: Params) => `……另有 ${p.n} 个词条，用 --top 显示更多 / ${p.n} more terms, --top shows more`,
  'preview-example': (p: Params) => `例 e.g. ${p.term} @ ${p.where}`,
  'preview-where': (p: Params) => `${p.edition} 赛道 track ${p.track} 题目 topic ${p.topic}`,
  'preview-mark-generic-verb': () => '⁽通用动词 verb⁾',
  'preview-mark-stopword': () => '⁽停用 stop⁾',
  'preview-mark-number': () => '⁽数 num⁾'
} satisfies Record<string, (p: Params) => string>;

export function cliText(key: keyof typeof CLI_TEXT, params: Params = {}): string {
  return CLI_TEXT[key](params);
}
