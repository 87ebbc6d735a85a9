import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n/messages.ts';
import { EXISTING_ROUTES, NAV, routeExists } from '../../../src/lib/nav.ts';

describe('navigation', () => {
  it('lists the ten ui.md items in order, starting with the overview', () => {
    expect(NAV.map((n) => translate('zh', n.key)).join(' · ')).toBe(
      '总览 · 词条 · 赛道 · 跨赛道 · 共现网络 · 版本对比 · 题目检索 · SQL 控制台 · 数据管理 · 报告篮'
    );
    expect(new Set(NAV.map((n) => n.path)).size).toBe(10);
    expect(NAV.some((n) => n.path === '/data')).toBe(false); // /data serves the analysis files
  });

  it('knows which pages exist from the route files', () => {
    expect(routeExists('/')).toBe(true);
    expect(routeExists('/no-such-page')).toBe(false);
    for (const path of EXISTING_ROUTES) expect(path.startsWith('/')).toBe(true);
  });
});
