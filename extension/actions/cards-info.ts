/**
 * cardsInfo: for each card id, the note's fields, the rendered question and
 * answer (as Anki's `card.question()` / `card.answer()`), the next-interval
 * button labels and the card's scheduling columns, in AnkiConnect's key
 * order; `{}` where there is no such card. Rows are read in batches and each
 * note type's templates are parsed once, so long lists stay fast.
 */
import type { Collection } from '../collection/collection.ts';
import type { MediaStore } from '../collection/media/types.ts';
import { deckById } from '../collection/decks/get.ts';
import { splitFields } from '../collection/notes/fields.ts';
import { notetypeById } from '../collection/notetypes/lookup.ts';
import type { NotetypeJson } from '../collection/notetypes/types.ts';
import { cardRowsById, noteRowsById, type CardInfoRow, type NoteRenderRow } from '../collection/render/card-rows.ts';
import { homeDeckName, latexGenerationEnabled, renderCardFromRows, withLatexNotice, type RenderedCard } from '../collection/render/card.ts';
import { nextReviewLabels } from '../collection/scheduler/next-reviews.ts';
import { action, req } from './define.ts';
import * as E from './errors.ts';
import { pyTypeName } from './python.ts';
import { pyTruthy as truthy } from './python-values.ts';

type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Python's `for x in value`. */
function iterate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isDict(value)) return Object.keys(value);
  throw new Error(E.notIterable(pyTypeName(value)));
}

/**
 * A card id as `col.get_card` takes it. A falsy value makes pylib build a new,
 * unsaved card whose note does not exist (so `{}`): 0 stands for that.
 */
function cardId(value: unknown): number {
  if (!truthy(value)) return 0;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new Error(E.notAnInteger(pyTypeName(value)));
}

function validCardId(value: unknown): number[] {
  try {
    return [cardId(value)];
  } catch {
    return [];
  }
}

interface Rows {
  cards: Map<number, CardInfoRow>;
  notes: Map<number, NoteRenderRow>;
}

interface Entry {
  info: Dict;
  rendered?: RenderedCard;
}

/** `{name: {value, order}}` in the note type's field order (pylib's `note.fields[ord]`). */
function fieldsOf(nt: NotetypeJson, note: NoteRenderRow): Dict {
  const values = splitFields(note.flds);
  const out: Dict = Object.create(null) as Dict;
  for (const field of nt.flds) {
    const value = values[field.ord];
    if (value === undefined) throw new Error(E.listIndexOutOfRange);
    out[field.name] = { value, order: field.ord };
  }
  return out;
}

/** AnkiConnect's `deckNameFromId(card.did)`: pylib falls back to the Default deck. */
function deckName(col: Collection, did: number): string {
  const deck = deckById(col, did) ?? deckById(col, 1);
  if (!deck) throw new Error(E.deckNotFound(did));
  return deck.name;
}

function cardInfo(col: Collection, raw: unknown, rows: Rows): Entry {
  const card = rows.cards.get(cardId(raw));
  const note = card && rows.notes.get(card.nid);
  if (!card || !note) return { info: {} };
  const nt = notetypeById(col, note.mid);
  if (!nt) throw new Error(E.notSubscriptable('NoneType'));
  const fields = fieldsOf(nt, note);
  const nextReviews = nextReviewLabels(col, card.id);
  const rendered = renderCardFromRows(nt, note, card, homeDeckName(col, card));
  const { question, answer } = rendered;
  const info: Dict = {
    cardId: card.id, fields, fieldOrder: card.ord, question, answer, modelName: nt.name, ord: card.ord,
    deckName: deckName(col, card.did), css: nt.css, factor: card.factor, interval: card.ivl, note: card.nid,
    type: card.type, queue: card.queue, due: card.due, reps: card.reps, lapses: card.lapses, left: card.left,
    mod: card.mod, nextReviews: [...nextReviews], flags: card.flags,
  };
  return { info, rendered };
}

/** Appends Anki's "generation is disabled" notice where a LaTeX image is not in the media. */
async function addLatexNotices(col: Collection, media: MediaStore, entries: readonly Entry[]): Promise<void> {
  const withLatex = entries.filter((e) => e.rendered && e.rendered.questionLatex.length + e.rendered.answerLatex.length > 0);
  if (withLatex.length === 0 || latexGenerationEnabled(col)) return;
  const wanted = new Set(withLatex.flatMap((e) => [...e.rendered!.questionLatex, ...e.rendered!.answerLatex]));
  const present = await Promise.all([...wanted].map(async (name) => ((await media.md5(name)) !== null ? [name] : [])));
  const names = new Set(present.flat());
  for (const entry of withLatex) {
    const { question, answer } = withLatexNotice(entry.rendered!, names, false);
    Object.assign(entry.info, { question, answer });
  }
}

export const cardsInfo = action({ cards: req<number[]>() }, async ({ col, media }, { cards }) => {
  const list = iterate(cards);
  const found = cardRowsById(col, list.flatMap(validCardId));
  const rows: Rows = { cards: found, notes: noteRowsById(col, [...found.values()].map((c) => c.nid)) };
  const entries = list.map((raw) => cardInfo(col, raw, rows));
  await addLatexNotices(col, media, entries);
  return entries.map((e) => e.info);
});
