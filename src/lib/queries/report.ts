/** What the report basket's Word methods section says about the editions behind its items. */
import { list, sql, toQuery, type Query } from './builder.ts';

export interface EditionSourceRow {
  edition_id: string;
  year: number;
  region: string;
  title: string;
  source: string;
  file: string;
}

/** The editions' titles, sources and files, oldest first. */
export function editionSources(p: { editions: readonly string[] }): Query {
  const ids = p.editions.length ? p.editions : [''];
  return toQuery(sql`
    SELECT edition_id, year, region, title, source, file FROM editions
    WHERE edition_id IN (${list(ids)})
    ORDER BY year, edition_id`);
}
