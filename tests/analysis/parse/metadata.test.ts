import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AnalysisError } from '../../../analysis/messages.ts';
import {
  inferFromName,
  inferFromPreamble,
  loadEditionEntries,
  resolveEditionMeta,
  type EditionEntries
} from '../../../analysis/parse/metadata.ts';

const JSON_PATH = 'data/editions/editions.json';
const bytes = (text: string) => new TextEncoder().encode(text);
const load = (value: unknown) => loadEditionEntries(bytes(JSON.stringify(value, null, 2)), JSON_PATH);
const NONE: EditionEntries = { path: null, entries: [] };

function loadError(text: string): AnalysisError {
  try {
    loadEditionEntries(bytes(text), JSON_PATH);
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error('expected editions.json to be rejected');
}

const entry = (over: Record<string, unknown> = {}) => ({ file: '2026-hunan.txt', year: 2026, region: '湖南', ...over });

describe('editions.json', () => {
  test('the project file lists both real guides', () => {
    const path = join(import.meta.dirname, '../../../data/editions/editions.json');
    const entries = loadEditionEntries(new Uint8Array(readFileSync(path)), JSON_PATH);
    expect(entries.entries.map((e) => [e.file, e.edition_id, e.year, e.region])).toEqual([
      ['2026-hunan.txt', '2026-hunan', 2026, '湖南'],
      ['2025-fujian-xiamen.txt', '2025-fujian-xiamen', 2025, '福建厦门']
    ]);
    expect(entries.entries[0].title).toBe('2026年“数据要素×”大赛湖南分赛 赛题指南');
    expect(entries.entries[1].notes).toContain('不完整');
  });

  test('optional fields get their defaults', () => {
    const [e] = load({ editions: [entry()] }).entries;
    expect(e).toMatchObject({ file: '2026-hunan.txt', edition_id: '2026-hunan', title: null, source: '', notes: '' });
  });

  test('no editions.json means no entries', () => {
    expect(loadEditionEntries(null, JSON_PATH)).toEqual({ path: null, entries: [] });
  });

  test('a BOM and CRLF line endings are fine', () => {
    const text = '\ufeff{\r\n "editions": [\r\n  {"file": "a.txt", "year": 2026, "region": "湖南"}\r\n ]\r\n}';
    expect(loadEditionEntries(bytes(text), JSON_PATH).entries[0].line).toBe(3);
    expect(load({ editions: [entry(), entry({ file: 'b.txt', edition_id: 'b', notes: '{ "x" }' }), entry({ file: 'c.txt', edition_id: 'c' })] }).entries.map((e) => e.line)).toEqual([3, 8, 15]);
  });

  const bad: [string, string, string, number | null, string][] = [
    ['bad JSON', '{\n  "editions": [\n    { "file": "a.txt", }\n  ]\n}', 'metadata-invalid', 3, 'JSON'],
    ['truncated JSON', '{\n "editions": [', 'metadata-invalid', 2, 'JSON'],
    ['not an object', '[]', 'metadata-invalid', 1, 'editions'],
    ['editions not an array', '{"editions": {}}', 'metadata-invalid', 1, 'editions'],
    ['unknown top-level field', '{"editions": [], "extra": 1}', 'metadata-invalid', null, 'extra'],
    ['entry not an object', '{"editions": ["2026-hunan.txt"]}', 'metadata-invalid', null, 'string'],
    ['missing region', JSON.stringify({ editions: [{ file: 'a.txt', year: 2026 }] }, null, 1), 'metadata-invalid', 3, 'region'],
    ['year as text', JSON.stringify({ editions: [entry({ year: '2026' })] }, null, 1), 'metadata-invalid', 3, 'year'],
    ['year out of range', JSON.stringify({ editions: [entry({ year: 26 })] }, null, 1), 'metadata-invalid', 3, 'year'],
    ['empty region', JSON.stringify({ editions: [entry({ region: ' ' })] }, null, 1), 'metadata-invalid', 3, 'region'],
    ['title not text', JSON.stringify({ editions: [entry({ title: 5 })] }, null, 1), 'metadata-invalid', 3, 'title'],
    ['misspelt field', JSON.stringify({ editions: [entry({ yaer: 2026 })] }, null, 1), 'metadata-invalid', 3, 'yaer'],
    ['file with folders', JSON.stringify({ editions: [entry({ file: 'data/a.txt' })] }, null, 1), 'metadata-invalid', 3, 'data/a.txt'],
    ['edition id with spaces', JSON.stringify({ editions: [entry({ edition_id: 'a b' })] }, null, 1), 'metadata-invalid', 3, 'a b'],
    [
      'duplicate edition id',
      JSON.stringify({ editions: [entry(), entry({ file: 'b.txt', edition_id: '2026-hunan' })] }, null, 1),
      'edition-duplicate-id',
      8,
      '2026-hunan'
    ],
    [
      'duplicate file',
      JSON.stringify({ editions: [entry(), entry({ edition_id: 'other' })] }, null, 1),
      'metadata-invalid',
      8,
      '2026-hunan.txt'
    ]
  ];

  test.each(bad)('%s', (_, text, code, line, mentions) => {
    const error = loadError(text);
    expect(error.diagnostic.code).toBe(code);
    expect(error.diagnostic.file).toBe(JSON_PATH);
    expect(error.diagnostic.line).toBe(line);
    expect(error.message).toContain(JSON_PATH);
    expect(error.message).toContain(mentions);
  });

  test('editions.json that is not UTF-8', () => {
    expect(() => loadEditionEntries(new Uint8Array([0x7b, 0xff, 0x7d]), JSON_PATH)).toThrow(AnalysisError);
  });
});

describe('inference', () => {
  test.each([
    ['2027-hunan.txt', 2027, '湖南'],
    ['2025-fujian-xiamen.txt', 2025, '福建厦门'],
    ['2025_xiamen.docx', 2025, '福建厦门'],
    ['2026-shaanxi.md', 2026, '陕西'],
    ['2026-neimenggu-guide.txt', 2026, '内蒙古'],
    ['2026-fujian-zhangzhou.txt', 2026, '福建zhangzhou'],
    ['2026年湖南分赛赛题指南.docx', 2026, '湖南'],
    ['hunan-2024.txt', 2024, '湖南'],
    ['guide.txt', null, null],
    ['20261-x.txt', null, 'x']
  ])('from the file name %s', (name, year, region) => {
    expect(inferFromName(name)).toEqual({ year, region });
  });

  test.each([
    [['2026年“数据要素×”大赛湖南分赛', '赛题指南'], 2026, '湖南'],
    [['2025年“数据要素×”大赛福建分赛厦门赛区', '赛题列表'], 2025, '福建厦门'],
    [['２０２６年数据要素大赛', '深圳赛区'], 2026, '广东深圳'],
    [['“数据要素×”大赛全国总决赛'], null, '全国'],
    [['赛题指南'], null, null]
  ])('from the title block %j', (lines, year, region) => {
    expect(inferFromPreamble(lines)).toEqual({ year, region });
  });
});

describe('resolveEditionMeta', () => {
  const preamble = ['2026年“数据要素×”大赛湖南分赛', '赛题指南'];

  test('an entry wins and gives no warning; its title defaults to the title block', () => {
    const entries = load({ editions: [entry({ source: '主办方' })] });
    const { meta, warnings } = resolveEditionMeta('2026-hunan.txt', 'in/2026-hunan.txt', preamble, entries);
    expect(meta).toEqual({
      edition_id: '2026-hunan',
      year: 2026,
      region: '湖南',
      title: '2026年“数据要素×”大赛湖南分赛 赛题指南',
      source: '主办方',
      notes: ''
    });
    expect(warnings).toEqual([]);
  });

  test('inferred from the file name, with a warning saying so', () => {
    const { meta, warnings } = resolveEditionMeta('2027-hunan.txt', 'in/2027-hunan.txt', ['赛题指南'], NONE);
    expect(meta).toMatchObject({ edition_id: '2027-hunan', year: 2027, region: '湖南', title: '赛题指南' });
    expect(warnings.map((w) => [w.code, w.file])).toEqual([['metadata-inferred', 'in/2027-hunan.txt']]);
    expect(warnings[0].message).toContain('文件名');
    expect(warnings[0].message).toContain('2027');
  });

  test('inferred from the title block when the name says nothing', () => {
    const { meta, warnings } = resolveEditionMeta('guide.docx', 'in/guide.docx', preamble, NONE);
    expect(meta).toMatchObject({ edition_id: 'guide', year: 2026, region: '湖南' });
    expect(warnings[0].message).toContain('开头几行');
    expect(warnings[0].message).toContain('first lines');
  });

  test('year from the name, region from the title block', () => {
    const { meta, warnings } = resolveEditionMeta('2026.txt', 'in/2026.txt', preamble, NONE);
    expect(meta).toMatchObject({ year: 2026, region: '湖南' });
    expect(warnings[0].message).toContain('文件名和开头几行');
  });

  test('an entry for another file does not apply', () => {
    const entries = load({ editions: [entry()] });
    const { warnings } = resolveEditionMeta('2027-hunan.txt', 'in/2027-hunan.txt', [], entries);
    expect(warnings.map((w) => w.code)).toEqual(['metadata-inferred']);
  });

  test('no year anywhere is an error naming the file', () => {
    expect.assertions(3);
    try {
      resolveEditionMeta('guide.txt', 'in/guide.txt', ['赛题指南'], NONE);
    } catch (error) {
      expect(error).toBeInstanceOf(AnalysisError);
      expect((error as AnalysisError).diagnostic.code).toBe('metadata-unknown');
      expect((error as AnalysisError).message).toContain('in/guide.txt');
    }
  });
});
