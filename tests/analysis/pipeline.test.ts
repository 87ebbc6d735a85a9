import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type EditionCache, type Phase, type PipelineEffects } from '../../analysis/pipeline.ts';
import type { EditionResult } from '../../analysis/parallel/edition-job.ts';
import { createMemorySink } from '../../analysis/write/sink.ts';
import type { Diagnostic } from '../../analysis/model.ts';
import { writeSyntheticCorpus } from '../../bench/corpus.ts';

const ROOT = join(import.meta.dirname, '../..');

function effects(log: { progress: [Phase, number, number][]; warnings: Diagnostic[] }): PipelineEffects {
  return {
    stat: (p) => {
      try {
        return statSync(p).isDirectory() ? 'dir' : 'file';
      } catch {
        return null;
      }
    },
    listDir: (p) => readdirSync(p),
    readFile: async (p) => new Uint8Array(readFileSync(p)),
    joinPath: join,
    dirName: dirname,
    baseName: basename,
    progress: (phase, done, total) => log.progress.push([phase, done, total]),
    warn: (d) => log.warnings.push(d)
  };
}

async function run(inputs: string[], workers: number, more: { cache?: EditionCache; dictDir?: string } = {}) {
  const log = { progress: [] as [Phase, number, number][], warnings: [] as Diagnostic[] };
  const sink = createMemorySink();
  const options = { inputs, dictDir: more.dictDir ?? join(ROOT, 'data/dict'), minPairCount: 2, workers, cache: more.cache };
  const result = await runPipeline(options, effects(log), sink);
  return { ...result, files: sink.files, log };
}

describe('pipeline', () => {
  let corpus: string;
  beforeAll(() => {
    corpus = join(mkdtempSync(join(tmpdir(), 'crosstrack-pipeline-')), 'editions');
    writeSyntheticCorpus(ROOT, corpus, 9, 7);
  });

  it('writes the same bytes with worker threads as in-process', async () => {
    const inProcess = await run([corpus], 0);
    const threaded = await run([corpus], 2);
    expect([...threaded.files.keys()].sort()).toEqual([...inProcess.files.keys()].sort());
    for (const [file, bytes] of inProcess.files) {
      expect(Buffer.compare(Buffer.from(threaded.files.get(file)!), Buffer.from(bytes)), file).toBe(0);
    }
    expect(inProcess.manifest.summary.editions).toBe(9);
  });

  it('reports progress for every edition in order and every table', async () => {
    const { log, manifest } = await run([join(ROOT, 'data/editions')], 0);
    const segment = log.progress.filter(([phase]) => phase === 'segment').map(([, done]) => done);
    expect(segment).toEqual([1, 2]);
    expect(log.progress.filter(([phase]) => phase === 'write').length).toBe(manifest.tables.length);
  });

  it('records inputs, dictionaries and tables in the manifest without clock time', async () => {
    const { manifest, files } = await run([join(ROOT, 'data/editions')], 0);
    expect(manifest.inputs.map((i) => i.file)).toEqual(['2025-fujian-xiamen.txt', '2026-hunan.txt']);
    expect(Object.keys(manifest.dictionaries).sort()).toEqual(
      ['generic-verbs.txt', 'stopwords.txt', 'terms.txt', 'themes.tsv', 'thesaurus.tsv'].sort()
    );
    expect(manifest.dictionary_version).toMatch(/^[0-9a-f]{12}$/);
    const text = new TextDecoder().decode(files.get('manifest.json'));
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT/);
    const hunan = manifest.editions.find((e) => e.edition_id === '2026-hunan')!;
    expect(hunan.tracks.map((t) => t.topics)).toEqual([5, 12, 3, 14, 12, 4, 4, 5, 4, 6, 15, 5, 8, 7, 5, 6, 7]);
    expect(hunan.has_bodies).toBe(true);
    expect(manifest.editions.find((e) => e.edition_id === '2025-fujian-xiamen')!.has_bodies).toBe(false);
  });

  it('with a cache, adding one edition computes that edition alone and writes the same bytes as a full run', async () => {
    const store = new Map<string, EditionResult>();
    const computed: string[] = [];
    const cache: EditionCache = { get: (k) => store.get(k), set: (k, r) => (computed.push(r.edition_id), store.set(k, r)) };
    const folder = join(mkdtempSync(join(tmpdir(), 'crosstrack-cache-')), 'editions');
    cpSync(corpus, folder, { recursive: true });
    const added = readdirSync(folder).find((n) => n.endsWith('.txt'))!;
    const addedBytes = readFileSync(join(folder, added));
    rmSync(join(folder, added));

    await run([folder], 0, { cache });
    expect(computed).toHaveLength(8);
    computed.length = 0;
    writeFileSync(join(folder, added), addedBytes);
    const incremental = await run([folder], 0, { cache });
    expect(computed).toEqual([incremental.manifest.inputs.find((i) => i.file === added)!.edition_id]);
    const full = await run([folder], 0);
    expect([...incremental.files.keys()].sort()).toEqual([...full.files.keys()].sort());
    for (const [file, bytes] of full.files) expect(Buffer.compare(Buffer.from(incremental.files.get(file)!), Buffer.from(bytes)), file).toBe(0);

    // Another dictionary is another key for every edition.
    computed.length = 0;
    const dictDir = mkdtempSync(join(tmpdir(), 'crosstrack-cache-dict-'));
    cpSync(join(ROOT, 'data/dict'), dictDir, { recursive: true });
    writeFileSync(join(dictDir, 'terms.txt'), readFileSync(join(dictDir, 'terms.txt'), 'utf8') + '\n合成分赛\n');
    await run([folder], 0, { cache, dictDir });
    expect(computed).toHaveLength(9);
  });
});
