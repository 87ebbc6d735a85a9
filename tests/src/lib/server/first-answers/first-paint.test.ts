/**
 * The first screen of 总览 (and 跨赛道) in its HTML: the data block parses back to what was put in, whatever the
 * guides' text holds (a title with </script> cannot end the block early), the drawings come
 * only for a URL the answers were computed for, and every text is escaped.
 */
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../../analysis/contract.ts';
import { FIRST_DATA_ID, FIRST_PAINT_ID } from '../../../../../src/lib/first-paint.ts';
import type { FirstFigure } from '../../../../../src/lib/server/first-answers/figures.ts';
import { firstPaintHtml, paintsFirst, scriptJson, type FirstData } from '../../../../../src/lib/server/first-answers/first-paint.ts';
import { ensureRealData } from '../../fixture/real.ts';

const hostile = '</script><script>alert(1)</script><!-- \u2028 & "q"';
const real = ensureRealData();
// The real manifest with a hostile guide title: the edition's panel prints it.
const manifest: Manifest = { ...real, editions: real.editions.map((e) => (e.edition_id === '2026-hunan' ? { ...e, title: hostile } : e)) };
const data: FirstData = {
  manifest,
  answers: { manifest_sha: 'v', route: '/', edition: '2026-hunan', tables: {}, answers: [{ key: hostile, rows: [{ term: hostile }] }], omitted: [] }
};
const figure = (recipe: string, title: string): FirstFigure => ({
  recipe,
  hash: 'abc123',
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>数据</text></svg>',
  width: 10,
  height: 10,
  title,
  subtitle: '赛道：全部赛道',
  source: '来源：2026 湖南'
});

function dataBlock(html: string): string {
  const open = `<script type="application/json" id="${FIRST_DATA_ID}">`;
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf('</script>', start));
}

describe('first paint HTML', () => {
  it('carries the data intact, ended only by its own </script>', () => {
    const html = firstPaintHtml(data, [], true);
    expect(JSON.parse(dataBlock(html))).toEqual(data);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(scriptJson(hostile)).not.toMatch(/<|\u2028/);
  });

  it('draws the charts only when asked to and when there are drawings', () => {
    expect(firstPaintHtml(data, [], true)).not.toContain(FIRST_PAINT_ID);
    expect(firstPaintHtml(data, [figure('overview.top', 't')], false)).not.toContain(FIRST_PAINT_ID);
    const html = firstPaintHtml(data, [figure('overview.top', '高频词条'), figure('overview.heatmap', '主题 × 赛道')], true);
    expect(html).toContain(`<div id="${FIRST_PAINT_ID}"`);
    expect(html.match(/data-spec-hash="abc123"/g)).toHaveLength(2);
    expect(html.indexOf('高频词条')).toBeLessThan(html.indexOf('主题 × 赛道'));
    // The drawing comes before the data block, so it paints while the block is arriving.
    expect(html.indexOf(FIRST_PAINT_ID)).toBeLessThan(html.indexOf(FIRST_DATA_ID));
    // In Chinese, with the page's own words: the masthead, the navigation and the heading.
    for (const word of ['Crosstrack', '赛题主题与跨赛道交叉分析', '总览', '词条', '数据管理', '页面正在启动']) expect(html).toContain(word);
    // The counts above the charts, as the page shows them: the corpus, and the edition's tracks.
    expect(html).toContain(`<span class="fp-value">${real.summary.topics.toLocaleString('en-US')}</span>`);
    const hunan = real.editions.find((e) => e.edition_id === '2026-hunan')!;
    for (const tr of hunan.tracks) expect(html).toContain(`<span class="name">${tr.track_name}</span>`);
  });

  it("copies 跨赛道's own screen for /overlap: its heading, switches and two-column grid, not 总览's counts", () => {
    const html = firstPaintHtml(data, [figure('overlap.heatmap', '赛道两两重合度')], true, '/overlap');
    expect(html).toContain(`<div id="${FIRST_PAINT_ID}" data-route="/overlap"`);
    for (const word of ['跨赛道重合度', '度量：Jaccard 系数', '弦宽：共同词数', '赛道两两重合度', '正在启动查询引擎']) expect(html).toContain(word);
    expect(html).toContain('class="fp-grid"');
    expect(html).not.toContain('class="fp-cards"');
    expect(html).not.toContain('<h1>总览</h1>');
    expect(html.match(/data-spec-hash="abc123"/g)).toHaveLength(1);
    expect(firstPaintHtml(data, [figure('overview.top', 't')], true)).toContain(`data-route="/"`);
  });

  it('escapes the frame texts', () => {
    const html = firstPaintHtml(data, [figure('overview.top', hostile)], true);
    const paint = html.slice(html.indexOf(`<div id="${FIRST_PAINT_ID}"`), html.indexOf(`<script type="application/json"`));
    expect(paint.length).toBeGreaterThan(1000);
    expect(paint).not.toContain('<script');
    expect(paint).toContain('&#60;/script&#62;');
  });

  it('paints first only for ?edition= alone (or nothing)', () => {
    expect(paintsFirst(new URLSearchParams(''))).toBe(true);
    expect(paintsFirst(new URLSearchParams('edition=2026-hunan'))).toBe(true);
    for (const other of ['edition=x&theme=大模型', 'lang=en', 'cross=10', 'vocab=domain']) expect(paintsFirst(new URLSearchParams(other)), other).toBe(false);
  });
});
