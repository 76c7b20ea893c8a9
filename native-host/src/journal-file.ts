/**
 * One journal file of the extension's (journals.ts names it): the writes of
 * collection transactions that IndexedDB may not have committed yet, appended
 * and synced to disk so that a reply can acknowledge them at once.
 *
 * Format: one line per entry, `<seq>\t<entry>\n`, where entry is JSON text
 * (which never holds a raw newline). Entries are appended in seq order. A
 * line cut short by a crash was never synced, so never acknowledged: reading
 * stops there and the file is rewritten without it.
 *
 * File I/O is synchronous: a sync takes a fraction of a millisecond on a
 * local disk, and a reply waits for it anyway, so thread-pool round trips
 * would only add to every reply. Entries received in one turn of the event
 * loop are written and synced together (setImmediate). After a failed write
 * the file takes nothing more (failed()).
 */
import { closeSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
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

/** A file holding entries IndexedDB does not have yet is rewritten without the others past this size. */
export const REWRITE_BYTES = 1024 * 1024;

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export class JournalFile {
  private fd: number | null = null;
  /** What the file holds, in seq order. */
  private entries: JournalEntry[] = [];
  /** The file's size (UTF-16 length of its lines, close enough for REWRITE_BYTES). */
  private bytes = 0;
  /** Received, not yet written. */
  private queued: JournalEntry[] = [];
  private flushScheduled = false;
  private waiters: Waiter[] = [];
  private failure: Error | null = null;
  /** The highest seq received (queued or written). */
  receivedSeq = 0;
  /** The highest seq on disk. */
  syncedSeq = 0;

  constructor(
    readonly path: string,
    private readonly onFailure: (error: Error) => void = () => undefined,
    private readonly receiveTimeoutMs = 30_000,
  ) {
    this.guard(() => this.load());
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
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.guard(() => this.writeQueued());
      });
    }
    return true;
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

  /** The entries after seq (every queued one written first). */
  entriesAfter(seq: number): JournalEntry[] {
    this.guard(() => this.writeQueued());
    if (this.failure) throw this.failure;
    return this.entries.filter((e) => e.seq > seq);
  }

  /**
   * Forgets the entries up to upTo (IndexedDB holds them now). When it holds
   * them all the file is emptied, which needs no sync (entries that came back
   * after a crash are older than IndexedDB's and never replayed). Otherwise
   * the file is rewritten only once it has grown past REWRITE_BYTES: a
   * rewrite must be synced, and would hold up the replies behind it.
   */
  trim(upTo: number): void {
    this.guard(() => {
      this.writeQueued();
      const keep = this.entries.filter((e) => e.seq > upTo);
      if (keep.length === this.entries.length) return;
      if (keep.length === 0) {
        ftruncateSync(this.fd!, 0);
        this.entries = [];
        this.bytes = 0;
      } else if (this.bytes > REWRITE_BYTES) {
        this.rewrite(keep);
      }
    });
  }

  /**
   * Writes what is queued, closes the file and keeps it beside
   * (`<path>.<time>.before-<seq>`), never deleted: the path is then free for
   * a new file.
   */
  retire(seq: number): void {
    this.guard(() => {
      this.writeQueued();
      this.setAside(seq);
    });
    this.close();
  }

  close(): void {
    this.guard(() => this.writeQueued());
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.failure ??= new Error('the journal file is closed');
  }

  private guard(op: () => void): void {
    if (this.failure) return;
    try {
      op();
    } catch (e) {
      this.fail(asError(e));
    }
  }

  private load(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const { entries, torn } = parseJournal(text);
    this.entries = entries;
    this.bytes = text.length;
    this.syncedSeq = this.receivedSeq = entries.at(-1)?.seq ?? 0;
    if (torn) this.rewrite(entries);
    else this.fd = openSync(this.path, 'a');
  }

  private writeQueued(): void {
    if (this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    const text = batch.map(lineOf).join('');
    writeSync(this.fd!, text);
    this.bytes += text.length;
    fdatasyncSync(this.fd!);
    this.entries.push(...batch);
    this.syncedSeq = batch.at(-1)!.seq;
    const ready = this.waiters.filter((w) => w.seq <= this.syncedSeq);
    this.waiters = this.waiters.filter((w) => w.seq > this.syncedSeq);
    for (const w of ready) w.resolve();
  }

  /** Replaces the file's contents atomically (temporary file, sync, rename). */
  private rewrite(entries: JournalEntry[]): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    const temp = `${this.path}.tmp`;
    const out = openSync(temp, 'w');
    const text = entries.map(lineOf).join('');
    try {
      writeSync(out, text);
      fdatasyncSync(out);
    } finally {
      closeSync(out);
    }
    renameSync(temp, this.path);
    this.entries = entries;
    this.bytes = text.length;
    this.fd = openSync(this.path, 'a');
  }

  private setAside(seq: number): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    try {
      renameSync(this.path, `${this.path}.${Date.now()}.before-${seq}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    this.entries = [];
    this.bytes = 0;
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const w of this.waiters) w.reject(error);
    this.waiters = [];
    this.onFailure(error);
  }
}
