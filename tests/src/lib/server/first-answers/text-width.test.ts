/** Label widths from the bundled font: a Chinese character is 1 em, Latin and digits narrower, 0 for nothing. */
import { describe, expect, it, vi } from 'vitest';
import { bundledFontWidths } from '../../../../../src/lib/server/first-answers/text-width.ts';

describe('bundled font widths', () => {
  const width = bundledFontWidths()!;
  it('measures Chinese at 1 em and scales with the font size', () => {
    expect(width({ fontSize: 12 }, '数据')).toBeCloseTo(24, 5);
    expect(width({ fontSize: 15 }, '人工智能')).toBeCloseTo(60, 5);
    expect(width({ text: '数据' })).toBeCloseTo(22, 5); // vega's default 11 px
  });
  it('measures Latin and digits narrower than a character each, and nothing as 0', () => {
    const digits = width({ fontSize: 12 }, '170');
    expect(digits).toBeGreaterThan(12);
    expect(digits).toBeLessThan(36);
    expect(width({ fontSize: 12 }, '')).toBe(0);
    expect(width({ fontSize: 0 }, '数据')).toBe(0);
  });
  it('says so, naming the file, and returns null for a font it cannot read', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(bundledFontWidths('/no/such/font.otf')).toBeNull();
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/图表字体 \/no\/such\/font\.otf 无法读取.*could not be read/);
    logged.mockRestore();
  });
});
