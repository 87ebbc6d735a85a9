/**
 * The first-answer service: one computation per (tables version, edition), the default
 * edition computed when watching starts and again when the tables change, and answers
 * thrown away when the tables were swapped while they were computed.
 */
import { describe, expect, it } from 'vitest';
import { FirstAnswerService, type AnswerSource } from '../../../../../src/lib/server/first-answers/index.ts';
import { ensureRealData, REAL_DATA } from '../../fixture/real.ts';

function source(): AnswerSource & { version: string; changed: () => void; reads: number } {
  const manifest = ensureRealData();
  const listeners = new Set<() => void>();
  const s = {
    version: 'v1',
    reads: 0,
    paths: { tables: REAL_DATA },
    manifest: () => manifest,
    tablesVersion: () => (s.reads++, s.version),
    subscribeTables: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    changed: () => listeners.forEach((l) => l())
  };
  return s;
}

describe('FirstAnswerService', () => {
  it('computes once per version and edition, and again after the tables change', async () => {
    const src = source();
    const service = new FirstAnswerService(src).watch();
    const first = await service.get(null);
    expect(first.edition).toBe('2026-hunan');
    expect(first.manifest_sha).toBe('v1');
    expect(await service.get('2026-hunan')).toBe(first);
    const xiamen = await service.get('2025-fujian-xiamen');
    expect(xiamen.edition).toBe('2025-fujian-xiamen');
    src.version = 'v2';
    src.changed();
    const second = await service.get(null);
    expect(second).not.toBe(first);
    expect(second.manifest_sha).toBe('v2');
    expect(second.answers).toEqual(first.answers);
    service.stop();
  });

  it("keeps 跨赛道's answers apart from 总览's, and computes both pages' defaults when watching starts", async () => {
    const src = source();
    const service = new FirstAnswerService(src).watch();
    const overview = await service.get(null);
    const overlap = await service.get(null, '/overlap');
    expect(overlap.route).toBe('/overlap');
    expect(overview.route).toBe('/');
    expect(overlap.edition).toBe(overview.edition);
    expect(overlap.answers.map((a) => a.key)).not.toEqual(overview.answers.map((a) => a.key));
    expect(overlap.figures.map((f) => f.recipe)).toEqual(['overlap.heatmap']);
    expect(await service.get('2026-hunan', '/overlap')).toBe(overlap);
    service.stop();
  });

  it('does not hand out answers computed while the tables were swapped', async () => {
    const src = source();
    const service = new FirstAnswerService(src);
    const tablesVersion = src.tablesVersion;
    let calls = 0;
    // The version moves on between the start and the end of the first computation.
    src.tablesVersion = () => (++calls === 2 ? (src.version = 'v3') : tablesVersion());
    const out = await service.get(null);
    expect(out.manifest_sha).toBe('v3');
  });

  it('answers nothing without tables', async () => {
    const service = new FirstAnswerService({ paths: { tables: '/nonexistent' }, manifest: () => null, tablesVersion: () => null, subscribeTables: () => () => {} });
    expect((await service.get(null)).answers).toEqual([]);
  });
});
