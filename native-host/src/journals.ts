/**
 * The host's side of the extension's journal (journal-file.ts): one file per
 * key (the extension's storage names itself with a random key, so browser
 * profiles sharing the host never share a file) in the journal folder:
 * ACB_JOURNAL_DIR, else `journal` beside the media folder.
 */
import { dirname, join, resolve } from 'node:path';
import type { ExtensionToHost, HostToExtension, JournalAppendMessage, JournalEntry, JournalReadMessage, JournalTrimMessage } from '../../shared/messages.ts';
import { JournalFile } from './journal-file.ts';
import { log } from './log.ts';
import { mediaDirFromEnv } from './media-folder.ts';

type Env = Record<string, string | undefined>;

export function journalDirFromEnv(env: Env = process.env): string {
  if (env.ACB_JOURNAL_DIR) return resolve(env.ACB_JOURNAL_DIR);
  return join(dirname(mediaDirFromEnv(env)), 'journal');
}

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** A well-formed entry: a positive integer seq and JSON text without a newline (one line of the file). */
function isEntry(e: unknown): e is JournalEntry {
  const o = e as Partial<JournalEntry> | null;
  return typeof o?.seq === 'number' && Number.isSafeInteger(o.seq) && o.seq > 0 && typeof o.entry === 'string' && !o.entry.includes('\n');
}

export type JournalMessage = JournalAppendMessage | JournalTrimMessage | JournalReadMessage;

export function isJournalMessage(m: ExtensionToHost): m is JournalMessage {
  return m.type === 'journal-append' || m.type === 'journal-trim' || m.type === 'journal-read';
}

export class Journals {
  private readonly files = new Map<string, JournalFile>();
  /** The file the extension appends to now. */
  private current: JournalFile | null = null;

  constructor(
    private readonly dir: string,
    private readonly send: (message: HostToExtension) => void,
  ) {}

  handle(m: JournalMessage): void {
    if (typeof m.key !== 'string' || !KEY.test(m.key)) {
      log('journal message with a bad key:', m.key);
      if (m.type === 'journal-read') this.send({ type: 'journal-entries', id: m.id, entries: [], error: 'bad journal key' });
      return;
    }
    const file = this.file(m.key);
    if (m.type === 'journal-append') {
      let target = file;
      for (const e of Array.isArray(m.entries) ? m.entries : []) {
        if (!isEntry(e)) {
          log('journal entry that is not {seq, entry}; ignored');
          continue;
        }
        if (!target.append(e.seq, e.entry)) {
          target = this.restart(m.key, target, e.seq);
          target.append(e.seq, e.entry);
        }
      }
      this.current = target;
    } else if (m.type === 'journal-trim') {
      if (Number.isSafeInteger(m.upTo)) file.trim(m.upTo);
    } else {
      try {
        this.send({ type: 'journal-entries', id: m.id, entries: file.entriesAfter(m.after), error: null });
      } catch (e) {
        this.send({ type: 'journal-entries', id: m.id, entries: [], error: (e as Error).message });
      }
    }
  }

  /** Resolves once the current file holds every entry up to seq on disk. */
  whenSynced(seq: number): Promise<void> {
    if (!this.current) return Promise.reject(new Error("the host's journal received nothing"));
    return this.current.whenSynced(seq);
  }

  close(): void {
    for (const f of this.files.values()) f.close();
  }

  private file(key: string): JournalFile {
    let file = this.files.get(key);
    if (!file) {
      file = this.open(key);
      this.files.set(key, file);
    }
    return file;
  }

  private open(key: string): JournalFile {
    const onFailure = (error: Error) => {
      log('journal file failed:', error.message);
      this.send({ type: 'journal-failed', key, error: error.message });
    };
    return new JournalFile(join(this.dir, `journal-${key}.log`), onFailure);
  }

  /** The extension's seqs started over under this key: the old file is kept beside, a new one begins. */
  private restart(key: string, old: JournalFile, seq: number): JournalFile {
    log(`journal ${key} starts over at ${seq}; the old file is kept beside it`);
    old.retire(seq);
    const fresh = this.open(key);
    this.files.set(key, fresh);
    return fresh;
  }
}
