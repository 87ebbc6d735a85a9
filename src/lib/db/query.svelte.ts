/**
 * Runs a query builder's output against the app's connector and keeps the result
 * reactive. Call during component setup:
 *
 *   const top = useQuery<TopTermRow>(() => app.connector, () => topTerms({ ...app.filters, limit: 20 }));
 *   {#if top.error}…{:else if top.rows}…{/if}
 *
 * Re-runs when the built query changes (same SQL and params → no re-run); a slow
 * answer to an older query never overwrites a newer one. Rows stay while reloading.
 */
import type { Connector, Query } from './connector.ts';

export class QueryResult<T> {
  rows = $state.raw<T[] | null>(null);
  error = $state<string | null>(null);
  /** True while waiting for the engine or for an answer. */
  loading = $state(true);
}

export function useQuery<T>(connector: () => Connector | null, build: () => Query | null): QueryResult<T> {
  const result = new QueryResult<T>();
  let ticket = 0;
  let lastKey = '';
  let lastDb: Connector | null = null;
  $effect(() => {
    const db = connector();
    const query = build();
    if (!db || !query) {
      result.loading = !db;
      return;
    }
    const key = JSON.stringify(query);
    if (key === lastKey && db === lastDb) return;
    lastKey = key;
    lastDb = db;
    const mine = ++ticket;
    result.loading = true;
    db.query<T>(query).then(
      (rows) => {
        if (mine !== ticket) return;
        result.rows = rows;
        result.error = null;
        result.loading = false;
      },
      (error: unknown) => {
        if (mine !== ticket) return;
        console.error(error, query);
        result.error = error instanceof Error ? error.message : String(error);
        result.loading = false;
      }
    );
  });
  return result;
}
