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

export interface FieldMap {
  readonly fields: Map<string, string>;
  readonly nonEmpty: Set<string>;
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
  const lastSep = deckName.lastIndexOf('::');
  const special: [string, string][] = [
    ['Tags', splitTags(note.tags).join(' ')],
    ['Type', nt.name],
    ['Subdeck', lastSep < 0 ? deckName : deckName.slice(lastSep + 2)],
    ['Deck', deckName],
    ['CardFlag', `flag${card.flags}`],
    ['Card', template.name],
    ['CardID', String(card.id)],
    [`c${card.ord + 1}`, '1'],
  ];
  for (const [name, value] of special) if (!fields.has(name)) fields.set(name, value);
  const nonEmpty = new Set<string>();
  for (const [name, value] of fields) if (!fieldIsEmpty(value)) nonEmpty.add(name);
  return { fields, nonEmpty };
}
