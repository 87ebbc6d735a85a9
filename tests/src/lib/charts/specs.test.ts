import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CHART_CONFIG, FONT_STACK } from '../../../../src/lib/charts/config.ts';
import { BEYOND_TEN, categoricalColor, categoricalRange, OKABE_ITO } from '../../../../src/lib/charts/palette.ts';
import { heatmapSpec, horizontalBarSpec } from '../../../../src/lib/charts/specs.ts';
import { renderSvg } from './render.ts';

const terms = [
  { term: '数据', count: 12345, tracks: 3 },
  { term: '医疗', count: 6, tracks: 1 },
  { term: '模型', count: 5, tracks: 2 }
];

describe('horizontal bar spec', () => {
  const spec = horizontalBarSpec({
    rows: terms,
    category: { field: 'term', title: '词条' },
    value: { field: 'count', title: '词频', format: ',d' },
    details: [{ field: 'tracks', title: '覆盖赛道数', format: ',d' }],
    clickable: true
  });

  it('puts the Chinese categories on the vertical axis, sorted by value', () => {
    const s = spec as { encoding: { y: { field: string; sort: string[] }; x: { field: string } } };
    expect(s.encoding.y.field).toBe('term');
    expect(s.encoding.y.sort).toEqual(['数据', '医疗', '模型']);
    expect(s.encoding.x.field).toBe('count');
  });

  it('renders labels upright in the CJK font stack with zh-CN numbers', async () => {
    const svg = await renderSvg(spec);
    for (const term of ['数据', '医疗', '模型']) expect(svg).toContain(`>${term}</text>`);
    expect(svg).toContain('12,345');
    expect(svg).toContain(FONT_STACK.replaceAll('"', '&quot;'));
    expect(svg).not.toMatch(/rotate\((-?[1-9]\d*)/); // no rotated text anywhere
  });

  it('compiles without warnings into the shared config', () => {
    const warnings: string[] = [];
    const logger = { level: () => logger, warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger), info: () => logger, debug: () => logger, error: () => logger };
    compile(spec, { config: CHART_CONFIG, logger: logger as never });
    // vega-lite always notes that a container width with a step height fits x only; that is the intent.
    expect(warnings.filter((w) => !w.includes('Dropping "fit-y"'))).toEqual([]);
  });
});

describe('heatmap spec', () => {
  const cells = ['工业制造', '现代农业', '医疗健康'].flatMap((track, i) => [
    { theme: '隐私计算', track, count: i },
    { theme: '人工智能', track, count: 3 - i }
  ]);

  it('stacks Chinese x labels character by character instead of rotating them', async () => {
    const svg = await renderSvg(
      heatmapSpec({
        rows: cells,
        x: { field: 'track', title: '赛道', order: ['工业制造', '现代农业', '医疗健康'] },
        y: { field: 'theme', title: '主题' },
        value: { field: 'count', title: '词频', format: ',d' },
        scheme: 'sequential',
        labels: true
      })
    );
    expect(svg).not.toMatch(/rotate\((-?[1-9]\d*)/);
    expect(svg).toContain('<tspan'); // multi-line labels
    expect(svg).toContain('>工</tspan>');
    expect(svg).toContain('>隐私计算</text>');
  });

  it('centres the diverging scale at zero', () => {
    const spec = heatmapSpec({
      rows: cells, x: { field: 'track', title: '' }, y: { field: 'theme', title: '' },
      value: { field: 'count', title: '' }, scheme: 'diverging'
    }) as unknown as { layer: { encoding: { color: { scale: { domainMid: number } } } }[] };
    expect(spec.layer[0].encoding.color.scale.domainMid).toBe(0);
  });
});

describe('palette', () => {
  it('uses Okabe–Ito first and grey beyond ten categories', () => {
    expect(categoricalRange(8)).toEqual([...OKABE_ITO]);
    expect(new Set(categoricalRange(10)).size).toBe(10);
    expect(categoricalColor(10)).toBe(BEYOND_TEN);
    expect(categoricalRange(14).slice(10)).toEqual(Array(4).fill(BEYOND_TEN));
  });
});
