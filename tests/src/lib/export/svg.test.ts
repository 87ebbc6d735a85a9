import { describe, expect, it } from 'vitest';
import { heatmapSpec } from '../../../../src/lib/charts/specs.ts';
import { BARE_MARGIN, bareSvg, escapeXml, frameChrome, frameSvg, svgSize, wrapText } from '../../../../src/lib/export/svg.ts';
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

describe('sized frames', () => {
  const text = { title: '2026 湖南 主题 × 赛道（词频）· 主题：隐私计算 · 赛道：工业制造、医疗健康、气象服务', subtitle: '赛道：工业制造 · 通用动词已停用', source: '来源：2026 湖南；词典版本 abc123；Crosstrack 0.1.0' };

  it('wraps CJK anywhere and Latin at spaces to fit the width', () => {
    const lines = wrapText('来'.repeat(30), 10, 100);
    expect(lines).toEqual(['来'.repeat(10), '来'.repeat(10), '来'.repeat(10)]);
    const latin = wrapText('Crosstrack version 0.1.0 dictionary', 10, 120);
    expect(latin.every((l) => !l.startsWith(' ') && l.length > 0)).toBe(true);
    expect(latin.join(' ')).toBe('Crosstrack version 0.1.0 dictionary');
    expect(wrapText('短', 10, 100)).toEqual(['短']);
  });

  it('keeps a fixed width and height, wrapping the title and placing the source at the bottom', () => {
    const chrome = frameChrome(text, 300);
    const chart = `<svg width="${300 - 2 * chrome.side}" height="${400 - chrome.top - chrome.bottom}"></svg>`;
    const framed = frameSvg(chart, text, { width: 300, height: 400 });
    expect(svgSize(framed)).toEqual({ width: 300, height: 400 });
    // The 16 px title no longer fits one 268 px line.
    expect(framed.match(/font-weight="bold"/g)!.length).toBeGreaterThan(1);
    const sourceY = Math.max(...[...framed.matchAll(/y="([\d.]+)" font-size="11"/g)].map((m) => Number(m[1])));
    expect(sourceY).toBeLessThan(400);
    expect(sourceY).toBeGreaterThan(400 - chrome.bottom);
    expect(chrome.top).toBeGreaterThan(16 + 16 * 1.25);
  });

  it('gives Word figures the chart alone, at the full width, with its title for screen readers', () => {
    const bare = bareSvg('<svg width="588" height="200"><rect/></svg>', '标题 <1>', 600);
    expect(svgSize(bare)).toEqual({ width: 600, height: 200 + 2 * BARE_MARGIN });
    expect(bare).toContain('<title>标题 &lt;1&gt;</title>');
    expect(bare).not.toContain('来源');
  });
});
