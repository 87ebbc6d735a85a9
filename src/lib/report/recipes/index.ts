/**
 * Every chart and table recipe by id. Ids are stored in baskets and share links: never
 * rename or reuse one; a new view adds its recipes here.
 */
import type { Recipe } from '../recipe.ts';
import { compareSummary, compareTerms, compareThemeHeatmap, compareTopics, compareTracks } from './compare.ts';
import { compareFirstSeen, compareSeriesTerms, compareSeriesThemes } from './compare-series.ts';
import { networkGraph, networkNodesTable } from './network.ts';
import { overlapChord, overlapHeatmap, overlapPairTopics, overlapShared } from './overlap.ts';
import { overviewCloud, overviewCross, overviewHeatmap, overviewTop } from './overview.ts';
import { termByTrackRecipe, termCoocRecipe, termKwicRecipe, termsIndex, termTrendRecipe } from './term.ts';
import { sqlResult } from './sql.ts';
import { themeMatrix, themesIndex } from './themes.ts';
import { topicsResults } from './topics.ts';
import { trackKeynessRecipe } from './track-keyness.ts';
import { trackDuplicatesRecipe, trackOverlapRecipe, tracksList, tracksTokens, trackTopicsRecipe } from './track.ts';

const ALL: Recipe<never>[] = [
  overviewTop,
  overviewCloud,
  overviewHeatmap,
  overviewCross,
  termsIndex,
  termByTrackRecipe,
  termKwicRecipe,
  termCoocRecipe,
  termTrendRecipe,
  themesIndex,
  themeMatrix,
  tracksList,
  tracksTokens,
  trackKeynessRecipe,
  trackOverlapRecipe,
  trackDuplicatesRecipe,
  trackTopicsRecipe,
  overlapHeatmap,
  overlapChord,
  overlapShared,
  overlapPairTopics,
  networkGraph,
  networkNodesTable,
  compareSummary,
  compareTracks,
  compareTopics,
  compareTerms,
  compareThemeHeatmap,
  compareSeriesThemes,
  compareSeriesTerms,
  compareFirstSeen,
  topicsResults,
  sqlResult
] as unknown as Recipe<never>[];

export const RECIPES: ReadonlyMap<string, Recipe> = new Map(ALL.map((r) => [r.id, r as unknown as Recipe]));

export function recipeKind(id: string): 'chart' | 'table' | null {
  return RECIPES.get(id)?.kind ?? null;
}
