/**
 * Every action, called with wrong-typed or empty values for each parameter,
 * answers with a result or an error reply whose text says something: it
 * never throws out of the handler, and never gives an empty error (which a
 * client testing `if (response.error)` would take for success).
 */
import { describe, expect, it } from 'vitest';
import { actionNames, findAction } from '../../../extension/actions/registry.ts';
import { handleRequest } from '../../../extension/background/handler.ts';
import { contextFor, newCollection, ok } from '../../helpers/builders.ts';

const WEIRD: unknown[] = [null, 0, -1, 1.5, 'x', '', true, [], [null], ['x'], {}, { a: 1 }, [1, 'a', null]];
// reloadCollection and guiImportFile need the service worker; multi is covered by the handler tests.
const SKIP = new Set(['reloadCollection', 'guiImportFile', 'multi']);

describe('bad parameters', () => {
  for (const name of actionNames().filter((n) => !SKIP.has(n))) {
    it(`${name} answers every wrong value with a result or a readable error`, async () => {
      const act = findAction(name)!;
      const col = await newCollection();
      const ctx = contextFor(col);
      await ok(ctx, 'addNote', { note: { deckName: 'Default', modelName: 'Basic', fields: { Front: 'kept', Back: 'b' } } });
      const bad: string[] = [];
      for (const param of act.paramNames) {
        for (const value of WEIRD) {
          const params: Record<string, unknown> = {};
          for (const p of act.paramNames) params[p] = p === param || act.required.includes(p) ? value : act.params[p];
          const reply = (await handleRequest(ctx, { action: name, version: 6, params })) as { result: unknown; error: unknown };
          if (reply.error !== null && (typeof reply.error !== 'string' || reply.error.trim() === '' || /undefined|\[object |is not a function|Cannot read prop/.test(reply.error))) {
            bad.push(`${param}=${JSON.stringify(value)} → ${JSON.stringify(reply.error)}`);
          }
        }
      }
      expect(bad).toEqual([]);
      // The note stored before is still there, whatever was asked.
      if (name !== 'deleteNotes' && name !== 'deleteDecks' && name !== 'removeEmptyNotes' && name !== 'updateNoteModel') {
        expect(col.db.scalar('select count() from notes')).toBeGreaterThan(0);
      }
    });
  }
});
