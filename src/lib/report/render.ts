/**
 * Basket items from saved state to files (browser): rebuild an item through its recipe,
 * draw a chart at the item's size (bare for Word and print, framed for the standalone SVG
 * and PNG), and turn the whole basket into the Word report's model.
 *
 *   BasketItem ─► recipe.load + present ─► Presented ─► sizedExportSvg ─► embedded font ─► PNG
 *                                                    └► table cells (cellText)
 */
import type { Manifest } from '../../../analysis/contract.ts';
import type { Connector } from '../db/connector.ts';
import { svgToPng } from '../export/browser.ts';
import { sizedExportSvg, type SizedSvg } from '../export/compose.ts';
import { withEmbeddedFont } from '../export/export-font.ts';
import { parseSize, pxToCm, type ExportSize } from '../export/size.ts';
import { cellText } from '../export/table.ts';
import { editionLabel } from '../charts/frame-text.ts';
import { translate } from '../i18n/messages.ts';
import { themeOptions, type ThemeOption } from '../queries/filters.ts';
import { editionSources, type EditionSourceRow } from '../queries/report.ts';
import type { Lang } from '../state/filters.ts';
import type { BasketItem, ItemKind } from './basket.ts';
import { TEXT_WIDTH_CM, type Report, type ReportFigure, type ReportTable } from './docx.ts';
import { recipeContext, REPORT_ROWS, routeParams, type Presented, type Recipe } from './recipe.ts';
import { RECIPES } from './recipes/index.ts';
import { usedStatistics, type StatisticKey } from './statistics.ts';

export interface Env {
  manifest: Manifest;
  lang: Lang;
  connector: Connector;
}

export interface Rebuilt {
  recipe: Recipe;
  shown: Presented;
}

export class UnknownRecipe extends Error {
  constructor(readonly id: string) {
    super(`unknown recipe ${id}`);
  }
}

/** One item rebuilt from its saved view state (the page's path and query) with the current data. */
export async function rebuildItem(item: BasketItem, env: Env): Promise<Rebuilt> {
  const recipe = RECIPES.get(item.recipe);
  if (!recipe) throw new UnknownRecipe(item.recipe);
  const themes = await env.connector.query<ThemeOption>(themeOptions());
  const ctx = recipeContext({ manifest: env.manifest, lang: env.lang, path: item.path, search: item.search, params: routeParams(recipe.route, item.path) ?? {}, themes });
  const data = await recipe.load((q) => env.connector.query(q), ctx);
  return { recipe, shown: recipe.present(ctx, data) };
}

/** The caption an item carries: the one written in the basket, else the item's own title. */
export const captionOf = (item: BasketItem, shown: Presented | null) => item.caption.trim() || shown?.title || '';

/** 图 3 / 表 1 (or Figure 3 / Table 1). */
export const numberLabel = (lang: Lang, kind: ItemKind, n: number) => translate(lang, kind === 'chart' ? 'basket.figureNo' : 'basket.tableNo', { n });

/** The chart at the item's size, its font embedded: bare (Word, print) or framed (SVG and PNG files). */
export async function itemSvg(shown: Presented, size: ExportSize, framed: boolean, caption = shown.title): Promise<SizedSvg> {
  if (!shown.figure) throw new Error('nothing to draw');
  const sized = await sizedExportSvg(shown.figure, { title: caption, subtitle: shown.subtitle || undefined, source: shown.source }, size, { framed });
  return { ...sized, svg: await withEmbeddedFont(sized.svg) };
}

export async function itemPng(sized: SizedSvg): Promise<Blob> {
  return svgToPng(sized.svg, sized.box.scale, sized.box.dpi);
}

/** Rows a report lists for a table, and their cell texts. */
export function tableCells(shown: Presented): { rows: string[][]; total: number } {
  const all = (shown.rows ?? []) as Record<string, unknown>[];
  const limit = Math.min(shown.wordRows ?? REPORT_ROWS, REPORT_ROWS);
  return { rows: all.slice(0, limit).map((row) => shown.columns.map((c) => cellText(c, row[c.key]))), total: all.length };
}

export interface ReadyItem {
  item: BasketItem;
  kind: ItemKind;
  n: number;
  rebuilt: Rebuilt;
}

/**
 * The Word report's model: each chart drawn bare at its size as a PNG (at most the 16 cm
 * text width on the page), each table's cells, and the methods from the editions, the
 * dictionary and the statistics the items use.
 */
export async function reportOf(items: readonly ReadyItem[], env: Env, onProgress: (done: number) => void): Promise<Report> {
  const w = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(env.lang, key, vars);
  const out: (ReportFigure | ReportTable)[] = [];
  const editions = new Set<string>();
  const statistics = new Set<StatisticKey>();
  let verbsKeptSomewhere = false;
  for (const [i, ready] of items.entries()) {
    const { item, kind, n } = ready;
    const { shown } = ready.rebuilt;
    shown.editions.forEach((e) => editions.add(e));
    shown.statistics.forEach((s) => statistics.add(s));
    if (new URLSearchParams(item.search).get('verbs') === 'kept') verbsKeptSomewhere = true;
    const label = numberLabel(env.lang, kind, n);
    const common = { label, caption: captionOf(item, shown), filters: shown.subtitle, source: shown.source, note: item.note };
    if (kind === 'chart' && shown.figure) {
      const sized = await itemSvg(shown, parseSize(item.size), false);
      const png = new Uint8Array(await (await itemPng(sized)).arrayBuffer());
      const widthCm = Math.min(TEXT_WIDTH_CM, pxToCm(sized.box.width));
      out.push({ kind: 'chart', ...common, png, widthCm, heightCm: (widthCm * sized.pixels.height) / sized.pixels.width, altText: shown.title });
    } else {
      const cells = tableCells(shown);
      out.push({ kind: 'table', ...common, columns: shown.columns, rows: cells.rows, totalRows: cells.total });
    }
    onProgress(i + 1);
  }
  const sources = await env.connector.query<EditionSourceRow>(editionSources({ editions: [...editions] }));
  const charts = out.filter((o) => o.kind === 'chart').length;
  return {
    lang: env.lang,
    title: w('docx.title'),
    subtitle: w('docx.subtitle', { version: env.manifest.tool.version, date: new Date().toISOString().slice(0, 10), charts, tables: out.length - charts }),
    items: out,
    methods: {
      editions: sources.map((e) => ({ label: editionLabel(e, env.lang), title: e.title, source: e.source, file: e.file })),
      dictionary: env.manifest.dictionary_version,
      tool: env.manifest.tool,
      verbsRemoved: !verbsKeptSomewhere,
      statistics: usedStatistics(statistics, env.lang)
    }
  };
}
