import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { empty, join, list, pick, sql, toQuery } from '../../../../src/lib/queries/builder.ts';

describe('sql tag', () => {
  it('turns every interpolated value into a ? placeholder', () => {
    const q = toQuery(sql`SELECT * FROM t WHERE a = ${'x'} AND b > ${3} AND c = ${true} AND d IS ${null}`);
    expect(q.sql).toBe('SELECT * FROM t WHERE a = ? AND b > ? AND c = ? AND d IS ?');
    expect(q.params).toEqual(['x', 3, true, null]);
  });

  it('never puts a string value into the SQL text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const q = toQuery(sql`SELECT ${a} AS a, ${b} AS b`);
        expect(q.sql).toBe('SELECT ? AS a, ? AS b');
        expect(q.params).toEqual([a, b]);
      })
    );
  });

  it('splices fragments with their params in order', () => {
    const inner = sql`x IN (${list([1, 2])})`;
    const q = toQuery(sql`SELECT ${'first'} WHERE ${inner} AND y = ${'last'} ${empty}`);
    expect(q.sql).toBe('SELECT ? WHERE x IN (?, ?) AND y = ?');
    expect(q.params).toEqual(['first', 1, 2, 'last']);
    expect(toQuery(join([sql`a = ${1}`, sql`b = ${2}`], ' OR '))).toEqual({ sql: 'a = ? OR b = ?', params: [1, 2] });
  });

  it('makes an empty IN list match nothing instead of breaking the SQL', () => {
    expect(toQuery(sql`x IN (${list([])})`)).toEqual({ sql: 'x IN (NULL)', params: [] });
  });

  it('refuses values that cannot be bound', () => {
    expect(() => sql`SELECT ${[1, 2] as never}`).toThrow(TypeError);
    expect(() => sql`SELECT ${{} as never}`).toThrow(TypeError);
  });

  it('takes identifiers only from the whitelist', () => {
    const metrics = { count: 'count', per10k: 'per10k' } as const;
    expect(toQuery(sql`ORDER BY ${pick(metrics, 'per10k')}`).sql).toBe('ORDER BY per10k');
    expect(() => pick(metrics, 'count; DROP TABLE topics' as never)).toThrow(RangeError);
    expect(() => pick(metrics, 'toString' as never)).toThrow(RangeError);
  });
});
