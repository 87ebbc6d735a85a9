/**
 * Query builders (after Evidence): pure functions `(typed params) → { sql, params }`.
 *
 * Write SQL with the `sql` tag. Every `${value}` becomes a `?` placeholder and its value
 * goes into `params`; only fragments made by `sql`, `list`, `join` or `pick` are spliced
 * in as SQL. So a value from the URL or a text box can never change the statement, and
 * identifiers (a metric column the user picks) come only from a fixed whitelist via `pick`.
 */
import type { Query, SqlParam } from '../db/connector.ts';

export type { Query, SqlParam };

export class Fragment {
  constructor(
    readonly text: string,
    readonly params: readonly SqlParam[]
  ) {}
}

type Part = SqlParam | Fragment;

export function sql(strings: TemplateStringsArray, ...parts: Part[]): Fragment {
  let text = strings[0];
  const params: SqlParam[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Fragment) {
      text += part.text;
      params.push(...part.params);
    } else {
      if (part !== null && !['string', 'number', 'boolean'].includes(typeof part)) {
        throw new TypeError(`cannot bind a ${typeof part} as an SQL parameter`);
      }
      text += '?';
      params.push(part);
    }
    text += strings[i + 1];
  });
  return new Fragment(text, params);
}

/** An empty fragment, for optional clauses: `${cond ? sql`AND …` : empty}`. */
export const empty = new Fragment('', []);

/** `?, ?, ?` for an IN list. An empty list gives `NULL`, so `x IN (NULL)` matches nothing. */
export function list(values: readonly SqlParam[]): Fragment {
  if (values.length === 0) return new Fragment('NULL', []);
  return new Fragment(values.map(() => '?').join(', '), values);
}

export function join(fragments: readonly Fragment[], separator: string): Fragment {
  return new Fragment(
    fragments.map((f) => f.text).join(separator),
    fragments.flatMap((f) => f.params)
  );
}

/**
 * An identifier or SQL snippet chosen from a whitelist by key. Throws on an unknown
 * key rather than falling back, so a tampered URL fails loudly in tests.
 */
export function pick<K extends string>(whitelist: Readonly<Record<K, string>>, key: K): Fragment {
  if (!Object.hasOwn(whitelist, key)) throw new RangeError(`not an allowed choice: ${String(key)}`);
  return new Fragment(whitelist[key], []);
}

export function toQuery(fragment: Fragment): Query {
  return { sql: fragment.text.trim(), params: [...fragment.params] };
}
