/** Both engines answer the same SQL with the same plain rows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { ENGINES, fixtureConnector } from '../fixture/connect.ts';

describe.each(ENGINES)('%s connector', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await fixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('returns the rows the table writer wrote, with JS types', async () => {
    const rows = await db.query({ sql: 'SELECT * FROM tracks ORDER BY edition_id DESC, track_no' });
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      edition_id: '2026-hunan', track_no: 1, track_name: '工业制造', heading: '赛道一：工业制造赛道',
      line: 10, topics: 2, tokens: 9, tokens_with_verbs: 12
    });
    const [edition] = await db.query({ sql: "SELECT has_bodies, title FROM editions WHERE edition_id = '2025-fujian-xiamen'" });
    expect(edition).toEqual({ has_bodies: false, title: '2025 厦门数据创新应用大赛' });
  });

  it('keeps nulls', async () => {
    const rows = await db.query({ sql: 'SELECT printed_no, NULL::DOUBLE AS x FROM topics WHERE edition_id = ? AND track_no = 1 ORDER BY topic_no', params: ['2026-hunan'] });
    expect(rows).toEqual([
      { printed_no: 1, x: null },
      { printed_no: 2, x: null }
    ]);
    const [pair] = await db.query({ sql: "SELECT sentences, sentence_npmi FROM cooccurrence WHERE term_a = '数据' AND term_b = '模型'" });
    expect(pair).toEqual({ sentences: 0, sentence_npmi: null });
  });

  it('turns BIGINT and HUGEINT results into numbers', async () => {
    const [row] = await db.query({ sql: 'SELECT COUNT(*) AS n, SUM(count) AS total, 9007199254740991::BIGINT AS big FROM term_track' });
    expect(typeof row.n).toBe('number');
    expect(typeof row.total).toBe('number');
    expect(row.big).toBe(Number.MAX_SAFE_INTEGER);
    const [{ total }] = await db.query<{ total: number }>({
      sql: "SELECT SUM(count) AS total FROM term_track WHERE edition_id = ? AND generic_verbs = 'removed'",
      params: ['2026-hunan']
    });
    expect(total).toBe(26); // 9 + 6 + 11 tokens over the three tracks
  });

  it('turns list results into arrays', async () => {
    const [row] = await db.query<{ names: string[] }>({
      sql: 'SELECT list(track_name ORDER BY track_no) AS names FROM tracks WHERE edition_id = ?',
      params: ['2026-hunan']
    });
    expect(row.names).toEqual(['工业制造', '现代农业', '医疗健康']);
  });

  it('binds parameters as values, never as SQL', async () => {
    const attack = "'; DROP TABLE topics; --";
    const rows = await db.query({ sql: 'SELECT title FROM topics WHERE title = ?', params: [attack] });
    expect(rows).toEqual([]);
    const [echo] = await db.query<{ v: string }>({ sql: 'SELECT ? AS v', params: [attack] });
    expect(echo.v).toBe(attack);
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM topics' });
    expect(n).toBe(7);
  });

  it('binds numbers, booleans and null', async () => {
    const [row] = await db.query({
      sql: 'SELECT ? + 1 AS i, ? * 2 AS f, ? AS b, ? IS NULL AS n',
      params: [41, 1.25, true, null]
    });
    expect(row).toEqual({ i: 42, f: 2.5, b: true, n: true });
    const limited = await db.query({ sql: 'SELECT term FROM terms ORDER BY term LIMIT ?', params: [3] });
    expect(limited).toHaveLength(3);
  });

  it('rejects a bad query with the engine message', async () => {
    await expect(db.query({ sql: 'SELECT nope FROM topics' })).rejects.toThrow(/nope/);
  });
});
