/**
 * The server's drawings of 总览's first charts, from the first answers on the real guides:
 * one per vega chart, each the SVG of the very spec the page builds from the same rows (its
 * hash is the page's), with label widths from the bundled font rather than vega's guess.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../../analysis/contract.ts';
import { specHash } from '../../../../../src/lib/charts/spec-hash.ts';
import { computeFirstAnswers, type FirstAnswers } from '../../../../../src/lib/server/first-answers/compute.ts';
import { CONTAINER_WIDTH } from '../../../../../src/lib/server/first-answers/figures.ts';
import { answerKey } from '../../../../../src/lib/server/first-answers/queries.ts';
import { themeOptions } from '../../../../../src/lib/queries/filters.ts';
import { recipeContext } from '../../../../../src/lib/report/recipe.ts';
import { overviewTop } from '../../../../../src/lib/report/recipes/overview.ts';
import { overlapHeatmap } from '../../../../../src/lib/report/recipes/overlap.ts';
import { REAL_DATA } from '../../fixture/real.ts';

describe('first figures on the real tables', () => {
  let manifest: Manifest;
  let out: FirstAnswers;
  beforeAll(async () => {
    manifest = JSON.parse(readFileSync(`${REAL_DATA}/manifest.json`, 'utf8')) as Manifest;
    out = await computeFirstAnswers(REAL_DATA, manifest, '2026-hunan', 'v1');
  }, 120_000);

  it('draws the top terms, the theme heatmap and the cross-track terms', () => {
    expect(out.figures.map((f) => f.recipe)).toEqual(['overview.top', 'overview.heatmap', 'overview.cross']);
    for (const f of out.figures) {
      expect(f.svg).toMatch(/^<svg\b/);
      expect(f.width).toBeGreaterThan(100);
      expect(f.height).toBeGreaterThan(100);
      expect(f.title).toContain('2026 湖南');
      expect(f.source).toMatch(/^来源：2026 湖南/);
    }
    expect(out.figures[0].width).toBe(CONTAINER_WIDTH);
  });

  it('hashes the spec the page builds from the same rows, and draws its bars and labels', () => {
    const rowsOf = new Map(out.answers.map((a) => [a.key, a.rows]));
    const themes = rowsOf.get(answerKey(themeOptions())) as never[];
    const ctx = recipeContext({ manifest, lang: 'zh', path: '/', search: new URLSearchParams({ edition: '2026-hunan' }), themes });
    const rows = rowsOf.get(answerKey(overviewTop.query(ctx)!))!;
    const figure = overviewTop.present(ctx, rows as never[]).figure!;
    if (figure.kind !== 'vega') throw new Error('高频词条 is a vega chart');
    const top = out.figures[0];
    expect(top.hash).toBe(specHash(figure.spec));
    const bars = top.svg.split('class="mark-rect role-mark layer_0_marks"')[1].split('</g>')[0];
    expect(bars.match(/<path\b/g)?.length).toBe(rows.length);
    const terms = rows.map((r) => String(r.term));
    for (const term of terms) expect(top.svg).toContain(`>${term}</text>`);
  });

  it("draws 跨赛道's heatmap from its answer: the page's spec hash, one cell per pair of tracks", async () => {
    const overlap = await computeFirstAnswers(REAL_DATA, manifest, '2026-hunan', 'v1', '/overlap');
    expect(overlap.figures.map((f) => f.recipe)).toEqual(['overlap.heatmap']);
    const ctx = recipeContext({ manifest, lang: 'zh', path: '/overlap', search: new URLSearchParams({ edition: '2026-hunan' }) });
    const rows = overlap.answers.find((a) => a.key === answerKey(overlapHeatmap.query(ctx)!))!.rows;
    const figure = overlapHeatmap.present(ctx, rows as never[]).figure!;
    if (figure.kind !== 'vega') throw new Error('the overlap heatmap is a vega chart');
    const [drawn] = overlap.figures;
    expect(drawn.hash).toBe(specHash(figure.spec));
    const tracks = manifest.editions.find((e) => e.edition_id === '2026-hunan')!.tracks;
    expect(rows.length).toBe(tracks.length * (tracks.length - 1));
    const cells = drawn.svg.split('class="mark-rect role-mark layer_0_marks"')[1].split('</g>')[0];
    expect(cells.match(/<path\b/g)?.length).toBe(rows.length);
    expect(drawn.title).toContain('赛道两两重合度');
    for (const tr of tracks) expect(drawn.svg).toContain(`>${tr.track_name}</text>`);
  }, 120_000);

  it('lays labels out by the font: the axis leaves room for the longest Chinese label', () => {
    const top = out.figures[0].svg;
    expect(top).toContain('>人工智能</text>');
    expect(top).not.toContain('…');
    // 人工智能 is 4 em at 12 px in the bundled font: 48 px. vega's guess without a canvas
    // (0.8 em a character, 38 px) would start the plot about 10 px further left.
    const left = Number(/<g fill="none"[^>]*transform="translate\(([\d.]+),/.exec(top)?.[1]);
    expect(left).toBeGreaterThanOrEqual(48);
  });
});
