/**
 * The queries a page runs when it opens with no view settings in its URL (only `?edition=`),
 * for the pages whose first screen the server answers: 总览 and 跨赛道. Built by the same
 * recipes and builders as the page, so each one's key (JSON.stringify of the builder's
 * output, what useQuery and the browser's answering connector compare) is the page's own.
 * Pure: no database, no files.
 */
import type { Manifest, TableName } from '../../../../analysis/contract.ts';
import type { Query } from '../../db/connector.ts';
import { themeOptions } from '../../queries/filters.ts';
import { editionSummary } from '../../queries/overview.ts';
import { recipeContext, type QueryRecipe, type RecipeContext } from '../../report/recipe.ts';
import { overlapHeatmap } from '../../report/recipes/overlap.ts';
import { overviewCloud, overviewCross, overviewHeatmap, overviewTop } from '../../report/recipes/overview.ts';

/**
 * Every stored table those queries read (the heatmap's members come from themes + terms too);
 * term_track and track_overlap, which they read as well, are derived from term_topic, terms and tracks.
 */
export const FIRST_ANSWER_TABLES: readonly TableName[] = ['editions', 'tracks', 'terms', 'themes', 'term_topic', 'term_stats', 'theme_track'];

export const FIRST_ROUTES = ['/', '/overlap'] as const;
export type FirstRoute = (typeof FIRST_ROUTES)[number];

interface FirstScreen {
  /** The recipes whose queries the page runs on opening. */
  recipes: readonly QueryRecipe<never>[];
  /** Those whose vega chart the server draws (figures.ts). */
  drawn: readonly QueryRecipe<never>[];
  /** Queries the page's shell runs beside them. */
  shell(ctx: RecipeContext): Query[];
}

// Recipes of different row types, only ever asked for their query and presentation here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const recipes = (...list: QueryRecipe<any>[]) => list as QueryRecipe<never>[];

const SCREENS: Record<FirstRoute, FirstScreen> = {
  '/': {
    recipes: recipes(overviewTop, overviewCloud, overviewHeatmap, overviewCross),
    drawn: recipes(overviewTop, overviewHeatmap, overviewCross),
    shell: (ctx) => [editionSummary({ edition: ctx.filters.edition, genericVerbs: ctx.filters.genericVerbs }), themeOptions()]
  },
  // The chord diagram draws from the heatmap's rows; the pair's details wait for a pick.
  '/overlap': {
    recipes: recipes(overlapHeatmap),
    drawn: recipes(overlapHeatmap),
    shell: () => [themeOptions()]
  }
};

/** The route's first screen when the server answers it; null otherwise. */
export function firstRouteOf(routeId: string | null): FirstRoute | null {
  return (FIRST_ROUTES as readonly string[]).includes(routeId ?? '') ? (routeId as FirstRoute) : null;
}

/** The recipes whose charts the server draws for `route`. */
export const drawnRecipes = (route: FirstRoute) => SCREENS[route].drawn;

/** The page's context for `?edition=<raw>` on `route`, as the page builds it. */
export function firstContext(manifest: Manifest, rawEdition: string | null, route: FirstRoute, themes?: RecipeContext['themes']): RecipeContext {
  const search = new URLSearchParams(rawEdition === null ? '' : { edition: rawEdition });
  return recipeContext({ manifest, lang: 'zh', path: route, search, params: {}, ...(themes ? { themes } : {}) });
}

/** The edition the page shows for `?edition=<raw>` (unknown or absent: the newest), and its queries. */
export function firstQueries(manifest: Manifest, rawEdition: string | null, route: FirstRoute = '/'): { edition: string; queries: Query[] } {
  const ctx = firstContext(manifest, rawEdition, route);
  const screen = SCREENS[route];
  const queries = [...screen.recipes.map((r) => r.query(ctx)), ...screen.shell(ctx)];
  return { edition: ctx.filters.edition, queries: queries.filter((q): q is Query => q !== null) };
}

/** The key a query is answered under: exactly what useQuery compares. */
export const answerKey = (query: Query): string => JSON.stringify(query);
