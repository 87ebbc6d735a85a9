/**
 * Overview queries on the real analysis output (data/tables): the word cloud's words, the
 * cross-track matrix and the theme heatmap checked against the raw tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TermStatsRow, ThemeTrackRow } from '../../../../analysis/contract.ts';
import { cloudWords, isCloudWord } from '../../../../src/lib/charts/wordcloud.ts';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import type { FilterParams } from '../../../../src/lib/queries/filters.ts';
import {
  cloudTerms,
  crossTrackTerms,
  editionSummary,
  themeTrackHeatmap,
  type CrossTrackCell,
  type EditionSummaryRow,
  type ThemeTrackCell,
  type TopTermRow
} from '../../../../src/lib/queries/overview.ts';
import { realConnector } from '../fixture/real.ts';

const F: FilterParams = { edition: '2026-hunan', tracks: null, theme: null, genericVerbs: 'removed' };

describe('overview queries on the real tables', () => {
  let db: LoadableConnector;
  let verbs: Set<string>;
  beforeAll(async () => {
    ({ db } = await realConnector('node'));
    verbs = new Set((await db.query<{ term: string }>({ sql: 'SELECT term FROM terms WHERE generic_verb' })).map((r) => r.term));
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it('the word cloud holds no punctuation and, while removed, no generic verbs, for the edition and each track', async () => {
    const [{ n }] = await db.query<{ n: number }>({ sql: "SELECT COUNT(*)::INTEGER AS n FROM tracks WHERE edition_id = '2026-hunan'" });
    for (const track of [null, ...Array.from({ length: n }, (_, i) => i + 1)]) {
      const rows = await db.query<TopTermRow>(cloudTerms({ ...F, track, limit: 80 }));
      expect(rows.length, `track ${track}`).toBeGreaterThan(0);
      expect(rows.filter((r) => verbs.has(r.term))).toEqual([]);
      expect(rows.filter((r) => !isCloudWord(r.term))).toEqual([]);
      expect(cloudWords(rows).length).toBe(rows.length);
    }
    const kept = await db.query<TopTermRow>(cloudTerms({ ...F, genericVerbs: 'kept', track: null, limit: 80 }));
    expect(kept.some((r) => verbs.has(r.term))).toBe(true);
  });

  it('ranks the cross-track terms by tracks covered, matching term_stats', async () => {
    const cells = await db.query<CrossTrackCell>(crossTrackTerms({ ...F, limit: 20 }));
    const stats = await db.query<TermStatsRow>({ sql: "SELECT * FROM term_stats WHERE edition_id = '2026-hunan' AND generic_verbs = 'removed'" });
    const terms = [...new Set(cells.map((c) => c.term))];
    expect(terms).toHaveLength(20);
    const spread = terms.map((term) => stats.find((s) => s.term === term)!.tracks);
    expect(spread).toEqual([...spread].sort((a, b) => b - a));
    // No term left out covers more tracks than the last one shown.
    const shown = new Set(terms);
    expect(Math.max(...stats.filter((s) => !shown.has(s.term) && !verbs.has(s.term)).map((s) => s.tracks))).toBeLessThanOrEqual(spread.at(-1)!);
    for (const term of terms) {
      const row = cells.filter((c) => c.term === term);
      expect(row).toHaveLength(17);
      expect(row.reduce((sum, c) => sum + c.count, 0)).toBe(stats.find((s) => s.term === term)!.count);
      expect(row.filter((c) => c.count > 0).length).toBe(row[0].term_tracks);
    }
  });

  it('fills the theme × track heatmap from theme_track', async () => {
    const cells = await db.query<ThemeTrackCell>(themeTrackHeatmap(F));
    const raw = await db.query<ThemeTrackRow>({ sql: "SELECT * FROM theme_track WHERE edition_id = '2026-hunan'" });
    const [{ n }] = await db.query<{ n: number }>({ sql: 'SELECT COUNT(DISTINCT theme)::INTEGER AS n FROM themes' });
    expect(cells).toHaveLength(n * 17);
    for (const r of raw) expect(cells.find((c) => c.theme === r.theme && c.track_no === r.track_no)!.count).toBe(r.count);
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(raw.reduce((s, r) => s + r.count, 0));
  });

  it('counts the distinct terms of each edition', async () => {
    for (const edition of ['2026-hunan', '2025-fujian-xiamen']) {
      const [row] = await db.query<EditionSummaryRow>(editionSummary({ edition, genericVerbs: 'removed' }));
      const [{ n }] = await db.query<{ n: number }>({
        sql: "SELECT COUNT(*)::INTEGER AS n FROM term_stats WHERE edition_id = ? AND generic_verbs = 'removed'",
        params: [edition]
      });
      expect(row.terms).toBe(n);
    }
  });
});
