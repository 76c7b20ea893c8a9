/**
 * When to checkpoint: soon once the journal is large (entry count or
 * estimated bytes), otherwise after a quiet period without appends. Never
 * per write (an export and put of a large collection costs about a second).
 */
import type { Scheduler } from './scheduler.ts';

export interface CheckpointPolicyOptions {
  /** Checkpoint soon when the journal holds more entries than this; default 2000. */
  maxJournalEntries?: number;
  /** Checkpoint soon when the journal's estimated size exceeds this; default 32 MiB. */
  maxJournalBytes?: number;
  /** Checkpoint after this many ms without appends; default 5000. */
  idleMs?: number;
  /** Delay of a "soon" checkpoint; default 0 (next macrotask). */
  soonMs?: number;
}

export interface JournalSize {
  entries: number;
  bytes: number;
}

export const DEFAULT_MAX_JOURNAL_ENTRIES = 2000;
export const DEFAULT_MAX_JOURNAL_BYTES = 32 * 1024 * 1024;
export const DEFAULT_IDLE_MS = 5000;

export class CheckpointPolicy {
  readonly maxJournalEntries: number;
  readonly maxJournalBytes: number;
  readonly idleMs: number;
  readonly soonMs: number;
  private timer: { handle: unknown; soon: boolean; deadline: number } | null = null;
  private lastFailed = false;
  private closed = false;

  constructor(
    options: CheckpointPolicyOptions,
    private readonly scheduler: Scheduler,
    private readonly trigger: () => void,
  ) {
    this.maxJournalEntries = options.maxJournalEntries ?? DEFAULT_MAX_JOURNAL_ENTRIES;
    this.maxJournalBytes = options.maxJournalBytes ?? DEFAULT_MAX_JOURNAL_BYTES;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.soonMs = options.soonMs ?? 0;
  }

  isLarge(journal: JournalSize): boolean {
    return journal.entries > this.maxJournalEntries || journal.bytes > this.maxJournalBytes;
  }

  /**
   * Called after an append, after a checkpoint, and when an exporter is set.
   * While a checkpoint runs nothing is scheduled: the owner reviews again
   * when it ends.
   */
  review(journal: JournalSize, checkpointRunning: boolean): void {
    if (this.closed) return;
    if (journal.entries === 0 || checkpointRunning) {
      this.cancel();
      return;
    }
    // After a failed checkpoint, retry only when idle, not in a tight loop.
    if (this.isLarge(journal) && !this.lastFailed) {
      if (!this.timer?.soon) this.arm(this.soonMs, true);
    } else {
      this.arm(this.idleMs, false);
    }
  }

  /** Records how the last checkpoint ended. */
  noteResult(ok: boolean): void {
    this.lastFailed = !ok;
  }

  cancel(): void {
    if (this.timer) this.scheduler.clearTimeout(this.timer.handle);
    this.timer = null;
  }

  close(): void {
    this.cancel();
    this.closed = true;
  }

  /**
   * Sets the timer. An idle timer already set only has its deadline moved:
   * every append moves it, and a timer per append cost more than the append's
   * bookkeeping. When it fires early it sets itself again for what is left.
   */
  private arm(ms: number, soon: boolean): void {
    const deadline = this.scheduler.now() + ms;
    if (!soon && this.timer && !this.timer.soon) {
      this.timer.deadline = deadline;
      return;
    }
    this.cancel();
    this.start(ms, soon, deadline);
  }

  private start(ms: number, soon: boolean, deadline: number): void {
    const timer = { soon, deadline, handle: null as unknown };
    timer.handle = this.scheduler.setTimeout(() => {
      if (this.timer !== timer) return;
      this.timer = null;
      const left = timer.deadline - this.scheduler.now();
      if (left > 0) this.start(left, timer.soon, timer.deadline);
      else this.trigger();
    }, ms);
    this.timer = timer;
  }
}
