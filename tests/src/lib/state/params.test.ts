import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bool, defineParams, int, intList, oneOf, text, textList } from '../../../../src/lib/state/params.ts';

const view = defineParams({
  term: text(),
  metric: oneOf(['count', 'per10k'] as const, 'count'),
  top: int(30, 5, 200),
  labels: bool(true),
  compare: intList(),
  pinned: textList()
});
const q = (s: string) => new URLSearchParams(s);

describe('per-view URL parameters', () => {
  it('reads defaults from an empty URL', () => {
    expect(view.parse(q(''))).toEqual({ term: '', metric: 'count', top: 30, labels: true, compare: [], pinned: [] });
  });

  it('reads bad values as defaults and clamps numbers', () => {
    expect(view.parse(q('metric=DROP&top=abc&labels=yes')).metric).toBe('count');
    expect(view.parse(q('top=abc')).top).toBe(30);
    expect(view.parse(q('top=9999')).top).toBe(200);
    expect(view.parse(q('top=1')).top).toBe(5);
    expect(view.parse(q('top=7.5')).top).toBe(30);
  });

  it('writes only what differs from the default and keeps other keys', () => {
    const out = view.write(q('edition=2026-hunan&top=50'), { top: 30, metric: 'per10k', term: '数据' });
    expect(Object.fromEntries(out)).toEqual({ edition: '2026-hunan', metric: 'per10k', term: '数据' });
  });

  it('refuses keys reserved for the global filters', () => {
    expect(() => defineParams({ edition: text() })).toThrow(/reserved/);
    expect(() => defineParams({ lang: text() })).toThrow(/reserved/);
  });

  it('round-trips any values', () => {
    const values = fc.record({
      term: fc.string(),
      metric: fc.constantFrom('count' as const, 'per10k' as const),
      top: fc.integer({ min: 5, max: 200 }),
      labels: fc.boolean(),
      compare: fc.array(fc.integer({ min: -5, max: 100 })),
      pinned: fc.array(fc.string({ minLength: 1 }).filter((s) => !s.includes('|')))
    });
    fc.assert(
      fc.property(values, (v) => {
        const url = new URL(`http://x/p?${view.write(q(''), v).toString()}`);
        expect(view.parse(url.searchParams)).toEqual(v);
      })
    );
  });
});
