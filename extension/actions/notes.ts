/**
 * Note actions: adding notes with AnkiConnect's checks (createNote), testing
 * whether they could be added, updating fields, tags and note type, reading
 * and deleting notes. Parameters are read as AnkiConnect's Python reads
 * them, so bad input gets Python's own error texts.
 */
import type { Collection } from '../collection/collection.ts';
import { deckByName } from '../collection/decks/add.ts';
import type { DeckJson } from '../collection/decks/types.ts';
import { addNote as insertNote, addNotesOrNone, NotesNotAddedError, type NewNote } from '../collection/notes/add.ts';
import { deckAndDescendantIds, fieldsCheck, FieldsState, scopedDuplicateState } from '../collection/notes/checks.ts';
import { removeNotes } from '../collection/notes/remove.ts';
import { cardIdsOfNotes, getNoteRow } from '../collection/notes/rows.ts';
import { removeUnusedNotetypes } from '../collection/notes/unused-notetypes.ts';
import { storedFields, updateNote as changeNote } from '../collection/notes/update.ts';
import { findNoteIds } from '../collection/search/index.ts';
import { notetypeById, notetypeByName } from '../collection/notetypes/lookup.ts';
import type { NotetypeJson } from '../collection/notetypes/types.ts';
import { splitTags } from '../collection/tags/split.ts';
import { action, opt, req, type ActionContext } from './define.ts';
import * as E from './errors.ts';
import { applyNoteMedia, hasNoteMedia, NO_MEDIA, prepareNoteMedia, type NoteMedia } from './note-media.ts';
import { pyEquals, pyRepr, pyTypeName } from './python.ts';
import { updateNoteTags } from './tags.ts';
import { pyTruthy as truthy } from './python-values.ts';

type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Python's `obj[key]`. */
function item(obj: unknown, key: string): unknown {
  if (!isDict(obj)) throw new Error(E.notSubscriptable(pyTypeName(obj)));
  if (!Object.hasOwn(obj, key)) throw new Error(E.keyError(key));
  return obj[key];
}

/** Python's `key in obj`. */
function has(obj: unknown, key: string): boolean {
  if (isDict(obj)) return Object.hasOwn(obj, key);
  if (Array.isArray(obj)) return obj.some((v) => pyEquals(v, key));
  if (typeof obj === 'string') return obj.includes(key);
  throw new Error(E.argumentNotIterable(pyTypeName(obj)));
}

/** Python's `obj.<method>()` on a dict: the dict itself, else an AttributeError. */
function dictFor(obj: unknown, method: string): Dict {
  if (!isDict(obj)) throw new Error(E.noAttribute(pyTypeName(obj), method));
  return obj;
}

/** Python's `for x in value`. */
function iterate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isDict(value)) return Object.keys(value);
  throw new Error(E.notIterable(pyTypeName(value)));
}

/** A note id as Anki's backend takes it (an int). */
function noteId(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(E.notAnInteger(pyTypeName(value)));
  return value;
}

/** Tags as a note keeps them: a list of strings; null (unset) is none. */
function tagList(value: unknown): string[] {
  if (value === null) return [];
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string')) throw new Error(E.tagsMustBeStrings);
  return value;
}

/** Puts given values into `fields` where `matches` pairs a given name with a field's. */
function assignFields(nt: NotetypeJson, fields: string[], given: unknown, matches: (a: string, b: string) => boolean): string[] {
  for (const [name, value] of Object.entries(dictFor(given, 'items'))) {
    const ord = nt.flds.findIndex((f) => matches(name, f.name));
    if (ord < 0) continue;
    if (typeof value !== 'string') throw new Error(E.fieldValueNotString(nt.flds[ord]!.name, pyTypeName(value)));
    fields[ord] = value;
  }
  return fields;
}

const sameName = (a: string, b: string) => a === b;
const sameNameIgnoringCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Media attached to a note (`audio`, `video`, `picture`), already stored by noteMedia: their references go into the fields. */
function attachMedia(nt: NotetypeJson, fields: string[], media: NoteMedia): void {
  applyNoteMedia(
    nt.flds.map((f) => f.name),
    fields,
    media,
  );
}

/**
 * Stores the note's media before its (synchronous) transaction, but only
 * when AnkiConnect would get that far: `reaches` runs the steps before.
 */
async function noteMedia(ctx: ActionContext, note: unknown, reaches: () => unknown): Promise<NoteMedia> {
  if (!hasNoteMedia(note)) return NO_MEDIA;
  try {
    reaches();
  } catch {
    return NO_MEDIA; // the same error comes again where the note is made
  }
  return prepareNoteMedia(ctx, note);
}

interface DuplicateOptions {
  allowDuplicate: boolean;
  scope: unknown;
  deckName: unknown;
  checkChildren: boolean;
  checkAllModels: boolean;
}

function boolOption(obj: unknown, key: string, label: string): boolean {
  const value = item(obj, key);
  if (typeof value !== 'boolean') throw new Error(E.optionMustBeBoolean(label));
  return value;
}

/** `note['options']` read key by key, each type-checked as AnkiConnect does. */
function duplicateOptions(note: Dict): DuplicateOptions {
  const o: DuplicateOptions = { allowDuplicate: false, scope: null, deckName: null, checkChildren: false, checkAllModels: false };
  if (!has(note, 'options')) return o;
  const options = note['options'];
  if (has(options, 'allowDuplicate')) o.allowDuplicate = boolOption(options, 'allowDuplicate', 'allowDuplicate');
  if (has(options, 'duplicateScope')) o.scope = item(options, 'duplicateScope');
  if (has(options, 'duplicateScopeOptions')) {
    const so = item(options, 'duplicateScopeOptions');
    if (has(so, 'deckName')) o.deckName = item(so, 'deckName');
    if (has(so, 'checkChildren')) o.checkChildren = boolOption(so, 'checkChildren', 'duplicateScopeOptions.checkChildren');
    if (has(so, 'checkAllModels')) o.checkAllModels = boolOption(so, 'checkAllModels', 'duplicateScopeOptions.checkAllModels');
  }
  return o;
}

/** `isNoteDuplicateOrEmptyInScope`: Anki's own check, or AnkiConnect's for deck scope / all models. */
function duplicateState(col: Collection, nt: NotetypeJson, deck: DeckJson, fields: string[], o: DuplicateOptions): FieldsState {
  if (o.scope !== 'deck' && !o.checkAllModels) return fieldsCheck(col, nt, fields);
  let deckIds: Set<number> | null = null;
  if (o.scope === 'deck') {
    let did = Number(deck.id);
    if (o.deckName !== null) {
      const other = typeof o.deckName === 'string' ? deckByName(col, o.deckName) : undefined;
      // upstream: an unknown scope deck means "not a duplicate".
      if (!other) return FieldsState.Normal;
      did = Number(other.id);
    }
    deckIds = o.checkChildren ? deckAndDescendantIds(col, did) : new Set([did]);
  }
  return scopedDuplicateState(col, nt.id, fields[0] ?? '', { deckIds, allNotetypes: o.checkAllModels });
}

/** createNote's steps before its media: the note type, the deck, the tags given, the fields. */
function draftNote(col: Collection, raw: unknown) {
  const modelName = item(raw, 'modelName');
  const nt = typeof modelName === 'string' ? notetypeByName(col, modelName) : undefined;
  if (!nt) throw new Error(E.modelNotFound(modelName));
  const deckName = item(raw, 'deckName');
  const deck = typeof deckName === 'string' ? deckByName(col, deckName) : undefined;
  if (!deck) throw new Error(E.deckNotFound(deckName));
  const note = raw as Dict;
  const rawTags = has(note, 'tags') ? note['tags'] : [];
  const fields = assignFields(nt, nt.flds.map(() => ''), item(note, 'fields'), sameNameIgnoringCase);
  return { nt, deck, note, rawTags, fields };
}

/** AnkiConnect's createNote: the note to add, or the error that stops it. */
function createNote(col: Collection, raw: unknown, media: NoteMedia = NO_MEDIA): NewNote {
  const { nt, deck, note, rawTags, fields } = draftNote(col, raw);
  attachMedia(nt, fields, media);
  const options = duplicateOptions(note);
  const tags = tagList(rawTags);
  const state = duplicateState(col, nt, deck, fields, options);
  if (state === FieldsState.Empty) throw new Error(E.noteIsEmpty);
  if (state === FieldsState.Duplicate && !options.allowDuplicate) throw new Error(E.noteIsDuplicate);
  if (state !== FieldsState.Normal && state !== FieldsState.Duplicate) throw new Error(E.noteUnknownReason);
  return { nt, deckId: Number(deck.id), fields, tags };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** createNote with the note's media stored first. */
async function createNoteWithMedia(ctx: ActionContext, note: unknown): Promise<NewNote> {
  const media = await noteMedia(ctx, note, () => draftNote(ctx.col, note));
  return createNote(ctx.col, note, media);
}

export const addNote = action({ note: req<unknown>() }, async (ctx, { note }) => {
  const media = await noteMedia(ctx, note, () => draftNote(ctx.col, note));
  return insertNote(ctx.col, createNote(ctx.col, note, media));
});

export const addNotes = action({ notes: req<unknown[]>() }, async (ctx, { notes }) => {
  const { col } = ctx;
  const list = iterate(notes);
  const prepared: { note: unknown; media: NoteMedia }[] = [];
  for (const note of list) prepared.push({ note, media: await noteMedia(ctx, note, () => draftNote(col, note)) });
  try {
    return addNotesOrNone(col, prepared, ({ note, media }) => createNote(col, note, media));
  } catch (e) {
    // upstream: all or nothing; the error is str() of the list of error texts.
    if (e instanceof NotesNotAddedError) throw new Error(pyRepr(e.messages));
    throw e;
  }
});

type CanAdd = { canAdd: true } | { canAdd: false; error: string };

// upstream: createNote stores the note's media, so asking whether a note can be added stores them too.
async function canAdd(ctx: ActionContext, note: unknown): Promise<CanAdd> {
  try {
    await createNoteWithMedia(ctx, note);
    return { canAdd: true };
  } catch (e) {
    return { canAdd: false, error: errorText(e) };
  }
}

async function canAddEach(ctx: ActionContext, notes: unknown): Promise<CanAdd[]> {
  const out: CanAdd[] = [];
  for (const note of iterate(notes)) out.push(await canAdd(ctx, note));
  return out;
}

export const canAddNote = action({ note: req<unknown>() }, async (ctx, { note }) => (await canAdd(ctx, note)).canAdd);

export const canAddNoteWithErrorDetail = action({ note: req<unknown>() }, (ctx, { note }) => canAdd(ctx, note));

export const canAddNotes = action({ notes: req<unknown[]>() }, async (ctx, { notes }) =>
  (await canAddEach(ctx, notes)).map((r) => r.canAdd),
);

export const canAddNotesWithErrorDetail = action({ notes: req<unknown[]>() }, (ctx, { notes }) => canAddEach(ctx, notes));

/** updateNoteFields: given names match exactly; unknown names are ignored. */
function updateFields(col: Collection, raw: unknown, media: NoteMedia = NO_MEDIA): null {
  const rawId = item(raw, 'id');
  const row = getNoteRow(col, noteId(rawId));
  if (!row) throw new Error(E.noteNotFound(rawId));
  const nt = notetypeById(col, row.mid);
  if (!nt) throw new Error(E.noteNotFound(rawId));
  const fields = assignFields(nt, storedFields(row, nt), item(raw, 'fields'), sameName);
  attachMedia(nt, fields, media);
  changeNote(col, row.id, { fields });
  return null;
}

/** updateFields with the note's media stored first (when AnkiConnect would get to them). */
async function updateFieldsWithMedia(ctx: ActionContext, raw: unknown): Promise<null> {
  const media = await noteMedia(ctx, raw, () => {
    const rawId = item(raw, 'id');
    const row = getNoteRow(ctx.col, noteId(rawId));
    if (!row || !notetypeById(ctx.col, row.mid)) throw new Error(E.noteNotFound(rawId));
    dictFor(item(raw, 'fields'), 'items');
  });
  return updateFields(ctx.col, raw, media);
}

export const updateNoteFields = action({ note: req<unknown>() }, (ctx, { note }) => updateFieldsWithMedia(ctx, note));

export const updateNote = action({ note: req<unknown>() }, async (ctx: ActionContext, { note }) => {
  const keys = Object.keys(dictFor(note, 'keys'));
  if (keys.includes('fields')) await updateFieldsWithMedia(ctx, note);
  // upstream: the fields are saved even when the tags then fail.
  if (keys.includes('tags')) await updateNoteTags.run(ctx, 'updateNoteTags', { note: item(note, 'id'), tags: item(note, 'tags') });
  if (!keys.includes('fields') && !keys.includes('tags')) throw new Error(E.fieldsOrTagsRequired);
  return null;
});

export const updateNoteModel = action({ note: req<unknown>() }, ({ col }, { note }) => {
  const get = (key: string, fallback: unknown = null) => (Object.hasOwn(dictFor(note, 'get'), key) ? (note as Dict)[key] : fallback);
  const id = get('id');
  if (!truthy(id)) throw new Error(E.noteIdRequired);
  const modelName = get('modelName');
  if (!truthy(modelName)) throw new Error(E.modelNameRequired);
  const given = get('fields');
  if (!truthy(given) || !isDict(given)) throw new Error(E.fieldsMustBeDict);
  const rawTags = get('tags', []);
  const row = getNoteRow(col, noteId(id));
  if (!row) throw new Error(E.noteNotFound(id));
  const nt = typeof modelName === 'string' ? notetypeByName(col, modelName) : undefined;
  if (!nt) throw new Error(E.modelNotFoundQuoted(modelName));
  const fields = assignFields(nt, nt.flds.map(() => ''), given, sameNameIgnoringCase);
  // upstream: fields not given become empty, and tags not given are cleared.
  changeNote(col, row.id, { nt, fields, tags: tagList(rawTags) });
  return null;
});

function noteInfo(ctx: ActionContext, nid: number, cards: Map<number, number[]>): Dict {
  const row = getNoteRow(ctx.col, nid);
  // upstream: an unknown id gives {} so the lists line up.
  if (!row) return {};
  const nt = notetypeById(ctx.col, row.mid);
  if (!nt) throw new Error(E.notSubscriptable('NoneType'));
  const values = storedFields(row, nt);
  const fields: Dict = {};
  for (const f of nt.flds) fields[f.name] = { value: values[f.ord] ?? '', order: f.ord };
  const cardIds = cards.get(nid);
  // upstream: a note without cards is a KeyError on its id.
  if (!cardIds) throw new Error(String(nid));
  return { noteId: row.id, profile: ctx.profile, tags: splitTags(row.tags), fields, modelName: nt.name, mod: row.mod, cards: cardIds };
}

function notesOfQuery(col: Collection, query: unknown): number[] {
  if (typeof query !== 'string') throw new Error(E.queryNotString(pyTypeName(query)));
  return findNoteIds(col, query);
}

export const notesInfo = action({ notes: opt<unknown>(null), query: opt<unknown>(null) }, (ctx, p) => {
  if (p.notes === null && p.query === null) throw new Error(E.notesOrQueryRequired);
  const nids = p.query !== null ? notesOfQuery(ctx.col, p.query) : iterate(p.notes).map(noteId);
  const cards = cardIdsOfNotes(ctx.col, nids);
  return nids.map((nid) => noteInfo(ctx, nid, cards));
});

export const notesModTime = action({ notes: req<number[]>() }, ({ col }, { notes }) =>
  iterate(notes).map((raw) => {
    const row = getNoteRow(col, noteId(raw));
    return row ? { noteId: row.id, mod: row.mod } : {};
  }),
);

export const deleteNotes = action({ notes: req<number[]>() }, ({ col }, { notes }) => {
  removeNotes(col, iterate(notes).map(noteId));
  return null;
});

/** upstream: despite its name, removes every note type (stock ones too) that no note uses. */
export const removeEmptyNotes = action({}, ({ col }) => {
  removeUnusedNotetypes(col);
  return null;
});
