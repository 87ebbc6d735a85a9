/**
 * The navigation bar (ui.md order) and which of its pages exist. A view builder adds
 * `src/routes/<path>/+page.svelte` and its item turns from "即将推出" into a link.
 */
import type { MessageKey } from './i18n/messages.ts';

export interface NavItem {
  key: MessageKey;
  /** Route path without base. */
  path: string;
}

export const NAV: readonly NavItem[] = [
  { key: 'nav.overview', path: '/' },
  { key: 'nav.term', path: '/term' },
  { key: 'nav.track', path: '/track' },
  { key: 'nav.overlap', path: '/overlap' },
  { key: 'nav.network', path: '/network' },
  { key: 'nav.compare', path: '/compare' },
  { key: 'nav.topics', path: '/topics' },
  { key: 'nav.sql', path: '/sql' },
  // Not /data: that folder holds the analysis files the dashboard fetches.
  { key: 'nav.manage', path: '/manage' },
  { key: 'nav.basket', path: '/basket' }
];

/** Route paths that have a page, from the files Vite sees at build time. */
export const EXISTING_ROUTES: ReadonlySet<string> = new Set(
  Object.keys(import.meta.glob('/src/routes/**/+page.svelte')).map(
    (file) =>
      file
        .replace(/^\/src\/routes/, '')
        .replace(/\/\+page\.svelte$/, '')
        .replace(/\/\([^)]+\)/g, '') || '/'
  )
);

export function routeExists(path: string): boolean {
  return EXISTING_ROUTES.has(path);
}
