/**
 * Chart and table recipes: everything a view's chart or table is, rebuilt from its page's
 * URL alone — which query to run, and from the rows its title, subtitle, source line,
 * columns and figure (a vega-lite spec or a d3 figure that lays itself out for any size).
 * Pages draw their frames from the same recipes, so what the report basket rebuilds from a
 * saved URL (in another browser, through a shared link) is what the page showed.
 *
 *   page URL ─► RecipeContext ─► recipe.load(run, ctx) ─► data ─► recipe.present(ctx, data) ─► Presented
 *                                 (queries/*.ts builders)           (charts/specs.ts, d3 layouts)
 *
 * Plain TypeScript (no runes): the basket, the pages and Node tests all call it.
 */
import type { Manifest } from '../../../analysis/contract.ts';
import type { TableColumn } from '../charts/types.ts';
import type { Query } from '../db/connector.ts';
import type { Figure } from '../export/figure.ts';
import { translate, type MessageKey, type MessageVars } from '../i18n/messages.ts';
import { parseFilters, type GlobalFilters, type Lang } from '../state/filters.ts';
import type { StatisticKey } from './statistics.ts';

export type Row = Record<string, unknown>;
export interface ThemeMembers {
  theme: string;
  members: readonly string[];
}
export type RunQuery = <T>(query: Query) => Promise<T[]>;

export interface RecipeContext {
  manifest: Manifest;
  lang: Lang;
  filters: GlobalFilters;
  search: URLSearchParams;
  /** Path of the item's page without the app's base, e.g. /terms/数据 (encoded as in a link). */
  path: string;
  /** Route parameters read from the path, e.g. { term: '数据' }. */
  params: Record<string, string>;
  /** Every theme and its members (the themes table), named in subtitles, tooltips and columns. */
  themes: readonly ThemeMembers[];
}

export interface Presented {
  title: string;
  subtitle: string;
  source: string;
  /** Parts of the export file name: what, edition, filters, dictionary version. */
  filename: string[];
  columns: TableColumn[];
  /** null while the data is loading. */
  rows: readonly object[] | null;
  /** Charts only; null while loading or when there is nothing to draw. */
  figure?: Figure | null;
  emptyMessage?: string;
  help?: string;
  /** The statistics the item shows, for the Word document's methods section. */
  statistics: readonly StatisticKey[];
  /** Editions the figures come from. */
  editions: readonly string[];
  /** Tables: how many rows a report lists (the page shows as many); default REPORT_ROWS. */
  wordRows?: number;
}

/** Rows a Word table or print lists at most; CSV and XLSX always hold every row. */
export const REPORT_ROWS = 300;

export interface Recipe<D = unknown> {
  /** Stable id, stored in baskets and share links: never rename one. */
  id: string;
  kind: 'chart' | 'table';
  /** Route pattern of its page, e.g. '/terms/[term]'. */
  route: string;
  load(run: RunQuery, ctx: RecipeContext): Promise<D | null>;
  present(ctx: RecipeContext, data: D | null): Presented;
}

/** A recipe whose data is one query's rows (most of them). Pages run `query` with useQuery. */
export interface QueryRecipe<R> extends Recipe<R[]> {
  query(ctx: RecipeContext): Query | null;
}

export function queryRecipe<R>(def: Omit<QueryRecipe<R>, 'load'>): QueryRecipe<R> {
  return {
    ...def,
    async load(run, ctx) {
      const query = def.query(ctx);
      return query ? run<R>(query) : null;
    }
  };
}

/** The route parameters of `path` if it matches `route` ('/tracks/[edition]/[track]'), else null. */
export function routeParams(route: string, path: string): Record<string, string> | null {
  const pattern = route.split('/');
  const parts = path.split('/');
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const name = pattern[i].match(/^\[(\w+)\]$/)?.[1];
    if (name) {
      if (parts[i] === '') return null;
      try {
        params[name] = decodeURIComponent(parts[i]);
      } catch {
        return null;
      }
    } else if (pattern[i] !== parts[i]) return null;
  }
  return params;
}

export function recipeContext(init: {
  manifest: Manifest;
  lang: Lang;
  path: string;
  search: URLSearchParams | string;
  params?: Record<string, string>;
  themes?: readonly ThemeMembers[];
}): RecipeContext {
  const search = new URLSearchParams(init.search);
  return {
    manifest: init.manifest,
    lang: init.lang,
    filters: parseFilters(search, init.manifest),
    search,
    path: init.path,
    params: init.params ?? {},
    themes: init.themes ?? []
  };
}

/** translate() in the context's language. */
export const wordsOf =
  (ctx: Pick<RecipeContext, 'lang'>) =>
  (key: MessageKey, vars?: MessageVars): string =>
    translate(ctx.lang, key, vars);

/** A theme's members in the context ([] for none or an unknown theme). */
export const membersOf = (ctx: Pick<RecipeContext, 'themes'>, theme: string | null): readonly string[] =>
  theme === null ? [] : (ctx.themes.find((th) => th.theme === theme)?.members ?? []);
