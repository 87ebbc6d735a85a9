/**
 * An async loader for the comparison, like useQuery but for a function of the connector:
 * re-runs when its key changes; an older answer never overwrites a newer one; the last
 * value stays while the next one loads.
 */
import type { Connector } from '$lib/db/connector.ts';

export class AsyncResult<T> {
  value = $state.raw<T | null>(null);
  error = $state<string | null>(null);
  loading = $state(true);
}

export function useAsync<T, K>(connector: () => Connector | null, key: () => K | null, run: (db: Connector, key: K) => Promise<T>): AsyncResult<T> {
  const result = new AsyncResult<T>();
  let ticket = 0;
  let last = '';
  let lastDb: Connector | null = null;
  $effect(() => {
    const db = connector();
    const k = key();
    if (!db || k === null) {
      result.loading = !db;
      return;
    }
    const id = JSON.stringify(k);
    if (id === last && db === lastDb) return;
    last = id;
    lastDb = db;
    const mine = ++ticket;
    result.loading = true;
    run(db, k).then(
      (value) => {
        if (mine !== ticket) return;
        result.value = value;
        result.error = null;
        result.loading = false;
      },
      (error: unknown) => {
        if (mine !== ticket) return;
        console.error(error);
        result.error = error instanceof Error ? error.message : String(error);
        result.loading = false;
      }
    );
  });
  return result;
}
