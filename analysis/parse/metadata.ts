/**
 * Edition metadata: data/editions/editions.json entries, or what a file's name
 * and title block say when it has no entry.
 *
 * editions.json:
 *   { "editions": [ { "file": "2026-hunan.txt", "edition_id": "2026-hunan", "year": 2026,
 *       "region": "湖南", "title": "…", "source": "…", "notes": "…" } ] }
 * Required: file (base name), year (integer), region. Optional: edition_id (default:
 * the file's stem), title (default: the guide's title block), source, notes (default '').
 */
import type { Diagnostic, EditionMeta } from '../model.ts';
import { AnalysisError, diagnostic } from '../messages.ts';
import { toAsciiDigits } from './numerals.ts';
import { regionFromTokens, regionInText } from './regions.ts';

export interface EditionEntry {
  file: string;
  edition_id: string;
  year: number;
  region: string;
  /** null: take the title from the guide's title block. */
  title: string | null;
  source: string;
  notes: string;
  /** Line of the entry in editions.json, for messages. */
  line: number | null;
}

export interface EditionEntries {
  /** Path of editions.json as given (null when there is none). */
  path: string | null;
  entries: EditionEntry[];
}

const REQUIRED = ['file', 'year', 'region'] as const;
const OPTIONAL = ['edition_id', 'title', 'source', 'notes'] as const;
const ALLOWED_KEYS = new Set<string>([...REQUIRED, ...OPTIONAL]);
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export const stemOf = (name: string) => name.replace(/\.[^.]*$/, '');
const sameName = (a: string, b: string) => a.normalize('NFC') === b.normalize('NFC');

function invalid(path: string, line: number | null, reason: string, reason_en: string): never {
  throw new AnalysisError(diagnostic('error', 'metadata-invalid', path, line, { reason, reason_en }));
}

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function jsonErrorLine(text: string, error: Error): number | null {
  const line = /line (\d+)/.exec(error.message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(error.message);
  if (position) return lineOfOffset(text, Number(position[1]));
  if (/end of JSON input/i.test(error.message)) return text.split('\n').length;
  return null;
}

/** Line of each object directly inside the top-level array (the entries), in order. */
function entryLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (c === '{' && depth === 2) lines.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return lines;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function readEntry(raw: unknown, index: number, path: string, line: number | null): EditionEntry {
  const where = `第 ${index + 1} 个条目`;
  const whereEn = `entry ${index + 1}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    invalid(path, line, `${where}应为对象，实为 ${describe(raw)}`, `${whereEn} should be an object, not ${describe(raw)}`);
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!ALLOWED_KEYS.has(key)) {
      const known = [...ALLOWED_KEYS].join(', ');
      invalid(path, line, `${where}有未知字段 "${key}"（可用：${known}）`, `${whereEn} has an unknown field "${key}" (known: ${known})`);
    }
  }
  for (const key of REQUIRED) {
    if (!(key in record)) invalid(path, line, `${where}缺少字段 "${key}"`, `${whereEn} is missing "${key}"`);
  }
  const text = (key: string, required: boolean, allowEmpty = false): string | null => {
    const value = record[key];
    if (value === undefined || (!required && value === null)) return null;
    if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
      invalid(
        path,
        line,
        `${where}的 "${key}" 应为${allowEmpty ? '' : '非空'}文字，实为 ${JSON.stringify(value)}`,
        `${whereEn}: "${key}" should be a ${allowEmpty ? '' : 'non-empty '}string, not ${JSON.stringify(value)}`
      );
    }
    return value.trim();
  };
  const file = text('file', true)!;
  if (/[/\\]/.test(file)) {
    invalid(path, line, `${where}的 "file" 应为文件名，不含目录：${file}`, `${whereEn}: "file" should be a bare file name without folders: ${file}`);
  }
  const year = record.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    invalid(
      path,
      line,
      `${where}（${file}）的 "year" 应为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数，实为 ${JSON.stringify(year)}`,
      `${whereEn} (${file}): "year" should be a whole number ${MIN_YEAR}–${MAX_YEAR}, not ${JSON.stringify(year)}`
    );
  }
  const editionId = text('edition_id', false) ?? stemOf(file);
  if (/\s|[/\\]/.test(editionId)) {
    invalid(path, line, `${where}的 "edition_id" 不能含空格或斜杠：${editionId}`, `${whereEn}: "edition_id" may not contain spaces or slashes: ${editionId}`);
  }
  return {
    file,
    edition_id: editionId,
    year: year as number,
    region: text('region', true)!,
    title: text('title', false),
    source: text('source', false, true) ?? '',
    notes: text('notes', false, true) ?? '',
    line
  };
}

/** Parses editions.json; null bytes (no such file) give no entries. */
export function loadEditionEntries(bytes: Uint8Array | null, file: string): EditionEntries {
  if (bytes === null) return { path: null, entries: [] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  } catch {
    invalid(file, null, '不是 UTF-8 编码的文本', 'it is not UTF-8 text');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const e = error as Error;
    invalid(file, jsonErrorLine(text, e), `不是有效的 JSON：${e.message}`, `not valid JSON: ${e.message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray((data as { editions?: unknown }).editions)) {
    invalid(file, 1, '应为 { "editions": [ … ] }', 'expected { "editions": [ … ] }');
  }
  for (const key of Object.keys(data as object)) {
    if (key !== 'editions') invalid(file, null, `顶层有未知字段 "${key}"`, `unknown top-level field "${key}"`);
  }
  const lines = entryLines(text);
  const entries = ((data as { editions: unknown[] }).editions).map((raw, i) => readEntry(raw, i, file, lines[i] ?? null));

  for (let i = 0; i < entries.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [entries[j], entries[i]];
      if (a.edition_id === b.edition_id) {
        throw new AnalysisError(
          diagnostic('error', 'edition-duplicate-id', file, b.line, { id: b.edition_id, other: `${a.file}${a.line ? `, line ${a.line}` : ''}` })
        );
      }
      if (sameName(a.file, b.file)) {
        invalid(file, b.line, `文件 ${b.file} 有两个条目（另见第 ${a.line} 行）`, `file ${b.file} has two entries (also line ${a.line})`);
      }
    }
  }
  return { path: file, entries };
}

export function findEntry(entries: EditionEntries, name: string): EditionEntry | null {
  return entries.entries.find((e) => sameName(e.file, name)) ?? null;
}

interface Inferred {
  year: number | null;
  region: string | null;
}

const plausibleYear = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

export function inferFromName(name: string): Inferred {
  const stem = toAsciiDigits(stemOf(name));
  const match = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/.exec(stem);
  const year = match && plausibleYear(Number(match[1])) ? Number(match[1]) : null;
  const rest = match ? stem.slice(0, match.index) + ' ' + stem.slice(match.index + 4) : stem;
  const tokens = rest.replace(/年/g, ' ').split(/[-_\s.,，、()（）]+/).filter(Boolean);
  return { year, region: regionFromTokens(tokens) };
}

export function inferFromPreamble(lines: string[]): Inferred {
  const text = toAsciiDigits(lines.join('\n'));
  const match = /(?<![0-9])((?:19|20)[0-9]{2})\s*年/.exec(text);
  const year = match && plausibleYear(Number(match[1])) ? Number(match[1]) : null;
  return { year, region: regionInText(text) };
}

/** The title block as one line, e.g. 2026年“数据要素×”大赛湖南分赛 赛题指南. */
export function titleFromPreamble(lines: string[]): string {
  return lines.slice(0, 3).join(' ').slice(0, 120).trim();
}

export function resolveEditionMeta(
  name: string,
  path: string,
  preamble: string[],
  entries: EditionEntries
): { meta: EditionMeta; warnings: Diagnostic[] } {
  const title = titleFromPreamble(preamble) || stemOf(name);
  const entry = findEntry(entries, name);
  if (entry) {
    const { edition_id, year, region, source, notes } = entry;
    return { meta: { edition_id, year, region, title: entry.title ?? title, source, notes }, warnings: [] };
  }
  const fromName = inferFromName(name);
  const fromText = inferFromPreamble(preamble);
  const year = fromName.year ?? fromText.year;
  if (year === null) throw new AnalysisError(diagnostic('error', 'metadata-unknown', path, null));
  const region = fromName.region ?? fromText.region ?? '';
  const usedName = fromName.year !== null || fromName.region !== null;
  const usedText = (fromName.year === null && fromText.year !== null) || (fromName.region === null && fromText.region !== null);
  const from = usedName && usedText ? 'name+preamble' : usedText ? 'preamble' : 'name';
  const warning = diagnostic('warning', 'metadata-inferred', path, null, { from, year, region });
  return {
    meta: { edition_id: stemOf(name), year, region, title, source: '', notes: '' },
    warnings: [warning]
  };
}
