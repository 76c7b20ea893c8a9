/**
 * The names a card's templates see: note fields by position, then the
 * special fields a note field does not shadow, then `c<ord+1>`; and which
 * of them count as non-empty (asked one name at a time).
 */
import { describe, expect, it } from 'vitest';
import { cardFieldMap } from '../../../../extension/collection/render/field-map.ts';
import { fieldIsEmpty } from '../../../../extension/collection/render/field-empty.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import type { NotetypeJson } from '../../../../extension/collection/notetypes/types.ts';
import { newCollection } from '../../../helpers/builders.ts';

async function basic(): Promise<NotetypeJson> {
  return notetypeByName(await newCollection(), 'Basic')!;
}

const CARD = { id: 1_700_000_000_123, ord: 1, flags: 3 };

describe('cardFieldMap', () => {
  it('holds the note fields, then the special fields, in Anki’s order', async () => {
    const nt = await basic();
    const map = cardFieldMap(nt, nt.tmpls[0]!, { tags: ' b  a\u3000c ', flds: 'front\x1fback' }, CARD, 'Lang::Japanese::Verbs');
    expect([...map.fields]).toEqual([
      ['Front', 'front'], ['Back', 'back'], ['Tags', 'b a c'], ['Type', 'Basic'], ['Subdeck', 'Verbs'],
      ['Deck', 'Lang::Japanese::Verbs'], ['CardFlag', 'flag3'], ['Card', 'Card 1'], ['CardID', '1700000000123'], ['c2', '1'],
    ]);
  });

  it('lets a note field shadow a special field, and names a top-level deck its own subdeck', async () => {
    const nt = await basic();
    nt.flds[1]!.name = 'Tags';
    const map = cardFieldMap(nt, nt.tmpls[0]!, { tags: ' x ', flds: 'f\x1fmine' }, { ...CARD, ord: 0 }, 'Default');
    expect(map.fields.get('Tags')).toBe('mine');
    expect(map.fields.get('Subdeck')).toBe('Default');
    expect(map.fields.get('c1')).toBe('1');
  });

  it('ignores values past the note type’s fields and leaves missing ones out', async () => {
    const nt = await basic();
    expect(cardFieldMap(nt, nt.tmpls[0]!, { tags: '', flds: 'a\x1fb\x1fextra' }, CARD, 'D').fields.has('extra')).toBe(false);
    const short = cardFieldMap(nt, nt.tmpls[0]!, { tags: '', flds: 'only' }, CARD, 'D');
    expect(short.fields.has('Back')).toBe(false);
    expect(short.fields.get('Tags')).toBe('');
  });

  it('counts a name as non-empty when it is in the map with a value that is not empty', async () => {
    const nt = await basic();
    const map = cardFieldMap(nt, nt.tmpls[0]!, { tags: '', flds: ' <br> \x1f<div>x</div>' }, CARD, 'D');
    const names = ['Front', 'Back', 'Tags', 'Type', 'Deck', 'c2', 'c1', 'Missing', 'FrontSide'];
    expect(names.filter((n) => map.nonEmpty.has(n))).toEqual(['Back', 'Type', 'Deck', 'c2']);
    for (const [name, value] of map.fields) expect(map.nonEmpty.has(name)).toBe(!fieldIsEmpty(value));
  });
});
