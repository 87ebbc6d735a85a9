/** Track choices in the URL carried from one edition to another by track name. */
import type { Manifest } from '../../../analysis/contract.ts';
import { trackAcross } from '../compare/editions.ts';
import { trackParamKeys } from './params.ts';

/**
 * A copy of `search` whose track-number view parameters (declared with trackNo()) name the
 * same-named track of edition `to`; a parameter whose track `to` lacks is removed. Values
 * that are not track numbers (another view's key of the same name) are left alone.
 */
export function trackParamsAcross(
  search: URLSearchParams,
  manifest: Pick<Manifest, 'editions'> | null,
  from: string,
  to: string,
  keys: Iterable<string> = trackParamKeys()
): URLSearchParams {
  const out = new URLSearchParams(search);
  for (const key of keys) {
    const raw = out.get(key);
    if (raw === null || !/^[1-9]\d*$/.test(raw)) continue;
    const no = trackAcross(manifest, from, to, Number(raw));
    if (no === null) out.delete(key);
    else out.set(key, String(no));
  }
  return out;
}
