import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type Phase, type PipelineEffects } from '../../analysis/pipeline.ts';
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

async function run(inputs: string[], workers: number) {
  const log = { progress: [] as [Phase, number, number][], warnings: [] as Diagnostic[] };
  const sink = createMemorySink();
  const result = await runPipeline({ inputs, dictDir: join(ROOT, 'data/dict'), minPairCount: 2, workers }, effects(log), sink);
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
});
