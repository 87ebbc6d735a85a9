/**
 * Every recipe rebuilds its chart or table from a saved URL alone, on the real guides (the
 * series of 版本对比 on the constructed sample region, the only data with three editions of a
 * region): Chinese, distinct column names, titles naming edition and selection, file names
 * with filters and dictionary version, and figures that draw at a report size.
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
import { computeComparison } from '../../../../src/lib/compare/source.ts';
import { sampleCorpus, SAMPLE_TRUTH } from '../../../analysis/compare/sample.ts';
import { analyseCorpus } from '../fixture/compare-output.ts';
import { realConnector } from '../fixture/real.ts';

const TERM = encodeURIComponent('数据');
const PAIR = 'a=2025-fujian-xiamen&b=2026-hunan';
const SAMPLE_PAIR = 'a=2025-hunan-sample&b=2026-hunan-sample';
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
  ['compare.summary', '/compare', `edition=2026-hunan&${PAIR}`],
  ['compare.tracks', '/compare', `edition=2026-hunan&${PAIR}&tstatus=added`],
  ['compare.topics', '/compare', `edition=2026-hunan&${PAIR}&show=added`],
  ['compare.terms', '/compare', `edition=2026-hunan&${PAIR}&by=log_ratio&top=20`],
  ['compare.themes', '/compare', `edition=2026-hunan&${PAIR}`],
  ['topics.results', '/topics', 'edition=2026-hunan&q=数据'],
  ['sql.result', '/sql', `q=${encodeURIComponent("SELECT term AS 词条, count AS 词频 FROM term_stats WHERE edition_id = '2026-hunan' AND generic_verbs = 'removed' ORDER BY count DESC LIMIT 5")}`]
];
/** Saved views read on the constructed sample region (three editions of 湖南). */
const SAMPLE_SAVED: [string, string, string][] = [
  ['compare.seriesThemes', '/compare', `edition=2026-hunan-sample&${SAMPLE_PAIR}`],
  ['compare.seriesTerms', '/compare', `edition=2026-hunan-sample&${SAMPLE_PAIR}`],
  ['compare.firstSeen', '/compare', `edition=2026-hunan-sample&${SAMPLE_PAIR}`]
];
const ALL_SAVED = [...SAVED, ...SAMPLE_SAVED];
const LATIN_LABELS = new Set(['DP', 'DPnorm', 'NPMI', 'Jaccard']);
const HAN = /\p{Script=Han}/u;

let db: LoadableConnector;
let manifest: Manifest;
let sampleDb: LoadableConnector;
let sampleManifest: Manifest;
const shown = new Map<string, Presented>();

/** A saved view rebuilt as the basket does: the recipe's load and present on a connector. */
async function rebuild(id: string, path: string, search: string, on: { db: LoadableConnector; manifest: Manifest } = { db, manifest }) {
  const recipe = RECIPES.get(id)!;
  const ctx = recipeContext({ manifest: on.manifest, lang: 'zh', path, search, params: routeParams(recipe.route, path)! });
  return recipe.present(ctx, await recipe.load((q) => on.db.query(q), ctx));
}

beforeAll(async () => {
  ({ db, manifest } = await realConnector('node'));
  const sample = await analyseCorpus(sampleCorpus(), 'recipes');
  ({ db: sampleDb, manifest: sampleManifest } = await realConnector('node', sample.dir));
  for (const [id, path, search] of SAVED) shown.set(id, await rebuild(id, path, search));
  for (const [id, path, search] of SAMPLE_SAVED) shown.set(id, await rebuild(id, path, search, { db: sampleDb, manifest: sampleManifest }));
});

afterAll(async () => {
  await db?.close();
  await sampleDb?.close();
});

describe('recipes', () => {
  it('cover every recipe in the registry once, each on its own route', () => {
    expect([...RECIPES.keys()].sort()).toEqual(ALL_SAVED.map((s) => s[0]).sort());
    for (const [id, path] of ALL_SAVED) expect(routeParams(RECIPES.get(id)!.route, path), id).not.toBeNull();
    expect(routeParams('/terms/[term]', '/terms/%E6%95%B0%E6%8D%AE')).toEqual({ term: '数据' });
    expect(routeParams('/terms/[term]', '/terms/%E0%A4%A')).toBeNull();
    expect(routeParams('/tracks/[edition]/[track]', '/tracks/2026-hunan')).toBeNull();
  });

  it.each(ALL_SAVED)('%s rebuilds from %s?%s with rows, Chinese headers and a named file', (id) => {
    const s = shown.get(id)!;
    const dictionary = (SAMPLE_SAVED.some((x) => x[0] === id) ? sampleManifest : manifest).dictionary_version;
    expect(s.rows?.length, id).toBeGreaterThan(0);
    const labels = s.columns.map((c) => c.label);
    expect(new Set(labels).size, `${id}: ${labels}`).toBe(labels.length);
    for (const label of labels) expect(HAN.test(label) || LATIN_LABELS.has(label), `${id}: ${label}`).toBe(true);
    expect(HAN.test(s.title)).toBe(true);
    expect(s.source).toContain(`词典版本 ${dictionary}`);
    expect(s.filename.join('_')).toContain(`词典${dictionary}`);
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

describe('版本对比 recipes', () => {
  const rowsOf = (id: string) => shown.get(id)!.rows as Record<string, unknown>[];
  const summaryOf = (rows: Record<string, unknown>[], what: string) =>
    Object.fromEntries(rows.filter((r) => r.what === what && (r.count as number) > 0).map((r) => [r.status, r.count]));

  it('name both editions and the basis, and put the pair in file names', () => {
    const terms = shown.get('compare.terms')!;
    expect(terms.title).toBe('词条升降：2026 湖南 相对 2025 福建厦门');
    expect(terms.subtitle).toContain('对数比');
    expect(terms.subtitle).toContain('仅比较标题');
    expect(terms.filename).toContain('2025-fujian-xiamen_2026-hunan');
    expect(shown.get('compare.themes')!.title).toBe('主题 × 版本：2025 福建厦门 与 2026 湖南（每万词频次）');
    expect(shown.get('compare.topics')!.subtitle).toMatch(/^新增 · /);
    expect(shown.get('compare.summary')!.statistics).toContain('alignment');
  });

  it('give the counts, the filtered lists and the term chart of the pair as the page does', async () => {
    const c = await computeComparison(db, '2025-fujian-xiamen', '2026-hunan', 'removed');
    const summary = rowsOf('compare.summary');
    const added = c.topics.filter((t) => t.status === 'added').length;
    expect(summary.find((r) => r.what === '题目' && r.status === '新增')!.count).toBe(added);
    expect(rowsOf('compare.topics')).toHaveLength(added);
    expect(rowsOf('compare.topics').every((r) => r.status === '新增' && r.title_a === '' && r.title_b !== '')).toBe(true);
    expect(rowsOf('compare.tracks')).toHaveLength(c.tracks.filter((t) => t.status === 'added').length);
    expect(rowsOf('compare.tracks').every((r) => r.status_label === '新增' && r.name_a === '')).toBe(true);
    const terms = rowsOf('compare.terms');
    expect(terms.length).toBeLessThanOrEqual(20);
    expect(terms.every((r) => r.status !== 'stable' && r.value === r.log_ratio)).toBe(true);
    expect(terms.map((r) => r.value as number)).toEqual(terms.map((r) => r.value as number).sort((x, y) => y - x));
  });

  it('narrow the term chart to the theme filter and say so in the title', async () => {
    const themed = await rebuild('compare.terms', '/compare', `edition=2026-hunan&${PAIR}&theme=隐私计算&kind=new`);
    expect(themed.title).toContain('主题：隐私计算');
    expect(themed.filename).toContain('主题隐私计算');
    const members = await db.query<{ term: string }>({ sql: "SELECT term FROM themes WHERE theme = '隐私计算'" });
    const terms = (themed.rows as { term: string; status: string }[]) ?? [];
    expect(terms.length).toBeGreaterThan(0);
    for (const r of terms) {
      expect(members.map((m) => m.term)).toContain(r.term);
      expect(r.status).toBe('new');
    }
  });

  it('show nothing, and say why, when A and B are the same edition', async () => {
    const same = await rebuild('compare.terms', '/compare', 'edition=2026-hunan&a=2026-hunan&b=2026-hunan');
    expect(same.rows).toEqual([]);
    expect(same.emptyMessage).toBe('请选择两个不同的版本。');
    const series = await rebuild('compare.seriesThemes', '/compare', `edition=2026-hunan&${PAIR}`);
    expect(series.rows).toEqual([]);
    expect(series.emptyMessage).toContain('不足三个版本');
  });

  it('rebuild the sample region: its known changes, precomputed, and its series over three years', async () => {
    const summary = await rebuild('compare.summary', '/compare', `edition=2026-hunan-sample&${SAMPLE_PAIR}`, { db: sampleDb, manifest: sampleManifest });
    const words = { matched: '相同', renamed: '更名', added: '新增', removed: '删除' } as const;
    const topicWords = { matched: '未变', edited: '正文修改', reworded: '改写', moved: '调整赛道', added: '新增', removed: '删除' } as const;
    const rows = summary.rows as Record<string, unknown>[];
    expect(summaryOf(rows, '赛道')).toEqual(Object.fromEntries(Object.entries(SAMPLE_TRUTH.tracks).map(([k, n]) => [words[k as keyof typeof words], n])));
    expect(summaryOf(rows, '题目')).toEqual(Object.fromEntries(Object.entries(SAMPLE_TRUTH.topics).map(([k, n]) => [topicWords[k as keyof typeof topicWords], n])));
    expect(summary.subtitle).toBe('标题和正文');

    const themes = shown.get('compare.seriesThemes')!;
    expect(themes.title).toBe('湖南 历年主题走势（每万词频次）');
    expect(themes.subtitle).toContain('湖南 共有 3 个版本');
    expect(new Set((themes.rows as { year: string }[]).map((r) => r.year))).toEqual(new Set(['2024', '2025', '2026']));
    const first = rowsOf('compare.firstSeen') as { term: string; first_year: number }[];
    expect(first.some((r) => r.first_year === 2026)).toBe(true);
    expect(first.map((r) => r.first_year)).toEqual(first.map((r) => r.first_year).sort((x, y) => y - x));
    expect(shown.get('compare.firstSeen')!.wordRows).toBe(60);
  });
});
