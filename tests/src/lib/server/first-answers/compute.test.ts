/**
 * The server's first answers on the real guides equal what DuckDB-WASM (the browser's engine,
 * every table loaded) returns for the same queries, after the trip through JSON, for both
 * bundled editions and both pages answered (总览, 跨赛道); values JSON cannot carry are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../../analysis/contract.ts';
import type { LoadableConnector } from '../../../../../src/lib/db/connector.ts';
import { computeFirstAnswers, jsonExact, type FirstAnswers } from '../../../../../src/lib/server/first-answers/compute.ts';
import { answerKey, FIRST_ROUTES, openingQueries } from '../../../../../src/lib/server/first-answers/queries.ts';
import type { Query } from '../../../../../src/lib/db/connector.ts';
import { edgesQuery, nodesQuery } from '../../../../../src/lib/report/recipes/network.ts';
import type { NetworkNodeRow } from '../../../../../src/lib/queries/network.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_DATA, realConnector } from '../../fixture/real.ts';
import { openEngine } from '../../fixture/connect.ts';
import { loadTables } from '../../../../../src/lib/db/load.ts';
import { deriveOnFirstUse } from '../../../../../src/lib/db/derive.ts';
import { editionsNeeded } from '../../../../../src/lib/state/edition-scope.ts';
import { cutSlices, requestedEditions } from '../../../../../src/lib/db/slices.ts';
import { themeOptions } from '../../../../../src/lib/queries/filters.ts';
import { recipeContext } from '../../../../../src/lib/report/recipe.ts';
import { overlapChord, overlapHeatmap } from '../../../../../src/lib/report/recipes/overlap.ts';

/** The queries answered, in the order they were run. */
const answeredQueries = (out: FirstAnswers): Query[] => out.answers.map((a) => JSON.parse(a.key) as Query);

/** Every answer, after the trip through JSON, is what `engine` returns for its query (and not empty). */
async function expectEngineRows(out: FirstAnswers, engine: Pick<LoadableConnector, 'query'>): Promise<void> {
  const sent = JSON.parse(JSON.stringify(out)) as FirstAnswers;
  for (const [i, query] of answeredQueries(out).entries()) {
    const expected = await engine.query(query);
    expect(expected.length, sent.answers[i].key.slice(0, 80)).toBeGreaterThan(0);
    expect(sent.answers[i].rows, sent.answers[i].key.slice(0, 80)).toStrictEqual(expected);
  }
}

describe('first answers on the real tables', () => {
  let wasm: LoadableConnector;
  let manifest: Manifest;
  beforeAll(async () => {
    ({ db: wasm, manifest } = await realConnector('wasm'));
  }, 300_000);
  afterAll(async () => {
    await wasm?.close();
  });

  it.each([
    ['/', '2026-hunan'],
    ['/', '2025-fujian-xiamen'],
    ['/overlap', '2026-hunan'],
    ['/overlap', '2025-fujian-xiamen'],
    ['/network', '2026-hunan'],
    ['/network', '2025-fujian-xiamen'],
    ['/terms', '2026-hunan'],
    ['/tracks', '2025-fujian-xiamen'],
    ['/themes', '2026-hunan']
  ] as const)('equal the wasm engine for every default query of %s on %s', async (route, edition) => {
    const out = await computeFirstAnswers(REAL_DATA, manifest, edition, 'v1', route);
    expect(out.edition).toBe(edition);
    expect(out.manifest_sha).toBe('v1');
    expect(out.omitted).toEqual([]);
    // What the page asks at once comes first, in the page's order.
    const opening = openingQueries(manifest, edition, route).queries.map(answerKey);
    expect(out.answers.map((a) => a.key).filter((k) => opening.includes(k))).toEqual(opening);
    await expectEngineRows(out, wasm);
    // The tables read are the manifest's, named by their hashes.
    for (const [name, sha] of Object.entries(out.tables)) expect(manifest.tables.find((t) => t.name === name)?.sha256).toBe(sha);
  });

  // What the page holds when it opens: the shown edition's rows only, derived for it. 跨赛道's
  // cosine sums floats, so this holds only because the sums go in term order (db/derive.ts).
  it.each([
    ['/overlap', '2026-hunan'],
    ['/overlap', '2025-fujian-xiamen'],
    ['/network', '2026-hunan'],
    ['/network', '2025-fujian-xiamen'],
    ['/terms', '2025-fujian-xiamen'],
    ['/tracks', '2026-hunan'],
    ['/themes', '2025-fujian-xiamen']
  ] as const)('equal for %s what the wasm engine gives holding only %s, as the page loads it', async (route, edition) => {
    const out = await computeFirstAnswers(REAL_DATA, manifest, edition, 'v1', route);
    expect(out.route).toBe(route);
    expect(out.omitted).toEqual([]);
    const lazy = await openEngine('wasm');
    try {
      // The files as the server serves them: ?edition= gets that edition's slices.
      const fetchBytes = async (request: string) => {
        const [file, query] = request.split('?');
        const bytes = new Uint8Array(readFileSync(join(REAL_DATA, file)));
        const table = manifest.tables.find((t) => t.file === file);
        const editions = query && table?.slices ? requestedEditions(table, new URLSearchParams(query)) : null;
        return editions && table ? cutSlices(table, bytes, editions) : bytes;
      };
      const report = await loadTables(lazy, manifest, fetchBytes, () => {}, {
        deriveKept: false,
        need: editionsNeeded({ routeId: route, params: {}, search: new URLSearchParams({ edition }), manifest })
      });
      const views = deriveOnFirstUse(lazy, { minPairCount: manifest.options.min_pair_count, editions: () => [...report.loaded.get('term_topic')!] });
      await expectEngineRows(out, views);
    } finally {
      await lazy.close();
    }
  }, 120_000);

  // The server's database holds the shown edition's rows and the tables without editions: a page
  // answered from it must read no other edition (state/edition-scope.ts says what each page reads).
  it.each(FIRST_ROUTES)('answers %s, a page that reads only the shown edition', (route) => {
    expect(editionsNeeded({ routeId: route, params: {}, search: new URLSearchParams({ edition: '2026-hunan' }), manifest })).toEqual({ editions: ['2026-hunan'], everyEdition: [] });
  });

  it("asks 跨赛道's overlap matrix as the page does (its chord reads the same rows), and the theme list", () => {
    const ctx = recipeContext({ manifest, lang: 'zh', path: '/overlap', search: new URLSearchParams({ edition: '2026-hunan' }) });
    const keys = openingQueries(manifest, '2026-hunan', '/overlap').queries.map(answerKey);
    expect(keys).toEqual([answerKey(overlapHeatmap.query(ctx)!), answerKey(themeOptions())]);
    expect(overlapChord.query(ctx)).toEqual(overlapHeatmap.query(ctx));
  });

  it("answers 共现网络's nodes, then the edges among exactly those nodes, as its recipe loads them", async () => {
    const out = await computeFirstAnswers(REAL_DATA, manifest, '2026-hunan', 'v1', '/network');
    const ctx = recipeContext({ manifest, lang: 'zh', path: '/network', search: new URLSearchParams({ edition: '2026-hunan' }) });
    const nodes = out.answers.find((a) => a.key === answerKey(nodesQuery(ctx)))!.rows as unknown as NetworkNodeRow[];
    expect(nodes.length).toBeGreaterThan(10);
    const keys = out.answers.map((a) => a.key);
    expect(keys).toEqual([answerKey(nodesQuery(ctx)), answerKey(edgesQuery(ctx, nodes.map((n) => n.term))), answerKey(themeOptions())]);
    expect(out.answers[1].rows.length).toBeGreaterThan(10);
    expect(out.figures).toEqual([]);
  });

  it('answers the newest edition for an absent or unknown edition', async () => {
    expect(openingQueries(manifest, null).edition).toBe('2026-hunan');
    expect(openingQueries(manifest, 'no-such-edition').edition).toBe('2026-hunan');
    expect(openingQueries(manifest, null).queries.map(answerKey)).toEqual(openingQueries(manifest, '2026-hunan').queries.map(answerKey));
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(jsonExact([{ a: 1, b: 'x', c: null, d: [1.5, 'y'], e: true }])).toBe(true);
    for (const bad of [NaN, Infinity, -Infinity, -0]) expect(jsonExact([{ a: 1 }, { a: [bad] }])).toBe(false);
    expect(jsonExact([{ a: 1n }])).toBe(false);
  });
});
