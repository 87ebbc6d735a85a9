import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../analysis/hash.ts';
import { createDirSink, createMemorySink, type OutputSink } from '../../../analysis/write/sink.ts';

const sinks: [string, () => { sink: OutputSink; read: (file: string) => Uint8Array }][] = [
  ['memory', () => {
    const sink = createMemorySink();
    return { sink, read: (file) => sink.files.get(file)! };
  }],
  ['folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosstrack-sink-'));
    return { sink: createDirSink(dir), read: (file) => new Uint8Array(readFileSync(join(dir, file))) };
  }]
];

describe.each(sinks)('%s sink', (_, make) => {
  it('hashes and counts exactly the bytes written, strings as UTF-8', () => {
    const { sink, read } = make();
    const out = sink.open('sub/table.arrow');
    out.write('赛道\n');
    out.write(new Uint8Array([1, 2, 3]));
    const written = out.close();
    const bytes = read('sub/table.arrow');
    expect([...bytes]).toEqual([...new TextEncoder().encode('赛道\n'), 1, 2, 3]);
    expect(written).toEqual({ file: 'sub/table.arrow', sha256: sha256Hex(bytes), bytes: bytes.length });
  });

  it('writes the same bytes but reports no hash when asked not to hash', () => {
    const { sink, read } = make();
    const out = sink.open('copy.csv', { hash: false });
    out.write('a,b\r\n');
    expect(out.close()).toEqual({ file: 'copy.csv', sha256: null, bytes: 5 });
    expect(new TextDecoder().decode(read('copy.csv'))).toBe('a,b\r\n');
  });
});
