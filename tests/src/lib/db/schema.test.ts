import { describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES } from '../../../../analysis/contract.ts';
import { createTableSql, schemaSql, tableDdl } from '../../../../src/lib/db/schema.ts';
import { openNodeConnector } from '../../../../src/lib/db/node.ts';

describe('schema DDL', () => {
  it('maps contract types and nullability to DuckDB columns', () => {
    const ddl = tableDdl('topics');
    expect(ddl).toContain('CREATE OR REPLACE TABLE "topics"');
    expect(ddl).toContain('"edition_id" VARCHAR NOT NULL');
    expect(ddl).toContain('"track_no" INTEGER NOT NULL');
    expect(ddl).toContain('"printed_no" INTEGER,'); // nullable: no NOT NULL
    expect(tableDdl('term_track')).toContain('"per10k" DOUBLE NOT NULL');
    expect(tableDdl('editions')).toContain('"has_bodies" BOOLEAN NOT NULL');
    expect(tableDdl('cooccurrence')).toMatch(/"sentence_npmi" DOUBLE\n\)/);
  });

  it('creates every contract table with the contract columns in order', async () => {
    const db = await openNodeConnector();
    try {
      for (const sql of schemaSql()) await db.query({ sql });
      const cols = await db.query<{ table_name: string; column_name: string; data_type: string; is_nullable: boolean }>({
        sql: 'SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() ORDER BY table_name, column_index'
      });
      expect(schemaSql()).toHaveLength(TABLE_NAMES.length);
      for (const name of TABLE_NAMES) {
        const found = cols.filter((c) => c.table_name === name);
        const spec = Object.entries(TABLES[name].columns);
        expect(found.map((c) => c.column_name)).toEqual(spec.map(([n]) => n));
        expect(found.map((c) => c.is_nullable)).toEqual(spec.map(([, c]) => c.nullable));
        const types: Record<string, string> = { string: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE', bool: 'BOOLEAN' };
        expect(found.map((c) => c.data_type)).toEqual(spec.map(([, c]) => types[c.type]));
      }
    } finally {
      await db.close();
    }
  });

  it('escapes quotes in identifiers', () => {
    const sql = createTableSql({ name: 'a"b', doc: '', key: [], columns: { 'x"y': { type: 'int', nullable: true, doc: '' } } });
    expect(sql).toContain('"a""b"');
    expect(sql).toContain('"x""y" INTEGER');
  });
});
