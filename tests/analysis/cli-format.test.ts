import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main, parseCliArgs } from '../../analysis/cli.ts';
import { TABLES, type Manifest } from '../../analysis/contract.ts';
import { loadTables } from '../../src/lib/db/load.ts';
import { openNodeConnector } from '../../src/lib/db/node.ts';
import { sha256Hex } from '../../analysis/hash.ts';
import { AnalysisError } from '../../analysis/messages.ts';
import { fsFailure } from '../../analysis/files.ts';

/** A Parquet write that fails when a test asks it to, as a full disk would. */
const failParquet = vi.hoisted(() => ({ on: false }));
vi.mock('../../analysis/write/parquet.ts', async (original) => {
  const actual = await original<typeof import('../../analysis/write/parquet.ts')>();
  return {
    ...actual,
    writeParquetTables: async (...args: Parameters<typeof actual.writeParquetTables>) => {
      if (failParquet.on) throw fsFailure(Object.assign(new Error('full'), { code: 'ENOSPC' }), join(args[0], 'term_topic.parquet'), 'write');
      return actual.writeParquetTables(...args);
    }
  };
});

const ROOT = join(import.meta.dirname, '../..');
const DICT = join(ROOT, 'data/dict');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [relative(dir, f), sha256Hex(readFileSync(f))]));
const quiet = () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
};
afterEach(() => {
  vi.restoreAllMocks();
  failParquet.on = false;
});

describe('--format', () => {
  it('is arrow unless asked, parquet when asked, and anything else is refused naming the choices', () => {
    expect(parseCliArgs([]).format).toBe('arrow');
    expect(parseCliArgs(['--format', 'parquet']).format).toBe('parquet');
    expect(parseCliArgs(['--format=Parquet']).format).toBe('parquet');
    let error: unknown;
    try {
      parseCliArgs(['--format', 'xlsx']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnalysisError);
    expect((error as AnalysisError).message).toContain('--format xlsx');
    expect((error as AnalysisError).message).toContain('arrow');
    expect((error as AnalysisError).message).toContain('parquet');
  });

  it('--help prints the usage, --format parquet included, and exits 0', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    expect(await main(['--help'])).toBe(0);
    expect(out.join('')).toContain('--format arrow|parquet');
    expect(out.join('')).toContain('.parquet');
  });
});

describe('npm run analyze -- --format parquet on the bundled editions', () => {
  const work = mkdtempSync(join(tmpdir(), 'crosstrack-format-'));
  const editions = join(work, 'editions');
  const out = join(work, 'out');
  const plain = join(work, 'plain');
  let manifest: Manifest;
  let instance: DuckDBInstance;

  beforeAll(async () => {
    cpSync(join(ROOT, 'data/editions'), editions, { recursive: true });
    quiet();
    expect(await main([editions, '--out', out, '--dict', DICT, '--format', 'parquet', '--quiet'])).toBe(0);
    expect(await main([editions, '--out', plain, '--dict', DICT, '--quiet'])).toBe(0);
    vi.restoreAllMocks();
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  });
  afterAll(() => {
    instance.closeSync();
    rmSync(work, { recursive: true, force: true });
  });

  it('lists a Parquet file per table in the manifest, beside the Arrow table', () => {
    for (const table of manifest.tables) {
      expect(table.parquet).toBe(`${table.name}.parquet`);
      expect(existsSync(join(out, table.parquet!))).toBe(true);
    }
  });

  it('every Parquet file holds the Arrow table of the same run: the same rows, every value, in order', async () => {
    const conn = await instance.connect();
    for (const table of manifest.tables) {
      const parquet = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${join(out, table.parquet!)}')`)).getRowObjectsJS();
      const arrow = tableFromIPC(readFileSync(join(out, table.file))).toArray().map((r) => r.toJSON());
      expect(parquet.length, table.name).toBe(table.rows);
      expect(arrow.length, table.name).toBe(table.rows);
      const columns = table.columns.map((c) => c.name);
      const checksum = (rows: Record<string, unknown>[]) => sha256Hex(rows.map((r) => JSON.stringify(columns.map((c) => (Object.is(r[c], -0) ? '-0' : Number.isNaN(r[c]) ? 'NaN' : r[c])))).join('\n'));
      expect(checksum(parquet), table.name).toBe(checksum(arrow));
    }
    conn.closeSync();
  });

  it('writes term_track and track_overlap, which have no Arrow file, as Parquet: the rows the dashboard derives, in key order', async () => {
    expect(manifest.derived_parquet?.map((t) => [t.name, t.parquet])).toEqual([
      ['term_track', 'term_track.parquet'],
      ['track_overlap', 'track_overlap.parquet']
    ]);
    const dashboard = await openNodeConnector();
    const conn = await instance.connect();
    try {
      await loadTables(dashboard, manifest, async (file) => new Uint8Array(readFileSync(join(out, file))));
      for (const { name, parquet, rows } of manifest.derived_parquet!) {
        expect(existsSync(join(out, `${name}.arrow`)), name).toBe(false);
        const order = TABLES[name].key.join(', ');
        const derived = await dashboard.query<Record<string, unknown>>({ sql: `SELECT * FROM ${name} WHERE generic_verbs = 'removed' ORDER BY ${order}` });
        const written = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${join(out, parquet)}')`)).getRowObjectsJS();
        expect(rows, name).toBeGreaterThan(100);
        expect(written.length, name).toBe(rows);
        // Floats to 1e-12 relative: DuckDB's sums over more threads than the writer's one may round differently.
        written.forEach((row, i) => {
          for (const [column, spec] of Object.entries(TABLES[name].columns)) {
            const [got, want] = [row[column], derived[i][column]];
            if (spec.type === 'float') expect(Math.abs((got as number) - (want as number)), `${name} row ${i} ${column}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want as number)));
            else expect(got, `${name} row ${i} ${column}`).toEqual(want);
          }
        });
      }
    } finally {
      conn.closeSync();
      await dashboard.close();
    }
  });

  it('leaves the Arrow tables and CSV copies byte-identical to a run without it; only the manifest names more', () => {
    const withParquet = snapshot(out);
    const without = snapshot(plain);
    for (const [file, hash] of Object.entries(without)) if (file !== 'manifest.json') expect(withParquet[file], file).toBe(hash);
    const plainManifest: Manifest = JSON.parse(readFileSync(join(plain, 'manifest.json'), 'utf8'));
    expect(manifest.tables.map(({ parquet, ...rest }) => (expect(parquet).toBeTruthy(), rest))).toEqual(plainManifest.tables);
    expect({ ...manifest, tables: [], derived_parquet: undefined }).toEqual({ ...plainManifest, tables: [] });
  });

  it('writes byte-identical files on a second run over its own output (the folder is recognised as ours)', async () => {
    const before = snapshot(out);
    quiet();
    expect(await main([editions, '--out', out, '--dict', DICT, '--format', 'parquet', '--quiet'])).toBe(0);
    vi.restoreAllMocks();
    expect(snapshot(out)).toEqual(before);
  });

  it('a failed Parquet write leaves the previous output byte-identical and no temporary folder', async () => {
    const before = snapshot(out);
    failParquet.on = true;
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    expect(await main([editions, '--out', out, '--dict', DICT, '--format', 'parquet', '--quiet'])).toBe(1);
    vi.restoreAllMocks();
    expect(err.join('')).toContain('term_topic.parquet');
    expect(err.join('')).toContain('磁盘空间不足');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dirname(out)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('a later run without --format parquet replaces the folder whole: the Parquet files go with the old manifest', async () => {
    quiet();
    expect(await main([editions, '--out', out, '--dict', DICT, '--quiet'])).toBe(0);
    vi.restoreAllMocks();
    expect(snapshot(out)).toEqual(snapshot(plain));
  });
});
