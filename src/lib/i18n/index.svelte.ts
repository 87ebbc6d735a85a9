/**
 * `t(key, vars)` for components: the language comes from the page URL (`lang=en`), so it
 * is reactive everywhere and shared links keep it. Pure code uses `translate(lang, …)`.
 */
import { page } from '$app/state';
import { parseLang, type Lang } from '../state/filters.ts';
import { translate, type MessageKey, type MessageVars } from './messages.ts';

export { translate, type MessageKey, type MessageVars };

export function currentLang(): Lang {
  return parseLang(page.url.searchParams);
}

export function t(key: MessageKey, vars?: MessageVars): string {
  return translate(currentLang(), key, vars);
}
