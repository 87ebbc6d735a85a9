/**
 * A short fingerprint of a vega-lite spec (its JSON, data included): the server draws 总览's
 * first charts ahead of the page, and the page shows such a drawing only for the very spec
 * it is about to draw itself. FNV-1a over the UTF-16 code units, twice with different seeds.
 */
import type { TopLevelSpec } from 'vega-lite';

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function specHash(spec: TopLevelSpec): string {
  const json = JSON.stringify(spec);
  return `${fnv1a(json, 0x811c9dc5)}${fnv1a(json, 0x050c5d1f)}${json.length.toString(16)}`;
}
