/**
 * Theme queries on the fixture (rows.ts) and on the real guides, on both engines.
 * Fixture themes: 隐私计算 ⊃ 隐私计算, 联邦学习; 人工智能 ⊃ 模型. 2026-hunan (term_topic):
 *   工业制造 隐私计算 1 (topic 1), 模型 3 (topics 1–2: 2 + 1)   医疗健康 联邦学习 2 (topic 1), 模型 2 (topic 1)
 * 2025-fujian-xiamen: 智慧城市 模型 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { themeTrackHeatmap, type ThemeTrackCell } from '../../../../src/lib/queries/overview.ts';
import {
  memberTrackCells,
  themeIndex,
  themeMembers,
  type MemberTrackCell,
  type ThemeIndexRow,
  type ThemeMemberRow
} from '../../../../src/lib/queries/themes.ts';
import { ENGINES, fixtureConnector } from '../fixture/connect.ts';
import { realConnector } from '../fixture/real.ts';

const HUNAN = '2026-hunan';
const XIAMEN = '2025-fujian-xiamen';
const ATTACK = "'; DROP TABLE themes; --";

describe.each(ENGINES)('theme queries on the fixture (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    db = await fixtureConnector(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('themeIndex lists every theme with members and its figures over the chosen tracks', async () => {
    expect(await db.query<ThemeIndexRow>(themeIndex({ edition: HUNAN, tracks: null }))).toEqual([
      { theme: '人工智能', members: ['模型'], count: 5, tracks: 2, topics: 3 },
      { theme: '隐私计算', members: ['联邦学习', '隐私计算'], count: 3, tracks: 2, topics: 2 }
    ]);
    expect(await db.query<ThemeIndexRow>(themeIndex({ edition: HUNAN, tracks: [2] }))).toEqual([
      { theme: '人工智能', members: ['模型'], count: 0, tracks: 0, topics: 0 },
      { theme: '隐私计算', members: ['联邦学习', '隐私计算'], count: 0, tracks: 0, topics: 0 }
    ]);
    expect((await db.query<ThemeIndexRow>(themeIndex({ edition: ATTACK, tracks: null }))).every((r) => r.count === 0)).toBe(true);
  });

  it('themeMembers lists every member, the ones the edition never uses at 0', async () => {
    expect(await db.query<ThemeMemberRow>(themeMembers({ edition: HUNAN, tracks: null, theme: '隐私计算' }))).toEqual([
      { term: '联邦学习', count: 2, topics: 1, tracks: 1 },
      { term: '隐私计算', count: 1, topics: 1, tracks: 1 }
    ]);
    expect(await db.query<ThemeMemberRow>(themeMembers({ edition: XIAMEN, tracks: null, theme: '隐私计算' }))).toEqual([
      { term: '联邦学习', count: 0, topics: 0, tracks: 0 },
      { term: '隐私计算', count: 0, topics: 0, tracks: 0 }
    ]);
    expect(await db.query(themeMembers({ edition: HUNAN, tracks: null, theme: ATTACK }))).toEqual([]);
  });

  it('memberTrackCells fills member × track, and each track sums to the theme heatmap cell', async () => {
    const cells = await db.query<MemberTrackCell>(memberTrackCells({ edition: HUNAN, tracks: null, theme: '隐私计算' }));
    expect(cells.map((c) => [c.term, c.track_no, c.count, c.topics, c.term_count])).toEqual([
      ['联邦学习', 1, 0, 0, 2], ['联邦学习', 2, 0, 0, 2], ['联邦学习', 3, 2, 1, 2],
      ['隐私计算', 1, 1, 1, 1], ['隐私计算', 2, 0, 0, 1], ['隐私计算', 3, 0, 0, 1]
    ]);
    const model = await db.query<MemberTrackCell>(memberTrackCells({ edition: HUNAN, tracks: [1], theme: '人工智能' }));
    expect(model.map((c) => [c.term, c.track_name, c.count, c.topics])).toEqual([['模型', '工业制造', 3, 2]]);
    for (const theme of ['隐私计算', '人工智能']) {
      const heat = await db.query<ThemeTrackCell>(themeTrackHeatmap({ edition: HUNAN, tracks: null, theme, genericVerbs: 'removed' }));
      const members = await db.query<MemberTrackCell>(memberTrackCells({ edition: HUNAN, tracks: null, theme }));
      for (const h of heat) {
        const sum = members.filter((m) => m.track_no === h.track_no).reduce((n, m) => n + m.count, 0);
        expect(sum, `${theme} × ${h.track_name}`).toBe(h.count);
      }
    }
    expect(await db.query(memberTrackCells({ edition: HUNAN, tracks: null, theme: ATTACK }))).toEqual([]);
  });
});

describe.each(ENGINES)('theme queries on the real guides (%s)', (engine) => {
  let db: LoadableConnector;
  beforeAll(async () => {
    ({ db } = await realConnector(engine));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('for every theme, edition and track the member counts add up to the theme × track heatmap', async () => {
    let cells = 0;
    for (const edition of [HUNAN, XIAMEN]) {
      const heat = await db.query<ThemeTrackCell>(themeTrackHeatmap({ edition, tracks: null, theme: null, genericVerbs: 'removed' }));
      const index = await db.query<ThemeIndexRow>(themeIndex({ edition, tracks: null }));
      for (const theme of index) {
        const members = await db.query<MemberTrackCell>(memberTrackCells({ edition, tracks: null, theme: theme.theme }));
        for (const h of heat.filter((x) => x.theme === theme.theme)) {
          const sum = members.filter((m) => m.track_no === h.track_no).reduce((n, m) => n + m.count, 0);
          expect(sum, `${edition} ${theme.theme} × ${h.track_name}`).toBe(h.count);
          cells++;
        }
        expect(theme.count).toBe(heat.filter((x) => x.theme === theme.theme).reduce((n, x) => n + x.count, 0));
        const listed = await db.query<ThemeMemberRow>(themeMembers({ edition, tracks: null, theme: theme.theme }));
        expect(listed.map((m) => m.term).sort()).toEqual([...theme.members].sort());
      }
    }
    expect(cells).toBeGreaterThan(30 * 17);
  });

  it('隐私计算 in 交通运输 (Hunan track 4) is 4: one token each of four members', async () => {
    const members = await db.query<MemberTrackCell>(memberTrackCells({ edition: HUNAN, tracks: [4], theme: '隐私计算' }));
    expect(members.filter((m) => m.count > 0).map((m) => [m.term, m.count]).sort()).toEqual(
      [['可信执行环境', 1], ['多方安全计算', 1], ['联邦学习', 1], ['隐私计算', 1]].sort()
    );
    const [cell] = await db.query<ThemeTrackCell>(themeTrackHeatmap({ edition: HUNAN, tracks: [4], theme: '隐私计算', genericVerbs: 'removed' }));
    expect(cell.count).toBe(4);
  });
});
