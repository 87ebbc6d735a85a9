/**
 * The series view for a region with three or more editions: each theme's and each term's
 * rate per edition over the years, and the year each term first appears. One basis for the
 * whole series: titles when any of its editions is titles-only.
 */
import { termTrend, type Basis, type TermCount } from '../../../analysis/compare/index.ts';
import type { ManifestEdition } from '../../../analysis/contract.ts';
import type { TermCountRow } from '../queries/compare.ts';

export interface SeriesPoint {
  edition_id: string;
  year: string;
  name: string;
  per10k: number;
  count: number;
}

export interface FirstSeen {
  term: string;
  first_year: number;
  first_edition: string;
  editions: number;
  latest_count: number;
}

export interface Series {
  basis: Basis;
  years: string[];
  themes: SeriesPoint[];
  themeOrder: string[];
  terms: SeriesPoint[];
  termOrder: string[];
  firstSeen: FirstSeen[];
}

export function regionSeries(
  editions: readonly Pick<ManifestEdition, 'edition_id' | 'year' | 'has_bodies'>[],
  counts: readonly TermCountRow[],
  members: ReadonlyMap<string, readonly string[]>,
  o: { lines: number } = { lines: 8 }
): Series {
  const ordered = [...editions].sort((x, y) => x.year - y.year || (x.edition_id < y.edition_id ? -1 : 1));
  const basis: Basis = ordered.every((e) => e.has_bodies) ? 'full' : 'titles';
  const countOf = (c: TermCount) => (basis === 'full' ? c.count : c.title_count);
  const byEdition = new Map(ordered.map((e) => [e.edition_id, new Map<string, number>()]));
  const tokens = new Map(ordered.map((e) => [e.edition_id, 0]));
  for (const c of counts) {
    const map = byEdition.get(c.edition_id);
    if (!map) continue;
    const n = countOf(c);
    tokens.set(c.edition_id, tokens.get(c.edition_id)! + n);
    if (n > 0) map.set(c.term, n);
  }
  const rate = (id: string, n: number) => (tokens.get(id)! > 0 ? (n / tokens.get(id)!) * 10_000 : 0);
  // Same year twice (two editions of one year): the label keeps them apart.
  const yearOf = (e: (typeof ordered)[number]) => (ordered.filter((x) => x.year === e.year).length > 1 ? `${e.year} ${e.edition_id}` : String(e.year));
  const years = ordered.map(yearOf);

  const themePoints: SeriesPoint[] = [];
  const themePeak = new Map<string, number>();
  for (const [theme, terms] of members) {
    const unique = [...new Set(terms)];
    for (const e of ordered) {
      const n = unique.reduce((sum, term) => sum + (byEdition.get(e.edition_id)!.get(term) ?? 0), 0);
      const per10k = rate(e.edition_id, n);
      themePoints.push({ edition_id: e.edition_id, year: yearOf(e), name: theme, per10k, count: n });
      themePeak.set(theme, Math.max(themePeak.get(theme) ?? 0, per10k));
    }
  }
  const themeOrder = [...themePeak].filter(([, peak]) => peak > 0).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, o.lines).map(([t]) => t);

  // Terms: the strongest movers between the first and the last edition (|G²|).
  const first = ordered[0];
  const last = ordered.at(-1)!;
  const asCounts = (id: string): TermCount[] => [...byEdition.get(id)!].map(([term, n]) => ({ term, count: n, title_count: n }));
  const movers = termTrend(asCounts(first.edition_id), asCounts(last.edition_id), 'full')
    .sort((x, y) => Math.abs(y.g2) - Math.abs(x.g2) || (x.term < y.term ? -1 : 1))
    .slice(0, o.lines)
    .map((t) => t.term);
  const termPoints = movers.flatMap((term) =>
    ordered.map((e) => {
      const n = byEdition.get(e.edition_id)!.get(term) ?? 0;
      return { edition_id: e.edition_id, year: yearOf(e), name: term, per10k: rate(e.edition_id, n), count: n };
    })
  );

  const firstSeen: FirstSeen[] = [];
  const allTerms = new Set(ordered.flatMap((e) => [...byEdition.get(e.edition_id)!.keys()]));
  for (const term of allTerms) {
    const present = ordered.filter((e) => byEdition.get(e.edition_id)!.has(term));
    firstSeen.push({
      term,
      first_year: present[0].year,
      first_edition: present[0].edition_id,
      editions: present.length,
      latest_count: byEdition.get(last.edition_id)!.get(term) ?? 0
    });
  }
  firstSeen.sort((x, y) => y.first_year - x.first_year || y.latest_count - x.latest_count || (x.term < y.term ? -1 : 1));
  return { basis, years, themes: themePoints.filter((p) => themeOrder.includes(p.name)), themeOrder, terms: termPoints, termOrder: movers, firstSeen };
}
