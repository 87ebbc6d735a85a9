/**
 * The dashboard's interaction queries for the benchmark: every view's query builders
 * (src/lib/queries/*.ts, the exact SQL the pages send), each called with parameters drawn
 * at random (seeded) from the loaded data — editions, track subsets, generic verbs,
 * themes, terms — and timed one call at a time on a connector.
 */
import type { Connector, Query } from '../src/lib/db/connector.ts';
import type { FilterParams } from '../src/lib/queries/filters.ts';
import { networkEdges, networkNodes } from '../src/lib/queries/network.ts';
import { overlapMatrix, sharedTerms } from '../src/lib/queries/overlap.ts';
import { crossTrackTerms, editionSummary, themeTrackHeatmap, topTerms } from '../src/lib/queries/overview.ts';
import { checkReadOnly, exampleQueries, statementRows, SHOWN_ROWS } from '../src/lib/queries/sql.ts';
import { termByTrack, termCooccurrence, termIndex, termKwic, termSpread, termTrend } from '../src/lib/queries/term.ts';
import { searchTopics } from '../src/lib/queries/topics.ts';
import { trackIndex, trackKeyness, trackOverlaps, trackTermSpans } from '../src/lib/queries/track.ts';
import { seededRandom } from '../src/lib/random.ts';

/** What the parameters are drawn from: read once from the loaded tables. */
export interface QueryContext {
  editions: { id: string; tracks: number[] }[];
  /** Frequent terms (the ones people open). */
  terms: string[];
  themes: string[];
  minPairCount: number;
}

export async function queryContext(db: Connector, minPairCount: number, editionIds?: readonly string[]): Promise<QueryContext> {
  const tracks = await db.query<{ edition_id: string; tracks: number[] }>({
    sql: 'SELECT edition_id, list(track_no ORDER BY track_no) AS tracks FROM tracks GROUP BY edition_id ORDER BY edition_id'
  });
  const editions = tracks.filter((e) => !editionIds || editionIds.includes(e.edition_id)).map((e) => ({ id: e.edition_id, tracks: e.tracks }));
  const terms = (await db.query<{ term: string }>({ sql: 'SELECT term FROM terms WHERE NOT generic_verb ORDER BY count DESC, term LIMIT 200' })).map((r) => r.term);
  const themes = (await db.query<{ theme: string }>({ sql: 'SELECT DISTINCT theme FROM themes ORDER BY theme' })).map((r) => r.theme);
  return { editions, terms, themes, minPairCount };
}

type Random = () => number;
const pickOne = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];

/** Global filters as a user sets them: half the time all tracks, else 1–5 of them. */
function filters(ctx: QueryContext, random: Random, edition = pickOne(ctx.editions, random)): FilterParams & { trackList: number[] } {
  const subset = random() < 0.5 ? null : [...edition.tracks].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 5)).sort((a, b) => a - b);
  return {
    edition: edition.id,
    tracks: subset,
    theme: random() < 0.2 ? pickOne(ctx.themes, random) : null,
    genericVerbs: random() < 0.7 ? 'removed' : 'kept',
    trackList: edition.tracks
  };
}

export interface QueryFamily {
  view: string;
  name: string;
  /** The query to time; anything it needs first (the network's nodes) runs here, untimed. */
  build: (ctx: QueryContext, random: Random, db: Connector) => Query | Promise<Query>;
}

/** The network's edges between its nodes, as the page asks for them after the nodes query. */
async function edgesQuery(c: QueryContext, r: Random, db: Connector, scope: 'all' | 'subset', window: 'topic' | 'sentence'): Promise<Query> {
  const f = filters(c, r);
  const tracks = scope === 'all' ? null : [...f.trackList].sort(() => r() - 0.5).slice(0, 2 + Math.floor(r() * 6)).sort((a, b) => a - b);
  const top = pickOne([40, 60, 100], r);
  const terms = (await db.query<{ term: string }>(networkNodes({ ...f, tracks, top }))).map((n) => n.term);
  return networkEdges({ edition: f.edition, tracks, terms, minPairCount: c.minPairCount, window });
}

export const FAMILIES: QueryFamily[] = [
  { view: '总览', name: 'editionSummary', build: (c, r) => editionSummary(filters(c, r)) },
  { view: '总览', name: 'topTerms', build: (c, r) => topTerms({ ...filters(c, r), limit: 20 }) },
  { view: '总览', name: 'themeTrackHeatmap', build: (c, r) => themeTrackHeatmap(filters(c, r)) },
  { view: '总览', name: 'crossTrackTerms', build: (c, r) => crossTrackTerms({ ...filters(c, r), limit: 30 }) },
  {
    view: '词条',
    name: 'termIndex',
    build: (c, r) => termIndex({ ...filters(c, r), q: r() < 0.5 ? '' : pickOne(c.terms, r).slice(0, 1), single: r() < 0.2, sort: 'count', dir: 'desc', limit: 100 })
  },
  { view: '词条', name: 'termSpread', build: (c, r) => termSpread({ ...filters(c, r), term: pickOne(c.terms, r) }) },
  { view: '词条', name: 'termByTrack', build: (c, r) => termByTrack({ ...filters(c, r), term: pickOne(c.terms, r) }) },
  {
    view: '词条',
    name: 'termKwic',
    build: (c, r) => termKwic({ ...filters(c, r), term: pickOne(c.terms, r), window: 20, sort: pickOne(['position', 'left', 'right'] as const, r), limit: 200 })
  },
  {
    view: '词条',
    name: 'termCooccurrence',
    build: (c, r) =>
      termCooccurrence({ ...filters(c, r), term: pickOne(c.terms, r), window: pickOne(['topic', 'sentence'] as const, r), stat: 'jaccard', limit: 30 })
  },
  { view: '词条', name: 'termTrend', build: (c, r) => termTrend({ term: pickOne(c.terms, r), genericVerbs: 'removed' }) },
  { view: '赛道', name: 'trackIndex', build: (c, r) => trackIndex({ ...filters(c, r), metric: 'cosine' }) },
  {
    view: '赛道',
    name: 'trackKeyness',
    build: (c, r) => {
      const f = filters(c, r);
      return trackKeyness({ ...f, track: pickOne(f.trackList, r), stat: pickOne(['g2', 'logratio'] as const, r), top: 30 });
    }
  },
  {
    view: '赛道',
    name: 'trackOverlaps',
    build: (c, r) => {
      const f = filters(c, r);
      return trackOverlaps({ ...f, track: pickOne(f.trackList, r), metric: 'jaccard' });
    }
  },
  {
    view: '赛道',
    name: 'trackTermSpans',
    build: (c, r) => {
      const f = filters(c, r);
      return trackTermSpans({ ...f, track: pickOne(f.trackList, r) });
    }
  },
  { view: '跨赛道', name: 'overlapMatrix', build: (c, r) => overlapMatrix({ ...filters(c, r), metric: pickOne(['jaccard', 'cosine'] as const, r) }) },
  {
    view: '跨赛道',
    name: 'sharedTerms',
    build: (c, r) => {
      const f = filters(c, r);
      const [a, b] = [...f.trackList].sort(() => r() - 0.5);
      return sharedTerms({ ...f, a, b: b ?? a });
    }
  },
  {
    view: '题目检索',
    name: 'searchTopics',
    build: (c, r) => searchTopics({ ...filters(c, r), q: pickOne(['数据', '模型', '平台', '安全', '可信数据空间', ''], r), scope: r() < 0.8 ? 'edition' : 'all', limit: 100 })
  },
  { view: '共现网络', name: 'networkNodes', build: (c, r) => networkNodes({ ...filters(c, r), top: pickOne([40, 60, 100], r) }) },
  { view: '共现网络', name: 'networkEdges (all tracks: table)', build: (c, r, db) => edgesQuery(c, r, db, 'all', 'topic') },
  { view: '共现网络', name: 'networkEdges (subset, topic window)', build: (c, r, db) => edgesQuery(c, r, db, 'subset', 'topic') },
  { view: '共现网络', name: 'networkEdges (subset, sentences)', build: (c, r, db) => edgesQuery(c, r, db, 'subset', 'sentence') },
  {
    view: 'SQL 控制台',
    name: 'example queries',
    build: (c, r) => {
      const example = pickOne(exampleQueries(pickOne(c.editions, r).id), r);
      const checked = checkReadOnly(example.sql);
      if (!checked.ok) throw new Error(`example ${example.key} rejected`);
      return checked.wrappable ? statementRows(checked.statement, SHOWN_ROWS) : { sql: checked.statement };
    }
  }
];

export interface FamilyTiming {
  family: QueryFamily;
  p50: number;
  p95: number;
  max: number;
  runs: number;
  /** Rows of the last call (a sanity check that the query found data). */
  rows: number;
  error?: string;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function timeFamilies(db: Connector, ctx: QueryContext, runs = 30, warmups = 2, seed = 7): Promise<FamilyTiming[]> {
  const out: FamilyTiming[] = [];
  for (const family of FAMILIES) {
    const random = seededRandom(seed);
    const times: number[] = [];
    let rows = 0;
    try {
      for (let i = 0; i < warmups + runs; i++) {
        const query = await family.build(ctx, random, db);
        const started = performance.now();
        rows = (await db.query(query)).length;
        if (i >= warmups) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      out.push({ family, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, runs, rows });
    } catch (error) {
      out.push({ family, p50: NaN, p95: NaN, max: NaN, runs: times.length, rows, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  }
  return out;
}
