import { describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, STORED_TABLE_NAMES } from '../../../../analysis/contract.ts';
import { DataError, loadManifest, loadTables, prefetchBytes, validateManifest } from '../../../../src/lib/db/load.ts';
import { openNodeConnector } from '../../../../src/lib/db/node.ts';
import { memoryFixture } from '../fixture/write.ts';

const jsonResponse = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DataError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('loadManifest', () => {
  it('fetches manifest.json under the base and returns it', async () => {
    const { manifest } = await memoryFixture();
    const seen: string[] = [];
    const loaded = await loadManifest(async (url) => (seen.push(url), jsonResponse(manifest)), '/data/');
    expect(seen).toEqual(['/data/manifest.json']);
    expect(loaded.editions.map((e) => e.edition_id)).toEqual(['2026-hunan', '2025-fujian-xiamen']);
  });

  it('says the data is missing on 404 and names other failures', async () => {
    expect(await codeOf(loadManifest(async () => new Response('nope', { status: 404 }), '/data'))).toBe('manifest-missing');
    expect(await codeOf(loadManifest(async () => new Response('x', { status: 500 }), '/data'))).toBe('manifest-unreadable');
    expect(await codeOf(loadManifest(async () => { throw new TypeError('offline'); }, '/data'))).toBe('manifest-unreadable');
    expect(await codeOf(loadManifest(async () => new Response('{not json'), '/data'))).toBe('manifest-invalid');
  });

  it('rejects another format version and columns that no longer match the contract', async () => {
    const { manifest } = await memoryFixture();
    expect(await codeOf(Promise.resolve().then(() => validateManifest({ ...manifest, format: MANIFEST_FORMAT + 1 })))).toBe('manifest-format');
    const stale = structuredClone(manifest);
    stale.tables[0].columns.pop();
    expect(await codeOf(Promise.resolve().then(() => validateManifest(stale)))).toBe('manifest-columns');
    expect(await codeOf(Promise.resolve().then(() => validateManifest({ ...manifest, editions: null })))).toBe('manifest-invalid');
  });
});

describe('loadTables', () => {
  it('creates every table, fills the listed ones, skips empty ones and reports progress', async () => {
    const { manifest, fetchBytes } = await memoryFixture();
    const fetched: string[] = [];
    const progress: (string | null)[] = [];
    const db = await openNodeConnector();
    try {
      const report = await loadTables(db, manifest, (f) => (fetched.push(f), fetchBytes(f)), (p) => progress.push(p.table));
      expect(fetched).not.toContain('near_duplicates.arrow'); // rows: 0 in the manifest
      expect(fetched).toHaveLength(STORED_TABLE_NAMES.length - 1);
      for (const name of ['cooccurrence', 'term_track', 'track_overlap']) expect(manifest.tables.map((t) => t.name)).not.toContain(name);
      expect(progress.at(-1)).toBeNull();
      expect(progress).toContain('term_stats');
      expect(report.missing).toEqual([]);
      const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM near_duplicates' });
      expect(n).toBe(0);
      for (const t of manifest.tables) {
        // The files hold the 'removed' rows; loading adds the derived 'kept' ones.
        const derived = t.name === 'term_stats';
        const where = derived ? " WHERE generic_verbs = 'removed'" : '';
        const [{ n: rows }] = await db.query<{ n: number }>({ sql: `SELECT COUNT(*) AS n FROM ${t.name}${where}` });
        expect(rows).toBe(t.rows);
        if (derived) {
          const [{ n: kept }] = await db.query<{ n: number }>({ sql: `SELECT COUNT(*) AS n FROM ${t.name} WHERE generic_verbs = 'kept'` });
          expect(kept).toBeGreaterThan(0);
        }
      }
      // Not in the files, not missing: derived from term_topic, terms, tracks and topics, both variants.
      const [{ n: pairs }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM cooccurrence' });
      expect(pairs).toBeGreaterThan(0);
      for (const name of ['term_track', 'track_overlap']) {
        const variants = await db.query({ sql: `SELECT DISTINCT generic_verbs FROM ${name} ORDER BY 1` });
        expect(variants, name).toEqual([{ generic_verbs: 'kept' }, { generic_verbs: 'removed' }]);
      }
    } finally {
      await db.close();
    }
  });

  it('creates tables the manifest does not list, empty, and reports them', async () => {
    const { manifest, fetchBytes } = await memoryFixture();
    const partial = { ...manifest, tables: manifest.tables.filter((t) => t.name !== 'near_duplicates') };
    const db = await openNodeConnector();
    try {
      const report = await loadTables(db, partial, fetchBytes);
      expect(report.missing).toEqual(['near_duplicates']);
      expect(await db.query({ sql: 'SELECT * FROM near_duplicates' })).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('names the table whose file failed or whose row count is off', async () => {
    const { manifest, fetchBytes } = await memoryFixture();
    const db = await openNodeConnector();
    try {
      const failing = (f: string) => (f === 'terms.arrow' ? Promise.reject(new Error('HTTP 404')) : fetchBytes(f));
      const error = await loadTables(db, manifest, failing).catch((e) => e);
      expect(error).toBeInstanceOf(DataError);
      expect(error.code).toBe('table-fetch');
      expect(error.detail.table).toBe('terms');
      const lying = structuredClone(manifest);
      lying.tables.find((t) => t.name === 'themes')!.rows = 99;
      const rowError = await loadTables(db, lying, fetchBytes).catch((e) => e);
      expect(rowError.code).toBe('table-rows');
      expect(rowError.detail).toMatchObject({ table: 'themes', expected: 99, found: 3 });
    } finally {
      await db.close();
    }
  });
});

describe('prefetchBytes', () => {
  it('starts every download at once and hands each result out later', async () => {
    const requested: string[] = [];
    const fetchBytes = async (file: string) => {
      requested.push(file);
      if (file === 'bad.arrow') throw new Error('HTTP 404');
      return new TextEncoder().encode(file);
    };
    const prefetched = prefetchBytes(fetchBytes, ['a.arrow', 'bad.arrow', 'b.arrow']);
    expect(requested).toEqual(['a.arrow', 'bad.arrow', 'b.arrow']);
    expect(new TextDecoder().decode(await prefetched('b.arrow'))).toBe('b.arrow');
    await expect(prefetched('bad.arrow')).rejects.toThrow('HTTP 404');
    expect(new TextDecoder().decode(await prefetched('c.arrow'))).toBe('c.arrow');
    expect(requested).toEqual(['a.arrow', 'bad.arrow', 'b.arrow', 'c.arrow']);
  });
});
