import { describe, expect, it } from 'vitest';
import { MESSAGES, MESSAGE_MODULES, translate, type MessageKey } from '../../../../src/lib/i18n/messages.ts';

const keys = Object.keys(MESSAGES) as MessageKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;

describe('UI messages', () => {
  it('has non-empty Chinese and English text for every key', () => {
    for (const key of keys) {
      expect(MESSAGES[key].zh.trim(), key).not.toBe('');
      expect(MESSAGES[key].en.trim(), key).not.toBe('');
    }
  });

  it('defines every key in one module only (a spread would silently keep the last)', () => {
    const owners = new Map<string, string[]>();
    for (const [module, words] of Object.entries(MESSAGE_MODULES)) {
      for (const key of Object.keys(words)) owners.set(key, [...(owners.get(key) ?? []), module]);
    }
    expect([...owners].filter(([, modules]) => modules.length > 1)).toEqual([]);
    expect(owners.size).toBe(keys.length);
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keys) expect(placeholders(MESSAGES[key].en), key).toEqual(placeholders(MESSAGES[key].zh));
  });

  it('is not left in Chinese in the English column (except quoted examples)', () => {
    const quotesChinese = new Set<MessageKey>(['app.name', 'filter.genericVerbsHelp', 'app.langToggle']);
    for (const key of keys) {
      if (quotesChinese.has(key)) continue;
      expect(HAN.test(MESSAGES[key].en), `${key}: ${MESSAGES[key].en}`).toBe(false);
    }
  });

  it('uses the ui.md words for the navigation', () => {
    const nav = ['overview', 'term', 'track', 'overlap', 'network', 'compare', 'topics', 'sql', 'manage', 'basket'] as const;
    expect(nav.map((k) => translate('zh', `nav.${k}`))).toEqual([
      '总览', '词条', '赛道', '跨赛道', '共现网络', '版本对比', '题目检索', 'SQL 控制台', '数据管理', '报告篮'
    ]);
  });

  it('fills placeholders, grouping numbers', () => {
    expect(translate('zh', 'status.tableNamed', { table: '词条', done: 3, total: 12 })).toBe('正在加载分析数据：词条（3/12）');
    expect(translate('zh', 'status.table', { table: 'terms', done: 3, total: 12 })).toBe('正在加载分析数据…（3/12）');
    expect(translate('en', 'chart.rows', { n: 12345 })).toBe('12,345 rows');
    expect(translate('zh', 'chart.rows', {})).toBe('共 {n} 行');
  });

  it('tells the user what to do when the data is missing, in words on the page, never a terminal command', () => {
    expect(translate('zh', 'error.manifest-missing')).toContain('请在“数据管理”页添加一份赛题指南');
    for (const key of keys) {
      for (const lang of ['zh', 'en'] as const) {
        expect(MESSAGES[key][lang], `${key} (${lang})`).not.toMatch(/npm |npx |\bnode\b|terminal|终端|命令行/);
      }
    }
  });

  it('describes every table and column of the contract in Chinese', async () => {
    const { TABLES, TABLE_NAMES } = await import('../../../../analysis/contract.ts');
    const { SCHEMA_ZH } = await import('../../../../src/lib/i18n/messages.ts');
    for (const name of TABLE_NAMES) {
      expect(HAN.test(SCHEMA_ZH[name].name), name).toBe(true);
      expect(HAN.test(SCHEMA_ZH[name].doc), name).toBe(true);
      const columns = SCHEMA_ZH[name].columns as Record<string, string>;
      expect(Object.keys(columns).sort(), name).toEqual(Object.keys(TABLES[name].columns).sort());
      for (const [column, doc] of Object.entries(columns)) expect(HAN.test(doc), `${name}.${column}`).toBe(true);
    }
  });
});

describe('data error messages', async () => {
  const { DATA_ERROR_CODES } = await import('../../../../src/lib/db/load.ts');
  it('has a message for every data error code', () => {
    for (const code of DATA_ERROR_CODES) expect(MESSAGES, code).toHaveProperty(`error.${code}`);
  });
});
