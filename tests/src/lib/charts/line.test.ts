/** lineSpec (charts/line.ts): the comparison's series view. */
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CHART_CONFIG } from '../../../../src/lib/charts/config.ts';
import { lineSpec } from '../../../../src/lib/charts/line.ts';
import { renderSvg } from './render.ts';

const rows = [
  { year: '2024', theme: '大模型', per10k: 10.5 },
  { year: '2025', theme: '大模型', per10k: 30 },
  { year: '2026', theme: '大模型', per10k: 45.25 },
  { year: '2024', theme: '隐私计算', per10k: 12 },
  { year: '2025', theme: '隐私计算', per10k: 8 },
  { year: '2026', theme: '隐私计算', per10k: 4 }
];
const spec = lineSpec({
  rows,
  x: { field: 'year', title: '年份', order: ['2024', '2025', '2026'] },
  y: { field: 'per10k', title: '每万词频次', format: ',.2f' },
  series: { field: 'theme', title: '主题', order: ['大模型', '隐私计算'] }
});

describe('line spec', () => {
  it('keeps the years in order and gives each series a palette colour', () => {
    const s = spec as unknown as { encoding: { x: { sort: string[] }; color: { scale: { domain: string[]; range: string[] } } } };
    expect(s.encoding.x.sort).toEqual(['2024', '2025', '2026']);
    expect(s.encoding.color.scale.domain).toEqual(['大模型', '隐私计算']);
    expect(s.encoding.color.scale.range).toEqual(['#E69F00', '#56B4E9']);
  });

  it('renders the years, the legend in Chinese, a line per series and no rotation', async () => {
    const svg = await renderSvg(spec);
    for (const label of ['2024', '2026', '大模型', '隐私计算']) expect(svg).toContain(`>${label}</text>`);
    // One line mark per series (grouped by the colour field).
    expect(svg.match(/class="mark-line role-mark/g)?.length).toBe(2);
    expect(svg.toLowerCase()).toContain('stroke="#e69f00"');
    expect(svg).not.toMatch(/rotate\((-?[1-9]\d*)/);
  });

  it('compiles without warnings', () => {
    const warnings: string[] = [];
    const logger = { level: () => logger, warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger), info: () => logger, debug: () => logger, error: () => logger };
    compile({ ...spec, width: 500 } as never, { config: CHART_CONFIG, logger: logger as never });
    expect(warnings).toEqual([]);
  });
});
