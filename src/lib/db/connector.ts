/**
 * The one seam between views and DuckDB (after Mosaic's connectors): views call
 * query functions that take a Connector and never see which engine answers.
 *
 * Parameters are positional `?` placeholders in both engines. Values from the URL or
 * a form always travel in `params`; nothing a user typed is pasted into SQL text.
 */

/** A value bound to a `?` placeholder. Lists are spread into one `?` per item (see queries/builder.ts). */
export type SqlParam = string | number | boolean | null;

export interface Query {
  sql: string;
  params?: readonly SqlParam[];
}

export interface QueryOptions {
  /**
   * Cancels the running statement when aborted: the engine stops it and the promise rejects
   * with QueryCancelled. A query with a signal must be exactly one statement (the engine
   * refuses more), which the SQL console relies on.
   */
  signal?: AbortSignal;
}

/** The query was stopped through its signal (the SQL console's 取消 button, or its time budget). */
export class QueryCancelled extends Error {
  constructor() {
    super('query cancelled');
    this.name = 'QueryCancelled';
  }
}

export interface Connector {
  /**
   * Runs one statement (several, separated by `;`, when there are no params and no signal)
   * and returns the last result as plain objects: BIGINT/HUGEINT become numbers, lists
   * become arrays.
   */
  query<T = Record<string, unknown>>(q: Query, options?: QueryOptions): Promise<T[]>;
  close(): Promise<void>;
}

/** A connector that can also fill a table created from schema.ts. Only the loader uses this. */
export interface LoadableConnector extends Connector {
  /** Appends an Arrow IPC stream to an existing table whose columns match in order. */
  insertArrow(table: string, bytes: Uint8Array): Promise<void>;
}
