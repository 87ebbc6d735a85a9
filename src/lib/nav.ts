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
  { key: 'nav.term', path: '/terms' },
  { key: 'nav.themes', path: '/themes' },
  { key: 'nav.track', path: '/tracks' },
  { key: 'nav.overlap', path: '/overlap' },
  { key: 'nav.network', path: '/network' },
  { key: 'nav.compare', path: '/compare' },
  { key: 'nav.topics', path: '/topics' },
  { key: 'nav.sql', path: '/sql' },
  // Not /data: that folder holds the analysis files the dashboard fetches.
  { key: 'nav.manage', path: '/manage' },
  { key: 'nav.basket', path: '/basket' }
];

/** Route patterns that have a page (e.g. '/terms/[term]'), from the files Vite sees at build time. */
export const EXISTING_ROUTES: ReadonlySet<string> = new Set(
  Object.keys(import.meta.glob('/src/routes/**/+page.svelte')).map(
    (file) =>
      file
        .replace(/^\/src\/routes/, '')
        .replace(/\/\+page\.svelte$/, '')
        .replace(/\/\([^)]+\)/g, '') || '/'
  )
);

/** Whether a concrete path ('/terms/数据') matches one of the route patterns. */
export function matchesRoute(path: string, routes: Iterable<string>): boolean {
  const parts = path.split('/');
  for (const route of routes) {
    const pattern = route.split('/');
    if (pattern.length !== parts.length) continue;
    if (pattern.every((segment, i) => /^\[[^\]]+\]$/.test(segment) ? parts[i] !== '' : segment === parts[i])) return true;
  }
  return false;
}

export function routeExists(path: string): boolean {
  return matchesRoute(path, EXISTING_ROUTES);
}

/** Page of one term: /terms/<term>. */
export function termPath(term: string): string {
  return `/terms/${encodeURIComponent(term)}`;
}

/** Page of one track of one edition: /tracks/<edition>/<track_no>. */
export function trackPath(editionId: string, trackNo: number): string {
  return `/tracks/${encodeURIComponent(editionId)}/${trackNo}`;
}

/** Page of one theme: /themes/<theme>. */
export function themePath(theme: string): string {
  return `/themes/${encodeURIComponent(theme)}`;
}
