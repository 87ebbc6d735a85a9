/**
 * Every recipe rebuilds its chart or table from a saved URL alone, on the real guides:
 * Chinese, distinct column names, titles naming edition and selection, file names with
 * filters and dictionary version, and figures that draw at a report size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../analysis/contract.ts';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { figureSvg } from '../../../../src/lib/export/figure.ts';
import { exportBox } from '../../../../src/lib/export/size.ts';
import { svgSize } from '../../../../src/lib/export/svg.ts';
import { exportRows } from '../../../../src/lib/export/table.ts';
import { recipeContext, routeParams, type Presented } from '../../../../src/lib/report/recipe.ts';
import { RECIPES } from '../../../../src/lib/report/recipes/index.ts';
import { STATISTICS } from '../../../../src/lib/report/statistics.ts';
import { realConnector } from '../fixture/real.ts';

const TERM = encodeURIComponent('数据');
/** One saved view per recipe: [recipe, path, query]. */
const SAVED: [string, string, string][] = [
  ['overview.top', '/', 'edition=2026-hunan'],
  ['overview.cloud', '/', 'edition=2026-hunan&cloud=3'],
  ['overview.heatmap', '/', 'edition=2026-hunan&theme=隐私计算'],
  ['overview.cross', '/', 'edition=2026-hunan&cross=10&tracks=1,2,3'],
  ['terms.index', '/terms', 'edition=2026-hunan&q=数据'],
  ['term.byTrack', `/terms/${TERM}`, 'edition=2026-hunan&order=guide'],
  ['term.kwic', `/terms/${TERM}`, 'edition=2026-hunan&kwic=10'],
  ['term.cooc', `/terms/${TERM}`, 'edition=2026-hunan&stat=npmi'],
  ['term.trend', `/terms/${TERM}`, 'edition=2026-hunan'],
  ['themes.index', '/themes', 'edition=2026-hunan&tracks=1,2,3'],
  ['theme.matrix', `/themes/${encodeURIComponent('隐私计算')}`, 'edition=2026-hunan&track=4'],
  ['tracks.list', '/tracks', 'edition=2026-hunan&metric=cosine'],
  ['tracks.tokens', '/tracks', 'edition=2026-hunan'],
  ['track.keyness', '/tracks/2026-hunan/1', 'edition=2026-hunan'],
  ['track.overlap', '/tracks/2026-hunan/1', 'edition=2026-hunan'],
  ['track.duplicates', '/tracks/2026-hunan/10', 'edition=2026-hunan'],
  ['track.topics', '/tracks/2026-hunan/3', 'edition=2026-hunan'],
  ['overlap.heatmap', '/overlap', 'edition=2026-hunan'],
  ['overlap.chord', '/overlap', 'edition=2026-hunan&a=1&b=2'],
  ['overlap.shared', '/overlap', 'edition=2026-hunan&a=1&b=2'],
  ['overlap.pairTopics', '/overlap', 'edition=2026-hunan&a=1&b=2'],
  ['network.graph', '/network', 'edition=2026-hunan'],
  ['network.nodes', '/network', 'edition=2026-hunan'],
  ['topics.results', '/topics', 'edition=2026-hunan&q=数据'],
  ['sql.result', '/sql', `q=${encodeURIComponent("SELECT term AS 词条, count AS 词频 FROM term_stats WHERE edition_id = '2026-hunan' AND generic_verbs = 'removed' ORDER BY count DESC LIMIT 5")}`]
];
const LATIN_LABELS = new Set(['DP', 'DPnorm', 'NPMI', 'Jaccard']);
const HAN = /\p{Script=Han}/u;

let db: LoadableConnector;
let manifest: Manifest;
const shown = new Map<string, Presented>();

beforeAll(async () => {
  ({ db, manifest } = await realConnector('node'));
  for (const [id, path, search] of SAVED) {
    const recipe = RECIPES.get(id)!;
    const ctx = recipeContext({ manifest, lang: 'zh', path, search, params: routeParams(recipe.route, path)! });
    shown.set(id, recipe.present(ctx, await recipe.load((q) => db.query(q), ctx)));
  }
});

afterAll(async () => {
  await db?.close();
});

describe('recipes', () => {
  it('cover every recipe in the registry once, each on its own route', () => {
    expect([...RECIPES.keys()].sort()).toEqual(SAVED.map((s) => s[0]).sort());
    for (const [id, path] of SAVED) expect(routeParams(RECIPES.get(id)!.route, path), id).not.toBeNull();
    expect(routeParams('/terms/[term]', '/terms/%E6%95%B0%E6%8D%AE')).toEqual({ term: '数据' });
    expect(routeParams('/terms/[term]', '/terms/%E0%A4%A')).toBeNull();
    expect(routeParams('/tracks/[edition]/[track]', '/tracks/2026-hunan')).toBeNull();
  });

  it.each(SAVED)('%s rebuilds from %s?%s with rows, Chinese headers and a named file', (id) => {
    const s = shown.get(id)!;
    expect(s.rows?.length, id).toBeGreaterThan(0);
    const labels = s.columns.map((c) => c.label);
    expect(new Set(labels).size, `${id}: ${labels}`).toBe(labels.length);
    for (const label of labels) expect(HAN.test(label) || LATIN_LABELS.has(label), `${id}: ${label}`).toBe(true);
    expect(HAN.test(s.title)).toBe(true);
    expect(s.source).toContain(`词典版本 ${manifest.dictionary_version}`);
    expect(s.filename.join('_')).toContain(`词典${manifest.dictionary_version}`);
    for (const key of s.statistics) expect(STATISTICS).toHaveProperty(key);
    // Exported cells: coded values as words, no true/false left for the CSV writer to spell.
    for (const row of exportRows(s.rows!, s.columns)) for (const c of s.columns) expect(['title', 'body', 'sentence'], `${id}.${c.key}`).not.toContain(row[c.key]);
  });

  it('name the selection in titles and file names', () => {
    expect(shown.get('overview.heatmap')!.title).toContain('主题：隐私计算');
    expect(shown.get('overview.heatmap')!.filename).toContain('主题隐私计算');
    expect(shown.get('overview.heatmap')!.rows!.every((r) => (r as { theme: string }).theme === '隐私计算')).toBe(true);
    expect(shown.get('overview.cross')!.title).toContain('赛道：工业制造、现代农业、商贸流通');
    expect(shown.get('overview.cross')!.filename).toContain('赛道1-2-3');
    expect(shown.get('overview.cloud')!.title).toContain('商贸流通');
    expect(shown.get('terms.index')!.title).toContain('“数据”');
    expect(shown.get('topics.results')!.title).toContain('“数据”');
    expect(shown.get('track.topics')!.title).toContain('商贸流通');
  });

  it('give KWIC, near-duplicates and the term index Chinese column names and 是/否', () => {
    expect(shown.get('term.kwic')!.columns.map((c) => c.label)).not.toContain('start');
    const kwic = exportRows(shown.get('term.kwic')!.rows!, shown.get('term.kwic')!.columns);
    expect(new Set(kwic.map((r) => r.part))).toEqual(new Set(['标题', '正文']));
    const dup = shown.get('track.duplicates')!.columns.map((c) => c.label);
    expect(dup).toContain('本赛道题目');
    expect(dup).toContain('对方题目');
    const index = exportRows(shown.get('terms.index')!.rows!, shown.get('terms.index')!.columns);
    expect(new Set(index.map((r) => r.in_dictionary))).toEqual(new Set(['是', '否']));
  });

  it('run only read-only SQL, as the console does', async () => {
    const recipe = RECIPES.get('sql.result')!;
    const ctx = recipeContext({ manifest, lang: 'zh', path: '/sql', search: `q=${encodeURIComponent('DROP TABLE topics')}` });
    expect(await recipe.load((q) => db.query(q), ctx)).toBeNull();
    expect(recipe.present(ctx, null).rows).toEqual([]);
    expect(shown.get('sql.result')!.rows).toHaveLength(5);
  });

  it('draw every figure that needs no browser at the Word width (the word cloud needs a canvas)', async () => {
    const box = exportBox({ preset: 'word' });
    for (const [id, s] of shown) {
      if (RECIPES.get(id)!.kind === 'table') {
        expect(s.figure, id).toBeUndefined();
        continue;
      }
      expect(s.figure, id).toBeTruthy();
      if (id === 'overview.cloud') continue;
      const svg = await figureSvg(s.figure!, { width: box.width, height: null, maxHeight: box.maxHeight });
      const size = svgSize(svg);
      expect(size.width, id).toBeCloseTo(box.width, 0);
      expect(size.height, id).toBeGreaterThan(60);
      expect(size.height, id).toBeLessThanOrEqual(box.maxHeight + 1);
      expect(svg, id).toMatch(HAN);
    }
  });

  it('lay the network out again for a slide, legend included', async () => {
    const svg = await figureSvg(shown.get('network.graph')!.figure!, { width: 928, height: 420, maxHeight: 420 });
    expect(svgSize(svg)).toEqual({ width: 928, height: 420 });
    expect(svg).toContain('社群 1');
  });
});
