import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATISTICS, usedStatistics, type StatisticKey } from '../../../../src/lib/report/statistics.ts';

// The team's shared reference (not part of the repository: the check runs where it is mounted).
const REFERENCE = ['/work/shared/reference/statistics.md'].find((p) => {
  try {
    return readFileSync(p).length > 0;
  } catch {
    return false;
  }
});

describe('statistics for the methods section', () => {
  it.skipIf(!REFERENCE)('writes every formula exactly as statistics.md does', () => {
    const reference = readFileSync(REFERENCE!, 'utf8');
    for (const [key, s] of Object.entries(STATISTICS)) {
      if (s.formula === null) continue;
      expect(reference, key).toContain(s.formula);
      expect(s.zh, key).toContain(s.formula);
    }
  });

  it('has a Chinese and an English text for each, and lists the used ones once, in a fixed order', () => {
    for (const [key, s] of Object.entries(STATISTICS)) {
      expect(s.zh, key).toMatch(/\p{Script=Han}/u);
      expect(s.en.trim(), key).not.toBe('');
    }
    const used = usedStatistics(['npmi', 'count', 'npmi', 'g2'] as StatisticKey[], 'zh');
    expect(used.map((u) => u.key)).toEqual(['count', 'npmi', 'g2']);
    expect(used[2].name).toBe('显著性 (G²)');
  });
});
