/**
 * The workspace behind the data-management API, driven directly: changes re-analyse and
 * are recorded; undo restores byte-identical files; refusals change nothing; only the
 * changed edition is recomputed; a crash between snapshot and swap is rolled back.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { Workspace } from '../../../../../src/lib/server/workspace/workspace.ts';
import { ApiError } from '../../../../../src/lib/server/workspace/errors.ts';
import type { Upload } from '../../../../../src/lib/server/workspace/upload.ts';
import { makeWorkspace, smallGuide, treeFingerprint } from '../../../../support/workspace.ts';

const upload = (name: string, text: string | Uint8Array, fields: Upload['fields'] = {}): Upload => ({
  name,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
  fields
});

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a workspace with the bundled guides', () => {
  let root: string;
  let ws: Workspace;

  beforeAll(async () => {
    root = makeWorkspace();
    ws = new Workspace(root, true);
    await ws.start();
  }, 120_000);

  test('start writes tables for the files it finds', () => {
    expect(ws.manifest()?.editions.map((e) => e.edition_id)).toEqual(['2025-fujian-xiamen', '2026-hunan']);
    expect(ws.editions().find((e) => e.edition_id === '2026-hunan')).toMatchObject({ tracks: 17, topics: 122, has_bodies: true, encoding: 'utf-8' });
    expect(ws.cache.size).toBe(2);
  });

  test('an upload is stored under a name the server makes, recomputes one edition, and undo restores every byte', async () => {
    const before = treeFingerprint(join(root, 'editions'));
    const dictBefore = treeFingerprint(join(root, 'dict'));
    const manifestBefore = readFileSync(join(root, 'tables/manifest.json'));
    const computed: string[] = [];
    const set = ws.cache.set.bind(ws.cache);
    ws.cache.set = (key, result) => (computed.push(result.edition_id), set(key, result));
    const added = await ws.addEdition(upload('../../etc/passwd 2027 hunan.txt', smallGuide()));
    ws.cache.set = set;

    expect(added).toMatchObject({ edition_id: '2027-hunan', year: 2027, region: '湖南', file: '2027-hunan.txt', tracks: 1, topics: 2 });
    expect(computed).toEqual(['2027-hunan']);
    expect(existsSync(join(root, 'editions/2027-hunan.txt'))).toBe(true);
    const entries = JSON.parse(readFileSync(join(root, 'editions/editions.json'), 'utf8')).editions;
    expect(entries.at(-1)).toMatchObject({ file: '2027-hunan.txt', edition_id: '2027-hunan', year: 2027, region: '湖南' });
    expect(ws.manifest()?.editions).toHaveLength(3);
    expect(ws.steps().at(-1)).toMatchObject({ kind: 'add', subject: '2027-hunan', state: 'done' });

    await ws.undo();
    expect(treeFingerprint(join(root, 'editions'))).toEqual(before);
    expect(treeFingerprint(join(root, 'dict'))).toEqual(dictBefore);
    expect(readFileSync(join(root, 'tables/manifest.json')).equals(manifestBefore)).toBe(true);
    expect(ws.steps().at(-1)).toMatchObject({ state: 'undone' });
    expect((await refusal(ws.undo())).body.code).toBe('api-nothing-to-undo');
  });

  test('the same year and region twice get distinct ids', async () => {
    const a = await ws.addEdition(upload('a.txt', smallGuide('2028年“数据要素×”大赛福建分赛厦门赛区 赛题指南')));
    const b = await ws.addEdition(upload('b.txt', smallGuide('2028年“数据要素×”大赛福建分赛厦门赛区 赛题指南', ['数据标注'])));
    expect([a.edition_id, b.edition_id]).toEqual(['2028-fujian-xiamen', '2028-fujian-xiamen-2']);
    await ws.undo();
    await ws.undo();
    expect(ws.manifest()?.editions).toHaveLength(2);
  });

  test('edit and delete are steps too, undone in reverse order', async () => {
    const original = treeFingerprint(join(root, 'editions'));
    const edited = await ws.editEdition('2025-fujian-xiamen', { title: '厦门赛区赛题列表（修订）', year: 2024 });
    expect(edited).toMatchObject({ title: '厦门赛区赛题列表（修订）', year: 2024 });
    expect(ws.manifest()?.editions.find((e) => e.edition_id === '2025-fujian-xiamen')?.year).toBe(2024);
    await ws.deleteEdition('2025-fujian-xiamen');
    expect(ws.editions().map((e) => e.edition_id)).toEqual(['2026-hunan']);
    expect((await refusal(ws.deleteEdition('2026-hunan'))).body.code).toBe('api-last-edition');
    await ws.undo();
    await ws.undo();
    expect(treeFingerprint(join(root, 'editions'))).toEqual(original);
  });

  test('a dictionary save re-analyses everything; a malformed line is refused naming the line', async () => {
    const terms = ws.readDict('terms').text;
    const version = ws.manifest()!.dictionary_version;
    const bad = await refusal(ws.saveDict('thesaurus', ws.readDict('thesaurus').text + '\n只有一列\n'));
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'dict-bad-line', file: 'dict/thesaurus.tsv' });
    expect(bad.body.line).toBe(ws.readDict('thesaurus').text.split('\n').length + 1);

    const preview = await ws.previewDict('terms', terms + '\n分赛赛题\n');
    expect(preview.passages).toBeGreaterThan(100);
    await ws.saveDict('terms', terms + '\n湖南分赛\n');
    expect(ws.manifest()!.dictionary_version).not.toBe(version);
    await ws.undo();
    expect(ws.readDict('terms').text).toBe(terms);
    expect(ws.manifest()!.dictionary_version).toBe(version);
  });

  test.each([
    ['no tracks', upload('2027 hunan.txt', '这是一份没有赛道的文件。\n只有几行文字。\n')],
    ['a PNG named .txt', upload('2027 hunan.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))],
    ['an empty file', upload('2027 hunan.txt', '')],
    ['a broken Word file', upload('2027 hunan.docx', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]))],
    ['no year anywhere', upload('guide.txt', smallGuide('某地分赛 赛题指南'))]
  ])('%s is refused with a sentence, and the workspace is byte-identical', async (_, file) => {
    const before = treeFingerprint(root);
    const error = await refusal(ws.addEdition(file));
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
    expect(error.body.message).toMatch(/\p{Script=Han}.* \/ .*[A-Za-z]/u);
    expect(treeFingerprint(root)).toEqual(before);
  });
});

describe('crash recovery', () => {
  test('a change recorded but not finished is rolled back at the next start', async () => {
    const root = makeWorkspace();
    const first = new Workspace(root, true);
    await first.start();
    const clean = treeFingerprint(join(root, 'editions'));
    // What a crash after the snapshot and during the file writes leaves behind.
    const path = 'editions/2026-hunan.txt';
    const changed = new TextEncoder().encode('half-written');
    first.history.begin('edit', '2026-hunan', '', new Map([[path, readFileSync(join(root, path))]]), new Map([[path, changed]]));
    writeFileSync(join(root, path), changed);

    const second = new Workspace(root, true);
    await second.start();
    expect(treeFingerprint(join(root, 'editions'))).toEqual(clean);
    expect(second.steps()).toHaveLength(0);
    expect(second.manifest()?.editions).toHaveLength(2);
  });
});
