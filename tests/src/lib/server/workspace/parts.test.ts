/** The workspace's small parts: the queue's order and bound, ids from regions, a zip's declared size, field checks. */
import { describe, expect, test } from 'vitest';
import { TaskQueue } from '../../../../../src/lib/server/workspace/queue.ts';
import { ApiError } from '../../../../../src/lib/server/workspace/errors.ts';
import { newEditionId, readFields, regionSlug } from '../../../../../src/lib/server/workspace/editions.ts';
import { cleanName, declaredZipSize } from '../../../../../src/lib/server/workspace/upload.ts';
import { buildZip } from '../../../../fixtures/parse/make-fixtures.ts';

describe('TaskQueue', () => {
  test('runs one task at a time, in order, and refuses past its bound with 429', async () => {
    const queue = new TaskQueue(2);
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = queue.run('a', '', async () => {
      log.push('a start');
      await gate;
      log.push('a end');
    });
    await new Promise((r) => setTimeout(r, 0));
    const second = queue.run('b', '', async () => void log.push('b'));
    const third = queue.run('c', '', async () => void log.push('c'));
    expect(() => queue.run('d', '', async () => {})).toThrow(ApiError);
    try {
      queue.run('d', '', async () => {});
    } catch (error) {
      expect((error as ApiError).status).toBe(429);
      expect((error as ApiError).body.code).toBe('api-busy');
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(queue.status()).toMatchObject({ state: 'running', task: { kind: 'a' }, queued: 2 });
    release();
    await Promise.all([first, second, third]);
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
    expect(queue.status()).toMatchObject({ state: 'idle', queued: 0 });
  });

  test('a failing task does not stop the ones behind it', async () => {
    const queue = new TaskQueue(4);
    const failed = queue.run('x', '', async () => {
      throw new Error('boom');
    });
    const next = queue.run('y', '', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});

describe('edition ids and names', () => {
  test.each([
    ['湖南', 'hunan'],
    ['福建厦门', 'fujian-xiamen'],
    ['湖南省', 'hunan'],
    ['内蒙古', 'neimenggu'],
    ['Shenzhen 2', 'shenzhen-2'],
    ['某地', 'edition'],
    ['../../etc', 'etc']
  ])('%s → %s', (region, slug) => expect(regionSlug(region)).toBe(slug));

  test('ids are made unique with -2, -3', () => {
    expect(newEditionId(2027, '湖南', new Set())).toBe('2027-hunan');
    expect(newEditionId(2027, '湖南', new Set(['2027-hunan', '2027-hunan-2']))).toBe('2027-hunan-3');
  });

  test('a client file name is only ever a name for messages', () => {
    expect(cleanName('../../etc/passwd')).toBe('passwd');
    expect(cleanName('C:\\Users\\x\\指南.pdf')).toBe('指南.pdf');
    expect(cleanName('\u0000')).toBe('upload');
  });
});

describe('fields', () => {
  test('year, region and title are checked, naming the field', () => {
    expect(readFields({ year: '2027', region: ' 湖南 ', title: '' }, { allowEmpty: true })).toEqual({ year: 2027, region: '湖南' });
    for (const [raw, field] of [
      [{ year: 1800 }, 'year'],
      [{ region: 'a'.repeat(41) }, 'region'],
      [{ title: '第一行\n第二行' }, 'title'],
      [{ region: '湖南/长沙' }, 'region']
    ] as const) {
      try {
        readFields(raw, { allowEmpty: false });
        throw new Error('accepted');
      } catch (error) {
        expect((error as ApiError).body.message).toContain(field);
      }
    }
    expect(() => readFields({ file: 'x' }, { allowEmpty: false })).toThrow(/file/);
  });
});

describe('declaredZipSize', () => {
  test('sums what the zip directory declares, without inflating', () => {
    const zip = buildZip({ a: new Uint8Array(1000), b: 'hello' });
    expect(declaredZipSize(zip)).toBe(1005);
    expect(declaredZipSize(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBe(Infinity);
  });
});
