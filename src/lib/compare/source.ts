/**
 * Where a comparison comes from: the precomputed tables when the analysis stage compared
 * the pair (consecutive editions of one region, generic verbs removed), otherwise the same
 * code (analysis/compare) run here on the loaded tables — in the browser on DuckDB-WASM,
 * in tests on either engine. Both give the same rows (tested).
 */
import { basisOf, compareEditions, type Basis, type CompareEdition } from '../../../analysis/compare/index.ts';
import type { GenericVerbs, TermTrendRow, TopicAlignmentRow, TrackAlignmentRow } from '../../../analysis/contract.ts';
import type { Connector } from '../db/connector.ts';
import {
  compareTermCounts,
  compareTopics,
  compareTracks,
  storedPair,
  storedTermTrend,
  storedTopicAlignment,
  storedTrackAlignment,
  type StoredCountRow,
  type TermCountRow
} from '../queries/compare.ts';

/** Anything that answers queries: a Connector, or a recipe's `run` as `{ query: run }`. */
type Queries = Pick<Connector, 'query'>;

export interface ComparisonData {
  basis: Basis;
  /** 'stored': the analysis stage's tables; 'computed': computed on demand. */
  origin: 'stored' | 'computed';
  editions: { a: CompareEdition; b: CompareEdition };
  tracks: TrackAlignmentRow[];
  topics: TopicAlignmentRow[];
  terms: TermTrendRow[];
}

/** Tracks, topics and term counts of editions, read from the tables. */
export async function readCompareEditions(db: Queries, ids: readonly string[], genericVerbs: GenericVerbs): Promise<Map<string, CompareEdition>> {
  const counts = await db.query<TermCountRow>(compareTermCounts({ editions: ids, genericVerbs }));
  const out = new Map<string, CompareEdition>();
  for (const id of new Set(ids)) {
    const [tracks, topics] = await Promise.all([
      db.query<CompareEdition['tracks'][number]>(compareTracks({ edition: id })),
      db.query<CompareEdition['topics'][number]>(compareTopics({ edition: id }))
    ]);
    const terms = counts.filter((c) => c.edition_id === id).map((c) => ({ term: c.term, count: c.count, title_count: c.title_count }));
    out.set(id, { edition_id: id, tracks, topics, terms });
  }
  return out;
}

/** The comparison of B against A computed here (whatever the tables hold). */
export async function computeComparison(db: Queries, a: string, b: string, genericVerbs: GenericVerbs): Promise<ComparisonData> {
  const inputs = await readCompareEditions(db, [a, b], genericVerbs);
  const editions = { a: inputs.get(a)!, b: inputs.get(b)! };
  const result = compareEditions(editions.a, editions.b);
  return { basis: result.basis, origin: 'computed', editions, tracks: result.tracks, topics: result.topics, terms: result.terms };
}

/** The comparison of B against A: precomputed rows when the pair was precomputed, else computed. */
export async function loadComparison(db: Queries, a: string, b: string, genericVerbs: GenericVerbs): Promise<ComparisonData> {
  const [stored] = genericVerbs === 'removed' ? await db.query<StoredCountRow>(storedPair({ a, b })) : [{ rows: 0 }];
  if (!stored || stored.rows === 0) return computeComparison(db, a, b, genericVerbs);
  const [inputs, tracks, topics, terms] = await Promise.all([
    readCompareEditions(db, [a, b], genericVerbs),
    db.query<TrackAlignmentRow>(storedTrackAlignment({ a, b })),
    db.query<TopicAlignmentRow>(storedTopicAlignment({ a, b })),
    db.query<TermTrendRow>(storedTermTrend({ a, b }))
  ]);
  const editions = { a: inputs.get(a)!, b: inputs.get(b)! };
  return { basis: basisOf(editions.a, editions.b), origin: 'stored', editions, tracks, topics, terms };
}
