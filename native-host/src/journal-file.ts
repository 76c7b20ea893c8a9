/**
 * One journal file of the extension's (journals.ts names it): the writes of
 * collection transactions that IndexedDB may not have committed yet, appended
 * and synced to disk so that a reply can acknowledge them at once.
 *
 * Format: one line per entry, `<seq>\t<entry>\n`, where entry is JSON text
 * (which never holds a raw newline). Entries are appended in seq order and
 * each batch is fdatasync'ed before it counts as synced. A line cut short by
 * a crash was never synced, so never acknowledged: reading stops there and
 * the file is rewritten without it.
 *
 * Every file operation runs on one queue, in order: appends (batched while
 * a sync is in flight), trims and rewrites. After a failed write the file
 * takes nothing more (failed()).
 */
import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JournalEntry } from '../../shared/messages.ts';

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The entries of a file's text, up to the first line that is not whole and well formed. */
export function parseJournal(text: string): { entries: JournalEntry[]; torn: boolean } {
  const entries: JournalEntry[] = [];
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    if (end < 0) return { entries, torn: true };
    const line = text.slice(at, end);
    const tab = line.indexOf('\t');
    const seq = tab > 0 ? Number(line.slice(0, tab)) : NaN;
    const last = entries.at(-1)?.seq ?? 0;
    if (!Number.isSafeInteger(seq) || seq <= last) return { entries, torn: true };
    entries.push({ seq, entry: line.slice(tab + 1) });
    at = end + 1;
  }
  return { entries, torn: false };
}

const lineOf = (e: JournalEntry) => `${e.seq}\t${e.entry}\n`;

export class JournalFile {
  private handle: FileHandle | null = null;
  /** What the file holds, in seq order. */
  private entries: JournalEntry[] = [];
  /** Received, not yet written. */
  private queued: JournalEntry[] = [];
  private waiters: Waiter[] = [];
  private queue: Promise<void>;
  private failure: Error | null = null;
  /** The highest seq received (queued or written). */
  receivedSeq = 0;
  /** The highest seq on disk. */
  syncedSeq = 0;

  constructor(
    readonly path: string,
    private readonly onFailure: (error: Error) => void = () => undefined,
    private readonly receiveTimeoutMs = 30_000,
    /** Starts once this settles (the file it replaces has been set aside). */
    after: Promise<void> = Promise.resolve(),
  ) {
    this.queue = after;
    this.queue = this.run(() => this.load());
  }

  failed(): Error | null {
    return this.failure;
  }

  /**
   * Queues an entry. False, and nothing queued, for a seq at or below one
   * already received: the extension's seqs started over, and this file no
   * longer continues them (retire it).
   */
  append(seq: number, entry: string): boolean {
    if (seq <= this.receivedSeq) return false;
    if (this.failure) return true;
    this.receivedSeq = seq;
    this.queued.push({ seq, entry });
    this.queue = this.run(() => this.writeQueued());
    return true;
  }

  /**
   * Once the queued writes are done, closes the file and keeps it beside
   * (`<path>.<time>.before-<seq>`), never deleted. Resolves when the path is
   * free for a new file.
   */
  retire(seq: number): Promise<void> {
    this.queue = this.run(() => this.setAside(seq));
    return this.queue.then(() => undefined);
  }

  /** Resolves once every entry up to seq is on disk; rejects if it never will be. */
  whenSynced(seq: number): Promise<void> {
    if (seq <= this.syncedSeq) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    // An entry not received yet may still be on its way (a large reply comes over HTTP, its entries by the port).
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`the host's journal did not receive entry ${seq}`));
      }, this.receiveTimeoutMs);
      const waiter: Waiter = {
        seq,
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      this.waiters.push(waiter);
    });
  }

  /** The entries after seq, once the file has been read and every queued write done. */
  async entriesAfter(seq: number): Promise<JournalEntry[]> {
    await this.queue;
    if (this.failure) throw this.failure;
    return this.entries.filter((e) => e.seq > seq);
  }

  /** Forgets the entries up to upTo (IndexedDB holds them now). */
  trim(upTo: number): Promise<void> {
    this.queue = this.run(async () => {
      if (!this.entries.some((e) => e.seq <= upTo)) return;
      await this.rewrite(this.entries.filter((e) => e.seq > upTo));
    });
    return this.queue;
  }

  /** Waits for the queued operations, then closes the file. */
  async close(): Promise<void> {
    await this.queue;
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
  }

  /** Chains an operation; the first failure stops the file for good. */
  private run(op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.failure) return;
      try {
        await op();
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
      }
    });
    return next;
  }

  private async load(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    let text = '';
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const { entries, torn } = parseJournal(text);
    const last = entries.at(-1)?.seq ?? 0;
    const first = this.queued[0]?.seq;
    if (first !== undefined && first <= last) {
      // Appends that arrived while the file was read do not continue it.
      await this.setAside(first);
      this.handle = await open(this.path, 'a');
      return;
    }
    this.entries = entries;
    this.syncedSeq = last;
    if (first === undefined) this.receivedSeq = last;
    if (torn) await this.rewrite(entries);
    else this.handle = await open(this.path, 'a');
  }

  private async writeQueued(): Promise<void> {
    if (this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    await this.handle!.write(batch.map(lineOf).join(''));
    await this.handle!.datasync();
    this.entries.push(...batch);
    this.syncedSeq = batch.at(-1)!.seq;
    const ready = this.waiters.filter((w) => w.seq <= this.syncedSeq);
    this.waiters = this.waiters.filter((w) => w.seq > this.syncedSeq);
    for (const w of ready) w.resolve();
  }

  /** Replaces the file's contents atomically (temporary file, sync, rename). */
  private async rewrite(entries: JournalEntry[]): Promise<void> {
    await this.handle?.close();
    this.handle = null;
    const temp = `${this.path}.tmp`;
    const out = await open(temp, 'w');
    try {
      await out.write(entries.map(lineOf).join(''));
      await out.datasync();
    } finally {
      await out.close();
    }
    await rename(temp, this.path);
    this.entries = entries;
    this.handle = await open(this.path, 'a');
  }

  /** Moves the file aside (see retire); a new one begins at the path. */
  private async setAside(seq: number): Promise<void> {
    await this.handle?.close();
    this.handle = null;
    await rename(this.path, `${this.path}.${Date.now()}.before-${seq}`).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    this.entries = [];
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const w of this.waiters) w.reject(error);
    this.waiters = [];
    this.onFailure(error);
  }
}
