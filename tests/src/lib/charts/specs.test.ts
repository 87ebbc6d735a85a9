import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CHART_CONFIG, FONT_STACK } from '../../../../src/lib/charts/config.ts';
import { BEYOND_TEN, categoricalColor, categoricalRange, OKABE_ITO } from '../../../../src/lib/charts/palette.ts';
import { divergingBarSpec, heatmapSpec, horizontalBarSpec } from '../../../../src/lib/charts/specs.ts';
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
    // Not even "Dropping fit-y": the height comes from the number of bars, not a step.
    expect(warnings).toEqual([]);
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

describe('heatmap with a totals row', () => {
  const rows = [
    { term: '合计', track: '交通运输', count: 4 },
    { term: '联邦学习', track: '交通运输', count: 1 },
    { term: '隐私计算', track: '交通运输', count: 3 }
  ];
  const spec = heatmapSpec({
    rows, x: { field: 'track', title: '赛道' }, y: { field: 'term', title: '词条', order: ['合计', '联邦学习', '隐私计算'] },
    value: { field: 'count', title: '词频', format: ',d' }, scheme: 'sequential', labels: true, sqrt: true,
    totals: { field: 'term', value: '合计' }
  });

  it('leaves the totals row out of the colour scale and prints it in bold', async () => {
    const s = spec as unknown as { layer: { transform?: { filter: string }[]; encoding?: { color?: { scale?: { type?: string } } } }[] };
    expect(s.layer[0].transform?.[0].filter).toBe('datum["term"] === "合计"');
    expect(s.layer[1].transform?.[0].filter).toBe('!(datum["term"] === "合计")');
    expect(s.layer[1].encoding?.color?.scale?.type).toBe('sqrt');
    const svg = await renderSvg(spec);
    expect(svg).toMatch(/font-weight="bold"[^>]*>4</);
    // The colour domain is the member cells' (1 … 3), so the 4 of the totals row sets nothing.
    const vg = compile(spec, { config: CHART_CONFIG }).spec as unknown as { scales: { name: string; domain: unknown }[] };
    expect(JSON.stringify(vg.scales.find((x) => x.name === 'color'))).toContain('"zero":true');
  });
});

describe('diverging bars coloured by significance tiers', () => {
  const rows = [
    { term: '药品', value: 24.39, tier: '偏多 · p < 0.001', text: '24.39 ***' },
    { term: '价格', value: 4.1, tier: '偏多 · p < 0.05', text: '4.10 *' },
    { term: '融合', value: -3.79, tier: '不显著', text: '-3.79' }
  ];
  const spec = divergingBarSpec({
    rows, category: { field: 'term', title: '词条' }, value: { field: 'value', title: 'G²', format: ',.2f' },
    tiers: { field: 'tier', title: '显著性', domain: ['偏多 · p < 0.001', '偏多 · p < 0.05', '不显著'], range: ['#b35806', '#fdb863', '#bbbbbb'] },
    label: { field: 'text' }
  });

  it('prints the significance marks and a legend of the tiers, without warnings or English ARIA texts', async () => {
    const svg = await renderSvg(spec);
    expect(svg).toContain('>24.39 ***</text>');
    expect(svg).toContain('>-3.79</text>');
    expect(svg).toContain('>不显著</text>');
    expect(svg).toContain('fill="#bbbbbb"');
    // No English ARIA texts naming raw fields ("Y-axis for a discrete scale…", "term: 药品"): the marks are hidden.
    expect(svg).not.toMatch(/aria-label|axis for a|mark container" aria-label/);
    expect(svg).toMatch(/class="mark-group role-frame root"[^>]*aria-hidden="true"/);
    const warnings: string[] = [];
    const logger = { level: () => logger, warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger), info: () => logger, debug: () => logger, error: () => logger };
    compile(spec, { config: CHART_CONFIG, logger: logger as never });
    expect(warnings).toEqual([]);
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
