import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cooccurrence, csvFile, tableFile } from '../../../analysis/contract.ts';
import { createMemorySink } from '../../../analysis/write/sink.ts';
import { createTableWriter } from '../../../analysis/write/table-writer.ts';
import { sha256Hex } from '../../../analysis/hash.ts';

const rowA = {
  edition_id: '2026-hunan',
  term_a: '大模型',
  term_b: '智能体',
  topics: 3,
  sentences: 2,
  jaccard: 0.25,
  association_strength: 1.5,
  npmi: 0.1,
  sentence_jaccard: 0.2,
  sentence_association_strength: 2,
  sentence_npmi: 0.3
};
const rowB = { ...rowA, term_b: '隐私计算', sentences: 0, sentence_jaccard: null, sentence_association_strength: null, sentence_npmi: null };

describe('table writer', () => {
  it('writes Arrow IPC that reads back to the same rows, across several batches', async () => {
    const sink = createMemorySink();
    const writer = createTableWriter(cooccurrence, sink);
    writer.append([rowA]);
    writer.append([]);
    writer.append([rowB]);
    const meta = writer.finish();
    const table = tableFromIPC(sink.files.get(tableFile('cooccurrence'))!);
    expect(table.numRows).toBe(2);
    expect(table.schema.fields.map((f) => f.name)).toEqual(Object.keys(cooccurrence.columns));
    expect(table.toArray().map((r) => r.toJSON())).toEqual([rowA, rowB]);
    expect(meta.rows).toBe(2);
    expect(meta.sha256).toBe(sha256Hex(sink.files.get(tableFile('cooccurrence'))!));
    expect(meta.columns.find((c) => c.name === 'sentence_npmi')).toEqual({ name: 'sentence_npmi', type: 'float', nullable: true });
  });

  it('writes the CSV copy with a BOM, a header and empty cells for nulls', async () => {
    const sink = createMemorySink();
    const writer = createTableWriter(cooccurrence, sink);
    writer.append([rowB]);
    writer.finish();
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(sink.files.get(csvFile('cooccurrence'))!);
    expect(csv.startsWith('\uFEFFedition_id,term_a,term_b,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('2026-hunan,大模型,隐私计算,3,0,0.25,1.5,0.1,,,');
  });

  it('still writes the schema for an empty table', async () => {
    const sink = createMemorySink();
    const meta = createTableWriter(cooccurrence, sink).finish();
    const table = tableFromIPC(sink.files.get(tableFile('cooccurrence'))!);
    expect(meta.rows).toBe(0);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.length).toBe(Object.keys(cooccurrence.columns).length);
  });

  it('writes the same bytes for the same rows', async () => {
    const bytes = async () => {
      const sink = createMemorySink();
      const w = createTableWriter(cooccurrence, sink);
      w.append([rowA, rowB]);
      w.finish();
      return sink.files.get(tableFile('cooccurrence'))!;
    };
    expect(Buffer.compare(await bytes(), await bytes())).toBe(0);
  });
});

describe('Arrow string encoding', () => {
  it('round-trips long, short, astral and empty strings', async () => {
    const { topics } = await import('../../../analysis/contract.ts');
    const long = '聚焦产品研发环节，汇聚用户使用数据、运行工况及售后反馈等多源信息，构建产品性能衰退模型与用户需求画像。'.repeat(3);
    const rows = ['', 'a', '数据', '𠀋𠀌 CJK Ext-B', long, 'é ü ß'].map((title, i) => ({
      edition_id: 'e',
      track_no: 1,
      track_name: '工业制造',
      topic_no: i + 1,
      printed_no: i % 2 ? null : i,
      title,
      body: long + title,
      line: i,
      chars: title.length
    }));
    const sink = createMemorySink();
    const writer = createTableWriter(topics, sink);
    writer.append(rows);
    writer.finish();
    const table = tableFromIPC(sink.files.get('topics.arrow')!);
    expect(table.toArray().map((r) => r.toJSON())).toEqual(rows);
  });
});
