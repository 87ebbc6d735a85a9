/**
 * Which editions' rows a page reads from the per-edition tables (EDITION_SLICED_TABLES),
 * so the dashboard loads those and no others (`AppState` appends an edition's rows when a
 * page first needs it). Declared per route from the queries the page and its recipes run:
 * most read the edition of the 版本 filter; a few read other editions of some tables
 * (a term's trend over every edition, a track's near-duplicates in other editions, the
 * comparison's pair and region series). A route not listed here reads everything: a page
 * must never see an edition half loaded.
 */
import type { Manifest, SlicedTableName } from '../../../analysis/contract.ts';
import type { EditionNeed, Need } from '../db/slices.ts';
import { regionEditions } from '../compare/editions.ts';
import { urlPair } from '../report/recipes/compare.ts';
import { seriesRegion } from '../report/recipes/compare-series.ts';
import { parseFilters } from './filters.ts';


export interface ScopeInput {
  /** SvelteKit's route id, e.g. '/tracks/[edition]/[track]'; null for an unknown path. */
  routeId: string | null;
  params: Record<string, string>;
  search: URLSearchParams;
  manifest: Manifest;
}

export function editionsNeeded({ routeId, params, search, manifest }: ScopeInput): Need {
  const edition = parseFilters(search, manifest).edition;
  const one = (...everyEdition: SlicedTableName[]): EditionNeed => ({ editions: edition ? [edition] : [], everyEdition });
  switch (routeId) {
    case '/':
    case '/terms':
    case '/themes':
    case '/themes/[theme]':
    case '/tracks':
    case '/overlap':
    case '/network':
    case '/manage':
      return one();
    case '/terms/[term]': {
      // termTrend: the term's rate in every edition (its term_stats rows alone); title tokens
      // from term_topic when one is titles-only, and the generic-verbs-kept rates are derived
      // from term_topic.
      const titlesOnly = manifest.editions.some((e) => !e.has_bodies);
      const kept = parseFilters(search, manifest).genericVerbs === 'kept';
      const need = one(...(titlesOnly || kept ? (['term_topic'] as const) : []));
      return params.term ? { ...need, termRows: [{ table: 'term_stats', term: params.term }] } : one('term_stats');
    }
    case '/tracks/[edition]/[track]': {
      // trackNearDuplicates shows the other side's topic title, from any edition.
      const need: EditionNeed = { ...one('topics'), onDemand: ['near_duplicates'] };
      if (manifest.editions.some((e) => e.edition_id === params.edition) && !need.editions.includes(params.edition)) need.editions.push(params.edition);
      return need;
    }
    case '/topics':
      return search.get('scope') === 'all' ? one('topics', 'term_topic') : one();
    case '/compare': {
      const ctx = { manifest, search };
      const pair = urlPair(ctx);
      const region = seriesRegion(ctx);
      const ids = new Set([edition, ...(pair ? [pair.a, pair.b] : [])]);
      if (region !== null) for (const e of regionEditions(manifest, region)) ids.add(e.edition_id);
      return { editions: [...ids].filter(Boolean), everyEdition: [] };
    }
    default:
      return 'all';
  }
}
