/**
 * The data-management API over HTTP, on the built server with a temporary workspace: every
 * endpoint, every bad input answered 4xx with a sentence and the workspace byte-identical,
 * undo restoring files exactly, a PDF printed from the Hunan guide reading like the .txt,
 * the tables served from the workspace, and 20 uploads at once leaving a consistent list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, buildZip } from '../fixtures/parse/make-fixtures.ts';
import { printGuidePdf, printPdf, scannedPageHtml } from '../support/print-pdf.ts';
import { HUNAN, makeWorkspace, smallGuide, treeFingerprint } from '../support/workspace.ts';
import { ensureBuild, startServer, type AppServer } from './support.ts';

let server: AppServer;
let root: string;

interface Answer {
  status: number;
  body: Record<string, any>;
  headers: Headers;
}

async function call(path: string, init: RequestInit & { origin?: string | null } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  // Node's fetch sends no Origin; browsers do, and SvelteKit refuses form posts without one.
  if (init.origin !== null && !headers.has('origin')) headers.set('origin', init.origin ?? server.url);
  // A keep-alive socket the server closed while the test was busy (over 5 s) fails once: send again.
  const send = () => fetch(`${server.url}${path}`, { ...init, headers });
  const response = await send().catch((error: Error) => {
    if (!/EPIPE|ECONNRESET|other side closed/.test(String((error.cause as Error | undefined)?.message ?? error.message))) throw error;
    return send();
  });
  const text = await response.text();
  let body: Record<string, any> = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { text };
  }
  return { status: response.status, body, headers: response.headers };
}

function upload(bytes: Uint8Array | string, name: string, fields: Record<string, string> = {}): RequestInit {
  const form = new FormData();
  form.set("file", new Blob([Buffer.from(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes)]), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return { method: 'POST', body: form };
}

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function settled(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { body } = await call('/api/status');
    if (body.queue.state === 'idle' && body.queue.queued === 0 && body.tables) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the workspace never settled');
}

beforeAll(async () => {
  ensureBuild();
  root = makeWorkspace();
  server = await startServer({ workspace: root });
  await settled();
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

describe('reading', () => {
  it('lists the editions with their counts, and serves the workspace tables at /data', async () => {
    const { status, body } = await call('/api/editions');
    expect(status).toBe(200);
    expect(body.editions.map((e: { edition_id: string }) => e.edition_id)).toEqual(['2025-fujian-xiamen', '2026-hunan']);
    expect(body.editions[1]).toMatchObject({ year: 2026, region: '湖南', file: '2026-hunan.txt', tracks: 17, topics: 122, has_bodies: true, encoding: 'utf-8' });

    const manifest = await fetch(`${server.url}/data/manifest.json`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
    const served = await manifest.text();
    expect(served).toBe(readFileSync(join(root, 'tables/manifest.json'), 'utf8'));
    const table = JSON.parse(served).tables.find((t: { name: string }) => t.name === 'terms');
    const arrow = await fetch(`${server.url}/data/${table.file}`, { headers: { 'accept-encoding': 'identity' } });
    expect(arrow.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(Buffer.from(await arrow.arrayBuffer()).equals(readFileSync(join(root, 'tables', table.file)))).toBe(true);
    const again = await fetch(`${server.url}/data/${table.file}`, { headers: { 'if-none-match': arrow.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${server.url}/data/${table.file}`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${server.url}/data/${table.csv}`)).headers.get('content-type')).toMatch(/^text\/csv/);
  });

  it('serves nothing the manifest does not list, and takes no writes at /data', async () => {
    for (const path of ['/data/../editions/editions.json', '/data/%2e%2e%2fdict%2fterms.txt', '/data/nothing.arrow', '/data/.history/log.json']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
    expect((await call('/data/manifest.json', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('gives each dictionary as text, and the status of the queue', async () => {
    const dict = await call('/api/dict/terms');
    expect(dict.body).toMatchObject({ name: 'terms', file: 'terms.txt' });
    expect(dict.body.text).toBe(readFileSync(join(root, 'dict/terms.txt'), 'utf8'));
    const status = await call('/api/status');
    expect(status.body).toMatchObject({ writable: true, token_required: false, queue: { state: 'idle' }, limits: { upload_bytes: 20 * 1024 * 1024 } });
  });
});

describe('changes', () => {
  it('preview reads a guide without saving; POST saves it (201), and undo restores every byte', async () => {
    const before = treeFingerprint(join(root, 'editions'));
    const manifestBefore = readFileSync(join(root, 'tables/manifest.json'));
    const preview = await call('/api/editions/preview', upload(smallGuide(), 'guide.txt'));
    expect(preview.status).toBe(200);
    expect(preview.body.preview).toMatchObject({ format: 'text', encoding: 'utf-8', topics: 2, edition: { edition_id: '2027-hunan', year: 2027, region: '湖南' }, missing: [] });
    expect(preview.body.preview.tracks[0].topics.map((t: { title: string }) => t.title)).toEqual(['可信数据空间建设与运营', '大模型赋能工业质检']);
    expect(treeFingerprint(join(root, 'editions'))).toEqual(before);

    const added = await call('/api/editions', upload(smallGuide(), 'guide.txt', { title: '湖南 2027 测试' }));
    expect(added.status).toBe(201);
    expect(added.body.edition).toMatchObject({ edition_id: '2027-hunan', title: '湖南 2027 测试', file: '2027-hunan.txt', topics: 2 });
    const manifest = await (await fetch(`${server.url}/data/manifest.json`)).json();
    expect(manifest.editions.map((e: { edition_id: string }) => e.edition_id)).toContain('2027-hunan');

    const patched = await call('/api/editions/2027-hunan', json('PATCH', { region: '湖南长沙', year: 2028 }));
    expect(patched.body.edition).toMatchObject({ region: '湖南长沙', year: 2028 });
    const history = await call('/api/history');
    expect(history.body.steps.slice(0, 2).map((s: { kind: string; undoable: boolean }) => [s.kind, s.undoable])).toEqual([
      ['edit', true],
      ['add', false]
    ]);

    expect((await call('/api/history/undo', { method: 'POST' })).body.undone).toMatchObject({ kind: 'edit' });
    expect((await call('/api/history/undo', { method: 'POST' })).body.undone).toMatchObject({ kind: 'add' });
    expect(treeFingerprint(join(root, 'editions'))).toEqual(before);
    expect(readFileSync(join(root, 'tables/manifest.json')).equals(manifestBefore)).toBe(true);
  });

  it('delete removes an edition and its file; undo brings both back', async () => {
    const before = treeFingerprint(join(root, 'editions'));
    const deleted = await call('/api/editions/2025-fujian-xiamen', { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect((await call('/api/editions')).body.editions.map((e: { edition_id: string }) => e.edition_id)).toEqual(['2026-hunan']);
    await call('/api/history/undo', { method: 'POST' });
    expect(treeFingerprint(join(root, 'editions'))).toEqual(before);
  });

  it('a dictionary save re-analyses; its preview shows counts before → after with a passage cut both ways', async () => {
    const text = readFileSync(join(root, 'dict/terms.txt'), 'utf8');
    const preview = await call('/api/dict/terms/preview', json('POST', { text: `${text}\n湖南分赛\n` }));
    expect(preview.status).toBe(200);
    expect(preview.body.preview.passages).toBeGreaterThan(100);
    const saved = await call('/api/dict/terms', json('PUT', { text: `${text}\n湖南分赛\n` }));
    expect(saved.status).toBe(200);
    expect(readFileSync(join(root, 'dict/terms.txt'), 'utf8')).toBe(`${text}\n湖南分赛\n`);
    await call('/api/history/undo', { method: 'POST' });
    expect(readFileSync(join(root, 'dict/terms.txt'), 'utf8')).toBe(text);
  });

  it('a PDF printed from the Hunan guide reads as the same tracks and topics as the .txt', async () => {
    const pdf = await printGuidePdf(HUNAN.toString('utf8').split('\n').filter((l) => l.trim()));
    const fromPdf = await call('/api/editions/preview', upload(pdf, 'hunan.pdf'));
    const fromTxt = await call('/api/editions/preview', upload(HUNAN, 'hunan.txt'));
    expect(fromPdf.status).toBe(200);
    expect(fromPdf.body.preview).toMatchObject({ format: 'pdf', encoding: 'pdf', topics: 122, warnings: [], same_as: null });
    expect(fromPdf.body.preview.tracks).toEqual(fromTxt.body.preview.tracks);
    expect(fromTxt.body.preview.same_as).toBe('2026-hunan');
  });
});

describe('bad input: 4xx with a sentence, the workspace byte-identical', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const bomb = () => buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': new Uint8Array(260 * 1024 * 1024) });
  const cases: [string, () => Promise<RequestInit> | RequestInit, string, number, RegExp?][] = [
    ['an empty file', () => upload('', '2027 hunan.txt'), '/api/editions', 422],
    ['binary bytes', () => upload(new Uint8Array([1, 2, 3, 0, 5, 6, 0, 0]), '2027 hunan.txt'), '/api/editions', 422],
    ['a PNG named .txt', () => upload(png, '2027 hunan.txt'), '/api/editions', 422, /PNG/],
    ['a scanned PDF', async () => upload(await printPdf(scannedPageHtml(['赛道一：工业制造赛道'])), '2027 hunan.pdf'), '/api/editions', 422, /扫描/],
    ['an empty PDF', async () => upload(await printPdf('<p></p>'), '2027 hunan.pdf'), '/api/editions/preview', 422],
    ['a corrupt .docx', () => upload(buildDocx(['赛道一：工业制造赛道']).subarray(0, 120), '2027 hunan.docx'), '/api/editions', 422],
    ['a zip bomb', () => upload(bomb(), '2027 hunan.docx'), '/api/editions', 422, /压缩炸弹/],
    ['a file over 20 MB', () => upload(new Uint8Array(21 * 1024 * 1024).fill(0x41), '2027 hunan.txt'), '/api/editions', 413, /21\.0 MB.*20\.0 MB/],
    ['no tracks', () => upload('2027年湖南分赛\n这里没有赛道，只有一段文字。\n', '2027 hunan.txt'), '/api/editions', 422, /赛道/],
    ['no file field', () => ({ method: 'POST', body: new FormData() }), '/api/editions', 400],
    ['not a form', () => json('POST', { file: 'x' }), '/api/editions', 415],
    ['a bad year', () => upload(smallGuide(), 'g.txt', { year: '20x7' }), '/api/editions', 400, /year/],
    ['an unknown field', () => upload(smallGuide(), 'g.txt', { path: '../../etc' }), '/api/editions', 400, /path/],
    ['PATCH of an unknown edition', () => json('PATCH', { year: 2020 }), '/api/editions/nope', 404],
    ['PATCH with bad JSON', () => ({ method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"year":' }), '/api/editions/2026-hunan', 400],
    ['PATCH with an empty region', () => json('PATCH', { region: '  ' }), '/api/editions/2026-hunan', 400, /region/],
    ['DELETE of an unknown edition', () => ({ method: 'DELETE' }), '/api/editions/nope', 404],
    ['an unknown dictionary', () => json('PUT', { text: 'x' }), '/api/dict/passwd', 404],
    ['a dictionary line with two columns missing', () => json('PUT', { text: '# comment\n数据\t\n' }), '/api/dict/thesaurus', 422, /第 2 行|line 2|dictionary/],
    ['a dictionary body without text', () => json('PUT', { words: [] }), '/api/dict/terms', 400],
    ['a dictionary preview with a bad line', () => json('POST', { text: '数据 要素\n' }), '/api/dict/terms/preview', 422],
    ['a request from another site', () => ({ method: 'POST', headers: { origin: 'http://evil.example' } }), '/api/history/undo', 403]
  ];

  it.each(cases)('%s', async (_, init, path, status, mentions) => {
    const made = await init();
    const before = treeFingerprint(root);
    const answer = await call(path, made);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toMatch(/^[a-z-]+$/);
    expect(answer.body.error.message).toMatch(/\p{Script=Han}.* \/ .*[A-Za-z]/u);
    expect(answer.body.error.message).not.toMatch(/\n\s+at /);
    if (mentions) expect(answer.body.error.message).toMatch(mentions);
    expect(treeFingerprint(root)).toEqual(before);
  });

  it('a malformed dictionary line is named by its line', async () => {
    const answer = await call('/api/dict/thesaurus', json('PUT', { text: '# comment\nAI\t人工智能\n只有一列\n' }));
    expect(answer.body.error).toMatchObject({ code: 'dict-bad-line', file: 'dict/thesaurus.tsv', line: 3 });
  });

  it('undo with nothing left to undo is a 409', async () => {
    const before = treeFingerprint(root);
    while ((await call('/api/history/undo', { method: 'POST' })).status === 200);
    const answer = await call('/api/history/undo', { method: 'POST' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('api-nothing-to-undo');
    expect(treeFingerprint(root)).toEqual(before);
  });
});

describe('20 uploads at once', () => {
  it('each succeeds or fails cleanly, and the edition list holds exactly the 201s', async () => {
    const uploads = Array.from({ length: 20 }, (_, i) =>
      call('/api/editions', upload(smallGuide(`${2030 + (i % 5)}年“数据要素×”大赛湖南分赛 赛题指南`, [`题目甲${i}`, `题目乙${i}`]), `g${i}.txt`))
    );
    const answers = await Promise.all(uploads);
    for (const a of answers) expect([201, 429, 503]).toContain(a.status);
    const created = answers.filter((a) => a.status === 201).map((a) => a.body.edition.edition_id as string);
    expect(new Set(created).size).toBe(created.length);
    expect(created.length).toBeGreaterThan(0);
    const listed = (await call('/api/editions')).body.editions.map((e: { edition_id: string }) => e.edition_id);
    expect([...listed].sort()).toEqual(['2025-fujian-xiamen', '2026-hunan', ...created].sort());
    const manifest = await (await fetch(`${server.url}/data/manifest.json`)).json();
    expect(manifest.editions.map((e: { edition_id: string }) => e.edition_id).sort()).toEqual([...listed].sort());
    const entries = JSON.parse(readFileSync(join(root, 'editions/editions.json'), 'utf8')).editions;
    expect(entries).toHaveLength(listed.length);
  }, 300_000);
});

describe('access', () => {
  it('with CROSSTRACK_TOKEN set, every change needs it and reads do not', async () => {
    const token = 'a-long-enough-test-token-123';
    const guarded = await startServer({ workspace: makeWorkspace(), env: { CROSSTRACK_TOKEN: token } });
    try {
      const post = (headers: Record<string, string>) =>
        fetch(`${guarded.url}/api/editions/preview`, { ...upload(smallGuide(), 'g.txt'), headers: { origin: guarded.url, ...headers } });
      const missing = await post({});
      expect(missing.status).toBe(401);
      expect((await missing.json()).error.code).toBe('api-token-required');
      expect((await post({ authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
      expect((await post({ authorization: `Bearer ${token}` })).status).toBe(200);
      expect((await fetch(`${guarded.url}/api/editions`)).status).toBe(200);
      expect((await (await fetch(`${guarded.url}/api/status`)).json()).token_required).toBe(true);
      const undo = await fetch(`${guarded.url}/api/history/undo`, { method: 'POST', headers: { origin: guarded.url } });
      expect(undo.status).toBe(401);
    } finally {
      await guarded.stop();
    }
  });

  it('read-only: every change is refused', async () => {
    const readOnly = await startServer({ workspace: root, env: { CROSSTRACK_READONLY: '1' } });
    try {
      const answer = await fetch(`${readOnly.url}/api/history/undo`, { method: 'POST', headers: { origin: readOnly.url } });
      expect(answer.status).toBe(403);
      expect((await answer.json()).error.code).toBe('api-read-only');
    } finally {
      await readOnly.stop();
    }
  });

  it('refuses to start open to the network and writable without a token', async () => {
    await expect(startServer({ workspace: root, env: { HOST: '0.0.0.0' } })).rejects.toThrow(/CROSSTRACK_TOKEN/);
    await expect(startServer({ workspace: root, env: { CROSSTRACK_TOKEN: 'short' } })).rejects.toThrow(/16/);
  });
});
