/**
 * The comparisons a term's trend lists under its chart. One per edition after the first: on a
 * thousand editions a list no one reads to the end. So past `RECENT_PAIRS` the panel shows the
 * most recent ones (the list runs oldest first) and offers the rest on request.
 */
export const RECENT_PAIRS = 12;

export function shownPairs<T>(pairs: readonly T[], showAll: boolean, limit = RECENT_PAIRS): { shown: readonly T[]; hidden: number } {
  if (showAll || pairs.length <= limit) return { shown: pairs, hidden: 0 };
  return { shown: pairs.slice(pairs.length - limit), hidden: pairs.length - limit };
}
