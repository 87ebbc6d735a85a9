/**
 * One change (and its re-analysis) at a time; the rest wait in order. Progress of the
 * running task and the length of the queue are published to subscribers (the server-sent
 * events stream, the status endpoint).
 */
import { refuse } from './errors.ts';

export interface TaskProgress {
  phase: string;
  done: number;
  total: number;
  label: string;
}

export interface QueueStatus {
  state: 'idle' | 'running';
  /** What runs now, e.g. { kind: 'add', subject: '2027-hunan' }. */
  task: { kind: string; subject: string } | null;
  progress: TaskProgress | null;
  /** Tasks waiting behind the running one. */
  queued: number;
  /** Seconds the running task has taken so far. */
  seconds: number;
}

type Listener = (status: QueueStatus) => void;

export class TaskQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private running: { kind: string; subject: string; started: number } | null = null;
  private progress: TaskProgress | null = null;
  private readonly listeners = new Set<Listener>();
  private lastPublished = 0;

  constructor(private readonly maxQueued: number) {}

  /** Runs `task` after every task queued before it; refuses with 429 when the queue is full. */
  run<T>(kind: string, subject: string, task: (report: (p: TaskProgress) => void) => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxQueued) throw refuse(429, 'api-busy', { queued: this.waiting });
    this.waiting++;
    const result = this.tail.then(async () => {
      this.waiting--;
      this.running = { kind, subject, started: performance.now() };
      this.progress = null;
      this.publish(true);
      try {
        return await task((p) => {
          this.progress = p;
          this.publish(false);
        });
      } finally {
        this.running = null;
        this.progress = null;
        this.publish(true);
      }
    });
    this.tail = result.catch(() => {});
    return result;
  }

  /** Resolves when everything queued so far has run. */
  idle(): Promise<void> {
    return this.tail.then(() => {});
  }

  status(): QueueStatus {
    return {
      state: this.running ? 'running' : 'idle',
      task: this.running ? { kind: this.running.kind, subject: this.running.subject } : null,
      progress: this.progress,
      queued: this.waiting,
      seconds: this.running ? (performance.now() - this.running.started) / 1000 : 0
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Progress is sent at most ten times a second; starts and ends always. */
  private publish(always: boolean): void {
    const now = performance.now();
    if (!always && now - this.lastPublished < 100) return;
    this.lastPublished = now;
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
