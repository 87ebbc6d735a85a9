/** Building links that carry the global state from page to page. */
import { GLOBAL_KEYS } from './filters.ts';

/** `path?query` with the global filters and lang of `current`, plus `extra` (view params). */
export function hrefWithGlobals(path: string, current: URLSearchParams, extra?: URLSearchParams | Record<string, string>): string {
  const out = new URLSearchParams();
  for (const key of GLOBAL_KEYS) {
    const value = current.get(key);
    if (value !== null) out.set(key, value);
  }
  for (const [key, value] of new URLSearchParams(extra ?? {})) out.set(key, value);
  const query = out.toString();
  return query ? `${path}?${query}` : path;
}
