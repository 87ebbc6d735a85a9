/**
 * The server's first answers on the real guides equal what DuckDB-WASM (the browser's engine,
 * every table loaded) returns for the same queries, after the trip through JSON, for both
 * bundled editions; values JSON cannot carry are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../../analysis/contract.ts';
import type { LoadableConnector } from '../../../../../src/lib/db/connector.ts';
import { computeFirstAnswers, jsonExact } from '../../../../../src/lib/server/first-answers/compute.ts';
import { answerKey, firstQueries } from '../../../../../src/lib/server/first-answers/queries.ts';
import { REAL_DATA, realConnector } from '../../fixture/real.ts';

describe('first answers on the real tables', () => {
  let wasm: LoadableConnector;
  let manifest: Manifest;
  beforeAll(async () => {
    ({ db: wasm, manifest } = await realConnector('wasm'));
  }, 300_000);
  afterAll(async () => {
    await wasm?.close();
  });

  it.each(['2026-hunan', '2025-fujian-xiamen'])('equal the wasm engine for every default query of %s', async (edition) => {
    const out = await computeFirstAnswers(REAL_DATA, manifest, edition, 'v1');
    const { queries } = firstQueries(manifest, edition);
    expect(out.edition).toBe(edition);
    expect(out.manifest_sha).toBe('v1');
    expect(out.omitted).toEqual([]);
    expect(out.answers.map((a) => a.key)).toEqual(queries.map(answerKey));
    const sent = JSON.parse(JSON.stringify(out)) as typeof out;
    for (const [i, query] of queries.entries()) {
      const expected = await wasm.query(query);
      expect(expected.length, sent.answers[i].key.slice(0, 80)).toBeGreaterThan(0);
      expect(sent.answers[i].rows, sent.answers[i].key.slice(0, 80)).toStrictEqual(expected);
    }
    // The tables read are the manifest's, named by their hashes.
    for (const [name, sha] of Object.entries(out.tables)) expect(manifest.tables.find((t) => t.name === name)?.sha256).toBe(sha);
  });

  it('answers the newest edition for an absent or unknown edition', async () => {
    expect(firstQueries(manifest, null).edition).toBe('2026-hunan');
    expect(firstQueries(manifest, 'no-such-edition').edition).toBe('2026-hunan');
    expect(firstQueries(manifest, null).queries.map(answerKey)).toEqual(firstQueries(manifest, '2026-hunan').queries.map(answerKey));
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(jsonExact([{ a: 1, b: 'x', c: null, d: [1.5, 'y'], e: true }])).toBe(true);
    for (const bad of [NaN, Infinity, -Infinity, -0]) expect(jsonExact([{ a: 1 }, { a: [bad] }])).toBe(false);
    expect(jsonExact([{ a: 1n }])).toBe(false);
  });
});
