/**
 * Yomitan's own request sequences (clients.md §1) through real HTTP, as
 * Yomitan sends them: version 2 (raw results), a chrome-extension:// origin,
 * the key only when set. The lookup popup's duplicate check, the add flow,
 * and the follow-ups after adding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, removeProfile, startChain, type Chain } from '../helpers/chain.ts';

let chain: Chain;
const ORIGIN = 'chrome-extension://likgccmbimhjbgkjambclfkhldnlhbnn';

/** Yomitan's `_invoke`: POST {action, params, version: 2}; raw result back. */
async function yomitan(action: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const r = await http(chain.port, JSON.stringify({ action, params, version: 2 }), {
    headers: { 'content-type': 'application/json', origin: ORIGIN },
  });
  expect(r.status).toBe(200);
  expect(r.headers['access-control-allow-origin']).toBe(ORIGIN);
  return r.json();
}

beforeAll(async () => {
  chain = await startChain();
});
afterAll(async () => {
  await chain?.stop();
  if (chain) removeProfile(chain.profileDir);
});

const DECK = 'Yomitan::日本語';
const note = (front: string, back: string) => ({
  deckName: DECK,
  modelName: 'Basic',
  fields: { Front: front, Back: back },
  tags: ['yomitan'],
  options: { allowDuplicate: false, duplicateScope: 'deck', duplicateScopeOptions: { deckName: null, checkChildren: false, checkAllModels: false } },
});

describe("Yomitan's add flow (version 2, raw results)", () => {
  it('checks the connection and reads decks, note types and fields', async () => {
    expect(await yomitan('version')).toBe(6);
    expect(await yomitan('createDeck', { deck: DECK })).toEqual(expect.any(Number));
    expect(await yomitan('deckNames')).toEqual(['Default', 'Yomitan', 'Yomitan::日本語']);
    expect(await yomitan('modelNames')).toEqual(
      expect.arrayContaining(['Basic', 'Basic (and reversed card)', 'Cloze', 'Image Occlusion']),
    );
    expect(await yomitan('modelFieldNames', { modelName: 'Basic' })).toEqual(['Front', 'Back']);
  });

  it('adds a note, then sees it as a duplicate, and reads it back', async () => {
    const firstFieldOnly = (front: string) => ({ ...note(front, ''), fields: { Front: front } });
    expect(await yomitan('canAddNotesWithErrorDetail', { notes: [firstFieldOnly('食べる'), firstFieldOnly('飲む')] })).toEqual([
      { canAdd: true },
      { canAdd: true },
    ]);
    const id = (await yomitan('addNote', { note: note('食べる', 'to eat <b>たべる</b>') })) as number;
    expect(String(id)).toMatch(/^\d{13}$/);
    const after = (await yomitan('canAddNotesWithErrorDetail', { notes: [firstFieldOnly('食べる'), firstFieldOnly('飲む')] })) as {
      canAdd: boolean;
      error?: string;
    }[];
    expect(after[0]!.canAdd).toBe(false);
    expect(after[0]!.error).toContain('cannot create note because it is a duplicate');
    expect(after[1]).toEqual({ canAdd: true });
    expect(await yomitan('canAddNotes', { notes: [firstFieldOnly('食べる'), firstFieldOnly('飲む')] })).toEqual([false, true]);
    // addNote of the duplicate itself fails with the text clients test for.
    const dup = await http(chain.port, JSON.stringify({ action: 'addNote', params: { note: note('食べる', 'x') }, version: 2 }), {
      headers: { origin: ORIGIN },
    });
    expect(dup.json()).toEqual({ result: null, error: 'cannot create note because it is a duplicate' });

    const info = (await yomitan('notesInfo', { notes: [id] })) as Record<string, unknown>[];
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      noteId: id,
      modelName: 'Basic',
      tags: ['yomitan'],
      fields: { Front: { value: '食べる', order: 0 }, Back: { value: 'to eat <b>たべる</b>', order: 1 } },
      cards: [expect.any(Number)],
    });
  });

  it("runs the popup's duplicate query: multi of findNotes with quoted deck and field values", async () => {
    const tricky = 'a:b "quoted" (x)';
    const id = (await yomitan('addNote', { note: note(tricky, 'tricky') })) as number;
    const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    const query = (front: string) => `"deck:${escape(DECK)}" "front:${escape(front)}"`;
    const found = (await yomitan('multi', {
      actions: [
        { action: 'findNotes', params: { query: query('食べる') } },
        { action: 'findNotes', params: { query: query(tricky) } },
        { action: 'findNotes', params: { query: query('飲む') } },
        { action: 'findNotes', params: { query: `"front:${escape(tricky)}"` } },
      ],
    })) as number[][];
    expect(found[1]).toEqual([id]);
    expect(found[0]).toHaveLength(1);
    expect(found[2]).toEqual([]);
    expect(found[3]).toEqual([id]);
  });

  it('finds the cards of added notes by nid for auto-suspend, and browses them', async () => {
    const ids = (await yomitan('findNotes', { query: `"deck:${DECK}"` })) as number[];
    expect(ids).toHaveLength(2);
    const cards = (await yomitan('findCards', { query: `nid:${ids.join(',')}` })) as number[];
    expect(cards).toHaveLength(2);
    const info = (await yomitan('notesInfo', { notes: ids })) as { cards: number[] }[];
    expect([...cards].sort()).toEqual(info.flatMap((n) => n.cards).sort());
    expect(await yomitan('findCards', { query: `nid:${ids[0]}` })).toEqual(info[0]!.cards);
    expect(await yomitan('guiBrowse', { query: `nid:${ids.join(',')}` })).toEqual(expect.arrayContaining(cards));
  });
});
