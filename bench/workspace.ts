/**
 * The data-management round trip on the built server (tsx bench/workspace.ts):
 *   - upload → the edition is in the served tables (POST /api/editions answers 201 only
 *     once /data/manifest.json lists it), on the bundled corpus and on a 200-edition
 *     workspace; goals < 2 s and < 5 s;
 *   - the same seen by an overview already open in Chromium (its tables reloaded in place);
 *   - a dictionary change (everything re-analysed), the Hunan guide as a Chromium-printed
 *     PDF read by the preview, and 20 uploads sent at once.
 * BENCH_WORKSPACE_SIZES (default "2,200") chooses the workspaces: 2 is the bundled corpus.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeedTracks, syntheticEdition, writeSyntheticCorpus } from './corpus.ts';
import { seededRandom } from '../src/lib/random.ts';
import { printGuidePdf } from '../tests/support/print-pdf.ts';
import { ensureBuild, launchBrowser, startServer, type AppServer } from '../tests/e2e/support.ts';

const ROOT = join(import.meta.dirname, '..');
const sizes = (process.env.BENCH_WORKSPACE_SIZES ?? '2,200').split(',').filter(Boolean).map(Number);
const RUNS = 3;
const tracks = loadSeedTracks(ROOT);
const random = seededRandom(9);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function workspace(editions: number): string {
  const root = mkdtempSync(join(tmpdir(), 'crosstrack-bench-ws-'));
  cpSync(join(ROOT, 'data/dict'), join(root, 'dict'), { recursive: true });
  if (editions === 2) cpSync(join(ROOT, 'data/editions'), join(root, 'editions'), { recursive: true });
  else writeSyntheticCorpus(ROOT, join(root, 'editions'), editions);
  return root;
}

function form(text: string | Uint8Array, name: string, fields: Record<string, string>): FormData {
  const data = new FormData();
  data.set('file', new Blob([Buffer.from(typeof text === 'string' ? text : text)]), name);
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function post(server: AppServer, path: string, body: FormData | string, method = 'POST'): Promise<{ status: number; ms: number; body: any }> {
  const started = performance.now();
  const headers: Record<string, string> = { origin: server.url };
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, { method, body, headers });
  const json = await response.json();
  return { status: response.status, ms: performance.now() - started, body: json };
}

async function settle(server: AppServer): Promise<number> {
  const started = performance.now();
  for (;;) {
    const status = await (await fetch(`${server.url}/api/status`)).json();
    if (status.queue.state === 'idle' && status.queue.queued === 0 && status.tables) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
}

let serial = 0;
const newGuide = () => syntheticEdition(tracks, 9000 + ++serial, random);
const fields = () => ({ year: String(2040 + (serial % 50)), region: `基准${serial}` });

async function uploadVisible(server: AppServer): Promise<number> {
  const text = newGuide();
  const started = performance.now();
  const answer = await post(server, '/api/editions', form(text, `bench-${serial}.txt`, fields()));
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  const manifest = await (await fetch(`${server.url}/data/manifest.json`)).json();
  if (!manifest.editions.some((e: { edition_id: string }) => e.edition_id === answer.body.edition.edition_id)) throw new Error('not in the tables');
  return performance.now() - started;
}

/** An overview open in Chromium: time from the upload until its edition picker lists the new edition. */
async function openDashboardSees(server: AppServer): Promise<number> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.facts dd').first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector('[role=status] progress'), null, { timeout: 120_000 });
    const region = `看板${serial + 1}`;
    const started = performance.now();
    const answer = await post(server, '/api/editions', form(newGuide(), 'seen.txt', { ...fields(), region }));
    if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
    await page.waitForFunction((r) => Array.from(document.querySelectorAll(".filterbar select option")).some((o) => o.textContent?.includes(r)), region, { timeout: 120_000 });
    return performance.now() - started;
  } finally {
    await browser.close();
  }
}

ensureBuild();
console.log('Workspace (data management on the built server; goals: upload → in the tables < 2 s bundled, < 5 s with 200 editions)');
console.log('editions | start-up analysis | upload → in tables (median of 3) | open overview shows it | dictionary change | 20 uploads at once');
console.log('---------|-------------------|-----------------------------------|-----------------------|-------------------|-------------------');
for (const n of sizes) {
  const root = workspace(n);
  const server = await startServer({ workspace: root });
  try {
    const warm = await settle(server);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await uploadVisible(server));
    const seen = await openDashboardSees(server);
    const terms = readFileSync(join(root, 'dict/terms.txt'), 'utf8');
    const dict = await post(server, '/api/dict/terms', JSON.stringify({ text: `${terms}\n基准词${n}\n` }), 'PUT');
    const burstStart = performance.now();
    const burst = await Promise.all(Array.from({ length: 20 }, () => post(server, '/api/editions', form(newGuide(), 'burst.txt', fields()))));
    const burstMs = performance.now() - burstStart;
    const created = burst.filter((b) => b.status === 201).length;
    console.log(
      `${String(n).padStart(8)} | ${seconds(warm).padStart(17)} | ${`${seconds(median(times))} (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`.padStart(33)} | ` +
        `${seconds(seen).padStart(21)} | ${seconds(dict.ms).padStart(17)} | ${`${created}×201 in ${seconds(burstMs)}`.padStart(18)}`
    );
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

// PDF: the Hunan guide printed by Chromium (35 pages, 240 embedded font subsets), read by the server's preview.
{
  const root = workspace(2);
  const server = await startServer({ workspace: root });
  try {
    await settle(server);
    const lines = readFileSync(join(ROOT, 'data/editions/2026-hunan.txt'), 'utf8').split('\n').filter((l) => l.trim());
    const pdf = await printGuidePdf(lines);
    const first = await post(server, '/api/editions/preview', form(pdf, 'hunan.pdf', {}));
    const again = await post(server, '/api/editions/preview', form(pdf, 'hunan.pdf', {}));
    const txt = await post(server, '/api/editions/preview', form(readFileSync(join(ROOT, 'data/editions/2026-hunan.txt')), 'hunan.txt', {}));
    const same = JSON.stringify(first.body.preview.tracks) === JSON.stringify(txt.body.preview.tracks);
    console.log();
    console.log(
      `PDF preview (Hunan guide, ${(pdf.length / 1024 / 1024).toFixed(1)} MB): first ${seconds(first.ms)} (loads pdf.js), then ${seconds(again.ms)}; ` +
        `.txt ${seconds(txt.ms)}; ${first.body.preview.tracks.length} tracks, ${first.body.preview.topics} topics, same as the .txt: ${same}`
    );
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
