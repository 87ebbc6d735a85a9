/**
 * Network queries on the fixture (tests/src/lib/fixture/rows.ts), on both engines, and on
 * the real guides. Fixture term_topic (2026-hunan; a term's count spreads over its first topics):
 *   track 1 topic 1 {数据, 模型, 隐私计算, 推动}   topic 2 {数据, 模型, 推动}
 *   track 2 topic 1 {数据, 农业}
 *   track 3 topic 1 {数据, 模型, 医疗, 联邦学习, 推动}   topic 2 {医疗}
 * so N = 5 topics; n(数据) = 4, n(模型) = 3, n(医疗) = 2; a(数据, 模型) = 3 (t1p1, t1p2, t3p1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import {
  networkEdges,
  networkEdgesFromTable,
  networkEdgesFromTopics,
  networkNodes,
  type NetworkEdgeRow,
  type NetworkNodeRow
} from '../../../../src/lib/queries/network.ts';
import { ENGINES, fixtureConnector } from '../fixture/connect.ts';
import { realConnector } from '../fixture/real.ts';

const HUNAN: FilterParams = { edition: '2026-hunan', tracks: null, theme: null, genericVerbs: 'removed' };
const ATTACK = "'; DROP TABLE topics; --";
const pairs = (rows: NetworkEdgeRow[]) => rows.map((r) => [r.term_a, r.term_b, r.topics]);

type EdgeBuilder = typeof networkEdges;
/** Nodes first, then the edges between them — as the page does. */
async function edgesFor(db: LoadableConnector, build: EdgeBuilder, p: FilterParams & { top: number; minPairCount: number }) {
  const terms = (await db.query<NetworkNodeRow>(networkNodes(p))).map((n) => n.term);
  return db.query<NetworkEdgeRow>(build({ edition: p.edition, tracks: p.tracks, terms, minPairCount: p.minPairCount }));
}

describe.each(ENGINES)('network queries on the fixture (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await fixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('networkNodes ranks terms by frequency over the chosen tracks', async () => {
    const all = await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, top: 10 }));
    expect(all.map((r) => [r.term, r.count, r.topics])).toEqual([
      ['数据', 8, 4], ['医疗', 6, 2], ['模型', 5, 3], ['农业', 4, 1], ['联邦学习', 2, 1], ['隐私计算', 1, 1]
    ]);
    expect((await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, top: 2 }))).map((r) => r.term)).toEqual(['数据', '医疗']);
    const subset = await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, tracks: [1, 2], top: 10 }));
    expect(subset.map((r) => [r.term, r.count])).toEqual([['数据', 7], ['农业', 4], ['模型', 3], ['隐私计算', 1]]);
    const kept = await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, genericVerbs: 'kept', top: 10 }));
    expect(kept.find((r) => r.term === '推动')).toEqual({ term: '推动', count: 4, topics: 3 });
    const theme = await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, theme: '隐私计算', top: 10 }));
    expect(theme.map((r) => r.term)).toEqual(['联邦学习', '隐私计算']);
  });

  it('networkNodes follows the 「领域词」 switch: domain terms only, ranked by TF-IDF across the chosen tracks', async () => {
    expect((await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, top: 10, vocab: 'domain' }))).map((r) => r.term)).toEqual(['联邦学习', '隐私计算']);
    // count · ln(3/df): 医疗 6 ln 3, 农业 4 ln 3, 联邦学习 2 ln 3, 模型 5 ln 1.5, 隐私计算 ln 3, 数据 0.
    const tfidf = await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, top: 10, rank: 'tfidf' }));
    expect(tfidf.map((r) => [r.term, r.count])).toEqual([['医疗', 6], ['农业', 4], ['联邦学习', 2], ['模型', 5], ['隐私计算', 1], ['数据', 8]]);
    const top3 = await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, top: 3, rank: 'tfidf', vocab: 'domain', tracks: [1, 3] }));
    expect(top3.map((r) => r.term)).toEqual(['联邦学习', '隐私计算']);
  });

  it('networkEdgesFromTable reads the cooccurrence rows between the nodes', async () => {
    const rows = await edgesFor(db, networkEdgesFromTable, { ...HUNAN, top: 10, minPairCount: 2 });
    // Derived by the loader from term_topic (the fixture has no spans, so no sentence is shared):
    // 数据 in 4 of 5 topics, 模型 in 3, both in 3 → Jaccard 3/4, AS 3·5/(4·3), NPMI log2(1.25)/−log2(0.6).
    expect(rows).toEqual([
      {
        term_a: '数据', term_b: '模型', topics: 3, sentences: 0, jaccard: 0.75, association_strength: 1.25,
        npmi: expect.closeTo(Math.log2(1.25) / -Math.log2(0.6), 12),
        sentence_jaccard: null, sentence_association_strength: null, sentence_npmi: null
      }
    ]);
    // 模型 is not among the top 2 nodes (数据 8, 医疗 6).
    expect(await edgesFor(db, networkEdgesFromTable, { ...HUNAN, top: 2, minPairCount: 2 })).toEqual([]);
  });

  it('networkEdgesFromTopics counts pairs in the chosen topics and computes the statistics', async () => {
    const all = await edgesFor(db, networkEdgesFromTopics, { ...HUNAN, top: 10, minPairCount: 2 });
    expect(pairs(all)).toEqual([['数据', '模型', 3]]);
    const [e] = all;
    expect(e.jaccard).toBeCloseTo(3 / (4 + 3 - 3), 12);
    expect(e.association_strength).toBeCloseTo((3 * 5) / (4 * 3), 12);
    expect(e.npmi).toBeCloseTo(Math.log2((3 * 5) / (4 * 3)) / -Math.log2(3 / 5), 12);
    // The fixture has no spans, so no sentence is shared.
    expect([e.sentences, e.sentence_jaccard, e.sentence_npmi]).toEqual([0, null, null]);

    // Every shared topic once: 9 pairs among the six nodes; 医疗–联邦学习 share t3p1 only.
    const single = await edgesFor(db, networkEdgesFromTopics, { ...HUNAN, top: 10, minPairCount: 1 });
    expect(single).toHaveLength(9);
    const medical = single.find((r) => r.term_a === '医疗' && r.term_b === '联邦学习')!;
    expect(medical.topics).toBe(1);
    expect(medical.jaccard).toBeCloseTo(1 / (2 + 1 - 1), 12);
    expect(medical.association_strength).toBeCloseTo(5 / 2, 12);
  });

  it('recomputes N, n_i and a_ij for a subset of tracks', async () => {
    // Tracks 1 and 3: N = 4; n(数据) = n(模型) = 3 = a, so Jaccard 1 and NPMI 1.
    const [e] = await edgesFor(db, networkEdges, { ...HUNAN, tracks: [1, 3], top: 10, minPairCount: 2 });
    expect([e.term_a, e.term_b, e.topics]).toEqual(['数据', '模型', 3]);
    expect(e.jaccard).toBeCloseTo(1, 12);
    expect(e.association_strength).toBeCloseTo((3 * 4) / 9, 12);
    expect(e.npmi).toBeCloseTo(1, 12);
    // Track 1 alone: both terms in both topics, a = N = 2 → NPMI defined as 1.
    const [one] = await edgesFor(db, networkEdges, { ...HUNAN, tracks: [1], top: 10, minPairCount: 2 });
    expect([one.topics, one.jaccard, one.association_strength, one.npmi]).toEqual([2, 1, 1, 1]);
    // The topic window gives the same pair without counting sentences.
    const [topicOnly] = await db.query<NetworkEdgeRow>(
      networkEdges({ edition: '2026-hunan', tracks: [1, 3], terms: ['数据', '模型', '医疗'], minPairCount: 2, window: 'topic' })
    );
    expect([topicOnly.term_a, topicOnly.term_b, topicOnly.topics, topicOnly.sentences]).toEqual(['数据', '模型', 3, null]);
    expect(topicOnly.association_strength).toBeCloseTo((3 * 4) / 9, 12);
    // Track 2 has one topic: nothing reaches two shared topics.
    expect(await edgesFor(db, networkEdges, { ...HUNAN, tracks: [2], top: 10, minPairCount: 2 })).toEqual([]);
  });

  it('keeps generic verbs out of the nodes unless asked', async () => {
    const removed = await edgesFor(db, networkEdgesFromTopics, { ...HUNAN, top: 10, minPairCount: 2 });
    expect(removed.some((r) => r.term_a === '推动' || r.term_b === '推动')).toBe(false);
    const kept = await edgesFor(db, networkEdgesFromTopics, { ...HUNAN, genericVerbs: 'kept', top: 10, minPairCount: 2 });
    // 推动 is in t1p1, t1p2, t3p1 — the same three topics as 数据 and 模型.
    expect(pairs(kept)).toEqual([['推动', '数据', 3], ['推动', '模型', 3], ['数据', '模型', 3]]);
  });

  it('treats hostile filter values as plain values', async () => {
    expect(await db.query(networkNodes({ ...HUNAN, theme: ATTACK, top: 10 }))).toEqual([]);
    expect(await edgesFor(db, networkEdges, { ...HUNAN, edition: ATTACK, top: 10, minPairCount: 2 })).toEqual([]);
    expect(await edgesFor(db, networkEdges, { ...HUNAN, edition: ATTACK, tracks: [1], top: 10, minPairCount: 2 })).toEqual([]);
    for (const tracks of [null, [1, 3]]) {
      expect(await db.query(networkEdges({ edition: '2026-hunan', tracks, terms: [ATTACK, '数据'], minPairCount: 1 }))).toEqual([]);
      expect(await db.query(networkEdges({ edition: '2026-hunan', tracks, terms: [], minPairCount: 1 }))).toEqual([]);
    }
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM topics' });
    expect(n).toBeGreaterThan(0);
  });
});

/** Sentence breaks as analysis/segment/chars.ts lists them. */
const BREAKS = new Set([...'。！？；!?;\n\r\u2028\u2029\uFF61']);

const WORD_CHAR = /[^\s\p{Z}\p{Cc}\p{Cf}\p{P}\p{S}]/u;

/** Non-empty sentences: a title with any word is one; a body splits at the breaks. */
function sentenceTotal(topics: { title: string; body: string }[]): number {
  let total = 0;
  for (const t of topics) {
    if (WORD_CHAR.test(t.title)) total++;
    let piece = '';
    for (const ch of t.body + '\n') {
      if (!BREAKS.has(ch)) piece += ch;
      else {
        if (WORD_CHAR.test(piece)) total++;
        piece = '';
      }
    }
  }
  return total;
}

interface Occurrence {
  track_no: number;
  topic_no: number;
  term: string;
  title_spans: string;
  body_spans: string;
}

/** Pairs counted directly in JS from term_topic rows and topic bodies: the reference for the SQL. */
function directCounts(occurrences: Occurrence[], bodies: Map<string, string>, terms: Set<string>) {
  const topicTerms = new Map<string, Set<string>>();
  const sentenceTerms = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, term: string) => map.set(key, (map.get(key) ?? new Set()).add(term));
  for (const o of occurrences) {
    if (!terms.has(o.term)) continue;
    const topic = `${o.track_no}/${o.topic_no}`;
    add(topicTerms, topic, o.term);
    if (o.title_spans) add(sentenceTerms, `${topic}/0`, o.term);
    const body = bodies.get(topic) ?? '';
    for (const span of o.body_spans.split(' ').filter(Boolean)) {
      const start = Number(span.split(':')[0]);
      const sentence = 1 + [...body.slice(0, start)].filter((ch) => BREAKS.has(ch)).length;
      add(sentenceTerms, `${topic}/${sentence}`, o.term);
    }
  }
  const count = (units: Map<string, Set<string>>) => {
    const single = new Map<string, number>();
    const pair = new Map<string, number>();
    for (const set of units.values()) {
      const list = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const t of list) single.set(t, (single.get(t) ?? 0) + 1);
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pair.set(`${list[i]}|${list[j]}`, (pair.get(`${list[i]}|${list[j]}`) ?? 0) + 1);
    }
    return { single, pair };
  };
  return { topics: count(topicTerms), sentences: count(sentenceTerms) };
}

describe.each(ENGINES)('network queries on the real guides (%s)', (engine) => {
  let db: LoadableConnector;
  let minPairCount: number;
  beforeAll(async () => {
    const real = await realConnector(engine);
    db = real.db;
    minPairCount = real.manifest.options.min_pair_count;
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(['2026-hunan', '2025-fujian-xiamen'])('over all tracks, the recomputed edges equal the cooccurrence table (%s)', async (edition) => {
    const p = { ...HUNAN, edition, genericVerbs: 'kept' as const, top: 120, minPairCount };
    const table = await edgesFor(db, networkEdgesFromTable, p);
    const recomputed = await edgesFor(db, networkEdgesFromTopics, p);
    expect(table.length).toBeGreaterThan(edition === '2026-hunan' ? 1000 : 5);
    expect(recomputed.map((r) => [r.term_a, r.term_b, r.topics, r.sentences])).toEqual(table.map((r) => [r.term_a, r.term_b, r.topics, r.sentences]));
    recomputed.forEach((r, i) => {
      const t = table[i];
      for (const key of ['jaccard', 'association_strength', 'npmi', 'sentence_jaccard', 'sentence_association_strength', 'sentence_npmi'] as const) {
        if (t[key] === null) expect(r[key]).toBeNull();
        else expect(r[key]).toBeCloseTo(t[key]!, 9);
      }
    });
  });

  it('for a subset of tracks, every edge equals direct counts over term_topic', async () => {
    const tracks = [1, 3, 5, 11];
    const p = { ...HUNAN, tracks, top: 60, minPairCount };
    const nodes = await db.query<NetworkNodeRow>(networkNodes(p));
    const edges = await db.query<NetworkEdgeRow>(networkEdges({ ...p, terms: nodes.map((n) => n.term) }));
    expect(nodes).toHaveLength(60);
    const occurrences = await db.query<Occurrence>({
      sql: `SELECT track_no, topic_no, term, title_spans, body_spans FROM term_topic WHERE edition_id = ? AND track_no IN (1, 3, 5, 11)`,
      params: ['2026-hunan']
    });
    const topicRows = await db.query<{ track_no: number; topic_no: number; title: string; body: string }>({
      sql: `SELECT track_no, topic_no, title, body FROM topics WHERE edition_id = ? AND track_no IN (1, 3, 5, 11)`,
      params: ['2026-hunan']
    });
    const N = topicRows.length;
    const Ns = sentenceTotal(topicRows);
    expect(N).toBe(5 + 3 + 12 + 15); // per-track topic counts from TEAM-NOTES
    const direct = directCounts(occurrences, new Map(topicRows.map((t) => [`${t.track_no}/${t.topic_no}`, t.body])), new Set(nodes.map((n) => n.term)));

    const expected = [...direct.topics.pair.entries()]
      .map(([key, a]) => ({ key, a, s: direct.sentences.pair.get(key) ?? 0 }))
      .filter((e) => e.a >= minPairCount || e.s >= minPairCount)
      .map((e) => e.key)
      .sort();
    expect(edges.map((e) => `${e.term_a}|${e.term_b}`).sort()).toEqual(expected);
    expect(edges.length).toBeGreaterThan(100);
    for (const e of edges) {
      const key = `${e.term_a}|${e.term_b}`;
      const a = direct.topics.pair.get(key)!;
      const ni = direct.topics.single.get(e.term_a)!;
      const nj = direct.topics.single.get(e.term_b)!;
      expect(e.topics).toBe(a);
      expect(e.sentences).toBe(direct.sentences.pair.get(key) ?? 0);
      expect(e.jaccard).toBeCloseTo(a / (ni + nj - a), 9);
      expect(e.association_strength).toBeCloseTo((a * N) / (ni * nj), 9);
      const npmi = a >= N ? 1 : Math.log2((a * N) / (ni * nj)) / -Math.log2(a / N);
      expect(e.npmi).toBeCloseTo(Math.max(-1, Math.min(1, npmi)), 9);
      const s = direct.sentences.pair.get(key) ?? 0;
      if (s === 0) {
        expect(e.sentence_jaccard).toBeNull();
        continue;
      }
      const si = direct.sentences.single.get(e.term_a)!;
      const sj = direct.sentences.single.get(e.term_b)!;
      expect(e.sentence_jaccard).toBeCloseTo(s / (si + sj - s), 9);
      expect(e.sentence_association_strength).toBeCloseTo((s * Ns) / (si * sj), 9);
    }
  });

  it('in the topic window over a subset, skips sentences and keeps pairs with a_ij ≥ the minimum', async () => {
    const p = { ...HUNAN, tracks: [2, 4, 6, 8, 10, 12], top: 80, minPairCount };
    const terms = (await db.query<NetworkNodeRow>(networkNodes(p))).map((n) => n.term);
    const full = await db.query<NetworkEdgeRow>(networkEdges({ ...p, terms, window: 'sentence' }));
    const topicOnly = await db.query<NetworkEdgeRow>(networkEdges({ ...p, terms, window: 'topic' }));
    const expected = full.filter((e) => e.topics >= minPairCount);
    expect(expected.length).toBeGreaterThan(50);
    expect(topicOnly.length).toBeLessThan(full.length);
    expect(topicOnly.map((e) => [e.term_a, e.term_b, e.topics])).toEqual(expected.map((e) => [e.term_a, e.term_b, e.topics]));
    topicOnly.forEach((e, i) => {
      expect(e.jaccard).toBeCloseTo(expected[i].jaccard, 12);
      expect(e.association_strength).toBeCloseTo(expected[i].association_strength, 12);
      expect(e.npmi).toBeCloseTo(expected[i].npmi, 12);
      expect([e.sentences, e.sentence_jaccard, e.sentence_association_strength, e.sentence_npmi]).toEqual([null, null, null, null]);
    });
  });

  it('counts sentences like the analysis: over all topics the total equals editions.sentences', async () => {
    for (const edition of ['2026-hunan', '2025-fujian-xiamen']) {
      const rows = await db.query<{ title: string; body: string }>({ sql: 'SELECT title, body FROM topics WHERE edition_id = ?', params: [edition] });
      const [{ sentences }] = await db.query<{ sentences: number }>({ sql: 'SELECT sentences FROM editions WHERE edition_id = ?', params: [edition] });
      expect(sentenceTotal(rows)).toBe(sentences);
    }
  });

  it('over all tracks, the nodes are the edition’s most frequent terms', async () => {
    const nodes = await db.query<NetworkNodeRow>(networkNodes({ ...HUNAN, top: 60 }));
    const stats = await db.query<{ term: string; count: number }>({
      sql: `SELECT term, count FROM term_stats WHERE edition_id = '2026-hunan' AND generic_verbs = 'removed'
            AND term NOT IN (SELECT term FROM terms WHERE generic_verb) ORDER BY count DESC, term LIMIT 60`
    });
    expect(nodes.map((n) => [n.term, n.count])).toEqual(stats.map((s) => [s.term, s.count]));
    expect(nodes[0].term).toBe('数据');
  });
});
