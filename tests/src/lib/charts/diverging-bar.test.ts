/** divergingBarSpec (charts/specs.ts): signed G² / log ratio bars centred at 0. */
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CHART_CONFIG } from '../../../../src/lib/charts/config.ts';
import { divergingBarSpec } from '../../../../src/lib/charts/specs.ts';
import { renderSvg } from './render.ts';

const rows = [
  { term: '气象', value: 109.86, count: 27 },
  { term: '防灾减灾', value: 16.57, count: 3 },
  { term: '协同', value: -1.93, count: 1 },
  { term: '监测', value: -1.59, count: 1 }
];
const spec = divergingBarSpec({
  rows,
  category: { field: 'term', title: '词条' },
  value: { field: 'value', title: '显著性 (G²)', format: ',.2f' },
  details: [{ field: 'count', title: '词频', format: ',d' }],
  clickable: true
});

describe('diverging bar spec', () => {
  it('keeps the rows in the given order on the vertical axis and colours by a scale centred at 0', () => {
    const s = spec as unknown as { layer: { encoding: { y?: { sort: string[] }; color?: { scale: { domainMid: number } } } }[] };
    expect(s.layer[0].encoding.y!.sort).toEqual(['气象', '防灾减灾', '协同', '监测']);
    expect(s.layer[0].encoding.color!.scale.domainMid).toBe(0);
  });

  it('renders upright Chinese labels, signed figures on both sides and no rotation', async () => {
    const svg = await renderSvg(spec);
    for (const term of ['气象', '防灾减灾', '协同', '监测']) expect(svg).toContain(`>${term}</text>`);
    expect(svg).toContain('>109.86</text>');
    expect(svg).toContain('>-1.93</text>');
    // Negative figures sit just right of 0 (in the row's empty half), never over the category labels.
    const zero = Number(svg.match(/class="mark-rule[^"]*"[^>]*>.*?<line transform="translate\(([\d.]+),/s)?.[1]);
    const negative = [...svg.matchAll(/<text[^>]*transform="translate\(([\d.]+),[\d.]+\)"[^>]*>-1\.(93|59)<\/text>/g)].map((m) => Number(m[1]));
    expect(negative).toHaveLength(2);
    for (const x of negative) expect(x).toBeGreaterThan(zero);
    expect(svg).not.toMatch(/rotate\((-?[1-9]\d*)/);
  });

  it('compiles without warnings', () => {
    const warnings: string[] = [];
    const logger = { level: () => logger, warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger), info: () => logger, debug: () => logger, error: () => logger };
    compile(spec, { config: CHART_CONFIG, logger: logger as never });
    expect(warnings).toEqual([]);
  });
});
