/**
 * Typed per-view URL parameters. A view declares its parameters once:
 *
 *   export const termView = defineParams({ term: text(), metric: oneOf(['count', 'per10k'], 'count'), top: int(30, 5, 200) });
 *   const p = termView.parse(page.url.searchParams);   // { term: string; metric: 'count' | 'per10k'; top: number }
 *   const search = termView.write(page.url.searchParams, { top: 50 });
 *
 * Values equal to their default are left out of the URL; bad values read as the default.
 * The global keys (edition, tracks, theme, verbs, lang, vocab, rank) and `was` are reserved.
 */
import { GLOBAL_KEYS, WAS_KEY } from './filters.ts';

export interface ParamCodec<T> {
  readonly fallback: T;
  /** 'track': a track number of the current edition, carried to another edition by name. */
  readonly kind?: 'track';
  /** Never throws: anything unreadable becomes the fallback. */
  parse(raw: string | null): T;
  /** null = leave the key out (the value is the default). */
  format(value: T): string | null;
}

const same = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

function codec<T>(fallback: T, parse: (raw: string) => T | undefined, format: (value: T) => string): ParamCodec<T> {
  return {
    fallback,
    parse: (raw) => (raw === null ? fallback : (parse(raw) ?? fallback)),
    format: (value) => (same(value, fallback) ? null : format(value))
  };
}

export const text = (fallback = ''): ParamCodec<string> => codec(fallback, (raw) => raw, (v) => v);

export const int = (fallback: number, min = -Infinity, max = Infinity): ParamCodec<number> =>
  codec(
    fallback,
    (raw) => {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : undefined;
    },
    String
  );

export const oneOf = <const V extends readonly string[]>(values: V, fallback: V[number]): ParamCodec<V[number]> =>
  codec(fallback, (raw) => (values.includes(raw) ? (raw as V[number]) : undefined), (v) => v);

export const bool = (fallback: boolean): ParamCodec<boolean> =>
  codec(fallback, (raw) => (raw === '1' ? true : raw === '0' ? false : undefined), (v) => (v ? '1' : '0'));

/**
 * A track number of the current edition (0 = none). When the 版本 filter changes,
 * AppState.setFilters carries it to the same-named track of the new edition (or drops it),
 * so a track choice never silently means another track.
 */
export const trackNo = (): ParamCodec<number> => ({ ...int(0, 0), kind: 'track' });

const TRACK_KEYS = new Set<string>();
/** URL keys some view declared with trackNo(). */
export const trackParamKeys = (): ReadonlySet<string> => TRACK_KEYS;

/** Comma-separated integers, e.g. track numbers. */
export const intList = (fallback: number[] = []): ParamCodec<number[]> =>
  codec(
    fallback,
    (raw) => (raw === '' ? [] : raw.split(',').map(Number).filter(Number.isInteger)),
    (v) => v.join(',')
  );

/** Texts joined with '|', which no term or theme contains. */
export const textList = (fallback: string[] = []): ParamCodec<string[]> =>
  codec(fallback, (raw) => (raw === '' ? [] : raw.split('|')), (v) => v.join('|'));

type Schema = Record<string, ParamCodec<unknown>>;
export type ParamValues<S extends Schema> = { [K in keyof S]: S[K] extends ParamCodec<infer T> ? T : never };

export interface ViewParams<S extends Schema> {
  readonly schema: S;
  parse(search: URLSearchParams): ParamValues<S>;
  /** A copy of `search` with `changes` applied (other keys, like the global filters, kept). */
  write(search: URLSearchParams, changes: Partial<ParamValues<S>>): URLSearchParams;
}

export function defineParams<S extends Schema>(schema: S): ViewParams<S> {
  for (const key of Object.keys(schema)) {
    if (GLOBAL_KEYS.includes(key) || key === WAS_KEY) throw new Error(`URL key "${key}" is reserved for the global filters`);
    if (schema[key].kind === 'track') TRACK_KEYS.add(key);
  }
  return {
    schema,
    parse(search) {
      const out: Record<string, unknown> = {};
      for (const [key, c] of Object.entries(schema)) out[key] = c.parse(search.get(key));
      return out as ParamValues<S>;
    },
    write(search, changes) {
      const out = new URLSearchParams(search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        const formatted = schema[key].format(value);
        if (formatted === null) out.delete(key);
        else out.set(key, formatted);
      }
      return out;
    }
  };
}
