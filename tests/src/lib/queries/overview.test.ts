/**
 * Overview queries on the fixture (tests/src/lib/fixture/rows.ts), on both engines.
 * Expected numbers are worked out by hand from the fixture's term_track counts:
 *   2026-hunan  工业制造: 数据 5, 模型 3, 隐私计算 1, 推动 3   (tokens 9, with verbs 12)
 *               现代农业: 数据 2, 农业 4                      (tokens 6)
 *               医疗健康: 数据 1, 模型 2, 医疗 6, 联邦学习 2, 推动 1 (tokens 11, with verbs 12)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import { themeOptions } from '../../../../src/lib/queries/filters.ts';
import {
  cloudTerms,
  crossTrackTerms,
  editionSummary,
  themeTrackHeatmap,
  topTerms,
  type CrossTrackCell,
  type EditionSummaryRow,
  type ThemeTrackCell,
  type TopTermRow
} from '../../../../src/lib/queries/overview.ts';
import { ENGINES, fixtureConnector } from '../fixture/connect.ts';

const HUNAN: FilterParams = { edition: '2026-hunan', tracks: null, theme: null, genericVerbs: 'removed' };

describe.each(ENGINES)('overview queries (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await fixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });
  const terms = async (p: Parameters<typeof topTerms>[0]) => (await db.query<TopTermRow>(topTerms(p))).map((r) => [r.term, r.count]);

  it('editionSummary counts tokens and terms under the generic-verb setting', async () => {
    const [removed] = await db.query<EditionSummaryRow>(editionSummary({ edition: '2026-hunan', genericVerbs: 'removed' }));
    expect(removed).toMatchObject({ year: 2026, region: '湖南', tracks: 3, topics: 5, has_bodies: true, tokens: 26, terms: 6 });
    const [kept] = await db.query<EditionSummaryRow>(editionSummary({ edition: '2026-hunan', genericVerbs: 'kept' }));
    expect(kept).toMatchObject({ tokens: 30, terms: 7 }); // + 推动 3 + 1
    expect(await db.query(editionSummary({ edition: 'nope', genericVerbs: 'kept' }))).toEqual([]);
  });

  it('topTerms ranks by frequency with generic verbs removed', async () => {
    const rows = await db.query<TopTermRow>(topTerms({ ...HUNAN, limit: 10 }));
    expect(rows.map((r) => [r.term, r.count, r.topics, r.tracks])).toEqual([
      ['数据', 8, 4, 3],
      ['医疗', 6, 2, 1],
      ['模型', 5, 3, 2],
      ['农业', 4, 1, 1],
      ['联邦学习', 2, 1, 1],
      ['隐私计算', 1, 1, 1]
    ]);
    expect(rows[0].per10k).toBeCloseTo((8 / 26) * 10_000, 6);
  });

  it('topTerms keeps generic verbs when asked, breaking ties by code point', async () => {
    expect(await terms({ ...HUNAN, genericVerbs: 'kept', limit: 5 })).toEqual([
      ['数据', 8], ['医疗', 6], ['模型', 5], ['农业', 4], ['推动', 4]
    ]);
  });

  it('topTerms sums only the chosen tracks and rates against their tokens', async () => {
    const rows = await db.query<TopTermRow>(topTerms({ ...HUNAN, tracks: [1, 2], limit: 10 }));
    expect(rows.map((r) => [r.term, r.count])).toEqual([['数据', 7], ['农业', 4], ['模型', 3], ['隐私计算', 1]]);
    expect(rows[0].per10k).toBeCloseTo((7 / 15) * 10_000, 6);
    expect(await terms({ ...HUNAN, tracks: [], limit: 10 })).toEqual([]);
  });

  it('topTerms filters by theme and ranks by a whitelisted metric', async () => {
    expect(await terms({ ...HUNAN, theme: '隐私计算', limit: 10 })).toEqual([['联邦学习', 2], ['隐私计算', 1]]);
    expect(await terms({ ...HUNAN, metric: 'tracks', limit: 3 })).toEqual([['数据', 8], ['模型', 5], ['医疗', 6]]);
    expect(await terms({ ...HUNAN, edition: '2025-fujian-xiamen', limit: 10 })).toEqual([['数据', 3], ['低碳', 1], ['模型', 1]]);
  });

  it('treats hostile filter values as plain values', async () => {
    const attack = "'; DROP TABLE topics; --";
    expect(await terms({ ...HUNAN, theme: attack, limit: 10 })).toEqual([]);
    expect(await terms({ ...HUNAN, edition: attack, limit: 10 })).toEqual([]);
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM topics' });
    expect(n).toBe(7);
  });

  it('themeTrackHeatmap fills every theme × track cell, zero where absent', async () => {
    const cells = await db.query<ThemeTrackCell>(themeTrackHeatmap(HUNAN));
    expect(cells.map((c) => [c.theme, c.track_name, c.count])).toEqual([
      ['人工智能', '工业制造', 3], ['人工智能', '现代农业', 0], ['人工智能', '医疗健康', 2],
      ['隐私计算', '工业制造', 1], ['隐私计算', '现代农业', 0], ['隐私计算', '医疗健康', 2]
    ]);
    expect(cells[2].per10k).toBeCloseTo((2 / 11) * 10_000, 6);
    const one = await db.query<ThemeTrackCell>(themeTrackHeatmap({ ...HUNAN, theme: '隐私计算', tracks: [3] }));
    expect(one.map((c) => [c.theme, c.track_no, c.count])).toEqual([['隐私计算', 3, 2]]);
  });

  it('crossTrackTerms returns the matrix of the most widely spread terms', async () => {
    const cells = await db.query<CrossTrackCell>(crossTrackTerms({ ...HUNAN, limit: 10 }));
    expect(cells.map((c) => [c.rank, c.term, c.track_no, c.count])).toEqual([
      [1, '数据', 1, 5], [1, '数据', 2, 2], [1, '数据', 3, 1],
      [2, '模型', 1, 3], [2, '模型', 2, 0], [2, '模型', 3, 2]
    ]);
    expect(cells[0].term_tracks).toBe(3);
    const kept = await db.query<CrossTrackCell>(crossTrackTerms({ ...HUNAN, genericVerbs: 'kept', limit: 10 }));
    // 推动 is in two tracks with 4 tokens: after 模型 (5 tokens).
    expect([...new Set(kept.map((c) => c.term))]).toEqual(['数据', '模型', '推动']);
    const top1 = await db.query<CrossTrackCell>(crossTrackTerms({ ...HUNAN, limit: 1, tracks: [1, 3] }));
    expect(top1.map((c) => [c.term, c.track_no, c.count])).toEqual([['数据', 1, 5], ['数据', 3, 1]]);
  });

  it('themeOptions lists themes with their members, most frequent first', async () => {
    // Tokens over both editions: 联邦学习 2, 隐私计算 1.
    expect(await db.query(themeOptions())).toEqual([
      { theme: '人工智能', terms: 1, members: ['模型'] },
      { theme: '隐私计算', terms: 2, members: ['联邦学习', '隐私计算'] }
    ]);
  });
});

describe.each(ENGINES)('overview word cloud terms (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await fixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });
  const cloud = async (p: Partial<Parameters<typeof cloudTerms>[0]>) =>
    (await db.query<TopTermRow>(cloudTerms({ ...HUNAN, track: null, limit: 10, ...p }))).map((r) => [r.term, r.count]);

  it('takes the whole edition, or one track, within the track filter', async () => {
    expect(await cloud({})).toEqual([['数据', 8], ['医疗', 6], ['模型', 5], ['农业', 4], ['联邦学习', 2], ['隐私计算', 1]]);
    expect(await cloud({ track: 2 })).toEqual([['农业', 4], ['数据', 2]]);
    expect(await cloud({ track: 2, tracks: [1, 2] })).toEqual([['农业', 4], ['数据', 2]]);
    // Track 2 is filtered out: nothing, rather than a track the filters exclude.
    expect(await cloud({ track: 2, tracks: [1, 3] })).toEqual([]);
    // 医疗 and 数据 tie at 6: code-point order (医 U+533B before 数 U+6570).
    expect(await cloud({ tracks: [1, 3] })).toEqual([['医疗', 6], ['数据', 6], ['模型', 5], ['联邦学习', 2], ['隐私计算', 1]]);
  });

  it('never holds generic verbs while they are removed', async () => {
    expect((await cloud({ track: 1 })).map(([term]) => term)).toEqual(['数据', '模型', '隐私计算']);
    expect(await cloud({ track: 1, genericVerbs: 'kept' })).toEqual([['数据', 5], ['推动', 3], ['模型', 3], ['隐私计算', 1]]);
  });
});

describe.each(ENGINES)('overview 「领域词」 and distinctiveness (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await fixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });
  const top = (p: Partial<Parameters<typeof topTerms>[0]>) => db.query<TopTermRow>(topTerms({ ...HUNAN, limit: 10, ...p }));

  it('the domain vocabulary keeps dictionary terms and compounds of three characters or more', async () => {
    // The fixture marks terms longer than two characters as dictionary terms: 隐私计算, 联邦学习.
    expect((await top({ vocab: 'domain' })).map((r) => r.term)).toEqual(['联邦学习', '隐私计算']);
    expect((await top({ vocab: 'all' })).map((r) => r.term)).toEqual(['数据', '医疗', '模型', '农业', '联邦学习', '隐私计算']);
    // Never a generic verb, even when verbs are kept (推动 is two characters anyway: check the clause alone).
    expect((await top({ vocab: 'domain', genericVerbs: 'kept' })).map((r) => r.term)).not.toContain('推动');
  });

  it('ranks by TF-IDF across the chosen tracks: count · ln(T/df), a term in every track scores 0', async () => {
    const rows = await top({ rank: 'tfidf' });
    const expected: [string, number][] = [
      ['医疗', 6 * Math.log(3)], ['农业', 4 * Math.log(3)], ['联邦学习', 2 * Math.log(3)],
      ['模型', 5 * Math.log(3 / 2)], ['隐私计算', 1 * Math.log(3)], ['数据', 0]
    ];
    expect(rows.map((r) => r.term)).toEqual(expected.map(([t]) => t));
    for (const [term, score] of expected) expect(rows.find((r) => r.term === term)!.tfidf, term).toBeCloseTo(score, 9);
    // Over tracks 1 and 2 (T = 2): 数据 in both scores 0, 模型 3 · ln 2.
    const some = await top({ rank: 'tfidf', tracks: [1, 2] });
    expect(some.map((r) => r.term)).toEqual(['农业', '模型', '隐私计算', '数据']);
    expect(some[1].tfidf).toBeCloseTo(3 * Math.log(2), 9);
  });

  it('the cross-track matrix follows the vocabulary too', async () => {
    // Domain terms (隐私计算, 联邦学习) each sit in one track: none in two, all with minTracks 1.
    expect(await db.query(crossTrackTerms({ ...HUNAN, limit: 10, vocab: 'domain' }))).toEqual([]);
    const one = await db.query<CrossTrackCell>(crossTrackTerms({ ...HUNAN, limit: 10, vocab: 'domain', minTracks: 1 }));
    expect([...new Set(one.map((c) => c.term))]).toEqual(['联邦学习', '隐私计算']);
  });

  it('one track in focus counts that track and keeps the idf of the chosen tracks', async () => {
    const rows = await db.query<TopTermRow>(cloudTerms({ ...HUNAN, track: 3, limit: 10, rank: 'tfidf' }));
    expect(rows.map((r) => [r.term, r.count])).toEqual([['医疗', 6], ['联邦学习', 2], ['模型', 2], ['数据', 1]]);
    expect(rows[2].tfidf).toBeCloseTo(2 * Math.log(3 / 2), 9);
    expect(rows[0].per10k).toBeCloseTo((6 / 11) * 10_000, 6);
    expect(await db.query(cloudTerms({ ...HUNAN, track: 3, tracks: [1, 2], limit: 10, rank: 'tfidf' }))).toEqual([]);
    expect(await db.query(topTerms({ ...HUNAN, limit: 10, theme: "'; DROP TABLE topics; --", vocab: 'domain', rank: 'tfidf' }))).toEqual([]);
  });
});
