/**
 * The server's workspace: what the data-management API reads and changes.
 *
 *   change (add / edit / delete / dictionary / undo)
 *     │  queued: one at a time (queue.ts)
 *     ▼
 *   managed files + the change, in memory ──► re-analysis into a folder beside tables/
 *     │  (cached editions reused; a failure here changes nothing and answers 4xx)
 *     ▼
 *   history step 'pending' (snapshots) ──► files written ──► tables/ swapped ──► step 'done'
 *     ▼
 *   subscribers told the tables changed (the open dashboards reload them)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, type Manifest } from '../../../../analysis/contract.ts';
import { compareSegmenters } from '../../../../analysis/preview.ts';
import { createSegmenter } from '../../../../analysis/segment/index.ts';
import { sha256Hex } from '../../../../analysis/hash.ts';
import { analyseFiles, dictionariesOf, keepSegmenterLoaded, readEditions } from './analysis.ts';
import { createEditionCache } from './cache.ts';
import {
  FORMAT_EXTENSION,
  findEntry,
  newEditionId,
  parseEditionsJson,
  serializeEditions,
  withChangedEntry,
  withEntry,
  withoutEntry,
  type EditionFields
} from './editions.ts';
import { fromAnalysis, refuse } from './errors.ts';
import { applyFileChanges, DICT_NAMES, displayPath, EDITIONS_JSON, readManagedFiles, workspacePaths, type FileSet, type WorkspacePaths } from './files.ts';
import { History, sha256, type HistoryStep, type StepKind } from './history.ts';
import { UPLOAD_LIMITS } from './limits.ts';
import { TaskQueue, type TaskProgress } from './queue.ts';
import { guideFormat } from '../../../../analysis/parse/index.ts';
import { checkInflatedSize, previewUpload, type Upload, type UploadPreview } from './upload.ts';

/** The five dictionaries by their API name. */
export const DICTIONARIES: Record<string, string> = {
  terms: 'terms.txt',
  stopwords: 'stopwords.txt',
  'generic-verbs': 'generic-verbs.txt',
  thesaurus: 'thesaurus.tsv',
  themes: 'themes.tsv'
};

export interface EditionInfo {
  edition_id: string;
  year: number;
  region: string;
  title: string;
  file: string;
  encoding: string;
  bytes: number;
  sha256: string;
  tracks: number;
  topics: number;
  has_bodies: boolean;
  source: string;
  notes: string;
  warnings: { code: string; message: string; line: number | null; page: number | null }[];
}

export type Writes = Map<string, Uint8Array | null>;

const encoder = new TextEncoder();

export class Workspace {
  readonly paths: WorkspacePaths;
  readonly queue = new TaskQueue(UPLOAD_LIMITS.queuedChanges);
  readonly cache = createEditionCache();
  readonly history: History;
  private readonly tableListeners = new Set<(version: string | null) => void>();
  private manifestCache: { stamp: string; manifest: Manifest; version: string } | null = null;

  constructor(
    root: string,
    readonly writable: boolean
  ) {
    this.paths = workspacePaths(root);
    this.history = new History(this.paths.history, UPLOAD_LIMITS.historySteps);
  }

  /** Rolls back a change a crash interrupted, then re-analyses in the background so tables/ matches the files. */
  start(): Promise<void> {
    if (this.writable) this.history.recover((files) => applyFileChanges(this.paths, files));
    return this.queue.run('refresh', '', (report) => this.refresh(report)).catch((error: unknown) => {
      const refusal = fromAnalysis(error);
      console.error(`工作区分析失败 / workspace analysis failed: ${refusal ? refusal.body.message : String(error)}`);
    });
  }

  private async refresh(report: (p: TaskProgress) => void): Promise<void> {
    const files = readManagedFiles(this.paths);
    if (![...files.keys()].some((p) => p.startsWith('editions/') && p !== EDITIONS_JSON)) return;
    const staged = await this.analyse(files, report);
    keepSegmenterLoaded(this.paths, files);
    const current = this.manifest();
    if (!this.writable || (current && JSON.stringify(current) === JSON.stringify(staged.manifest))) return staged.discard();
    staged.commit();
    this.tablesChanged();
  }

  // ── reading ────────────────────────────────────────────────────
  /** The current tables' manifest (re-read when the file changes, e.g. after `npm run analyze`). */
  manifest(): Manifest | null {
    return this.currentTables()?.manifest ?? null;
  }

  /** Short hash of the current manifest: changes whenever the tables do. */
  tablesVersion(): string | null {
    return this.currentTables()?.version ?? null;
  }

  private currentTables() {
    const path = join(this.paths.tables, MANIFEST_FILE);
    if (!existsSync(path)) return null;
    const stat = statSync(path);
    const stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    if (this.manifestCache?.stamp !== stamp) {
      const bytes = readFileSync(path);
      this.manifestCache = { stamp, manifest: JSON.parse(bytes.toString('utf8')) as Manifest, version: sha256Hex(bytes).slice(0, 16) };
    }
    return this.manifestCache;
  }

  editions(): EditionInfo[] {
    const manifest = this.manifest();
    if (!manifest) return [];
    const json = join(this.paths.root, EDITIONS_JSON);
    const entries = this.editionsJson(new Map(existsSync(json) ? [[EDITIONS_JSON, new Uint8Array(readFileSync(json))]] : []));
    return manifest.editions.map((e) => {
      const input = manifest.inputs.find((i) => i.edition_id === e.edition_id);
      const entry = findEntry(entries, e.edition_id);
      const warnings = manifest.warnings.filter((w) => w.file.split('/').pop() === e.file);
      return {
        edition_id: e.edition_id,
        year: e.year,
        region: e.region,
        title: e.title,
        file: e.file,
        encoding: input?.encoding ?? '',
        bytes: input?.bytes ?? 0,
        sha256: input?.sha256 ?? '',
        tracks: e.tracks.length,
        topics: e.topics,
        has_bodies: e.has_bodies,
        source: typeof entry?.source === 'string' ? entry.source : '',
        notes: typeof entry?.notes === 'string' ? entry.notes : '',
        warnings: warnings.map((w) => ({ code: w.code, message: w.message, line: w.line, page: (w as { page?: number | null }).page ?? null }))
      };
    });
  }

  readDict(name: string): { name: string; file: string; text: string } {
    const file = this.dictFile(name);
    const bytes = readManagedFiles(this.paths).get(`dict/${file}`);
    if (!bytes) throw refuse(404, 'api-no-workspace', { path: displayPath(this.paths.root), missing: `dict/${file}` });
    return { name, file, text: new TextDecoder().decode(bytes) };
  }

  steps(): readonly HistoryStep[] {
    return this.history.steps();
  }

  subscribeTables(listener: (version: string | null) => void): () => void {
    this.tableListeners.add(listener);
    return () => this.tableListeners.delete(listener);
  }

  private tablesChanged(): void {
    const version = this.tablesVersion();
    for (const listener of this.tableListeners) listener(version);
  }

  // ── previews (nothing saved) ───────────────────────────────────
  previewUpload(upload: Upload): Promise<UploadPreview> {
    const taken = this.takenIds(readManagedFiles(this.paths));
    const inputs = this.manifest()?.inputs ?? [];
    const sameAs = (hash: string) => inputs.find((i) => i.sha256 === hash)?.edition_id ?? null;
    return previewUpload(upload, (year, region) => newEditionId(year, region, taken), sameAs).catch((error: unknown) => {
      throw fromAnalysis(error) ?? error;
    });
  }

  /** Which term counts the edited dictionary would move, with a passage cut both ways; runs in the queue (it reloads nodejieba). */
  previewDict(name: string, text: string) {
    const file = this.dictFile(name);
    return this.queue.run('dict-preview', name, async () => {
      const files = readManagedFiles(this.paths);
      const edited = new Map(files).set(`dict/${file}`, encoder.encode(text));
      try {
        const after = dictionariesOf(this.paths, edited);
        const before = dictionariesOf(this.paths, files);
        const editions = await readEditions(this.paths, files);
        // `after` is created last, so its dictionary is the one loaded when the comparison starts.
        const result = compareSegmenters(createSegmenter(before), createSegmenter(after), editions, 20);
        return { name, passages: result.passages, total: result.changes.length, changes: result.changes.slice(0, 200) };
      } catch (error) {
        throw this.refusal(error);
      }
    });
  }

  // ── changes ────────────────────────────────────────────────────
  addEdition(upload: Upload) {
    this.mustBeWritable();
    checkInflatedSize(upload);
    return this.queue.run('add', upload.name, async (report) => {
      const files = readManagedFiles(this.paths);
      const preview = await this.previewUpload(upload);
      if (preview.edition.year === null) throw refuse(422, 'api-year-needed', {}, { file: upload.name });
      if (preview.edition.region === '') throw refuse(422, 'api-region-needed', {}, { file: upload.name });
      const id = newEditionId(preview.edition.year, preview.edition.region, this.takenIds(files));
      const stored = `${id}${FORMAT_EXTENSION[guideFormat(upload.bytes)]}`;
      const entry = {
        file: stored,
        edition_id: id,
        year: preview.edition.year,
        region: preview.edition.region,
        title: preview.edition.title,
        source: `数据管理页上传 / uploaded in 数据管理: ${upload.name}`,
        notes: ''
      };
      const writes: Writes = new Map([
        [`editions/${stored}`, upload.bytes],
        [EDITIONS_JSON, serializeEditions(withEntry(this.editionsJson(files), entry))]
      ]);
      await this.apply('add', id, upload.name, files, writes, report);
      return this.edition(id);
    });
  }

  editEdition(id: string, fields: EditionFields) {
    this.mustBeWritable();
    return this.queue.run('edit', id, async (report) => {
      const files = readManagedFiles(this.paths);
      const current = this.edition(id);
      const changed = Object.entries(fields).filter(([k, v]) => current[k as keyof EditionFields] !== v);
      if (changed.length === 0) return current;
      const fallback = { file: current.file, edition_id: id, year: current.year, region: current.region, title: current.title };
      const writes: Writes = new Map([[EDITIONS_JSON, serializeEditions(withChangedEntry(this.editionsJson(files), id, fields, fallback))]]);
      await this.apply('edit', id, changed.map(([k]) => k).join('、'), files, writes, report);
      return this.edition(id);
    });
  }

  deleteEdition(id: string) {
    this.mustBeWritable();
    return this.queue.run('delete', id, async (report) => {
      const files = readManagedFiles(this.paths);
      const current = this.edition(id);
      if (this.editions().length <= 1) throw refuse(409, 'api-last-edition');
      const writes: Writes = new Map([[`editions/${current.file}`, null]]);
      const data = this.editionsJson(files);
      if (findEntry(data, id)) writes.set(EDITIONS_JSON, serializeEditions(withoutEntry(data, id)));
      await this.apply('delete', id, current.title, files, writes, report);
      return current;
    });
  }

  saveDict(name: string, text: string) {
    this.mustBeWritable();
    const file = this.dictFile(name);
    return this.queue.run('dict', name, async (report) => {
      const files = readManagedFiles(this.paths);
      const bytes = encoder.encode(text);
      const old = files.get(`dict/${file}`);
      if (!old || Buffer.compare(Buffer.from(old), Buffer.from(bytes)) !== 0) {
        await this.apply('dict', name, file, files, new Map([[`dict/${file}`, bytes]]), report);
      }
      return this.readDict(name);
    });
  }

  undo() {
    this.mustBeWritable();
    return this.queue.run('undo', '', async (report) => {
      const step = this.history.lastUndoable();
      if (!step) throw refuse(409, 'api-nothing-to-undo');
      const files = readManagedFiles(this.paths);
      for (const change of step.changes) {
        const now = files.get(change.path);
        if ((now ? sha256(now) : null) !== change.after) {
          throw refuse(409, 'api-undo-conflict', { step: `${step.kind} ${step.subject}`, step_en: `${step.kind} ${step.subject}`, file: change.path });
        }
      }
      const writes = this.history.restoreOf(step);
      const staged = await this.analyse(overlay(files, writes), report);
      this.history.beginUndo(step);
      try {
        applyFileChanges(this.paths, writes);
        staged.commit();
      } catch (error) {
        applyFileChanges(this.paths, new Map(step.changes.map((c) => [c.path, c.after === null ? null : this.history.blob(c.after)])));
        this.history.cancelUndo(step);
        staged.discard();
        throw error;
      }
      this.history.finishUndo(step);
      this.tablesChanged();
      return step;
    });
  }

  // ── helpers ────────────────────────────────────────────────────
  /** Analyses the files with the change laid over them; only then snapshots, writes and swaps. */
  private async apply(kind: StepKind, subject: string, detail: string, files: FileSet, writes: Writes, report: (p: TaskProgress) => void): Promise<void> {
    const staged = await this.analyse(overlay(files, writes), report);
    const before: Writes = new Map([...writes.keys()].map((path) => [path, files.get(path) ?? null]));
    let step: HistoryStep;
    try {
      step = this.history.begin(kind, subject, detail, before, writes);
    } catch (error) {
      staged.discard();
      throw error;
    }
    try {
      applyFileChanges(this.paths, writes);
      staged.commit();
    } catch (error) {
      applyFileChanges(this.paths, before);
      this.history.abandon(step);
      staged.discard();
      throw error;
    }
    this.history.finish(step);
    this.tablesChanged();
  }

  private async analyse(files: FileSet, report: (p: TaskProgress) => void) {
    try {
      return await analyseFiles(this.paths, files, { cache: this.cache, progress: (phase, done, total, label) => report({ phase, done, total, label }) });
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /** An analysis failure as a 422 naming workspace files as the page knows them; bugs pass through. */
  private refusal(error: unknown): unknown {
    const editions = displayPath(this.paths.editions);
    const dict = displayPath(this.paths.dict);
    const rename = (file: string) => file.replace(editions, 'editions').replace(dict, 'dict');
    return fromAnalysis(error, rename) ?? error;
  }

  private edition(id: string): EditionInfo {
    const found = this.editions().find((e) => e.edition_id === id);
    if (!found) throw refuse(404, 'api-edition-unknown', { id });
    return found;
  }

  private editionsJson(files: FileSet) {
    try {
      return parseEditionsJson(files.get(EDITIONS_JSON));
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /** Ids and stored file stems in use: a new edition takes neither. */
  private takenIds(files: FileSet): Set<string> {
    const taken = new Set(this.editions().map((e) => e.edition_id));
    for (const path of files.keys()) if (path.startsWith('editions/')) taken.add(path.slice('editions/'.length).replace(/\.[^.]*$/, ''));
    return taken;
  }

  private dictFile(name: string): string {
    const file = Object.hasOwn(DICTIONARIES, name) ? DICTIONARIES[name] : undefined;
    if (!file || !DICT_NAMES.includes(file as (typeof DICT_NAMES)[number])) {
      throw refuse(404, 'api-dict-unknown', { name, known: Object.keys(DICTIONARIES).join(', ') });
    }
    return file;
  }

  private mustBeWritable(): void {
    if (!this.writable) throw refuse(403, 'api-read-only');
  }
}

export function overlay(files: FileSet, writes: Writes): FileSet {
  const next = new Map(files);
  for (const [path, bytes] of writes) {
    if (bytes === null) next.delete(path);
    else next.set(path, bytes);
  }
  return next;
}
