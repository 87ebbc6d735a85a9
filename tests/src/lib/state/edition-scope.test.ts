import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../analysis/contract.ts';
import { editionsNeeded } from '../../../../src/lib/state/edition-scope.ts';
import { memoryFixture } from '../fixture/write.ts';

const HUNAN = '2026-hunan';
const XIAMEN = '2025-fujian-xiamen';

async function scope(routeId: string | null, query = '', params: Record<string, string> = {}, manifest?: Manifest) {
  const m = manifest ?? (await memoryFixture()).manifest;
  return editionsNeeded({ routeId, params, search: new URLSearchParams(query), manifest: m });
}

describe('editionsNeeded', () => {
  it('single-edition pages need the 版本 filter’s edition (the newest by default)', async () => {
    for (const route of ['/', '/terms', '/themes', '/themes/[theme]', '/tracks', '/overlap', '/network', '/manage']) {
      expect(await scope(route), route).toEqual({ editions: [HUNAN], everyEdition: [] });
      expect(await scope(route, `edition=${XIAMEN}`), route).toEqual({ editions: [XIAMEN], everyEdition: [] });
    }
  });

  it('a term page reads the term’s rows of term_stats in every edition, and title tokens when an edition is titles-only', async () => {
    const { manifest } = await memoryFixture();
    const termRows = [{ table: 'term_stats', term: '数据' }];
    expect(await scope('/terms/[term]', '', { term: '数据' }, manifest)).toEqual({ editions: [HUNAN], everyEdition: ['term_topic'], termRows });
    const withBodies = structuredClone(manifest);
    for (const e of withBodies.editions) e.has_bodies = true;
    expect(await scope('/terms/[term]', '', { term: '数据' }, withBodies)).toEqual({ editions: [HUNAN], everyEdition: [], termRows });
    // The kept rates are derived from every edition's term_topic.
    expect(await scope('/terms/[term]', 'verbs=kept', { term: '数据' }, withBodies)).toEqual({ editions: [HUNAN], everyEdition: ['term_topic'], termRows });
  });

  it('a track page needs its own edition and the topics of every edition (near-duplicates name them)', async () => {
    expect(await scope('/tracks/[edition]/[track]', '', { edition: XIAMEN, track: '1' })).toEqual({
      editions: [HUNAN, XIAMEN],
      everyEdition: ['topics'],
      onDemand: ['near_duplicates']
    });
    // The path's edition is the filter's: named once.
    expect(await scope('/tracks/[edition]/[track]', `edition=${HUNAN}`, { edition: HUNAN, track: '8' })).toEqual({
      editions: [HUNAN],
      everyEdition: ['topics'],
      onDemand: ['near_duplicates']
    });
    // An unknown edition in the path adds nothing.
    expect(await scope('/tracks/[edition]/[track]', '', { edition: 'nope', track: '1' })).toEqual({
      editions: [HUNAN],
      everyEdition: ['topics'],
      onDemand: ['near_duplicates']
    });
  });

  it('topic search over every edition needs every edition’s topics and term_topic', async () => {
    expect(await scope('/topics')).toEqual({ editions: [HUNAN], everyEdition: [] });
    expect(await scope('/topics', 'scope=all&q=数据')).toEqual({ editions: [HUNAN], everyEdition: ['topics', 'term_topic'] });
  });

  it('the comparison needs its pair (the default pair when the URL names none)', async () => {
    const need = await scope('/compare', `a=${XIAMEN}&b=${HUNAN}`);
    expect(need !== 'all' && [...need.editions].sort()).toEqual([XIAMEN, HUNAN].sort());
    const byDefault = await scope('/compare');
    expect(byDefault !== 'all' && [...byDefault.editions].sort()).toEqual([XIAMEN, HUNAN].sort());
  });

  it('the SQL console, the report basket and any page not listed read everything', async () => {
    expect(await scope('/sql')).toBe('all');
    expect(await scope('/basket')).toBe('all');
    expect(await scope('/some/new/page')).toBe('all');
    expect(await scope(null)).toBe('all');
  });
});
