import { describe, expect, it } from 'vitest';
import { svgSize } from '../../../../src/lib/export/svg.ts';
import {
  CLOUD_HEIGHT,
  CLOUD_WIDTH,
  cloudSvg,
  cloudWords,
  isCloudWord,
  MAX_FONT,
  MIN_FONT,
  seedOf
} from '../../../../src/lib/charts/wordcloud.ts';
import { seededRandom } from '../../../../src/lib/random.ts';

describe('word cloud words', () => {
  it('never lets punctuation, symbols, spaces or bare numbers in', () => {
    for (const bad of ['，', ',', '。', '、', '数据。', '（', '“', '·', '%', '+', ' ', '', '2026', '１２']) {
      expect(isCloudWord(bad), JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['数据', '5G', '可信数据空间', 'AI']) expect(isCloudWord(good), good).toBe(true);
  });

  it('sizes by the square root of the count between the font bounds, biggest first', () => {
    const words = cloudWords([
      { term: '模型', count: 25 },
      { term: '，', count: 400 },
      { term: '数据', count: 100 },
      { term: '农业', count: 4 },
      { term: '零', count: 0 }
    ]);
    expect(words.map((w) => w.text)).toEqual(['数据', '模型', '农业']);
    // Three words: the top size is MIN + (MAX − MIN) · (0.4 + 3/30), half the full range.
    const top = MIN_FONT + (MAX_FONT - MIN_FONT) * 0.5;
    expect(words[0].size).toBe(Math.round(top));
    expect(words[2].size).toBe(MIN_FONT);
    // √25 = 5 lies 3/8 of the way from √4 = 2 to √100 = 10.
    expect(words[1].size).toBe(Math.round(MIN_FONT + (3 / 8) * (top - MIN_FONT)));
    expect(new Set(words.map((w) => w.color)).size).toBeGreaterThan(1);
    expect(cloudWords([])).toEqual([]);
    // From 18 words on, the biggest word gets the full size.
    const many = cloudWords(Array.from({ length: 18 }, (_, i) => ({ term: `词${String.fromCharCode(0x4e00 + i)}`, count: i + 1 })));
    expect(many[0].size).toBe(MAX_FONT);
    expect(many.at(-1)!.size).toBe(MIN_FONT);
  });

  it('orders equal sizes by count, then code point, so the input order does not matter', () => {
    const rows = [
      { term: '乙', count: 5 },
      { term: '甲', count: 5 },
      { term: '丙', count: 9 }
    ];
    const a = cloudWords(rows).map((w) => w.text);
    const b = cloudWords([...rows].reverse()).map((w) => w.text);
    expect(a).toEqual(b);
    expect(a).toEqual(['丙', '乙', '甲']);
  });
});

describe('seeded layout randomness', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 50 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(7).every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = take(99).reduce((s, x) => s + x, 0) / 50;
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(0.7);
  });

  it('derives a stable seed from the edition and track', () => {
    expect(seedOf('2026-hunan/all')).toBe(seedOf('2026-hunan/all'));
    expect(seedOf('2026-hunan/all')).not.toBe(seedOf('2026-hunan/3'));
    expect(Number.isInteger(seedOf('x'))).toBe(true);
  });
});

describe('cloudSvg', () => {
  it('writes every word upright, escaped, with the CJK font stack and the layout size', () => {
    const svg = cloudSvg([
      { text: '数据', count: 9, size: 40, color: '#08306b', x: -10, y: 5 },
      { text: 'R&D', count: 2, size: 14, color: '#6baed6', x: 100, y: -40 }
    ]);
    expect(svgSize(svg)).toEqual({ width: CLOUD_WIDTH, height: CLOUD_HEIGHT });
    expect(svg).toContain('>数据</text>');
    expect(svg).toContain('>R&amp;D</text>');
    expect(svg).toContain('translate(-10,5)');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg).not.toMatch(/rotate/);
    expect(svg.match(/<text /g)).toHaveLength(2);
  });
});
