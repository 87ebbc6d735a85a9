/** The recipe context of the page being shown: its URL, route parameters, manifest, language and the themes' members. */
import { page } from '$app/state';
import type { AppState } from '../app.svelte.ts';
import { recipeContext, type RecipeContext } from './recipe.ts';

/** Call inside $derived so it follows the URL. Pages render only once the manifest is in. */
export function pageContext(app: AppState): RecipeContext {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(page.params)) if (value !== undefined) params[key] = value;
  return recipeContext({
    manifest: app.manifest!,
    lang: app.lang,
    path: page.url.pathname.slice(app.basePath.length) || '/',
    search: page.url.searchParams,
    params,
    themes: app.themes
  });
}
