/** chordLayout (charts/chord.ts): d3-chord geometry with horizontal labels. */
import { describe, expect, it } from 'vitest';
import { chordLayout, labelPlacement } from '../../../../src/lib/charts/chord.ts';

const names = ['工业制造', '现代农业', '医疗健康', '气象服务'];
// Symmetric: 0–1 4, 0–2 2, 1–2 1; 3 shares nothing.
const matrix = [
  [0, 4, 2, 0],
  [4, 0, 1, 0],
  [2, 1, 0, 0],
  [0, 0, 0, 0]
];

describe('chord layout', () => {
  const layout = chordLayout({ names, matrix, radius: 150, labelRoom: 80 });

  it('has one arc per track, sized by the sum of its weights, and one ribbon per non-zero pair', () => {
    expect(layout.groups.map((g) => [g.name, g.total])).toEqual([
      ['工业制造', 6],
      ['现代农业', 5],
      ['医疗健康', 3],
      ['气象服务', 0]
    ]);
    expect(layout.ribbons.map((r) => [r.source, r.target, r.value]).sort()).toEqual([[0, 1, 4], [0, 2, 2], [1, 2, 1]].sort());
    for (const r of layout.ribbons) expect(r.path).toMatch(/^M[-\d.e]+,[-\d.e]+A/);
    expect(layout.width).toBe(2 * (150 + 80));
  });

  it('shades heavier ribbons darker', () => {
    const lightness = (rgb: string) => rgb.match(/\d+/g)!.map(Number).reduce((a, b) => a + b, 0);
    const heavy = layout.ribbons.find((r) => r.value === 4)!;
    const light = layout.ribbons.find((r) => r.value === 1)!;
    expect(lightness(heavy.color)).toBeLessThan(lightness(light.color));
  });

  it('ignores the diagonal and negative weights', () => {
    const l = chordLayout({ names: ['甲', '乙'], matrix: [[9, 1], [1, -3]] });
    expect(l.groups.map((g) => g.total)).toEqual([1, 1]);
  });

  it('keeps labels horizontal: start on the right, end on the left, centred at top and bottom', () => {
    expect(labelPlacement(Math.PI / 2, 100)).toMatchObject({ anchor: 'start', baseline: 'middle' });
    expect(labelPlacement((3 * Math.PI) / 2, 100)).toMatchObject({ anchor: 'end', baseline: 'middle' });
    const top = labelPlacement(0.05, 100);
    expect(top).toMatchObject({ anchor: 'middle', baseline: 'alphabetic' });
    expect(top.labelY).toBeLessThan(0);
    expect(labelPlacement(Math.PI, 100)).toMatchObject({ anchor: 'middle', baseline: 'hanging' });
    // Every label lies outside the arcs.
    for (const g of layout.groups) expect(Math.hypot(g.labelX, g.labelY)).toBeGreaterThan(150);
  });
});
