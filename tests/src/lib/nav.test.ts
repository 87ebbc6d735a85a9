import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/messages.ts';
import { EXISTING_ROUTES, matchesRoute, NAV, routeExists, termPath, themePath, trackPath } from '../../../src/lib/nav.ts';

describe('navigation', () => {
  it('lists the ten ui.md items in order, starting with the overview, and 主题 after 词条', () => {
    expect(NAV.map((n) => translate('zh', n.key)).join(' · ')).toBe(
      '总览 · 词条 · 主题 · 赛道 · 跨赛道 · 共现网络 · 版本对比 · 题目检索 · SQL 控制台 · 数据管理 · 报告篮'
    );
    expect(new Set(NAV.map((n) => n.path)).size).toBe(11);
    expect(NAV.some((n) => n.path === '/data')).toBe(false); // /data serves the analysis files
  });

  it('knows which pages exist from the route files', () => {
    expect(routeExists('/')).toBe(true);
    expect(routeExists('/no-such-page')).toBe(false);
    for (const path of EXISTING_ROUTES) expect(path.startsWith('/')).toBe(true);
  });
});

describe('route matching', () => {
  const routes = ['/', '/terms', '/terms/[term]', '/tracks/[edition]/[track]'];
  it('matches concrete paths against dynamic route patterns', () => {
    expect(matchesRoute('/terms/%E6%95%B0%E6%8D%AE', routes)).toBe(true);
    expect(matchesRoute('/tracks/2026-hunan/3', routes)).toBe(true);
    expect(matchesRoute('/tracks/2026-hunan', routes)).toBe(false);
    expect(matchesRoute('/terms/', routes)).toBe(false);
    expect(matchesRoute('/overlap', routes)).toBe(false);
  });

  it('builds term and track paths that survive any term text', () => {
    expect(termPath('数据/要素 #1')).toBe('/terms/%E6%95%B0%E6%8D%AE%2F%E8%A6%81%E7%B4%A0%20%231');
    expect(decodeURIComponent(termPath('可信数据空间').split('/')[2])).toBe('可信数据空间');
    expect(trackPath('2026-hunan', 17)).toBe('/tracks/2026-hunan/17');
    expect(themePath('数据流通/交易')).toBe('/themes/%E6%95%B0%E6%8D%AE%E6%B5%81%E9%80%9A%2F%E4%BA%A4%E6%98%93');
  });
});
