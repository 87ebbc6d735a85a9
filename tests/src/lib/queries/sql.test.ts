/**
 * The SQL console's read-only guard, then the statements it lets through on both engines
 * (fixture and real tables), with external access turned off as the app does after loading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCancelled, type LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { LOCKDOWN_SQL } from '../../../../src/lib/db/wasm-connection.ts';
import {
  checkReadOnly,
  exampleQueries,
  isNumericType,
  statementColumns,
  statementCount,
  statementRows,
  tokenize,
  type ColumnInfo,
  type GuardResult
} from '../../../../src/lib/queries/sql.ts';
import { ENGINES, fixtureConnector } from '../fixture/connect.ts';
import { realConnector } from '../fixture/real.ts';
import { memoryFixture } from '../fixture/write.ts';

const rejected = (text: string) => {
  const r = checkReadOnly(text);
  return r.ok ? null : { code: r.code, keyword: r.keyword };
};
const accepted = (text: string): Extract<GuardResult, { ok: true }> => {
  const r = checkReadOnly(text);
  if (!r.ok) throw new Error(`rejected ${text}: ${r.code} ${r.keyword ?? ''}`);
  return r;
};

describe('read-only guard', () => {
  it('rejects statements that change data, settings or reach outside', () => {
    expect(rejected('DROP TABLE topics')).toEqual({ code: 'statement', keyword: 'DROP' });
    expect(rejected("COPY topics TO '/tmp/x.csv'")).toEqual({ code: 'statement', keyword: 'COPY' });
    expect(rejected('COPY (SELECT * FROM topics) TO \'out.parquet\' (FORMAT parquet)')).toEqual({ code: 'statement', keyword: 'COPY' });
    expect(rejected("ATTACH 'other.db' AS other")).toEqual({ code: 'statement', keyword: 'ATTACH' });
    expect(rejected('INSTALL httpfs')).toEqual({ code: 'statement', keyword: 'INSTALL' });
    expect(rejected('LOAD httpfs')).toEqual({ code: 'statement', keyword: 'LOAD' });
    expect(rejected('CREATE TABLE x AS SELECT 1')).toEqual({ code: 'statement', keyword: 'CREATE' });
    expect(rejected('SET enable_external_access = true')).toEqual({ code: 'statement', keyword: 'SET' });
    expect(rejected("INSERT INTO topics VALUES ('x')")).toEqual({ code: 'statement', keyword: 'INSERT' });
    expect(rejected('update topics set title = 1')).toEqual({ code: 'statement', keyword: 'UPDATE' });
    expect(rejected("CALL pragma_version()")).toEqual({ code: 'statement', keyword: 'CALL' });
    expect(rejected('PRAGMA enable_profiling')).toEqual({ code: 'pragma', keyword: undefined });
  });

  it('rejects a second statement however it is hidden', () => {
    expect(rejected('SELECT 1; DROP TABLE topics')).toEqual({ code: 'multiple', keyword: undefined });
    expect(rejected('SELECT 1;\n-- comment\nDROP TABLE topics;')).toMatchObject({ code: 'multiple' });
    expect(rejected("SELECT 'a'; DROP TABLE topics; --'")).toMatchObject({ code: 'multiple' });
    // An E-string ends at its second quote: \\ is an escaped backslash.
    expect(rejected("SELECT E'\\\\'; DROP TABLE topics; --'")).toMatchObject({ code: 'multiple' });
    // Nested comments close where DuckDB closes them.
    expect(rejected('/* a /* b */ */ SELECT 1; DROP TABLE topics')).toMatchObject({ code: 'multiple' });
    expect(rejected('SELECT 1) ; (SELECT 2')).toMatchObject({ code: 'multiple' });
    expect(rejected('SELECT (1')).toMatchObject({ code: 'parentheses' });
  });

  it('checks the statement behind WITH, EXPLAIN, DESCRIBE and SUMMARIZE', () => {
    expect(rejected('WITH x AS (SELECT 1) DELETE FROM topics')).toEqual({ code: 'statement', keyword: 'DELETE' });
    expect(rejected('WITH x AS (SELECT 1) INSERT INTO topics SELECT * FROM x')).toEqual({ code: 'statement', keyword: 'INSERT' });
    expect(rejected('EXPLAIN ANALYZE DELETE FROM topics')).toEqual({ code: 'statement', keyword: 'DELETE' });
    expect(rejected('EXPLAIN DROP TABLE topics')).toEqual({ code: 'statement', keyword: 'DROP' });
    expect(rejected('DESCRIBE DROP TABLE topics')).toMatchObject({ code: 'statement' });
    expect(rejected('SUMMARIZE CREATE TABLE x AS SELECT 1')).toMatchObject({ code: 'statement' });
    // Forbidden words inside an allowed statement.
    expect(rejected('SELECT * FROM topics WHERE 1 = 1 AND (DELETE)')).toEqual({ code: 'keyword', keyword: 'DELETE' });
  });

  it('reports empty input and open strings, quotes and comments', () => {
    expect(rejected('')).toMatchObject({ code: 'empty' });
    expect(rejected(' ; -- nothing\n ;')).toMatchObject({ code: 'empty' });
    expect(rejected("SELECT 'open")).toMatchObject({ code: 'unterminated' });
    expect(rejected('SELECT "open')).toMatchObject({ code: 'unterminated' });
    expect(rejected('SELECT 1 /* open')).toMatchObject({ code: 'unterminated' });
    expect(rejected('SELECT $$open')).toMatchObject({ code: 'unterminated' });
  });

  it('accepts one read-only statement, with ; and keywords inside strings, quotes and comments', () => {
    const withSemicolon = accepted("WITH x AS (SELECT 'a;b' AS s) SELECT s, 'DROP TABLE topics; --' AS t FROM x;");
    expect(withSemicolon.kind).toBe('query');
    expect(withSemicolon.statement).toBe("WITH x AS (SELECT 'a;b' AS s) SELECT s, 'DROP TABLE topics; --' AS t FROM x");
    expect(accepted('SELECT "delete" FROM (SELECT 1 AS "delete") -- DROP TABLE topics;').kind).toBe('query');
    expect(accepted('/* DROP TABLE topics; */ SELECT $$;$$ AS s, E\'it\\\'s;\' AS t').kind).toBe('query');
    expect(accepted('WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t').kind).toBe('query');
    expect(accepted('FROM topics LIMIT 3').kind).toBe('query');
    expect(accepted('(SELECT 1) UNION ALL (SELECT 2)').kind).toBe('query');
    expect(accepted('describe topics').kind).toBe('describe');
    expect(accepted('DESCRIBE SELECT * FROM topics').kind).toBe('describe');
    expect(accepted('SHOW TABLES').kind).toBe('show');
    expect(accepted('SUMMARIZE term_stats').kind).toBe('summarize');
    expect(accepted('EXPLAIN SELECT * FROM topics')).toMatchObject({ kind: 'explain', wrappable: false });
    expect(accepted('EXPLAIN ANALYZE SELECT 1').kind).toBe('explain');
    expect(accepted("PRAGMA table_info('topics');")).toEqual({
      ok: true, kind: 'pragma', statement: "SELECT * FROM pragma_table_info('topics')", wrappable: true
    });
    expect(accepted('PRAGMA table_info(topics)').statement).toBe("SELECT * FROM pragma_table_info('topics')");
  });

  it('tokenizes strings, quoted names, parameters and nested comments', () => {
    const tokens = tokenize(`SELECT 'it''s' AS "a""b", $1, ? /* x /* y */ z */ FROM t -- end`);
    expect(tokens.map((t) => [t.type, t.value])).toEqual([
      ['word', 'SELECT'], ['string', "'it''s'"], ['word', 'AS'], ['ident', '"a""b"'], ['symbol', ','],
      ['param', '$1'], ['symbol', ','], ['param', '?'], ['word', 'FROM'], ['word', 'T']
    ]);
  });

  it('offers example queries that pass the guard and carry the edition as a literal', () => {
    const examples = exampleQueries("2026-hunan'x");
    expect(examples.map((e) => e.key)).toEqual(['topTerms', 'termTracks', 'overlap', 'pairs', 'search', 'describe']);
    for (const e of examples) expect(checkReadOnly(e.sql).ok).toBe(true);
    expect(examples[0].sql).toContain("edition_id = '2026-hunan''x'");
  });
});

async function run(db: LoadableConnector, text: string) {
  const checked = checkReadOnly(text);
  if (!checked.ok) throw new Error(`rejected: ${checked.code}`);
  if (!checked.wrappable) return { rows: await db.query({ sql: checked.statement }), total: null };
  const rows = await db.query<Record<string, unknown>>(statementRows(checked.statement, 1000));
  const [{ n }] = await db.query<{ n: number }>(statementCount(checked.statement));
  return { rows, total: n };
}

describe.each(ENGINES)('console statements on the fixture (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await fixtureConnector(engine);
    await db.query({ sql: LOCKDOWN_SQL });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('runs a query with a limit and counts all its rows', async () => {
    const rows = await db.query<{ term: string }>(statementRows('SELECT term FROM terms ORDER BY count DESC, term', 3));
    // 数据 11 tokens; 模型 and 医疗 6 each, tied: code-point order puts 医 (U+533B) before 模 (U+6A21).
    expect(rows.map((r) => r.term)).toEqual(['数据', '医疗', '模型']);
    const [{ n }] = await db.query<{ n: number }>(statementCount('SELECT term FROM terms'));
    expect(n).toBe(8);
    const columns = await db.query<ColumnInfo>(statementColumns('SELECT term, count FROM terms'));
    expect(columns.map((c) => [c.column_name, c.column_type])).toEqual([['term', 'VARCHAR'], ['count', 'INTEGER']]);
  });

  it('tells number columns from the rest by the types the engine reports', async () => {
    const columns = await db.query<ColumnInfo>(
      statementColumns("SELECT 1::TINYINT a, 2::BIGINT b, 1.5::DOUBLE c, 1.25::DECIMAL(5,2) d, 'x' e, true f, DATE '2026-01-01' g, [1] h")
    );
    expect(columns.map((c) => [c.column_name, isNumericType(c.column_type)])).toEqual([
      ['a', true], ['b', true], ['c', true], ['d', true], ['e', false], ['f', false], ['g', false], ['h', false]
    ]);
  });

  it('runs every allowed kind', async () => {
    expect((await run(db, 'SHOW TABLES')).rows.map((r) => (r as { name: string }).name)).toContain('topics');
    expect((await run(db, 'DESCRIBE topics')).total).toBe(9);
    expect((await run(db, "PRAGMA table_info('terms')")).rows.map((r) => (r as { name: string }).name)).toContain('generic_verb');
    expect((await run(db, 'SUMMARIZE editions')).total).toBe(14);
    expect((await run(db, 'EXPLAIN SELECT * FROM topics')).rows.length).toBeGreaterThan(0);
    expect((await run(db, "WITH x AS (SELECT 'a;b' AS s) SELECT s FROM x;")).rows).toEqual([{ s: 'a;b' }]);
  });

  it('refuses a second statement even past the guard: console queries carry a signal and are prepared', async () => {
    const { signal } = new AbortController();
    await expect(db.query(statementRows('SELECT 1; DROP TABLE topics', 10), { signal })).rejects.toThrow();
    await expect(db.query({ sql: 'SELECT 1; DROP TABLE topics' }, { signal })).rejects.toThrow();
    await expect(db.query(statementCount('SELECT 1) AS x; DROP TABLE topics; SELECT (1'), { signal })).rejects.toThrow();
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM topics' });
    expect(n).toBe(7);
  });

  it('cannot read files or URLs once external access is off', async () => {
    await expect(db.query(statementRows("SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')", 10))).rejects.toThrow(/disabled by configuration|Permission/);
    await expect(db.query(statementRows("SELECT * FROM read_text('/etc/hostname')", 10))).rejects.toThrow(/disabled by configuration|Permission/);
    await expect(db.query({ sql: 'SET enable_external_access = true' })).rejects.toThrow();
  });

  it('cannot change any setting once the configuration is locked', async () => {
    for (const sql of ["SET threads = 1", "SET memory_limit = '64MB'", 'RESET enable_external_access', 'SET enable_external_access = true', 'PRAGMA threads = 1']) {
      await expect(db.query({ sql }), sql).rejects.toThrow(/locked|configuration|disabled/i);
    }
    const [setting] = await db.query<{ locked: string }>({ sql: "SELECT current_setting('lock_configuration')::VARCHAR AS locked" });
    expect(setting.locked).toBe('true');
  });

  it('an aborted signal cancels before the query runs', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(db.query({ sql: 'SELECT 1 AS x' }, { signal: controller.signal })).rejects.toBeInstanceOf(QueryCancelled);
    expect(await db.query({ sql: 'SELECT 1 AS x' }, { signal: new AbortController().signal })).toEqual([{ x: 1 }]);
  });

  it.runIf(engine === 'node')('a signal stops a running query, and the connection goes on', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 200);
    const slow = statementRows('SELECT sum(hash(a.range * b.range)) AS s FROM range(100000) a, range(100000) b', 10);
    await expect(db.query(slow, { signal: controller.signal })).rejects.toBeInstanceOf(QueryCancelled);
    expect(performance.now() - started).toBeLessThan(5_000);
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM topics' });
    expect(n).toBe(7);
  });

  it('still appends Arrow data after the lockdown (the loader path)', async () => {
    const { files } = await memoryFixture();
    await db.query({ sql: 'CREATE TABLE lockdown_probe (theme VARCHAR NOT NULL, term VARCHAR NOT NULL)' });
    await db.insertArrow('lockdown_probe', files.get('themes.arrow')!);
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM lockdown_probe' });
    expect(n).toBe(3);
  });
});

describe.each(ENGINES)('console examples on the real guides (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = (await realConnector(engine)).db;
    await db.query({ sql: LOCKDOWN_SQL });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('every example runs; 可信数据空间 is found in the tracks that mention it', async () => {
    const examples = exampleQueries('2026-hunan');
    for (const e of examples) {
      const { rows } = await run(db, e.sql);
      expect(rows.length, e.key).toBeGreaterThan(0);
    }
    const tracks = (await run(db, examples.find((e) => e.key === 'termTracks')!.sql)).rows as { edition_id: string; track_no: number; count: number }[];
    const direct = await db.query<{ edition_id: string; track_no: number; count: number }>({
      sql: `SELECT edition_id, track_no, SUM(count)::INTEGER AS count FROM term_topic WHERE term = '可信数据空间' GROUP BY ALL`
    });
    expect(tracks.map((t) => `${t.edition_id}/${t.track_no}:${t.count}`).sort()).toEqual(direct.map((t) => `${t.edition_id}/${t.track_no}:${t.count}`).sort());
    const top = (await run(db, examples[0].sql)).rows as { term: string }[];
    expect(top[0].term).toBe('数据');
  });

  it('caps the rows shown and still counts them all', async () => {
    const { rows, total } = await run(db, 'SELECT * FROM term_topic');
    expect(rows).toHaveLength(1000);
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(*) AS n FROM term_topic' });
    expect(total).toBe(n);
    expect(n).toBeGreaterThan(1000);
  });
});
