/**
 * Golden figures of the bundled pair (2025 Xiamen titles-only list → 2026 Hunan guide),
 * computed on demand from the real tables on both engines. The pair spans two regions, so
 * the analysis stage precomputes nothing for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { loadComparison, type ComparisonData } from '../../../../src/lib/compare/source.ts';
import { ENGINES } from '../fixture/connect.ts';
import { realConnector } from '../fixture/real.ts';

const XIAMEN = '2025-fujian-xiamen';
const HUNAN = '2026-hunan';
const tally = (rows: readonly { status: string }[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
};

describe.each(ENGINES)('the bundled pair (%s)', (engine) => {
  let db: LoadableConnector;
  let c: ComparisonData;
  beforeAll(async () => {
    ({ db } = await realConnector(engine));
    c = await loadComparison(db, XIAMEN, HUNAN, 'removed');
  }, 300_000);
  afterAll(() => db?.close());

  it('is computed on demand on the titles basis', async () => {
    expect(c.origin).toBe('computed');
    expect(c.basis).toBe('titles');
    expect(await db.query({ sql: 'SELECT COUNT(*)::INTEGER AS n FROM topic_alignment' })).toEqual([{ n: 0 }]);
  });

  it('aligns the tracks by name: 7 shared, 2 only in Xiamen, 10 only in Hunan', () => {
    expect(tally(c.tracks)).toEqual({ matched: 7, removed: 2, added: 10 });
    expect(c.tracks.filter((r) => r.status === 'removed').map((r) => r.name_a)).toEqual(['文化旅游', '开放性创新']);
    // 科技创新: Xiamen's four topics are Hunan's four (three word for word, one reworded): 2·4 / (4 + 4).
    expect(c.tracks.find((r) => r.name_a === '科技创新')!.similarity).toBe(1);
    const science = c.topics.filter((r) => r.track_b === c.tracks.find((t) => t.name_b === '科技创新')!.track_b);
    expect(tally(science)).toEqual({ matched: 3, reworded: 1 });
  });

  it('finds 7 unchanged and 3 reworded titles; every topic of both lists once', () => {
    expect(tally(c.topics)).toEqual({ matched: 7, reworded: 3, removed: 38, added: 112 });
    const title = (side: 'a' | 'b', track: number | null, topic: number | null) =>
      c.editions[side].topics.find((t) => t.track_no === track && t.topic_no === topic)!.title;
    const reworded = c.topics.filter((r) => r.status === 'reworded').map((r) => [title('a', r.track_a, r.topic_a), title('b', r.track_b, r.topic_b)]);
    expect(reworded).toContainEqual(['鼓励科技数据汇聚共享', '鼓励科学数据汇聚共享']);
    expect(c.topics.filter((r) => r.track_a !== null)).toHaveLength(48);
    expect(c.topics.filter((r) => r.track_b !== null)).toHaveLength(122);
  });

  it('counts terms on titles: 隐私计算 is new, 医疗保障 falls significantly', () => {
    expect(tally(c.terms)).toEqual({ new: 216, dropped: 45, falling: 3, stable: 64 });
    expect(c.terms.find((r) => r.term === '隐私计算')).toMatchObject({ count_a: 0, count_b: 2, status: 'new' });
    const care = c.terms.find((r) => r.term === '医疗保障')!;
    expect(care).toMatchObject({ count_a: 5, count_b: 3, status: 'falling' });
    expect(care.g2).toBeLessThan(-3.84);
  });
});
