/**
 * The report basket's items as data: each is a recipe id plus the view state it was added
 * with (the page's path and query), its export size, caption and note. Items are numbered
 * in order per kind (图 1、图 2 … / 表 1 …). The basket is stored in localStorage and
 * travels in share links; both are read as hostile input (bounded, validated, the rest
 * dropped). Pure: no DOM, no runes.
 */
import { formatSize, parseSize } from '../export/size.ts';

export interface BasketItem {
  id: string;
  recipe: string;
  /** Page path without the app's base, e.g. /terms/%E6%95%B0%E6%8D%AE. */
  path: string;
  /** The page's query string without '?', e.g. edition=2026-hunan&cloud=3. */
  search: string;
  /** formatSize() of the chosen export size. */
  size: string;
  /** '' = the item's own title. */
  caption: string;
  note: string;
}

export const LIMITS = { items: 60, recipe: 64, path: 400, search: 2000, caption: 300, note: 2000, shareChars: 60_000 } as const;

let counter = 0;
/** Unique enough within one basket; crypto.randomUUID needs a secure context, intranet http is not one. */
export function newItemId(): string {
  counter = (counter + 1) % 1_000_000;
  return `${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}

const LOCAL_PATH = /^\/(?:[\w\-.~%!'()*]+\/?)*$/;

const text = (value: unknown, max: number): string | null => (typeof value === 'string' && value.length <= max ? value : null);

/** One item from untrusted JSON, or null when it does not hold together. */
export function readItem(raw: unknown): BasketItem | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const recipe = text(r.recipe, LIMITS.recipe);
  const path = text(r.path, LIMITS.path);
  const search = text(r.search ?? '', LIMITS.search);
  // A local path only (/terms/%E6%95%B0): no scheme, host, '//' or backslash, which browsers read as '/'.
  if (!recipe || !/^[\w.-]+$/.test(recipe) || path === null || !LOCAL_PATH.test(path) || path.includes('//') || search === null) return null;
  return {
    id: text(r.id, 64) ?? newItemId(),
    recipe,
    path,
    search: search.replace(/^\?/, ''),
    size: formatSize(parseSize(r.size)),
    caption: (text(r.caption ?? '', LIMITS.caption) ?? '').trim(),
    note: text(r.note ?? '', LIMITS.note) ?? ''
  };
}

export function readItems(raw: unknown): BasketItem[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const items: BasketItem[] = [];
  for (const entry of raw.slice(0, LIMITS.items)) {
    const item = readItem(entry);
    if (!item) continue;
    if (seen.has(item.id)) item.id = newItemId();
    seen.add(item.id);
    items.push(item);
  }
  return items;
}

/** localStorage text → items; anything unreadable is an empty basket. */
export function parseStored(json: string | null): BasketItem[] {
  if (!json) return [];
  try {
    const data = JSON.parse(json) as { version?: unknown; items?: unknown };
    return data?.version === 1 ? readItems(data.items) : [];
  } catch {
    return [];
  }
}

export const storedText = (items: readonly BasketItem[]) => JSON.stringify({ version: 1, items });

export function moveItem(items: readonly BasketItem[], id: string, delta: number): BasketItem[] {
  const from = items.findIndex((i) => i.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved);
  return out;
}

export function updateItem(items: readonly BasketItem[], id: string, changes: Partial<Pick<BasketItem, 'caption' | 'note' | 'size'>>): BasketItem[] {
  return items.map((i) =>
    i.id === id
      ? {
          ...i,
          ...(changes.caption !== undefined ? { caption: changes.caption.slice(0, LIMITS.caption) } : {}),
          ...(changes.note !== undefined ? { note: changes.note.slice(0, LIMITS.note) } : {}),
          ...(changes.size !== undefined ? { size: formatSize(parseSize(changes.size)) } : {})
        }
      : i
  );
}

export type ItemKind = 'chart' | 'table';

/** 图 n / 表 n for each item, counted per kind in basket order (unknown recipes get none). */
export function itemNumbers(items: readonly BasketItem[], kindOf: (recipe: string) => ItemKind | null): (null | { kind: ItemKind; n: number })[] {
  const next = { chart: 0, table: 0 };
  return items.map((i) => {
    const kind = kindOf(i.recipe);
    return kind ? { kind, n: ++next[kind] } : null;
  });
}

// ── share links: #b=<base64url of deflate-raw(JSON)> ───────────────────────────────

type Packed = [recipe: string, path: string, search: string, size: string, caption: string, note: string];

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    // A zip bomb in a link stops here.
    if (total > limit) {
      await reader.cancel();
      throw new Error('share link too large');
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const SHARE_PREFIX = '1.';
const MAX_SHARE_JSON = 512 * 1024;

/** The hash value (after `#b=`) that rebuilds these items; ids are left out. */
export async function encodeShare(items: readonly BasketItem[]): Promise<string> {
  const packed: Packed[] = items.map((i) => [i.recipe, i.path, i.search, i.size, i.caption, i.note]);
  const json = new TextEncoder().encode(JSON.stringify(packed));
  return SHARE_PREFIX + toBase64Url(await through(json, new CompressionStream('deflate-raw'), MAX_SHARE_JSON * 4));
}

/** Items from a share link's hash value; throws (with a reason) when it cannot be read. */
export async function decodeShare(value: string): Promise<BasketItem[]> {
  if (value.length > LIMITS.shareChars || !value.startsWith(SHARE_PREFIX)) throw new Error('not a basket link');
  const json = await through(fromBase64Url(value.slice(SHARE_PREFIX.length)), new DecompressionStream('deflate-raw'), MAX_SHARE_JSON);
  const packed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as unknown;
  if (!Array.isArray(packed)) throw new Error('not a basket link');
  return readItems(
    packed.map((p) => (Array.isArray(p) ? { recipe: p[0], path: p[1], search: p[2], size: p[3], caption: p[4], note: p[5] } : null))
  );
}

/** The share value in a URL hash (`#b=…`), or null. */
export function shareFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('b');
  return value && value.trim() !== '' ? value.trim() : null;
}
