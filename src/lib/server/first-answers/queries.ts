/**
 * What a page runs when it opens with no view settings in its URL (only `?edition=`), for
 * the pages whose first screen the server answers: 总览, 跨赛道, 共现网络 and the 词条, 赛道 and
 * 主题 indexes. The server runs the
 * page's own recipes (`recipe.load`, so a recipe whose second query depends on its first's rows,
 * like the network's edges, is answered too) and the shell's queries; each answer's key
 * (JSON.stringify of the builder's output, what useQuery and the browser's answering connector
 * compare) is the page's own. Pure: no database, no files.
 */
import type { Manifest, TableName } from '../../../../analysis/contract.ts';
import type { Query } from '../../db/connector.ts';
import { themeOptions } from '../../queries/filters.ts';
import { editionSummary } from '../../queries/overview.ts';
import { recipeContext, type QueryRecipe, type Recipe, type RecipeContext, type RunQuery } from '../../report/recipe.ts';
import { networkGraph } from '../../report/recipes/network.ts';
import { termsIndex } from '../../report/recipes/term.ts';
import { themesIndex } from '../../report/recipes/themes.ts';
import { tracksList } from '../../report/recipes/track.ts';
import { termCounts } from '../../queries/term.ts';
import { overlapHeatmap } from '../../report/recipes/overlap.ts';
import { overviewCloud, overviewCross, overviewHeatmap, overviewTop } from '../../report/recipes/overview.ts';

/**
 * Every stored table those queries read (the heatmap's members come from themes + terms too);
 * term_track and track_overlap, which they read as well, are derived from term_topic, terms and
 * tracks, cooccurrence from term_topic and topics.
 */
export const FIRST_ANSWER_TABLES: readonly TableName[] = ['editions', 'tracks', 'terms', 'themes', 'term_topic', 'term_stats', 'theme_track', 'topics'];

export const FIRST_ROUTES = ['/', '/overlap', '/network', '/terms', '/tracks', '/themes'] as const;
export type FirstRoute = (typeof FIRST_ROUTES)[number];

interface FirstScreen {
  /** The recipes whose data the page loads on opening. */
  recipes: readonly Recipe<unknown>[];
  /** Those of them whose vega chart the server draws (figures.ts). */
  drawn: readonly QueryRecipe<unknown>[];
  /** Queries the page's shell runs beside them. */
  shell(ctx: RecipeContext): Query[];
}

const SCREENS: Record<FirstRoute, FirstScreen> = {
  '/': {
    recipes: [overviewTop, overviewCloud, overviewHeatmap, overviewCross],
    drawn: [overviewTop, overviewHeatmap, overviewCross],
    shell: (ctx) => [editionSummary({ edition: ctx.filters.edition, genericVerbs: ctx.filters.genericVerbs }), themeOptions()]
  },
  // The chord diagram draws from the heatmap's rows; the pair's details wait for a pick.
  '/overlap': {
    recipes: [overlapHeatmap],
    drawn: [overlapHeatmap],
    shell: () => [themeOptions()]
  },
  // Nodes, then the edges among them (one recipe, two queries); the page lays the graph out itself.
  '/network': {
    recipes: [networkGraph],
    drawn: [],
    shell: () => [themeOptions()]
  },
  // The index pages: one query each (the tracks' chart reads the list's rows), drawn by the page.
  '/terms': {
    recipes: [termsIndex],
    drawn: [],
    shell: (ctx) => [termCounts(ctx.filters), themeOptions()]
  },
  '/tracks': {
    recipes: [tracksList],
    drawn: [],
    shell: () => [themeOptions()]
  },
  '/themes': {
    recipes: [themesIndex],
    drawn: [],
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

/**
 * The edition the page shows for `?edition=<raw>` (unknown or absent: the newest), and every
 * query it runs on opening, in order: `run` answers each one (a recipe may ask again from the rows).
 */
export async function firstQueries(
  manifest: Manifest,
  rawEdition: string | null,
  route: FirstRoute,
  run: RunQuery
): Promise<{ edition: string; queries: Query[] }> {
  const ctx = firstContext(manifest, rawEdition, route);
  const queries: Query[] = [];
  const recorded: RunQuery = (query) => (queries.push(query), run(query));
  for (const recipe of SCREENS[route].recipes) await recipe.load(recorded, ctx);
  for (const query of SCREENS[route].shell(ctx)) await recorded(query);
  return { edition: ctx.filters.edition, queries };
}

/** The edition the page shows and the queries it runs at once (those that need no rows first). */
export function openingQueries(manifest: Manifest, rawEdition: string | null, route: FirstRoute = '/'): { edition: string; queries: Query[] } {
  const ctx = firstContext(manifest, rawEdition, route);
  const screen = SCREENS[route];
  const queries = [...screen.recipes.map((r) => ('query' in r ? (r as QueryRecipe<unknown>).query(ctx) : null)), ...screen.shell(ctx)];
  return { edition: ctx.filters.edition, queries: queries.filter((q): q is Query => q !== null) };
}

/** The key a query is answered under: exactly what useQuery compares. */
export const answerKey = (query: Query): string => JSON.stringify(query);
