import { describe, expect, it } from 'vitest';
import { heatmapSpec } from '../../../../src/lib/charts/specs.ts';
import { escapeXml, frameSvg, svgSize } from '../../../../src/lib/export/svg.ts';
import { renderSvg } from '../charts/render.ts';

describe('SVG export frame', () => {
  it('adds title, subtitle and source around the chart, keeping its legend', async () => {
    const chart = await renderSvg(
      heatmapSpec({
        rows: [
          { theme: '隐私计算', track: '工业制造', count: 1 },
          { theme: '人工智能', track: '工业制造', count: 3 }
        ],
        x: { field: 'track', title: '赛道' },
        y: { field: 'theme', title: '主题' },
        value: { field: 'count', title: '词频', format: ',d' },
        scheme: 'sequential'
      })
    );
    expect(chart).toContain('role-legend');
    const framed = frameSvg(chart, {
      title: '2026 湖南 主题 × 赛道',
      subtitle: '赛道：全部 · 通用动词已停用',
      source: '来源：2026 湖南；词典版本 abc123；Crosstrack 0.1.0'
    });
    expect(framed).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(framed).toContain('<title>2026 湖南 主题 × 赛道</title>');
    expect(framed).toContain('>赛道：全部 · 通用动词已停用</text>');
    expect(framed).toContain('>来源：2026 湖南；词典版本 abc123；Crosstrack 0.1.0</text>');
    expect(framed).toContain('role-legend');
    expect(framed).toContain('>词频</text>'); // legend title
    const outer = svgSize(framed);
    const inner = svgSize(chart);
    expect(outer.width).toBeGreaterThan(inner.width);
    expect(outer.height).toBeGreaterThan(inner.height + 40);
  });

  it('escapes text that looks like markup', () => {
    const framed = frameSvg('<svg width="10" height="10"></svg>', { title: '<script>&', source: 'a"b' });
    expect(framed).not.toContain('<script>');
    expect(framed).toContain('&lt;script&gt;&amp;');
    expect(escapeXml(`'"`)).toBe('&apos;&quot;');
  });

  it('widens the frame for a long source line', () => {
    const framed = frameSvg('<svg width="100" height="50"></svg>', { title: 't', source: '来'.repeat(60) });
    expect(svgSize(framed).width).toBeGreaterThanOrEqual(60 * 11);
  });
});
