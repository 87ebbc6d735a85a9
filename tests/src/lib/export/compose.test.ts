/**
 * Sized exports lay the chart out again for the size: the SVG is exactly the box, fonts
 * keep their size, and a taller box gets taller bars rather than a stretched picture.
 */
import { describe, expect, it } from 'vitest';
import { chordFit, chordLayout, chordSvg } from '../../../../src/lib/charts/chord.ts';
import { heatmapSpec, horizontalBarSpec } from '../../../../src/lib/charts/specs.ts';
import { sizedExportSvg } from '../../../../src/lib/export/compose.ts';
import { figureSvg, fitSvg, type Figure } from '../../../../src/lib/export/figure.ts';
import { customSize, exportBox } from '../../../../src/lib/export/size.ts';
import { svgSize } from '../../../../src/lib/export/svg.ts';

const bars = (n: number): Figure => ({
  kind: 'vega',
  spec: horizontalBarSpec({
    rows: Array.from({ length: n }, (_, i) => ({ term: `词条${i}`, count: 100 - i })),
    category: { field: 'term', title: '词条' },
    value: { field: 'count', title: '词频', format: ',d' }
  })
});
const text = { title: '2026 湖南 高频词条（前 20）', subtitle: '赛道：全部赛道 · 通用动词已停用', source: '来源：2026 湖南；词典版本 abc；Crosstrack 0.1.0' };
/** Heights of the bars (the rect marks' paths: M0,y h width v height h -width Z). */
const barHeights = (svg: string) => {
  // The bar layer's group (chart marks carry no ARIA of their own: charts/config.ts).
  const layer = svg.match(/<g class="mark-rect role-mark layer_0_marks"[^>]*>(.*?)<\/g>/)?.[1] ?? '';
  return [...layer.matchAll(/<path d="M[\d.]+,[\d.]+h[\d.]+v([\d.]+)h/g)].map((m) => Number(m[1]));
};

describe('sized exports', () => {
  it('fills the Word width exactly, as tall as the bars need', async () => {
    const out = await sizedExportSvg(bars(20), text, { preset: 'word' }, { framed: true });
    const size = svgSize(out.svg);
    expect(size.width).toBeCloseTo(exportBox({ preset: 'word' }).width, 1);
    expect(out.pixels.width).toBe(1890);
    expect(size.height).toBeGreaterThan(20 * 18);
    expect(size.height).toBeLessThan(exportBox({ preset: 'word' }).maxHeight);
    expect(out.svg).toContain('来源：2026 湖南');
  });

  it('re-lays the chart out for a slide instead of scaling it: same font sizes, fatter bars', async () => {
    const word = await sizedExportSvg(bars(10), text, { preset: 'word' }, { framed: true });
    const ppt = await sizedExportSvg(bars(10), text, { preset: 'ppt' }, { framed: true });
    expect(svgSize(ppt.svg)).toEqual({ width: 960, height: 540 });
    expect(ppt.pixels).toEqual({ width: 1920, height: 1080 });
    for (const svg of [word.svg, ppt.svg]) {
      expect(svg).not.toMatch(/scale\(/);
      expect(svg).toContain('font-size="12px"');
    }
    expect(barHeights(word.svg)).toHaveLength(10);
    expect(barHeights(ppt.svg)).toHaveLength(10);
    expect(Math.min(...barHeights(ppt.svg))).toBeGreaterThan(Math.max(...barHeights(word.svg)));
  });

  it('squeezes a long bar list into the page height rather than running off the page', async () => {
    const box = exportBox({ preset: 'word' });
    const svg = await figureSvg(bars(120), { width: box.width, height: null, maxHeight: 500 });
    expect(svgSize(svg).height).toBeLessThanOrEqual(500);
  });

  it('fits a heatmap with a step width into a custom box', async () => {
    const figure: Figure = {
      kind: 'vega',
      spec: heatmapSpec({
        rows: ['工业制造', '现代农业', '商贸流通'].flatMap((track) => ['隐私计算', '大模型'].map((theme, i) => ({ track, theme, count: i + track.length }))),
        x: { field: 'track', title: '赛道' },
        y: { field: 'theme', title: '主题' },
        value: { field: 'count', title: '词频', format: ',d' },
        scheme: 'sequential'
      })
    };
    const out = await sizedExportSvg(figure, text, customSize(12, 8, 150), { framed: false });
    const size = svgSize(out.svg);
    expect(size.width).toBeCloseTo(exportBox(customSize(12, 8, 150)).width, 1);
    expect(out.pixels).toEqual({ width: 709, height: 472 });
  });

  it('lays the chord out for its box: the circle and labels fit inside', () => {
    for (const box of [{ width: 593, height: 593 }, { width: 928, height: 420 }]) {
      const layout = chordLayout({ names: ['工业制造', '现代农业', '医疗健康'], matrix: [[0, 3, 1], [3, 0, 2], [1, 2, 0]], ...chordFit(box) });
      const svg = chordSvg(layout, box, [0, 1]);
      expect(svgSize(svg)).toEqual(box);
      const xs = layout.groups.map((g) => Math.abs(g.labelX));
      const ys = layout.groups.map((g) => Math.abs(g.labelY));
      expect(Math.max(...xs)).toBeLessThan(box.width / 2);
      expect(Math.max(...ys)).toBeLessThan(box.height / 2);
      expect(svg).toContain('#D55E00');
    }
  });

  it('scales a chart that cannot lay itself out into the box, keeping its proportions', () => {
    const fitted = fitSvg('<svg width="100" height="50"><rect width="100" height="50"/></svg>', { width: 400, height: 300 });
    expect(fitted).toContain('width="400" height="300" viewBox="0 0 100 50" preserveAspectRatio="xMidYMid meet"');
    expect(fitted).toContain('xmlns="http://www.w3.org/2000/svg"');
  });
});
