/**
 * Group commit: items added while a batch write is in flight are written
 * together by the next single write, in the order they were added. Each
 * add() resolves when the batch holding its item has been written.
 *
 * A failed write rejects the callers of that batch, and also every item
 * added after it: those were made on top of the lost ones, so writing them
 * would leave a journal that no longer replays. The queue then refuses new
 * items until reset().
 */

export type BatchWriter<T> = (items: T[]) => Promise<void>;

/** Rejection of items queued behind (or added after) a failed write. */
export class JournalUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the journal is unavailable after a failed write; reload the collection', { cause });
    this.name = 'JournalUnavailableError';
  }
}

interface Waiter<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private pending: Waiter<T>[] = [];
  private writing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerDue = 0;
  /** When the pending items should be written by (the earliest of their times); Infinity when none are. */
  private due = Infinity;
  private inFlight = 0;
  private failure: { error: unknown } | null = null;
  /** Batches written successfully. */
  batches = 0;

  constructor(private readonly write: BatchWriter<T>) {}

  /**
   * Queues an item. The write starts in a later task (items added meanwhile
   * share it, and work already under way, such as a reply on its way out, is
   * not held up), or after `lazyMs` when the caller has another durable copy
   * of the item and fewer, larger writes are worth more than an early one.
   * An item added while a write is in flight waits for its own time too: a
   * lazy one does not ride on the next write as soon as the last one ends.
   */
  add(item: T, lazyMs = 0): Promise<void> {
    if (this.failure) return Promise.reject(new JournalUnavailableError(this.failure.error));
    const done = new Promise<void>((resolve, reject) => this.pending.push({ item, resolve, reject }));
    this.due = Math.min(this.due, Date.now() + lazyMs);
    this.schedule();
    return done;
  }

  /** Starts the queued write in the next task rather than after a lazy delay. */
  hurry(): void {
    if (this.pending.length === 0) return;
    this.due = Math.min(this.due, Date.now());
    this.schedule();
  }

  /** Sets the timer for the pending items' earliest time (none while a write is in flight: it schedules when done). */
  private schedule(): void {
    if (this.writing || this.pending.length === 0) return;
    if (this.timer) {
      if (this.timerDue <= this.due) return;
      clearTimeout(this.timer);
    }
    this.timerDue = this.due;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.pump();
      },
      Math.max(0, this.due - Date.now()),
    );
  }

  /** Items added and not yet written (including the batch in flight). */
  get size(): number {
    return this.pending.length + (this.writing ? this.inFlight : 0);
  }

  get idle(): boolean {
    return !this.writing && this.timer === null && this.pending.length === 0;
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** Accepts items again after a failure (once the owner has resynchronised). */
  reset(): void {
    if (!this.idle) throw new Error('GroupCommit.reset while writes are pending');
    this.failure = null;
  }

  private async pump(): Promise<void> {
    this.writing = true;
    // Items whose time has come by the end of a write go on at once; later ones get their timer.
    do {
      const batch = this.pending;
      this.pending = [];
      this.due = Infinity;
      this.inFlight = batch.length;
      try {
        await this.write(batch.map((w) => w.item));
      } catch (error) {
        this.failure = { error };
        for (const w of batch) w.reject(error);
        const behind = this.pending;
        this.pending = [];
        this.due = Infinity;
        for (const w of behind) w.reject(new JournalUnavailableError(error));
        break;
      }
      this.batches++;
      for (const w of batch) w.resolve();
    } while (this.pending.length > 0 && this.due <= Date.now());
    this.inFlight = 0;
    this.writing = false;
    this.schedule();
  }
}
