import { describe, expect, it } from 'vitest';
import { editionLabel, filterSummary, sourceLine, themeSummary } from '../../../../src/lib/charts/frame-text.ts';
import { memoryFixture } from '../fixture/write.ts';

const { manifest } = await memoryFixture();
const base = { edition: '2026-hunan', tracks: null, theme: null, genericVerbs: 'removed' as const };

describe('chart frame texts', () => {
  it('labels an edition by year and region', () => {
    expect(editionLabel(manifest.editions[0], 'zh')).toBe('2026 湖南');
    expect(editionLabel(undefined, 'en')).toBe('');
  });

  it('summarises the active filters in the chosen language', () => {
    expect(filterSummary(base, manifest, 'zh')).toBe('赛道：全部赛道 · 通用动词已停用');
    expect(filterSummary({ ...base, tracks: [1, 3], theme: '隐私计算', genericVerbs: 'kept' }, manifest, 'zh')).toBe(
      '赛道：工业制造、医疗健康 · 主题：隐私计算 · 保留通用动词'
    );
    expect(filterSummary({ ...base, tracks: [1, 2, 3, 4, 5] }, manifest, 'en')).toBe('Tracks: 5 tracks · generic verbs removed');
  });

  it('names a theme’s members when it has them, the first six and how many in all', () => {
    expect(filterSummary({ ...base, theme: '隐私计算' }, manifest, 'zh', ['隐私计算', '联邦学习'])).toBe(
      '赛道：全部赛道 · 主题：隐私计算（隐私计算、联邦学习） · 通用动词已停用'
    );
    const many = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
    expect(themeSummary('碳', many, 'zh')).toBe('主题：碳（a1、a2、a3、a4、a5、a6、…等 8 个）');
    expect(themeSummary('碳', [], 'en')).toBe('Theme: 碳');
  });

  it('names editions, dictionary version and tool in the source line', () => {
    expect(sourceLine(manifest, ['2026-hunan', '2025-fujian-xiamen'], 'zh')).toBe(
      '来源：2026 湖南、2025 福建厦门；词典版本 fixture1；Crosstrack 0.0.0-fixture'
    );
  });
});
