/**
 * Edition metadata as the page edits it: the fields a person types (year, region, title),
 * checked with sentences that name the field; edition ids and stored file names made here
 * from the year and region (2027-hunan, 2025-fujian-xiamen), never taken from the client;
 * and editions.json rewritten with one entry added, changed or removed.
 */
import { loadEditionEntries } from '../../../../analysis/parse/index.ts';
import { CITIES, PROVINCES } from '../../../../analysis/parse/regions.ts';
import type { GuideFormat } from '../../../../analysis/parse/decode.ts';
import { refuse } from './errors.ts';
import { UPLOAD_LIMITS } from './limits.ts';

export interface EditionFields {
  year?: number;
  region?: string;
  title?: string;
}

const FIELDS = ['year', 'region', 'title'] as const;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const badField = (field: string, reason: string, reason_en: string) => refuse(400, 'api-bad-field', { field, reason, reason_en });

function checkText(field: 'region' | 'title', value: unknown): string {
  if (typeof value !== 'string') throw badField(field, '应为文字', 'it should be text');
  const text = value.trim();
  const max = UPLOAD_LIMITS.fieldChars[field];
  if (text === '') throw badField(field, '不能为空', 'it cannot be empty');
  if ([...text].length > max) throw badField(field, `不能超过 ${max} 个字符`, `it cannot be longer than ${max} characters`);
  if (CONTROL.test(text)) throw badField(field, '不能含换行或控制字符', 'it cannot contain line breaks or control characters');
  if (field === 'region' && /[/\\]/.test(text)) throw badField(field, '不能含斜杠', 'it cannot contain slashes');
  return text;
}

function checkYear(value: unknown): number {
  const year = typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : value;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw badField('year', `应为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数`, `it should be a whole number from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
  return year;
}

/** Fields from a form or JSON object; unknown keys are refused, empty form values mean "not given". */
export function readFields(raw: Record<string, unknown>, options: { allowEmpty: boolean }): EditionFields {
  const fields: EditionFields = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(FIELDS as readonly string[]).includes(key)) throw refuse(400, 'api-unknown-field', { field: key, known: FIELDS.join(', ') });
    if (value === undefined || value === null || (options.allowEmpty && value === '')) continue;
    if (key === 'year') fields.year = checkYear(value);
    else fields[key as 'region' | 'title'] = checkText(key as 'region' | 'title', value);
  }
  return fields;
}

const PINYIN = new Map<string, string>();
for (const [pinyin, name] of Object.entries(PROVINCES)) if (!PINYIN.has(name)) PINYIN.set(name, pinyin);
for (const [pinyin, [name]] of Object.entries(CITIES)) if (!PINYIN.has(name)) PINYIN.set(name, pinyin);
const NAMES_LONGEST_FIRST = [...PINYIN.keys()].sort((a, b) => b.length - a.length);

/** 湖南 → hunan, 福建厦门 → fujian-xiamen; ASCII kept as typed; other text gives 'edition'. */
export function regionSlug(region: string): string {
  const parts: string[] = [];
  let rest = region.replace(/(省|市|自治区|特别行政区|分赛|赛区)/g, '');
  while (rest.length > 0) {
    const name = NAMES_LONGEST_FIRST.find((n) => rest.startsWith(n));
    if (name) {
      parts.push(PINYIN.get(name)!);
      rest = rest.slice(name.length);
      continue;
    }
    const ascii = /^[A-Za-z0-9]+/.exec(rest);
    if (ascii) parts.push(ascii[0].toLowerCase());
    rest = rest.slice(ascii ? ascii[0].length : 1);
  }
  return parts.join('-') || 'edition';
}

/** `<year>-<region>` made unique against ids and stored file stems already taken (-2, -3, …). */
export function newEditionId(year: number, region: string, taken: ReadonlySet<string>): string {
  const base = `${year}-${regionSlug(region)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const FORMAT_EXTENSION: Record<GuideFormat, string> = { pdf: '.pdf', docx: '.docx', text: '.txt' };

interface RawEntry {
  file: string;
  edition_id?: string;
  [key: string]: unknown;
}

interface RawEditions {
  editions: RawEntry[];
  [key: string]: unknown;
}

/** editions.json as written (checked the way the analysis checks it), or an empty list when absent. */
export function parseEditionsJson(bytes: Uint8Array | undefined): RawEditions {
  if (bytes === undefined) return { editions: [] };
  loadEditionEntries(bytes, 'editions/editions.json');
  return JSON.parse(new TextDecoder().decode(bytes).replace(/^\ufeff/, '')) as RawEditions;
}

export const serializeEditions = (data: RawEditions) => new TextEncoder().encode(JSON.stringify(data, null, 2) + '\n');

const stem = (file: string) => file.replace(/\.[^.]*$/, '');
const idOf = (entry: RawEntry) => entry.edition_id ?? stem(entry.file);

export function findEntry(data: RawEditions, id: string): RawEntry | undefined {
  return data.editions.find((e) => idOf(e) === id);
}

export function withEntry(data: RawEditions, entry: RawEntry): RawEditions {
  return { ...data, editions: [...data.editions, entry] };
}

export function withoutEntry(data: RawEditions, id: string): RawEditions {
  return { ...data, editions: data.editions.filter((e) => idOf(e) !== id) };
}

export function withChangedEntry(data: RawEditions, id: string, changes: EditionFields, fallback: RawEntry): RawEditions {
  const current = findEntry(data, id);
  const entry = { ...(current ?? fallback), ...changes };
  return current ? { ...data, editions: data.editions.map((e) => (e === current ? entry : e)) } : withEntry(data, entry);
}
