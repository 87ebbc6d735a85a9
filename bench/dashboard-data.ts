/**
 * Data for the dashboard benchmark: the bundled analysis output (data/tables) and the
 * 1,000-edition synthetic corpus analysed once into bench/out/analysis-<n>-<hash>/ (the
 * hash covers the corpus generator, the seed guide, the dictionaries and the analysis
 * sources, so a change to any of them re-runs the analysis).
 *
 * The synthetic output is far larger than DuckDB-WASM can hold (a wasm32 heap is at most
 * 4 GB), so it is loaded the way a 1,000-edition dashboard would have to load it: the
 * cross-edition tables whole, the per-edition tables for the editions being viewed; then
 * the rows the files leave out ('kept' variants, cooccurrence) are derived for those editions,
 * as the dashboard derives them on first use, and timed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RecordBatchReader, RecordBatchStreamWriter, type RecordBatch } from 'apache-arrow';
import { MANIFEST_FILE, STORED_TABLE_NAMES, TABLE_NAMES, tableFile, type Manifest, type TableName } from '../analysis/contract.ts';
import { main as analyze } from '../analysis/cli.ts';
import type { LoadableConnector } from '../src/lib/db/connector.ts';
import { DERIVATIONS, loadedEditions, runDerivation } from '../src/lib/db/derive.ts';
import { tableDdl } from '../src/lib/db/schema.ts';
import { writeSyntheticCorpus } from './corpus.ts';

export const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Hash of everything the synthetic analysis output depends on. */
export function inputsHash(editions: number): string {
  const hash = createHash('sha256').update(`editions=${editions}\n`);
  const files = [
    join(ROOT, 'bench/corpus.ts'),
    join(ROOT, 'data/editions/2026-hunan.txt'),
    ...filesUnder(join(ROOT, 'data/dict')),
    ...filesUnder(join(ROOT, 'analysis')).filter((f) => f.endsWith('.ts'))
  ].sort();
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 12);
}

export interface SyntheticOutput {
  dir: string;
  manifest: Manifest;
  reused: boolean;
  /** Analysis time when it ran now. */
  seconds: number;
}

/** The analysed synthetic corpus, from bench/out when its inputs are unchanged. */
export async function syntheticOutput(editions: number, log: (line: string) => void): Promise<SyntheticOutput> {
  const key = `analysis-${editions}-${inputsHash(editions)}`;
  const dir = join(OUT, key);
  const manifestFile = join(dir, MANIFEST_FILE);
  if (existsSync(manifestFile)) {
    return { dir, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')), reused: true, seconds: 0 };
  }
  mkdirSync(OUT, { recursive: true });
  for (const old of readdirSync(OUT).filter((name) => name.startsWith(`analysis-${editions}-`) || name === `corpus-${editions}`)) {
    rmSync(join(OUT, old), { recursive: true, force: true });
  }
  const input = join(OUT, `corpus-${editions}`);
  log(`  analysing the ${editions}-edition synthetic corpus into bench/out/${key} (once; reused while its inputs are unchanged)…`);
  writeSyntheticCorpus(ROOT, input, editions);
  const started = performance.now();
  const code = await analyze([input, '--out', dir, '--dict', join(ROOT, 'data/dict'), '--quiet']);
  if (code !== 0) throw new Error(`analysis of the synthetic corpus exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  // The benchmark reads the Arrow files only; the CSV copies would double the disk use.
  rmSync(join(dir, 'csv'), { recursive: true, force: true });
  rmSync(input, { recursive: true, force: true });
  return { dir, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')), reused: false, seconds };
}

/** Whether the synthetic output for `editions` is already written (and current). */
export function syntheticExists(editions: number): boolean {
  return existsSync(join(OUT, `analysis-${editions}-${inputsHash(editions)}`, MANIFEST_FILE));
}

/** Bytes of each table's Arrow file. */
export function tableSizes(dir: string): Map<TableName, number> {
  return new Map(STORED_TABLE_NAMES.map((name) => [name, existsSync(join(dir, tableFile(name))) ? statSync(join(dir, tableFile(name))).size : 0]));
}

/** Tables whose rows belong to one edition (edition_id first in the key, so an edition's rows are contiguous). */
const PER_EDITION: readonly TableName[] = ['term_topic', 'term_stats'];

/** Rows of one edition set, streamed from a table file without reading it whole. */
async function editionSlice(file: string, editions: ReadonlySet<string>): Promise<{ bytes: Uint8Array; rows: number }> {
  const reader = await RecordBatchReader.from(createReadStream(file));
  const kept: RecordBatch[] = [];
  for await (const batch of reader) {
    const ids = batch.getChild('edition_id')!;
    let start = -1;
    for (let row = 0; row <= batch.numRows; row++) {
      const inside = row < batch.numRows && editions.has(ids.get(row) as string);
      if (inside && start < 0) start = row;
      if (!inside && start >= 0) {
        kept.push(batch.slice(start, row));
        start = -1;
      }
    }
  }
  const bytes = RecordBatchStreamWriter.writeAll(kept).toUint8Array(true);
  return { bytes, rows: kept.reduce((n, b) => n + b.numRows, 0) };
}

export interface LoadedTable {
  name: TableName;
  bytes: number;
  rows: number;
  whole: boolean;
}

export interface DerivedRows {
  /** The derivation: 'term_track', 'track_overlap', 'kept' (the 'kept' rows of those and term_stats) or 'cooccurrence'. */
  name: string;
  /** Milliseconds the derivation took for the loaded editions. */
  ms: number;
  editions: number;
}

/**
 * Creates every table and fills it from `dir`: whole, or — for the big per-edition tables
 * when `editions` is given — only those editions' rows.
 */
export async function loadOutput(
  db: LoadableConnector,
  dir: string,
  manifest: Manifest,
  editions?: ReadonlySet<string>,
  /** Editions to derive the rows the files leave out for (default: the loaded ones). */
  deriveFor?: readonly string[]
): Promise<{ loaded: LoadedTable[]; derived: DerivedRows[] }> {
  const loaded: LoadedTable[] = [];
  for (const name of TABLE_NAMES) await db.query({ sql: tableDdl(name) });
  for (const table of manifest.tables) {
    if (table.rows === 0) continue;
    const file = join(dir, table.file);
    if (editions && PER_EDITION.includes(table.name)) {
      const slice = await editionSlice(file, editions);
      await db.insertArrow(table.name, slice.bytes);
      loaded.push({ name: table.name, bytes: slice.bytes.length, rows: slice.rows, whole: false });
    } else {
      const bytes = new Uint8Array(readFileSync(file));
      await db.insertArrow(table.name, bytes);
      loaded.push({ name: table.name, bytes: bytes.length, rows: table.rows, whole: true });
    }
  }
  const ids = deriveFor ?? (editions ? [...editions] : await loadedEditions(db));
  const derived: DerivedRows[] = [];
  for (const derivation of DERIVATIONS) {
    const started = performance.now();
    await runDerivation(db, derivation, ids, { minPairCount: manifest.options.min_pair_count });
    derived.push({ name: derivation.name, ms: performance.now() - started, editions: ids.length });
  }
  return { loaded, derived };
}
