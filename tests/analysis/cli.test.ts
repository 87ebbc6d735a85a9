import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../analysis/cli.ts';
import type { Manifest } from '../../analysis/contract.ts';
import { sha256Hex } from '../../analysis/hash.ts';

const ROOT = join(import.meta.dirname, '../..');
const DICT = join(ROOT, 'data/dict');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]
  );
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [relative(dir, f), sha256Hex(readFileSync(f))]));
}

function captureOutput() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('npm run analyze, end to end', () => {
  let work: string;
  let editions: string;
  let out: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'crosstrack-cli-'));
    editions = join(work, 'editions');
    out = join(work, 'out');
    cpSync(join(ROOT, 'data/editions'), editions, { recursive: true });
  });

  it('analyses the bundled editions and reports a summary', async () => {
    const { out: stdout, err } = captureOutput();
    const code = await main([editions, '--out', out, '--dict', DICT]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const manifest: Manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.summary).toMatchObject({ editions: 2, tracks: 26, topics: 170 });
    expect(manifest.editions.map((e) => e.edition_id)).toEqual(['2025-fujian-xiamen', '2026-hunan']);
    for (const table of manifest.tables) {
      const bytes = readFileSync(join(out, table.file));
      expect(sha256Hex(bytes), table.name).toBe(table.sha256);
      const csv = readFileSync(join(out, table.csv));
      expect([...csv.subarray(0, 3)], table.name).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.toString('utf8').split('\r\n').length - 2, `${table.name} csv rows`).toBe(table.rows);
    }
    expect(stdout.join('')).toContain('2 个版本 editions · 26 个赛道 tracks · 170 个题目 topics');
    // Not a terminal: plain progress lines, no bar control characters.
    expect(err.join('')).toContain('读取 read 2/2');
    expect(err.join('')).not.toMatch(/\u001b\[/);
  });

  it('writes byte-identical outputs on a second run', async () => {
    const before = snapshot(out);
    captureOutput();
    expect(await main([editions, '--out', out, '--dict', DICT, '--quiet'])).toBe(0);
    expect(snapshot(out)).toEqual(before);
  });

  it('fails on a bad file, names it, and leaves the previous outputs byte-identical', async () => {
    const before = snapshot(out);
    writeFileSync(join(editions, '2027-broken.txt'), '这份文件只有一段说明，没有赛道，也没有题目。\n');
    const { err } = captureOutput();
    const code = await main([editions, '--out', out, '--dict', DICT, '--quiet']);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(err.join('')).toContain('2027-broken.txt');
    expect(err.join('')).toContain('未改动');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['editions', 'out']);
  });

  it('reports every bad file at once', async () => {
    writeFileSync(join(editions, '2028-empty.txt'), '');
    const { err } = captureOutput();
    const code = await main([editions, '--out', out, '--dict', DICT, '--quiet']);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    const text = err.join('');
    expect(text).toContain('2027-broken.txt');
    expect(text).toContain('2028-empty.txt');
  });

  it('rejects a missing input and bad options without touching outputs', async () => {
    const before = snapshot(out);
    captureOutput();
    expect(await main([join(work, 'nowhere'), '--out', out, '--dict', DICT, '--quiet'])).toBe(1);
    expect(await main([editions, '--out', out, '--min-pair', '0'])).toBe(2);
    expect(await main([editions, '--out', out, '--workers', 'x'])).toBe(2);
    vi.restoreAllMocks();
    expect(snapshot(out)).toEqual(before);
  });

  it('fails with the dictionary file and line when a dictionary is malformed', async () => {
    const dict = join(work, 'dict');
    cpSync(DICT, dict, { recursive: true });
    writeFileSync(join(dict, 'thesaurus.tsv'), 'AI\t人工智能\n只有一列\n');
    const single = join(ROOT, 'data/editions/2026-hunan.txt');
    const { err } = captureOutput();
    const code = await main([single, '--out', join(work, 'out2'), '--dict', dict, '--quiet']);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/thesaurus\.tsv:2/);
    expect(existsSync(join(work, 'out2'))).toBe(false);
  });
});
