/**
 * Every word the dashboard shows, in 简体中文 and English. Chinese is the default; the
 * English toggle keeps `lang=en` in the URL. Placeholders are `{name}`.
 * Domain words follow /work/shared/reference/ui.md (the 界面用语 table).
 * Each view keeps its words in messages/<view>.ts under its own prefix (term.*, track.*,
 * network.* …); a key defined in two modules fails the i18n test.
 */
import type { Lang } from '../state/filters.ts';
import { SHELL } from './messages/shell.ts';
import { OVERVIEW } from './messages/overview.ts';
import { TERMS } from './messages/terms.ts';
import { TRACKS } from './messages/tracks.ts';
import { OVERLAP } from './messages/overlap.ts';
import { TOPICS } from './messages/topics.ts';
import { NETWORK } from './messages/network.ts';
import { SQL } from './messages/sql.ts';
import { THEMES } from './messages/themes.ts';
import { SCHEMA_ZH } from './messages/schema.ts';
import { COMPARE } from './messages/compare.ts';
import { BASKET } from './messages/basket.ts';
import { MANAGE } from './messages/manage.ts';
import type { TableName } from '../../../analysis/contract.ts';

export type { Message } from './messages/message.ts';
/** The contract's tables and columns in Chinese (English reads analysis/contract.ts). */
export { SCHEMA_ZH };

export const MESSAGE_MODULES = { SHELL, OVERVIEW, TERMS, THEMES, TRACKS, OVERLAP, TOPICS, NETWORK, SQL, COMPARE, BASKET, MANAGE } as const;

export const MESSAGES = {
  ...SHELL,
  ...OVERVIEW,
  ...TERMS,
  ...THEMES,
  ...TRACKS,
  ...OVERLAP,
  ...TOPICS,
  ...NETWORK,
  ...SQL,
  ...COMPARE,
  ...BASKET,
  ...MANAGE
} as const;


export type MessageKey = keyof typeof MESSAGES;
export type MessageVars = Record<string, string | number>;

/** Fills `{name}` placeholders; numbers in zh-CN grouping (12,345). A missing var stays visible. */
export function translate(lang: Lang, key: MessageKey, vars: MessageVars = {}): string {
  const text = MESSAGES[key][lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString('zh-CN') : value;
  });
}

/** A table's name for people: 题目词频 in Chinese, the table's own name (term_topic) in English. */
export function tableLabel(lang: Lang, table: TableName): string {
  return lang === 'zh' ? SCHEMA_ZH[table].name : table;
}
