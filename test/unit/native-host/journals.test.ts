/**
 * The host's journal messages: entries go to the key's file, a malformed
 * entry or key is ignored (nothing written, nothing lost), and a read answers
 * what the file holds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journals } from '../../../native-host/src/journals.ts';
import type { HostToExtension, JournalAppendMessage } from '../../../shared/messages.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'acb-journals-'));
  dirs.push(dir);
  const sent: HostToExtension[] = [];
  return { dir, sent, journals: new Journals(dir, (m) => sent.push(m)) };
}

describe('Journals', () => {
  it('writes well-formed entries and ignores malformed ones', async () => {
    const { dir, sent, journals } = setup();
    const bad = [{ seq: 'x', entry: '[]' }, { seq: 2.5, entry: '[]' }, { seq: 0, entry: '[]' }, { seq: 3, entry: 'a\nb' }, { seq: 4 }, null];
    journals.handle({ type: 'journal-append', key: 'k1', entries: [{ seq: 1, entry: '[1]' }, ...bad, { seq: 5, entry: '[5]' }] } as unknown as JournalAppendMessage);
    await journals.whenSynced(5);
    expect(readFileSync(join(dir, 'journal-k1.log'), 'utf8')).toBe('1\t[1]\n5\t[5]\n');
    journals.handle({ type: 'journal-trim', key: 'k1', upTo: 'all' as unknown as number });
    journals.handle({ type: 'journal-read', id: 7, key: 'k1', after: 0 });
    expect(sent).toEqual([{ type: 'journal-entries', id: 7, entries: [{ seq: 1, entry: '[1]' }, { seq: 5, entry: '[5]' }], error: null }]);
    journals.close();
  });

  it('refuses a key that is not a plain name, without touching any file', () => {
    const { sent, journals } = setup();
    journals.handle({ type: 'journal-append', key: '../escape', entries: [{ seq: 1, entry: '[]' }] });
    journals.handle({ type: 'journal-read', id: 1, key: '../escape', after: 0 });
    expect(sent).toEqual([{ type: 'journal-entries', id: 1, entries: [], error: 'bad journal key' }]);
    journals.close();
  });
});
