/**
 * The host's copy of the journal (native-host/src/journals.ts). Every
 * committed transaction is offered to the host as it is appended to
 * IndexedDB; the host appends it to a file and syncs it. A reply may then
 * acknowledge writes as soon as the host has synced them (it carries
 * `journalSeq` and the host holds it back until then) instead of waiting for
 * IndexedDB's commit, which costs several times more. IndexedDB stays the
 * store the collection is loaded from: at start-up the entries the host holds
 * after IndexedDB's last one are replayed and appended to it, and the host
 * forgets entries once IndexedDB has committed them.
 *
 * A reply relies on the host only when every entry IndexedDB has not yet
 * committed went to the host on the current connection, and the host has
 * not reported a failure; otherwise it waits for IndexedDB as before.
 */
import type { HostToExtension, JournalAppendMessage, JournalEntry } from '../../shared/messages.ts';
import type { RecordedStatement } from '../collection/db.ts';
import { decodeEntry, encodeEntry, entryLengthAtLeast } from '../storage/journal-codec.ts';
import type { HostChannel } from './host-files.ts';
import type { HostPeer } from './host-link.ts';

/** Larger entries are not sent (native messaging would cost more than IndexedDB): their replies wait for IndexedDB. */
export const MAX_HOST_ENTRY_CHARS = 64 * 1024;
/** How long start-up waits for the host's entries before going on without them. */
const READ_TIMEOUT_MS = 10_000;
/** Trims are sent at most this often. */
const TRIM_DELAY_MS = 250;

interface Read {
  resolve: (entries: JournalEntry[]) => void;
}

export class HostJournal implements HostPeer {
  private channel: HostChannel | null = null;
  private key: string | null = null;
  /** The host takes entries on this connection (false after it reported a failure). */
  private active = false;
  /** The last seq offered (sent or not). */
  private lastSeen = 0;
  /** Every entry after this one was sent on the current connection. */
  private gapThrough = 0;
  private trimmedTo = 0;
  private trimTimer: ReturnType<typeof setTimeout> | null = null;
  private committed = 0;
  private nextReadId = 1;
  private readonly reads = new Map<number, Read>();
  /** Entries offered and not sent yet. */
  private outbox: JournalEntry[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** The failure the current host process reported, if any. */
  lastError: string | null = null;

  attach(channel: HostChannel): void {
    this.channel = channel;
    this.active = channel.connected && this.key !== null;
  }

  /** Starts offering entries after `seq` (IndexedDB's last one) under `key`. */
  start(key: string, seq: number): void {
    this.key = key;
    this.lastSeen = this.gapThrough = seq;
    // A host that reported its file failed keeps failing it: only a new host process is tried again.
    this.active = (this.channel?.connected ?? false) && this.lastError === null;
    // Whatever the host holds up to seq is in IndexedDB now.
    this.committedUpTo(seq);
  }

  accept(message: HostToExtension): boolean {
    if (message.type === 'journal-entries') {
      const read = this.reads.get(message.id);
      this.reads.delete(message.id);
      if (message.error) console.warn('the host could not read its journal:', message.error);
      read?.resolve(message.error ? [] : message.entries);
      return true;
    }
    if (message.type === 'journal-failed') {
      if (message.key === this.key) this.stop(message.error);
      return true;
    }
    return false;
  }

  portConnected(): void {
    this.lastError = null;
    this.active = this.key !== null;
    this.gapThrough = this.lastSeen;
    // A new host process reads the file afresh: tell it what IndexedDB holds.
    this.trimmedTo = 0;
    if (this.committed > 0) this.committedUpTo(this.committed);
  }

  portDisconnected(): void {
    this.active = false;
    this.outbox = [];
    this.gapThrough = this.lastSeen;
    for (const read of this.reads.values()) read.resolve([]);
    this.reads.clear();
  }

  /** The socket closed while in use: entries sent on it may be lost, so replies wait for IndexedDB until it has them. */
  channelReset(): void {
    this.portDisconnected();
    this.active = this.key !== null && this.lastError === null;
    if (this.committed > 0) this.committedUpTo(this.committed);
  }

  /** The entries the host holds after `seq` that continue it without a gap, decoded. */
  async entriesAfter(key: string, seq: number): Promise<{ seq: number; statements: RecordedStatement[] }[]> {
    const channel = this.channel;
    if (!channel?.connected) return [];
    const id = this.nextReadId++;
    const entries = await new Promise<JournalEntry[]>((resolve) => {
      const timer = setTimeout(() => {
        this.reads.delete(id);
        console.warn('the host did not send its journal in time; starting without it');
        resolve([]);
      }, READ_TIMEOUT_MS);
      this.reads.set(id, { resolve: (e) => (clearTimeout(timer), resolve(e)) });
      channel.send({ type: 'journal-read', id, key, after: seq });
    });
    const out: { seq: number; statements: RecordedStatement[] }[] = [];
    for (const e of entries) {
      if (e.seq !== seq + out.length + 1) break;
      try {
        out.push({ seq: e.seq, statements: decodeEntry(e.entry) });
      } catch (error) {
        console.error(`the host's journal entry ${e.seq} is unreadable; later ones are not used`, error);
        break;
      }
    }
    return out;
  }

  /**
   * Offers the entry appended to IndexedDB as `seq`. It waits in the outbox
   * for the reply it belongs to (takeForReply), or goes on its own at the end
   * of this task. False when it is not sent (then only IndexedDB will hold it).
   */
  offer(seq: number, statements: readonly RecordedStatement[]): boolean {
    this.lastSeen = seq;
    if (!this.active || !this.key || !this.channel?.connected) {
      this.gapThrough = seq;
      return false;
    }
    const entry = entryLengthAtLeast(statements) > MAX_HOST_ENTRY_CHARS ? null : encodeEntry(statements);
    if (entry === null || entry.length > MAX_HOST_ENTRY_CHARS) {
      this.gapThrough = seq;
      return false;
    }
    this.outbox.push({ seq, entry });
    this.flushTimer ??= setTimeout(() => this.flush(), 0);
    return true;
  }

  /** The entries waiting to go, as a message to send with a reply (null when none). */
  takeForReply(): JournalAppendMessage | null {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.outbox.length === 0 || !this.key) return null;
    const message: JournalAppendMessage = { type: 'journal-append', key: this.key, entries: this.outbox };
    this.outbox = [];
    return message;
  }

  private flush(): void {
    const message = this.takeForReply();
    if (message) this.channel?.send(message);
  }

  /**
   * The seq a reply can ask the host to hold before it is written, given what
   * IndexedDB has committed and what was appended; null when the reply must
   * wait for IndexedDB instead (or nothing is pending).
   */
  cover(committedSeq: number, appendedSeq: number): number | null {
    if (appendedSeq <= committedSeq) return null;
    return this.active && committedSeq >= this.gapThrough ? appendedSeq : null;
  }

  /** IndexedDB has committed every entry up to seq: the host may forget them (soon, in one message). */
  committedUpTo(seq: number): void {
    this.committed = Math.max(this.committed, seq);
    if (this.trimTimer || this.committed <= this.trimmedTo) return;
    this.trimTimer = setTimeout(() => {
      this.trimTimer = null;
      const upTo = this.committed;
      if (!this.key || !this.channel?.connected || upTo <= this.trimmedTo) return;
      this.channel.send({ type: 'journal-trim', key: this.key, upTo });
      this.trimmedTo = upTo;
    }, TRIM_DELAY_MS);
  }

  private stop(error: string): void {
    console.error("the host's journal failed; replies wait for IndexedDB:", error);
    this.lastError = error;
    this.active = false;
    this.gapThrough = this.lastSeen;
  }
}
