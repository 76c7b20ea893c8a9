/**
 * The names a card's templates can use (notetype/render.rs `render_card`,
 * `add_special_fields`): the note's fields, then the special fields that no
 * note field shadows — Tags (space-joined), Type (note type name), Deck
 * (full name of the card's home deck), Subdeck (its last component),
 * CardFlag (`flag0`…`flag7`), Card (template name), CardID — then
 * `c<ord+1>` = "1", so `{{#c2}}` shows on the second card. `FrontSide` is
 * not here: the renderer handles it.
 */
import { splitFields } from '../notes/fields.ts';
import type { NotetypeJson, TemplateJson } from '../notetypes/types.ts';
import { splitTags } from '../tags/split.ts';
import { fieldIsEmpty } from './field-empty.ts';

/** What the special fields need from the card. */
export interface CardBasics {
  id: number;
  ord: number;
  flags: number;
}

/** What the field map needs from the note. */
export interface NoteBasics {
  tags: string;
  flds: string;
}

/** Names to test for membership (a Set, or something that answers like one). */
export interface NameSet {
  has(name: string): boolean;
}

export interface FieldMap {
  readonly fields: Map<string, string>;
  /** The names in `fields` whose value is not empty (fieldIsEmpty). */
  readonly nonEmpty: NameSet;
}

/** The non-empty names of a field map, tested when asked (templates ask about few names). */
class NonEmptyNames implements NameSet {
  constructor(private readonly fields: ReadonlyMap<string, string>) {}

  has(name: string): boolean {
    const value = this.fields.get(name);
    return value !== undefined && !fieldIsEmpty(value);
  }
}

/** Adds a special field unless a note field of that name shadows it. */
function addSpecial(fields: Map<string, string>, name: string, value: string): void {
  if (!fields.has(name)) fields.set(name, value);
}

/** The last component of a deck name. */
function subdeckName(deckName: string): string {
  const lastSep = deckName.lastIndexOf('::');
  return lastSep < 0 ? deckName : deckName.slice(lastSep + 2);
}

/**
 * `deckName` is the human name of the card's home deck (`odid`, else `did`),
 * or "(Deck)" when that deck is gone.
 */
export function cardFieldMap(
  nt: NotetypeJson,
  template: TemplateJson,
  note: NoteBasics,
  card: CardBasics,
  deckName: string,
): FieldMap {
  const fields = new Map<string, string>();
  const values = splitFields(note.flds);
  const count = Math.min(values.length, nt.flds.length);
  for (let i = 0; i < count; i++) fields.set(nt.flds[i]!.name, values[i]!);
  if (!fields.has('Tags')) fields.set('Tags', note.tags === '' ? '' : splitTags(note.tags).join(' '));
  addSpecial(fields, 'Type', nt.name);
  addSpecial(fields, 'Subdeck', subdeckName(deckName));
  addSpecial(fields, 'Deck', deckName);
  addSpecial(fields, 'CardFlag', `flag${card.flags}`);
  addSpecial(fields, 'Card', template.name);
  addSpecial(fields, 'CardID', String(card.id));
  addSpecial(fields, `c${card.ord + 1}`, '1');
  return { fields, nonEmpty: new NonEmptyNames(fields) };
}
