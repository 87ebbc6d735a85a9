/**
 * SQL 控制台: the read-only guard for typed SQL and the statements that run it.
 *
 * The guard tokenizes like DuckDB's lexer does for the parts that decide what is code:
 * `--` and nested `/* … *\/` comments, '…' strings ('' inside), E'…' strings (\ escapes),
 * $tag$…$tag$ strings and "…" identifiers. Outside them it allows exactly one statement
 * of the kinds below, checks the statement behind WITH, EXPLAIN, DESCRIBE and SUMMARIZE,
 * and refuses any word that writes or reaches outside (DROP, ATTACH, COPY, INSTALL …).
 *
 * Then the engine makes sure too: queries run wrapped as `SELECT * FROM (…) LIMIT n` with
 * a signal (so the 取消 button can stop them), and a query with a signal is prepared before
 * it runs, which DuckDB refuses for more than one statement (db/connector.ts); and the app
 * turns external access off and locks the configuration once the tables are loaded, so no
 * function can read a file or a URL and no setting can change.
 */
import type { Query } from './builder.ts';

export const ALLOWED_STATEMENTS = ['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'EXPLAIN', 'PRAGMA table_info'] as const;

/** Words that change data or settings or reach files: refused anywhere outside strings and quotes. */
const FORBIDDEN = new Set([
  'ALTER', 'ANALYZE', 'ATTACH', 'BEGIN', 'CALL', 'CHECKPOINT', 'COMMENT', 'COMMIT', 'COPY', 'CREATE', 'DEALLOCATE',
  'DELETE', 'DETACH', 'DROP', 'EXECUTE', 'EXPORT', 'FORCE', 'GRANT', 'IMPORT', 'INSERT', 'INSTALL', 'LOAD', 'MERGE',
  'PREPARE', 'RESET', 'REVOKE', 'ROLLBACK', 'SET', 'TRANSACTION', 'TRUNCATE', 'UPDATE', 'USE', 'VACUUM'
]);
// ANALYZE is allowed only as EXPLAIN ANALYZE of an allowed query (checked before the scan).

export type RejectCode = 'empty' | 'multiple' | 'statement' | 'keyword' | 'pragma' | 'unterminated' | 'parentheses';

export type StatementKind = 'query' | 'describe' | 'show' | 'summarize' | 'explain' | 'pragma';

export type GuardResult =
  | {
      ok: true;
      kind: StatementKind;
      /** The statement without trailing `;` (PRAGMA table_info rewritten as a query). */
      statement: string;
      /** Runs inside `SELECT * FROM (…)`: every kind but EXPLAIN. */
      wrappable: boolean;
    }
  | { ok: false; code: RejectCode; keyword?: string };

type TokenType = 'word' | 'ident' | 'string' | 'number' | 'symbol' | 'param';

export interface Token {
  type: TokenType;
  /** Upper case for words; the raw text otherwise. */
  value: string;
  start: number;
  end: number;
}

class Unterminated extends Error {}

const isWordStart = (ch: string) => /[\p{L}_]/u.test(ch);
const isWordPart = (ch: string) => /[\p{L}\p{N}_$]/u.test(ch);

/** Tokens outside comments. Throws Unterminated for an open string, quote or comment. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const push = (type: TokenType, start: number, end: number, value = text.slice(start, end)) => tokens.push({ type, value, start, end });
  while (i < n) {
    const ch = text[i];
    const next = text[i + 1];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '-' && next === '-') {
      while (i < n && text[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      // DuckDB nests block comments.
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') (depth++, (i += 2));
        else if (text[i] === '*' && text[i + 1] === '/') (depth--, (i += 2));
        else i++;
      }
      if (depth > 0) throw new Unterminated();
    } else if (ch === "'" || ((ch === 'E' || ch === 'e') && next === "'" && !isWordPart(text[i - 1] ?? ' '))) {
      const start = i;
      const backslash = ch !== "'";
      i += backslash ? 2 : 1;
      for (;;) {
        if (i >= n) throw new Unterminated();
        if (backslash && text[i] === '\\') i += 2;
        else if (text[i] === "'" && text[i + 1] === "'") i += 2;
        else if (text[i] === "'") break;
        else i++;
      }
      i++;
      push('string', start, i);
    } else if (ch === '"') {
      const start = i++;
      for (;;) {
        if (i >= n) throw new Unterminated();
        if (text[i] === '"' && text[i + 1] === '"') i += 2;
        else if (text[i] === '"') break;
        else i++;
      }
      i++;
      push('ident', start, i);
    } else if (ch === '$' && /^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u.test(text.slice(i))) {
      const tag = text.slice(i).match(/^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u)![0];
      const close = text.indexOf(tag, i + tag.length);
      if (close < 0) throw new Unterminated();
      push('string', i, close + tag.length);
      i = close + tag.length;
    } else if (ch === '$' && /\d/.test(next ?? '')) {
      const start = i++;
      while (i < n && /\d/.test(text[i])) i++;
      push('param', start, i);
    } else if (ch === '?') {
      push('param', i, ++i);
    } else if (/\d/.test(ch) || (ch === '.' && /\d/.test(next ?? ''))) {
      const start = i;
      while (i < n && /[\d._eE]/.test(text[i])) i++;
      push('number', start, i);
    } else if (isWordStart(ch)) {
      const start = i;
      while (i < n && isWordPart(text[i])) i++;
      push('word', start, i, text.slice(start, i).toUpperCase());
    } else {
      push('symbol', i, ++i);
    }
  }
  return tokens;
}

const QUERY_WORDS = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE']);
const reject = (code: RejectCode, keyword?: string): GuardResult => ({ ok: false, code, keyword });

/** The first word of a query, looking through opening parentheses: `(SELECT …) UNION …`. */
function leadingWord(tokens: Token[]): Token | undefined {
  let k = 0;
  while (tokens[k]?.type === 'symbol' && tokens[k].value === '(') k++;
  return tokens[k];
}

/** Is this token list a plain query: SELECT / FROM / VALUES / TABLE, or WITH … followed by one? */
function checkQuery(tokens: Token[]): GuardResult | null {
  const first = leadingWord(tokens);
  if (!first || first.type !== 'word') return reject('statement', first?.value);
  if (QUERY_WORDS.has(first.value)) return null;
  if (first.value !== 'WITH') return reject('statement', first.value);
  // WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (…) [USING KEY (…)] [, …] <main statement>
  let depth = 0;
  let expectName = true;
  for (let k = tokens.indexOf(first) + 1; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.type === 'symbol' && tok.value === '(') depth++;
    else if (tok.type === 'symbol' && tok.value === ')') depth--;
    else if (depth === 0 && tok.type === 'symbol' && tok.value === ',') expectName = true;
    else if (depth === 0 && (tok.type === 'word' || tok.type === 'ident')) {
      if (tok.type === 'word' && tok.value === 'RECURSIVE' && expectName) continue;
      if (expectName) {
        expectName = false;
        continue;
      }
      if (tok.type === 'word' && ['AS', 'NOT', 'MATERIALIZED', 'USING', 'KEY'].includes(tok.value)) continue;
      return tok.type === 'word' && QUERY_WORDS.has(tok.value) ? null : reject('statement', tok.value);
    }
  }
  return reject('statement', 'WITH');
}

/** A table name (a, "a", a.b) or nothing. */
function isTableName(tokens: Token[]): boolean {
  return tokens.every((t, k) => (k % 2 === 0 ? t.type === 'word' || t.type === 'ident' : t.type === 'symbol' && t.value === '.'));
}

function checkStatement(tokens: Token[]): { kind: StatementKind } | GuardResult {
  const first = tokens[0];
  const rest = tokens.slice(1);
  if (first.type === 'word') {
    switch (first.value) {
      case 'DESCRIBE':
      case 'SUMMARIZE':
      case 'SHOW': {
        if (first.value === 'SHOW' && rest.length > 0 && rest.every((t) => t.type === 'word' || t.type === 'ident' || t.value === '.')) {
          return { kind: 'show' };
        }
        if (isTableName(rest)) return { kind: first.value === 'SUMMARIZE' ? 'summarize' : first.value === 'SHOW' ? 'show' : 'describe' };
        const problem = checkQuery(rest);
        if (problem) return problem;
        return { kind: first.value === 'SUMMARIZE' ? 'summarize' : 'describe' };
      }
      case 'EXPLAIN': {
        const body = rest[0]?.type === 'word' && rest[0].value === 'ANALYZE' ? rest.slice(1) : rest;
        return checkQuery(body) ?? { kind: 'explain' };
      }
      case 'PRAGMA': {
        const [name, open, arg, close, ...tail] = rest;
        const ok =
          name?.type === 'word' && name.value === 'TABLE_INFO' && open?.value === '(' && close?.value === ')' && tail.length === 0 &&
          (arg?.type === 'string' || arg?.type === 'ident' || arg?.type === 'word');
        return ok ? { kind: 'pragma' } : reject('pragma');
      }
    }
  }
  return checkQuery(tokens) ?? { kind: 'query' };
}

/** Checks typed SQL; on success gives the statement ready to run (see runStatement). */
export function checkReadOnly(text: string): GuardResult {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof Unterminated) return reject('unterminated');
    throw error;
  }
  const statements: Token[][] = [[]];
  for (const tok of tokens) {
    if (tok.type === 'symbol' && tok.value === ';') statements.push([]);
    else statements.at(-1)!.push(tok);
  }
  const nonEmpty = statements.filter((s) => s.length > 0);
  if (nonEmpty.length === 0) return reject('empty');
  if (nonEmpty.length > 1) return reject('multiple');
  const statement = nonEmpty[0];

  let depth = 0;
  for (const tok of statement) {
    if (tok.type === 'symbol' && tok.value === '(') depth++;
    if (tok.type === 'symbol' && tok.value === ')' && --depth < 0) return reject('parentheses');
  }
  if (depth !== 0) return reject('parentheses');

  const checked = checkStatement(statement);
  if ('ok' in checked) return checked;
  const explainAnalyze = checked.kind === 'explain' && statement[1]?.value === 'ANALYZE';
  for (const [k, tok] of statement.entries()) {
    if (tok.type !== 'word' || !FORBIDDEN.has(tok.value)) continue;
    if (explainAnalyze && k === 1) continue;
    // A qualified name's part (t.set) is a column, not a statement.
    if (statement[k - 1]?.value === '.') continue;
    return reject('keyword', tok.value);
  }

  const body = text.slice(statement[0].start, statement.at(-1)!.end);
  if (checked.kind === 'pragma') {
    const arg = statement[3];
    const name = arg.type === 'string' ? arg.value : `'${(arg.type === 'ident' ? arg.value.slice(1, -1).replaceAll('""', '"') : text.slice(arg.start, arg.end)).replaceAll("'", "''")}'`;
    return { ok: true, kind: 'pragma', statement: `SELECT * FROM pragma_table_info(${name})`, wrappable: true };
  }
  return { ok: true, kind: checked.kind, statement: body, wrappable: checked.kind !== 'explain' };
}

/** Rows shown in the grid at most; the count says how many there are. */
export const SHOWN_ROWS = 1000;
/** Rows a CSV export holds at most. */
export const EXPORT_ROWS = 100_000;

/** DuckDB column types whose values are numbers (right-aligned; numbers in XLSX exports). */
export function isNumericType(type: string): boolean {
  // Whole-type match: INTEGER[] and STRUCT(a INTEGER) are not numbers.
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/.test(type);
}

/**
 * The statement's first `limit` rows. Run it (and the two below) with a signal: the
 * connector then prepares it first, so DuckDB itself refuses a second statement even if
 * one slipped past the guard, and the signal can stop it.
 */
export function statementRows(statement: string, limit: number): Query {
  // A literal, not a parameter: a query with parameters cannot be cancelled mid-run in DuckDB-WASM.
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`bad limit ${limit}`);
  return { sql: `SELECT * FROM (\n${statement}\n) AS result LIMIT ${limit}` };
}

/** How many rows the statement gives. */
export function statementCount(statement: string): Query {
  return { sql: `SELECT COUNT(*)::BIGINT AS n FROM (\n${statement}\n) AS result` };
}

/** Column names and DuckDB types of the statement's result. */
export function statementColumns(statement: string): Query {
  return { sql: `DESCRIBE (SELECT * FROM (\n${statement}\n) AS result)` };
}

export interface ColumnInfo {
  column_name: string;
  column_type: string;
}

/** SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export interface ExampleQuery {
  key: 'topTerms' | 'termTracks' | 'overlap' | 'pairs' | 'search' | 'describe';
  sql: string;
}

/** Example queries for the console, on the chosen edition. */
export function exampleQueries(edition: string): ExampleQuery[] {
  const e = sqlString(edition);
  return [
    {
      key: 'topTerms',
      sql: `-- 本版本词频最高的 20 个词条（通用动词已停用）\nSELECT term, count, topics, tracks, round(per10k, 2) AS per10k\nFROM term_stats\nWHERE edition_id = ${e} AND generic_verbs = 'removed'\nORDER BY count DESC, term\nLIMIT 20`
    },
    {
      key: 'termTracks',
      sql: `-- “可信数据空间”出现在哪些赛道\nSELECT tt.edition_id, tt.track_no, t.track_name, SUM(tt.count) AS count, COUNT(*) AS topics\nFROM term_topic tt\nJOIN tracks t USING (edition_id, track_no)\nWHERE tt.term = '可信数据空间'\nGROUP BY ALL\nORDER BY count DESC, tt.edition_id, tt.track_no`
    },
    {
      key: 'overlap',
      sql: `-- 词汇重合度最高的赛道对\nSELECT o.track_a, a.track_name AS name_a, o.track_b, b.track_name AS name_b,\n  round(o.jaccard, 3) AS jaccard, round(o.cosine, 3) AS cosine, o.top_shared\nFROM track_overlap o\nJOIN tracks a ON a.edition_id = o.edition_id AND a.track_no = o.track_a\nJOIN tracks b ON b.edition_id = o.edition_id AND b.track_no = o.track_b\nWHERE o.edition_id = ${e} AND o.generic_verbs = 'removed'\nORDER BY o.cosine DESC\nLIMIT 20`
    },
    {
      key: 'pairs',
      sql: `-- 共现最强的词对（题目窗口，至少 3 个题目）\nSELECT term_a, term_b, topics, round(jaccard, 3) AS jaccard,\n  round(association_strength, 2) AS association_strength, round(npmi, 3) AS npmi\nFROM cooccurrence\nWHERE edition_id = ${e} AND topics >= 3\nORDER BY jaccard DESC\nLIMIT 30`
    },
    {
      key: 'search',
      sql: `-- 本版本标题或正文含“大模型”的题目\nSELECT track_no, track_name, topic_no, title\nFROM topics\nWHERE edition_id = ${e} AND (title LIKE '%大模型%' OR body LIKE '%大模型%')\nORDER BY track_no, topic_no`
    },
    { key: 'describe', sql: 'DESCRIBE topics' }
  ];
}
