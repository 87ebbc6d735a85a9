/** A spec's fingerprint: the same for an equal spec built anew, different when a figure or a word differs. */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { specHash } from '../../../../src/lib/charts/spec-hash.ts';

const spec = (count: number, title = '词频'): TopLevelSpec => ({
  width: 'container',
  data: { values: [{ term: '数据', count }, { term: '应用', count: 112 }] },
  mark: 'bar',
  encoding: { y: { field: 'term', type: 'nominal' }, x: { field: 'count', type: 'quantitative', title } }
});

describe('specHash', () => {
  it('is equal for equal specs and differs for another figure or title', () => {
    expect(specHash(spec(170))).toBe(specHash(spec(170)));
    expect(specHash(spec(170))).toMatch(/^[0-9a-f]{17,}$/);
    const hashes = new Set([spec(170), spec(171), spec(170, '频次'), { ...spec(170), width: 453 }].map(specHash));
    expect(hashes.size).toBe(4);
  });
});
