/**
 * CREATE TABLE statements generated from the contract, so both engines hold exactly
 * the columns and types analysis/contract.ts names. Relative import (not $analysis)
 * so Node scripts run through tsx can use this module too.
 */
import { TABLES, type ColumnType, type TableName, type TableSpec } from '../../../analysis/contract.ts';

export const SQL_TYPES: Record<ColumnType, string> = {
  string: 'VARCHAR',
  int: 'INTEGER',
  float: 'DOUBLE',
  bool: 'BOOLEAN'
};

/** Double-quotes an identifier. Only for names from the contract or a fixed whitelist. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function columnDefinitions(spec: TableSpec): string[] {
  return Object.entries(spec.columns).map(
    ([name, c]) => `${quoteIdent(name)} ${SQL_TYPES[c.type]}${c.nullable ? '' : ' NOT NULL'}`
  );
}

/** CREATE OR REPLACE so loading fresh analysis output into the same database starts clean. */
export function createTableSql(spec: TableSpec): string {
  return `CREATE OR REPLACE TABLE ${quoteIdent(spec.name)} (\n  ${columnDefinitions(spec).join(',\n  ')}\n)`;
}

export function tableDdl(name: TableName): string {
  return createTableSql(TABLES[name]);
}

/** Every contract table, in contract order. */
export function schemaSql(): string[] {
  return (Object.keys(TABLES) as TableName[]).map(tableDdl);
}
