/**
 * The queries 总览 runs when it opens with no view settings in its URL (only `?edition=`),
 * built by the same recipes and builders as the page, so each one's key (JSON.stringify of
 * the builder's output, what useQuery and the browser's answering connector compare) is the
 * page's own. Pure: no database, no files.
 */
import type { Manifest, TableName } from '../../../../analysis/contract.ts';
import type { Query } from '../../db/connector.ts';
import { themeOptions } from '../../queries/filters.ts';
import { editionSummary } from '../../queries/overview.ts';
import { recipeContext } from '../../report/recipe.ts';
import { overviewCloud, overviewCross, overviewHeatmap, overviewTop } from '../../report/recipes/overview.ts';

/**
 * Every stored table those queries read (the heatmap's members come from themes + terms too);
 * term_track, which they read as well, is derived from term_topic, terms and tracks.
 */
export const FIRST_ANSWER_TABLES: readonly TableName[] = ['editions', 'tracks', 'terms', 'themes', 'term_topic', 'term_stats', 'theme_track'];

/** The edition the overview shows for `?edition=<raw>` (unknown or absent: the newest), and its queries. */
export function firstQueries(manifest: Manifest, rawEdition: string | null): { edition: string; queries: Query[] } {
  const search = new URLSearchParams(rawEdition === null ? '' : { edition: rawEdition });
  const ctx = recipeContext({ manifest, lang: 'zh', path: '/', search, params: {} });
  const edition = ctx.filters.edition;
  const recipes = [overviewTop, overviewCloud, overviewHeatmap, overviewCross].map((r) => r.query(ctx));
  const queries = [...recipes, editionSummary({ edition, genericVerbs: ctx.filters.genericVerbs }), themeOptions()];
  return { edition, queries: queries.filter((q): q is Query => q !== null) };
}

/** The key a query is answered under: exactly what useQuery compares. */
export const answerKey = (query: Query): string => JSON.stringify(query);
