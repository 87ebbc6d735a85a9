/**
 * The recipes follow the page settings the report basket must carry: the 「领域词」 switch
 * (vocabulary and TF-IDF ranking), keyness significance tiers with minimum frequency and
 * the track's own name, theme members in subtitles and cells, and topic search by term
 * (its variants counted) — so what the basket rebuilds from a saved URL is what the page showed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../analysis/contract.ts';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { translate } from '../../../../src/lib/i18n/messages.ts';
import { SIGNIFICANCE } from '../../../../src/lib/queries/stats.ts';
import { themeOptions, type ThemeOption } from '../../../../src/lib/queries/filters.ts';
import type { TopTermRow } from '../../../../src/lib/queries/overview.ts';
import { recipeContext, routeParams, type Presented, type QueryRecipe } from '../../../../src/lib/report/recipe.ts';
import { RECIPES } from '../../../../src/lib/report/recipes/index.ts';
import type { KeynessChartRow } from '../../../../src/lib/report/recipes/track-keyness.ts';
import { realConnector } from '../fixture/real.ts';

let db: LoadableConnector;
let manifest: Manifest;
let themes: ThemeOption[];

async function rebuild(id: string, path: string, search: string): Promise<Presented> {
  const recipe = RECIPES.get(id)!;
  const ctx = recipeContext({ manifest, lang: 'zh', path, search, params: routeParams(recipe.route, path)!, themes });
  return recipe.present(ctx, await recipe.load((q) => db.query(q), ctx));
}

beforeAll(async () => {
  ({ db, manifest } = await realConnector('node'));
  themes = await db.query<ThemeOption>(themeOptions());
});

afterAll(async () => {
  await db?.close();
});

describe('recipes under the page settings', () => {
  it('top terms and cloud follow 领域词 and TF-IDF: the ranking, its column and the subtitle', async () => {
    const plain = await rebuild('overview.top', '/', 'edition=2026-hunan');
    const domain = await rebuild('overview.top', '/', 'edition=2026-hunan&vocab=domain&rank=tfidf');
    expect(plain.columns.map((c) => c.key)).not.toContain('tfidf');
    expect(domain.columns.map((c) => c.key)).toContain('tfidf');
    expect(domain.title).toContain('区分度最高的领域词');
    expect(domain.subtitle).not.toBe(plain.subtitle);
    expect(domain.statistics).toContain('tfidf');
    const rows = domain.rows as TopTermRow[];
    expect(rows.length).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].tfidf).toBeGreaterThanOrEqual(rows[i].tfidf);
    expect(rows.map((r) => r.term)).not.toEqual((plain.rows as TopTermRow[]).map((r) => r.term));
    const cloud = await rebuild('overview.cloud', '/', 'edition=2026-hunan&vocab=domain');
    expect(cloud.subtitle).toContain(translate('zh', 'overview.vocabDomainNote'));
    expect(cloud.subtitle).not.toContain(translate('zh', 'overview.rankTfidfNote'));
    expect(domain.subtitle).toContain(translate('zh', 'overview.rankTfidfNote'));
  });

  it('the cross-track matrix under a theme lists its members found in one track too, and says so', async () => {
    const cross = await rebuild('overview.cross', '/', 'edition=2026-hunan&theme=隐私计算');
    const members = themes.find((th) => th.theme === '隐私计算')!.members;
    expect(cross.rows!.length).toBeGreaterThan(0);
    for (const r of cross.rows as { term: string }[]) expect(members).toContain(r.term);
    expect((cross.rows as { term_tracks: number }[]).some((r) => r.term_tracks === 1)).toBe(true);
    expect(cross.title).toContain('隐私计算');
  });

  it('the theme heatmap names each theme’s members in its cells and the subtitle names the filter’s', async () => {
    const heat = await rebuild('overview.heatmap', '/', 'edition=2026-hunan&theme=隐私计算');
    expect(heat.columns.map((c) => c.key)).toContain('members');
    const row = heat.rows![0] as { members: string };
    expect(row.members.split('、')).toContain('联邦学习');
    expect(heat.subtitle).toContain('联邦学习');
  });

  it('keyness rows carry their significance tier, mark and place; min and own change the list', async () => {
    const path = '/tracks/2026-hunan/1';
    const k = await rebuild('track.keyness', path, 'edition=2026-hunan');
    const rows = k.rows as KeynessChartRow[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.tier).toBe(r.sig === 0 ? translate('zh', 'track.tierNone') : translate('zh', r.side === 'over' ? 'track.tierOver' : 'track.tierUnder', { p: SIGNIFICANCE[r.sig - 1].p }));
      expect(r.mark).toBe(r.sig === 0 ? '' : '*'.repeat(r.sig));
      if (r.mark) expect(r.text).toContain(r.mark);
    }
    expect(k.columns.map((c) => c.key)).toEqual(expect.arrayContaining(['side', 'place', 'mark', 'edition_count']));
    const spec = JSON.stringify(k.figure && 'spec' in k.figure ? k.figure.spec : null);
    expect(spec).toContain('"field":"tier"');
    const strict = await rebuild('track.keyness', path, 'edition=2026-hunan&min=10');
    for (const r of strict.rows as KeynessChartRow[]) expect(r.edition_count).toBeGreaterThanOrEqual(10);
    expect(rows.some((r) => r.edition_count < 10)).toBe(true);
    // own=1 keeps the track's own name (the query drops it by default).
    const query = (search: string) => {
      const recipe = RECIPES.get('track.keyness') as QueryRecipe<unknown>;
      return recipe.query(recipeContext({ manifest, lang: 'zh', path, search, params: routeParams(recipe.route, path)! }))!.sql;
    };
    expect(query('edition=2026-hunan')).toContain('NOT own_name');
    expect(query('edition=2026-hunan&own=1')).not.toContain('NOT own_name');
  });

  it('topic search by a variant finds the term’s topics, exact text only on match=text', async () => {
    const byTerm = await rebuild('topics.results', '/topics', 'edition=2026-hunan&q=隐私保护计算');
    const byText = await rebuild('topics.results', '/topics', 'edition=2026-hunan&q=隐私保护计算&match=text');
    const asTerm = await rebuild('topics.results', '/topics', 'edition=2026-hunan&q=隐私计算');
    expect(byTerm.rows!.length).toBe(asTerm.rows!.length);
    expect(byText.rows!.length).toBeLessThan(byTerm.rows!.length);
  });
});

describe('主题 recipes', () => {
  it('the member × track matrix: its 合计 row is the theme’s heatmap row and each column of members adds up to it', async () => {
    const path = `/themes/${encodeURIComponent('隐私计算')}`;
    const matrix = await rebuild('theme.matrix', path, 'edition=2026-hunan&theme=大模型');
    const heat = await rebuild('overview.heatmap', '/', 'edition=2026-hunan&theme=隐私计算');
    const rows = matrix.rows as { member: string; track_no: number; count: number }[];
    const totals = rows.filter((r) => r.member === '');
    expect(totals.map((r) => [r.track_no, r.count])).toEqual((heat.rows as { track_no: number; count: number }[]).map((r) => [r.track_no, r.count]));
    for (const t of totals) expect(rows.filter((r) => r.member !== '' && r.track_no === t.track_no).reduce((n, r) => n + r.count, 0)).toBe(t.count);
    // The page's theme, not the theme filter, is what the matrix counts; titles and files do not name the filter.
    expect(matrix.title).toContain('隐私计算');
    expect(matrix.title).not.toContain('大模型');
    expect(matrix.filename.join('_')).not.toContain('主题大模型');
  });
});
