/**
 * The server's first answers to 总览 (GET /api/first-answers?edition=ID, and in its HTML) and
 * to the other pages of FIRST_ROUTES (in their HTML): computed once per (tables version, page,
 * edition) and kept in memory, the default edition's for every page right after the server
 * starts and again whenever the workspace's tables change, so no visitor waits for them.
 *
 *   tables version v, page r, edition e ──► cache hit? ──► answers
 *        │ miss
 *        ▼
 *   compute.ts (Node DuckDB, only e's rows) ──► tables version still v? ──► cached, answered
 *                                                  │ no (swapped meanwhile): computed again
 */
import type { Manifest } from '../../../../analysis/contract.ts';
import { parseFilters } from '../../state/filters.ts';
import { computeFirstAnswers, type FirstAnswers } from './compute.ts';
import { FIRST_ROUTES, type FirstRoute } from './queries.ts';

export type { FirstAnswers } from './compute.ts';

/** What the service needs of the workspace (Workspace satisfies it). */
export interface AnswerSource {
  readonly paths: { tables: string };
  manifest(): Manifest | null;
  tablesVersion(): string | null;
  subscribeTables(listener: () => void): () => void;
}

/** (page, edition) answers kept per tables version (the defaults are always among them once asked). */
const KEPT_EDITIONS = 8;
const ATTEMPTS = 3;

const empty = (route: FirstRoute): FirstAnswers => ({ manifest_sha: null, route, edition: null, tables: {}, answers: [], omitted: [], figures: [] });

export class FirstAnswerService {
  private readonly cache = new Map<string, Promise<FirstAnswers>>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly source: AnswerSource) {}

  /** Computes the default edition's answers now and after every change of the tables. */
  watch(): this {
    this.unsubscribe ??= this.source.subscribeTables(() => this.warm());
    this.warm();
    return this;
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** One page after the other: two at once would share the same two cores for no earlier answer. */
  private warm(): void {
    const report = (error: unknown) => console.error(`首屏数据计算失败 / first answers failed: ${String(error)}`);
    void FIRST_ROUTES.reduce<Promise<unknown>>((previous, route) => previous.then(() => this.get(null, route).catch(report)), Promise.resolve());
  }

  /** The answers of `route` for `?edition=<raw>` (absent or unknown: the edition the page opens with). */
  async get(rawEdition: string | null, route: FirstRoute = '/'): Promise<FirstAnswers> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const version = this.source.tablesVersion();
      const manifest = this.source.manifest();
      if (!manifest || version === null) return empty(route);
      const edition = parseFilters(new URLSearchParams(rawEdition === null ? '' : { edition: rawEdition }), manifest).edition;
      if (!edition) return empty(route);
      const key = `${version}:${route}:${edition}`;
      let pending = this.cache.get(key);
      if (!pending) {
        pending = computeFirstAnswers(this.source.paths.tables, manifest, edition, version, route);
        this.remember(key, pending);
      }
      const answers = await pending.catch((error: unknown) => {
        this.cache.delete(key);
        throw error;
      });
      // Tables swapped while the files were read: the rows may mix two versions.
      if (this.source.tablesVersion() === version) return answers;
      this.cache.delete(key);
    }
    return empty(route);
  }

  private remember(key: string, pending: Promise<FirstAnswers>): void {
    const version = key.slice(0, key.indexOf(':'));
    for (const old of [...this.cache.keys()]) if (!old.startsWith(`${version}:`)) this.cache.delete(old);
    this.cache.set(key, pending);
    while (this.cache.size > KEPT_EDITIONS) this.cache.delete(this.cache.keys().next().value!);
  }
}

let service: FirstAnswerService | null = null;

/** The process's one service over the workspace; started (watching) by hooks.server.ts. */
export function firstAnswers(source: AnswerSource): FirstAnswerService {
  service ??= new FirstAnswerService(source);
  return service;
}
