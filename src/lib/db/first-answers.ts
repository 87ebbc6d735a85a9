/**
 * The connector views get before DuckDB-WASM is ready: a query the server has already
 * answered (GET /api/first-answers, src/lib/server/first-answers/) is answered with those
 * rows at once; any other query waits for the engine. When the engine arrives it is attached
 * to the same object, so views holding it (useQuery compares connectors) neither query again
 * nor redraw; from then on every query goes to the engine.
 *
 *   layout load ──► manifest ─┐
 *              └──► /api/first-answers?edition= ─► usable only if its tables' sha256 are the manifest's
 *   view query ──► key (JSON.stringify) answered? ──► rows
 *                        │ no
 *                        ▼
 *                  wait for the engine ──► engine.query
 */
import type { Manifest } from '../../../analysis/contract.ts';
import type { Connector, Query, QueryOptions } from './connector.ts';
import { FIRST_DATA_ID, FIRST_PAINT_ID } from '../first-paint.ts';

/** What the server sends (src/lib/server/first-answers/compute.ts). */
export interface FirstAnswersBody {
  manifest_sha: string | null;
  edition: string | null;
  tables: Record<string, string>;
  answers: { key: string; rows: Record<string, unknown>[] }[];
}

export type AnswerMap = ReadonlyMap<string, readonly Record<string, unknown>[]>;

/** The answers as a map, or null when they were computed from other tables than `manifest` lists. */
export function usableAnswers(body: unknown, manifest: Manifest): AnswerMap | null {
  if (typeof body !== 'object' || body === null) return null;
  const { tables, answers } = body as Partial<FirstAnswersBody>;
  if (typeof tables !== 'object' || tables === null || !Array.isArray(answers) || answers.length === 0) return null;
  const names = Object.keys(tables);
  if (names.length === 0) return null;
  for (const name of names) {
    if (manifest.tables.find((t) => t.name === name)?.sha256 !== tables[name]) return null;
  }
  const map = new Map<string, readonly Record<string, unknown>[]>();
  for (const answer of answers) if (typeof answer?.key === 'string' && Array.isArray(answer.rows)) map.set(answer.key, answer.rows);
  return map;
}

/** Asks the server for the overview's first answers; null (never a throw) when there are none to use. */
export async function fetchFirstAnswers(fetchFn: typeof fetch, basePath: string, edition: string | null, manifest: Promise<Manifest | null>): Promise<AnswerMap | null> {
  try {
    const query = edition === null ? '' : `?${new URLSearchParams({ edition })}`;
    const response = await fetchFn(`${basePath}/api/first-answers${query}`);
    if (!response.ok) return null;
    const [body, current] = await Promise.all([response.json(), manifest]);
    return current ? usableAnswers(body, current) : null;
  } catch {
    return null;
  }
}

/** The HTML's data block (server/first-answers/first-paint.ts), read once; null when absent or unreadable. */
export function readFirstData(doc: Document, id = FIRST_DATA_ID): { manifest: unknown; answers: unknown } | null {
  const block = doc.getElementById(id);
  if (!block?.textContent) return null;
  try {
    const value = JSON.parse(block.textContent) as { manifest?: unknown; answers?: unknown };
    return typeof value === 'object' && value !== null && 'manifest' in value ? { manifest: value.manifest, answers: value.answers ?? null } : null;
  } catch {
    return null;
  } finally {
    block.remove();
  }
}

/** The server's drawings in the HTML's first screen, by the hash of the spec each one draws. */
export function readFirstDrawings(doc: Document): Map<string, string> {
  const drawings = new Map<string, string>();
  for (const chart of doc.querySelectorAll<HTMLElement>(`#${FIRST_PAINT_ID} [data-spec-hash]`)) {
    const hash = chart.dataset.specHash;
    if (hash && chart.querySelector('svg')) drawings.set(hash, chart.innerHTML);
  }
  return drawings;
}

export class AnsweringConnector implements Connector {
  private engine: Connector | null = null;
  private readonly arrived: Promise<Connector>;
  private resolveEngine: (engine: Connector) => void = () => {};

  constructor(private readonly answers: Promise<AnswerMap | null>) {
    this.arrived = new Promise((resolve) => (this.resolveEngine = resolve));
  }

  /** The server's rows for `query` while the engine is not there yet; null otherwise. */
  private async early(query: Query): Promise<readonly Record<string, unknown>[] | null> {
    if (this.engine) return null;
    // Whichever comes first: the answers (maybe none), or the engine.
    const answers = await Promise.race([this.answers, this.arrived.then(() => null)]);
    if (this.engine || !answers) return null;
    return answers.get(JSON.stringify(query)) ?? null;
  }

  async query<T = Record<string, unknown>>(q: Query, options?: QueryOptions): Promise<T[]> {
    const rows = await this.early(q);
    if (rows) return rows.slice() as T[];
    return (this.engine ?? (await this.arrived)).query<T>(q, options);
  }

  /** The engine's connector takes over every query from now on (and the ones waiting). */
  attach(engine: Connector): this {
    this.engine = engine;
    this.resolveEngine(engine);
    return this;
  }

  async close(): Promise<void> {
    await this.engine?.close();
  }
}
