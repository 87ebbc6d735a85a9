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
    (p) => `这是二进制文件（${p.kind}），不是赛题指南文本；请提供 .txt、.md、.docx 或 .pdf`,
    (p) => `this is a binary file (${p.kind}), not guide text; give a .txt, .md, .docx or .pdf file`
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
    (p) => `在 ${p.path} 中没有找到赛题指南文件（.txt、.md、.docx、.pdf）`,
    (p) => `no guide files (.txt, .md, .docx, .pdf) found in ${p.path}`
  ),
  'input-missing': m(
    (p) => `找不到输入：${p.path}`,
    (p) => `input not found: ${p.path}`
  ),

  // ── PDF (parse/pdf.ts) ─────────────────────────────────────────
  'pdf-invalid': m(
    (p) => `无法读取 PDF：文件已损坏或不是有效的 PDF（${p.reason}）`,
    (p) => `cannot read the PDF: the file is damaged or not a valid PDF (${p.reason})`
  ),
  'pdf-encrypted': m(
    () => '这份 PDF 设有打开密码，无法读取；请提供未加密的 PDF、.docx 或 .txt',
    () => 'this PDF is password-protected and cannot be read; give an unencrypted PDF, .docx or .txt'
  ),
  'pdf-no-text': m(
    (p) => `这份 PDF（共 ${p.pages} 页）没有文字层，可能是扫描件或图片，无法读出文字；请提供带文字的 PDF、.docx 或 .txt，或先做文字识别（OCR）`,
    (p) => `this PDF (${p.pages} page(s)) has no text layer; it is probably a scan or an image, so no text can be read. Give a PDF with text, a .docx or a .txt, or run text recognition (OCR) first`
  ),
  'pdf-pages-without-text': m(
    (p) => `第 ${p.pages} 页没有文字层（可能是扫描的图片），这些页的内容未能读取`,
    (p) => `page(s) ${p.pages} have no text layer (probably scanned images); their content could not be read`
  ),
  'pdf-too-many-pages': m(
    (p) => `PDF 有 ${p.pages} 页，超过上限 ${p.max} 页，未读取`,
    (p) => `the PDF has ${p.pages} pages, more than the limit of ${p.max}; it was not read`
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

  // ── reliability: unsafe paths, input limits, environment errors (issue #7) ──
  /** p.kind_zh / p.kind_en: what the path is instead (a folder, a FIFO pipe, a device, a socket) */
  'file-not-regular': m(
    (p) => `这不是普通文件，而是${p.kind_zh}；为安全起见没有打开它。请给出 .txt、.md 或 .docx 文件`,
    (p) => `this is not a regular file but ${p.kind_en}; it was not opened. Give a .txt, .md or .docx file`
  ),
  'file-too-large': m(
    (p) => `文件大小 ${p.size} 超过上限 ${p.limit}${p.hint_zh ? `；${p.hint_zh}` : ''}`,
    (p) => `the file is ${p.size}, more than the limit of ${p.limit}${p.hint_en ? `; ${p.hint_en}` : ''}`
  ),
  'corpus-too-large': m(
    (p) => `输入的指南文件共 ${p.size}，超过一次分析的上限 ${p.limit}；请分批分析`,
    (p) => `the guide files add up to ${p.size}, more than the limit of ${p.limit} for one run; analyse them in batches`
  ),
  'path-system': m(
    () => '这是系统目录（/proc、/sys 或 /dev）中的路径，不是赛题指南或输出文件夹；没有读写它',
    () => 'this path is in a system folder (/proc, /sys or /dev), not a guide or an output folder; it was not touched'
  ),
  /** p.reason_zh / p.reason_en from fsFailure (analysis/files.ts) */
  'fs-error': m(
    (p) => String(p.reason_zh),
    (p) => String(p.reason_en)
  ),
  'file-too-large-to-process': m(
    () => '文件内容太大，无法在内存中处理；请拆分后再试',
    () => 'the content is too large to process in memory; split the file and try again'
  ),
  'line-too-long': m(
    (p) => `这一行有 ${p.chars} 个字符，超过每行上限 ${p.limit}；可能不是赛题指南文本，或整篇文字没有换行`,
    (p) => `this line has ${p.chars} characters, more than the limit of ${p.limit} per line; the file may not be guide text, or has no line breaks`
  ),
  'too-many-tracks': m(
    (p) => `找到 ${p.count} 个赛道，超过每份指南的上限 ${p.limit}；从此行起的赛道超出上限`,
    (p) => `found ${p.count} tracks, more than the limit of ${p.limit} per guide; the tracks from this line on are over the limit`
  ),
  'too-many-topics': m(
    (p) => `找到 ${p.count} 个题目，超过每份指南的上限 ${p.limit}；从此行起的题目超出上限`,
    (p) => `found ${p.count} topics, more than the limit of ${p.limit} per guide; the topics from this line on are over the limit`
  ),
  'docx-too-many-entries': m(
    (p) => `Word 文档压缩包里有 ${p.count} 个部件，超过上限 ${p.limit}；这不像正常的 Word 文档（可能是压缩炸弹）`,
    (p) => `the Word archive holds ${p.count} entries, more than the limit of ${p.limit}; this is not a normal Word document (perhaps a zip bomb)`
  ),
  /** p.what_zh / p.what_en: 'XML content' or 'all parts' */
  'docx-too-large': m(
    (p) => `Word 文档解压后的${p.what_zh}超过上限 ${p.limit}；这不像正常的 Word 文档（可能是压缩炸弹）`,
    (p) => `the Word document's ${p.what_en} inflate to more than the limit of ${p.limit}; this is not a normal Word document (perhaps a zip bomb)`
  ),
  /** The dashboard derives the pairs in the browser; this many pair rows would not fit a tab. */
  'cooccurrence-too-many': m(
    (p) => `版本 ${p.edition} 的题目和句子里同现的词对共 ${p.count} 对，超过上限 ${p.limit} 对，看板无法在浏览器里计算它的共现网络；文本可能过长或不是赛题指南`,
    (p) => `edition ${p.edition} has ${p.count} term pairs within its topics and sentences, more than the limit of ${p.limit}: the dashboard could not compute its co-occurrence network in the browser; the text may be too long or not a guide`
  ),
  'dict-not-utf8': m(
    (p) => `词典文件不是 UTF-8 编码${p.gb ? '（看起来是 GBK/GB18030）' : ''}；请用记事本或 WPS 另存为 UTF-8`,
    (p) => `the dictionary file is not UTF-8${p.gb ? ' (it looks like GBK/GB18030)' : ''}; save it as UTF-8`
  ),
  'out-not-folder': m(
    (p) => `--out 指向的是${p.kind_zh}，不是文件夹；没有改动它。请给出一个空文件夹、新文件夹或以前的分析输出文件夹`,
    (p) => `--out names ${p.kind_en}, not a folder; it was left alone. Give an empty or new folder, or a previous analysis output`
  ),
  'out-not-ours': m(
    (p) => `--out 文件夹不是空的（有 ${p.count} 项，如 ${p.example}），也不是 Crosstrack 的分析输出（没有 Crosstrack 的 manifest.json）；为免删除其中的文件，没有写入。请给出一个空文件夹或新文件夹`,
    (p) => `the --out folder is not empty (${p.count} entries, e.g. ${p.example}) and is not a Crosstrack output (no Crosstrack manifest.json); nothing was written, so nothing in it is lost. Give an empty or new folder`
  ),
  'out-foreign-file': m(
    (p) => `--out 文件夹是以前的分析输出，但其中有不属于分析结果的 ${p.entry}；为免删除它，没有写入。请把它移走，或换一个输出文件夹`,
    (p) => `the --out folder is a previous output but holds ${p.entry}, which the analysis did not write; nothing was written, so it is not lost. Move it away or choose another folder`
  ),
  /** p.what_zh / p.what_en: 'an input' / 'the dictionary folder'; p.relation_zh / p.relation_en */
  'out-overlaps-input': m(
    (p) => `--out 文件夹${p.relation_zh}${p.what_zh} ${p.path}；输出不能与输入或词典重叠，否则会覆盖它们。请换一个输出文件夹`,
    (p) => `the --out folder ${p.relation_en} ${p.what_en} ${p.path}; the output may not overlap an input or the dictionaries, it would replace them. Choose another folder`
  ),
  'cli-workers-clamped': m(
    (p) => `--workers ${p.asked} 超过本机的 ${p.cores} 个处理器核心，已按 ${p.used} 个运行`,
    (p) => `--workers ${p.asked} is more than this machine's ${p.cores} cores; running ${p.used}`
  ),
  'cli-ambiguous-argument': m(
    (p) => `${p.arg} 既可以是选项，也是一个已有文件的名字；若指文件，请写成 ./${p.arg}，或放在单独的 -- 之后`,
    (p) => `${p.arg} could be an option, and it is also the name of an existing file; for the file write ./${p.arg}, or put it after a lone --`
  ),

  // ── CLI ────────────────────────────────────────────────────────
  'cli-usage': m(
    (p) => `用法错误：${p.reason_zh ?? p.reason}`,
    (p) => `usage: ${p.reason_en ?? p.reason}`
  ),
  'cli-failed': m(
    (p) => `分析失败，未改动 ${p.out} 中原有的输出`,
    (p) => `analysis failed; the previous outputs in ${p.out} are unchanged`
  ),
  'preview-failed': m(
    () => '预览失败，请先修正上面的错误',
    () => 'preview failed; fix the errors above first'
  ),

  // ── workspace: the data-management API (src/lib/server/workspace) ─
  'api-no-file': m(
    () => '请求中没有文件：请在表单字段 file 中上传一份赛题指南（.txt、.md、.docx 或 .pdf）',
    () => 'the request holds no file: upload one guide (.txt, .md, .docx or .pdf) in the form field "file"'
  ),
  'api-not-multipart': m(
    () => '请求应为 multipart/form-data 表单，文件放在字段 file 中',
    () => 'the request should be a multipart/form-data form with the file in the field "file"'
  ),
  'api-too-large': m(
    (p) => `${p.what} ${p.size}，超过上限 ${p.max}`,
    (p) => `${p.what_en} ${p.size}, more than the limit of ${p.max}`
  ),
  'api-zip-bomb': m(
    (p) => `这个 Word 文件解压后有 ${p.size}，超过上限 ${p.max}（可能是“压缩炸弹”），未读取`,
    (p) => `this Word file would inflate to ${p.size}, more than the limit of ${p.max} (possibly a zip bomb); it was not read`
  ),
  'api-bad-json': m(
    (p) => `请求内容不是有效的 JSON：${p.reason}`,
    (p) => `the request body is not valid JSON: ${p.reason}`
  ),
  'api-bad-field': m(
    (p) => `字段 ${p.field} 有误：${p.reason}`,
    (p) => `the field ${p.field} is not valid: ${p.reason_en}`
  ),
  'api-unknown-field': m(
    (p) => `不认识的字段 ${p.field}（可用：${p.known}）`,
    (p) => `unknown field ${p.field} (known: ${p.known})`
  ),
  'api-region-needed': m(
    () => '无法从文件名或文件开头推断地区，请填写地区（如 湖南、福建厦门）',
    () => 'the region cannot be inferred from the file name or its first lines; fill in the region (e.g. 湖南, 福建厦门)'
  ),
  'api-year-needed': m(
    () => '无法从文件名或文件开头推断年份，请填写年份（如 2027）',
    () => 'the year cannot be inferred from the file name or its first lines; fill in the year (e.g. 2027)'
  ),
  'api-edition-unknown': m(
    (p) => `没有编号为 ${p.id} 的版本`,
    (p) => `there is no edition ${p.id}`
  ),
  'api-dict-unknown': m(
    (p) => `没有名为 ${p.name} 的词典；可用：${p.known}`,
    (p) => `there is no dictionary ${p.name}; known: ${p.known}`
  ),
  'api-last-edition': m(
    () => '这是最后一个版本，删除后看板将没有数据；请先添加新版本再删除',
    () => 'this is the last edition; deleting it would leave the dashboard without data. Add another edition first'
  ),
  'api-nothing-to-undo': m(
    () => '没有可以撤销的操作',
    () => 'there is nothing to undo'
  ),
  'api-undo-conflict': m(
    (p) => `无法撤销“${p.step}”：${p.file} 在此之后已在数据管理之外被改动；为免丢失这些改动，未做任何更改`,
    (p) => `cannot undo "${p.step_en}": ${p.file} was changed outside data management since; to keep those changes nothing was done`
  ),
  'api-busy': m(
    (p) => `已有 ${p.queued} 项更改在排队等待重新分析，请稍后再试`,
    (p) => `${p.queued} changes are already waiting for re-analysis; try again shortly`
  ),
  'api-read-only': m(
    () => '此服务器以只读方式运行，不能更改数据',
    () => 'this server runs read-only; data cannot be changed'
  ),
  'api-token-required': m(
    () => '需要访问令牌：此服务器对局域网开放，更改数据须提供管理员设置的 CROSSTRACK_TOKEN',
    () => 'an access token is needed: this server is open to the network, and changes need the CROSSTRACK_TOKEN its administrator set'
  ),
  'api-token-wrong': m(
    () => '访问令牌不正确',
    () => 'the access token is not correct'
  ),
  'api-cross-origin': m(
    (p) => `拒绝来自其他网站（${p.origin}）的更改请求`,
    (p) => `a change request from another site (${p.origin}) was refused`
  ),
  'api-no-workspace': m(
    (p) => `工作区 ${p.path} 中缺少 ${p.missing}，无法管理数据`,
    (p) => `the workspace ${p.path} lacks ${p.missing}; data cannot be managed`
  ),
  'api-unsafe-start': m(
    (p) => `HOST=${p.host} 对局域网开放，但没有设置 CROSSTRACK_TOKEN：请设置一个至少 16 个字符的令牌以允许更改数据，或设置 CROSSTRACK_READONLY=1 以只读方式运行`,
    (p) => `HOST=${p.host} is open to the network but CROSSTRACK_TOKEN is not set: set a token of at least 16 characters to allow changes, or CROSSTRACK_READONLY=1 to serve read-only`
  ),
  'api-short-token': m(
    () => 'CROSSTRACK_TOKEN 太短：至少需要 16 个字符',
    () => 'CROSSTRACK_TOKEN is too short: it needs at least 16 characters'
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
  ),
  // ── reliability (issue #7) ──
  'too-long': m(
    (p) => `“${p.word}”有 ${p.chars} 个字，超过词长上限 ${p.limit}；每行应只写一个词`,
    (p) => `"${p.word}" has ${p.chars} characters, more than the limit of ${p.limit}; write one term per line`
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
  const where = d.page != null ? `${d.file}: 第 ${d.page} 页 page ${d.page}` : d.line == null ? d.file : `${d.file}:${d.line}`;
  const tag = d.level === 'error' ? '错误 error' : '警告 warning';
  return `${where}: ${tag}: ${d.message}`;
}

// ── reliability (issue #7): what reaches a terminal ──
/**
 * C0 and C1 controls (ESC starts ANSI/OSC sequences that recolour, retitle or rewrite a
 * terminal; CR and LF could forge a message line), DEL, and invisible or direction-changing
 * format characters, which can make a path or a track name read as something else.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Text from guides, dictionaries and paths, safe to print: every unprintable character as \xHH or \uHHHH. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
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
    ({ read: '读取 read', segment: '分析 analyse', compare: '版本对比 compare', write: '写出 write', parquet: '写出 Parquet parquet' })[String(p.phase)] ??
    String(p.phase),
  summary: (p: Params) =>
    `完成 done: ${p.editions} 个版本 editions · ${p.tracks} 个赛道 tracks · ${p.topics} 个题目 topics · ` +
    `${p.terms} 个词条 terms · ${p.warnings} 条警告 warnings → ${p.out} (${p.seconds} s)`,
  'more-warnings': (p: Params) => `……另有 ${p.n} 条警告，见 manifest.json / ${p.n} more warnings in manifest.json`,
  'analyze-usage': () =>
    [
      '用法 usage: npm run analyze -- [文件或目录…] [--out 目录] [--dict 目录] [--min-pair N] [--workers N] [--max-file-mb N] [--format arrow|parquet] [--quiet] [--timings] [--help]',
      '--format parquet 另在每个 .arrow 表旁写一份 <表>.parquet（zstd），供 DuckDB、Polars、Spark 使用；看板仍读 Arrow / --format parquet also writes <table>.parquet (zstd) beside each .arrow table for DuckDB, Polars or Spark; the dashboard keeps reading Arrow',
      '文件名以 - 开头时写成 ./-文件名，或放在单独的 -- 之后 / a file name starting with - goes as ./-name, or after a lone --'
    ].join('\n'),
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
