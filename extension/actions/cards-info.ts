/**
 * cardsInfo: for each card id, the note's fields, the rendered question and
 * answer (as Anki's `card.question()` / `card.answer()`), the next-interval
 * button labels and the card's scheduling columns, in AnkiConnect's key
 * order; `{}` where there is no such card. Rows are read in batches, each
 * note type's templates are parsed once, and the next-review labels share
 * the day timing, presets and (under FSRS) one read of the review log, so
 * long lists stay fast.
 */
import { cardsById, type Card } from '../collection/cards/row.ts';
import type { Collection } from '../collection/collection.ts';
import type { MediaStore } from '../collection/media/types.ts';
import { deckById } from '../collection/decks/get.ts';
import { splitFields } from '../collection/notes/fields.ts';
import { notetypeById } from '../collection/notetypes/lookup.ts';
import type { NotetypeJson } from '../collection/notetypes/types.ts';
import { cardInfoRow, noteRowsById, type CardInfoRow, type NoteRenderRow } from '../collection/render/card-rows.ts';
import { homeDeckName, latexGenerationEnabled, renderCardFromRows, withLatexNotice, type RenderedCard } from '../collection/render/card.ts';
import { nextReviewLabeller } from '../collection/scheduler/next-reviews.ts';
import { action, req } from './define.ts';
import * as E from './errors.ts';
import { pyTypeName } from './python.ts';
import { pyTruthy as truthy } from './python-values.ts';
import { NotStreamable, StreamedList } from './streamed-list.ts';

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
  /** Each card as the scheduler reads it, and as cardsInfo reports it. */
  cards: Map<number, { stored: Card; card: CardInfoRow }>;
  notes: Map<number, NoteRenderRow>;
  nextReviews: (card: Card) => string[];
  /** deckName and homeDeckName, each deck looked up once. */
  deckName: (did: number) => string;
  homeDeckName: (card: CardInfoRow) => string;
}

/** `fn` with its results kept by `key(argument)` (a throw is not kept). */
function memo<A, V>(key: (arg: A) => unknown, fn: (arg: A) => V): (arg: A) => V {
  const known = new Map<unknown, V>();
  return (arg) => {
    const k = key(arg);
    let value = known.get(k);
    if (value === undefined && !known.has(k)) {
      value = fn(arg);
      known.set(k, value);
    }
    return value as V;
  };
}

/** The cards and notes asked for, read in batches; the labeller for their nextReviews. */
function readRows(col: Collection, ids: readonly number[]): Rows {
  const cards = new Map<number, { stored: Card; card: CardInfoRow }>();
  for (const [id, stored] of cardsById(col, ids)) cards.set(id, { stored, card: cardInfoRow(stored) });
  const notes = noteRowsById(col, [...cards.values()].map((c) => c.card.nid));
  const nextReviews = nextReviewLabeller(col, [...cards.values()].map((c) => c.stored));
  return {
    cards,
    notes,
    nextReviews,
    deckName: memo((did: number) => did, (did) => deckName(col, did)),
    homeDeckName: memo((card: CardInfoRow) => card.odid || card.did, (card) => homeDeckName(col, card)),
  };
}

interface Entry {
  info: Dict;
  rendered?: RenderedCard;
}

/** `{name: {value, order}}` in the note type's field order (pylib's `note.fields[ord]`). */
function fieldsOf(nt: NotetypeJson, note: NoteRenderRow): Dict {
  const values = splitFields(note.flds);
  const out: Dict = {};
  for (const field of nt.flds) {
    const value = values[field.ord];
    if (value === undefined) throw new Error(E.listIndexOutOfRange);
    const entry = { value, order: field.ord };
    // A plain object (cheaper to build and to serialise); "__proto__" must still be an own key.
    if (field.name !== '__proto__') out[field.name] = entry;
    else Object.defineProperty(out, field.name, { value: entry, writable: true, enumerable: true, configurable: true });
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
  const { stored, card } = rows.cards.get(cardId(raw)) ?? {};
  const note = card && rows.notes.get(card.nid);
  if (!stored || !card || !note) return { info: {} };
  const nt = notetypeById(col, note.mid);
  if (!nt) throw new Error(E.notSubscriptable('NoneType'));
  const fields = fieldsOf(nt, note);
  const nextReviews = rows.nextReviews(stored);
  const rendered = renderCardFromRows(nt, note, card, rows.homeDeckName(card));
  const { question, answer } = rendered;
  const info: Dict = {
    cardId: card.id, fields, fieldOrder: card.ord, question, answer, modelName: nt.name, ord: card.ord,
    deckName: rows.deckName(card.did), css: nt.css, factor: card.factor, interval: card.ivl, note: card.nid,
    type: card.type, queue: card.queue, due: card.due, reps: card.reps, lapses: card.lapses, left: card.left,
    mod: card.mod, nextReviews, flags: card.flags,
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

/** Where LaTeX may turn up (the notes' fields and their note types' templates), when its notices would be needed. */
function mayNeedLatexNotices(col: Collection, rows: Rows): boolean {
  if (latexGenerationEnabled(col)) return false;
  const marker = /latex|\$/i;
  const mids = new Set<string>();
  for (const note of rows.notes.values()) {
    if (marker.test(note.flds)) return true;
    mids.add(note.mid);
  }
  for (const mid of mids) {
    const nt = notetypeById(col, mid);
    if (nt?.tmpls.some((t) => marker.test(t.qfmt) || marker.test(t.afmt))) return true;
  }
  return false;
}

export const cardsInfo = action({ cards: req<number[]>() }, async ({ col, media, streamReplies }, { cards }) => {
  const list = iterate(cards);
  const rows = readRows(col, list.flatMap(validCardId));
  if (streamReplies && !mayNeedLatexNotices(col, rows)) {
    // Each card is made as the reply is written. LaTeX made some other way (its notice needs the media) starts over without streaming.
    const generates = latexGenerationEnabled(col);
    return new StreamedList(list.length, (i) => {
      const entry = cardInfo(col, list[i], rows);
      const latex = entry.rendered && entry.rendered.questionLatex.length + entry.rendered.answerLatex.length > 0;
      if (latex && !generates) throw new NotStreamable('LaTeX without generation');
      return entry.info;
    });
  }
  const entries = list.map((raw) => cardInfo(col, raw, rows));
  await addLatexNotices(col, media, entries);
  return entries.map((e) => e.info);
});
