/**
 * Versioned snapshots of the managed files, for undo. Every file version a change touches
 * is stored once under its SHA-256 (.history/blobs/), and each step records, per path, the
 * hash before and after (null: the file did not exist). Undo writes the 'before' bytes
 * back, so it restores exactly what was there.
 *
 * The log doubles as a journal: a step is written 'pending' before any managed file
 * changes and 'done' after the new tables are in place, so a crash in between is rolled
 * back at the next start (`recover`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './files.ts';

export type StepKind = 'add' | 'edit' | 'delete' | 'dict';

export interface StepChange {
  path: string;
  before: string | null;
  after: string | null;
}

export interface HistoryStep {
  id: number;
  /** ISO time the change was made. */
  at: string;
  kind: StepKind;
  /** The edition id or dictionary name changed. */
  subject: string;
  /** Extra words for the summary, e.g. the fields an edit changed. */
  detail: string;
  changes: StepChange[];
  /** pending → done → undoing → undone. */
  state: 'pending' | 'done' | 'undoing' | 'undone';
  undone_at?: string;
}

interface LogFile {
  format: 1;
  next: number;
  steps: HistoryStep[];
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class History {
  private readonly logPath: string;
  private readonly blobs: string;
  private log: LogFile;

  constructor(
    readonly dir: string,
    private readonly keep: number
  ) {
    this.logPath = join(dir, 'log.json');
    this.blobs = join(dir, 'blobs');
    this.log = existsSync(this.logPath) ? (JSON.parse(readFileSync(this.logPath, 'utf8')) as LogFile) : { format: 1, next: 1, steps: [] };
  }

  steps(): readonly HistoryStep[] {
    return this.log.steps;
  }

  private save(): void {
    writeFileAtomic(this.logPath, new TextEncoder().encode(JSON.stringify(this.log, null, 1) + '\n'));
  }

  putBlob(bytes: Uint8Array): string {
    const hash = sha256(bytes);
    const path = join(this.blobs, hash);
    if (!existsSync(path)) writeFileAtomic(path, bytes);
    return hash;
  }

  blob(hash: string): Uint8Array {
    const bytes = new Uint8Array(readFileSync(join(this.blobs, hash)));
    if (sha256(bytes) !== hash) throw new Error(`history snapshot ${hash} is damaged`);
    return bytes;
  }

  /** Records a change before it is applied: snapshots of both sides, state pending. */
  begin(kind: StepKind, subject: string, detail: string, before: ReadonlyMap<string, Uint8Array | null>, after: ReadonlyMap<string, Uint8Array | null>): HistoryStep {
    mkdirSync(this.blobs, { recursive: true });
    const changes = [...after.keys()].map((path) => {
      const b = before.get(path) ?? null;
      const a = after.get(path) ?? null;
      return { path, before: b === null ? null : this.putBlob(b), after: a === null ? null : this.putBlob(a) };
    });
    const step: HistoryStep = { id: this.log.next++, at: new Date().toISOString(), kind, subject, detail, changes, state: 'pending' };
    this.log.steps.push(step);
    this.save();
    return step;
  }

  finish(step: HistoryStep): void {
    step.state = 'done';
    this.prune();
    this.save();
  }

  /** A change that failed before any file was touched leaves no step behind. */
  abandon(step: HistoryStep): void {
    this.log.steps = this.log.steps.filter((s) => s !== step);
    this.save();
    this.collect();
  }

  /** The newest change not yet undone. */
  lastUndoable(): HistoryStep | null {
    for (let i = this.log.steps.length - 1; i >= 0; i--) {
      if (this.log.steps[i].state === 'done') return this.log.steps[i];
    }
    return null;
  }

  /** The files an undo of `step` writes: each path back to its 'before' bytes (null removes it). */
  restoreOf(step: HistoryStep): Map<string, Uint8Array | null> {
    return new Map(step.changes.map((c) => [c.path, c.before === null ? null : this.blob(c.before)]));
  }

  beginUndo(step: HistoryStep): void {
    step.state = 'undoing';
    this.save();
  }

  finishUndo(step: HistoryStep): void {
    step.state = 'undone';
    step.undone_at = new Date().toISOString();
    this.save();
  }

  cancelUndo(step: HistoryStep): void {
    step.state = 'done';
    this.save();
  }

  /**
   * After a crash: a pending change is rolled back and an interrupted undo completed — both
   * by writing the 'before' bytes. Returns whether any file was written.
   */
  recover(write: (files: Map<string, Uint8Array | null>) => void): boolean {
    let wrote = false;
    for (const step of [...this.log.steps]) {
      if (step.state !== 'pending' && step.state !== 'undoing') continue;
      write(this.restoreOf(step));
      wrote = true;
      if (step.state === 'pending') this.log.steps = this.log.steps.filter((s) => s !== step);
      else Object.assign(step, { state: 'undone', undone_at: new Date().toISOString() });
    }
    if (wrote) this.save();
    return wrote;
  }

  /** Keeps the newest steps; snapshots no kept step refers to are deleted. */
  private prune(): void {
    if (this.log.steps.length <= this.keep) return;
    this.log.steps = this.log.steps.slice(-this.keep);
    this.collect();
  }

  private collect(): void {
    if (!existsSync(this.blobs)) return;
    const used = new Set(this.log.steps.flatMap((s) => s.changes.flatMap((c) => [c.before, c.after])));
    for (const name of readdirSync(this.blobs)) if (!used.has(name)) rmSync(join(this.blobs, name), { force: true });
  }
}
