/**
 * The `audio`, `video` and `picture` a note may carry (AnkiConnect's
 * addMediaFromNote): each medium, one object or a list, is stored as
 * storeMediaFile stores it (without removing an old file unless
 * `deleteExisting` says so), and its reference is appended to each listed
 * field: `[sound:name]` for audio and video, `<img src="name">` for a
 * picture. A medium that fails puts its HTML-escaped error text into those
 * fields instead; only an error while reading `fields` itself fails the note.
 *
 * Storing is asynchronous and a note is made in one synchronous
 * transaction, so this runs in two steps: prepareNoteMedia stores the files
 * and plans the appends, applyNoteMedia applies them where AnkiConnect does.
 */
import type { ActionContext } from './define.ts';
import * as E from './errors.ts';
import { storeMedia } from './media-files.ts';
import { pyTypeName } from './python.ts';

type Dict = Record<string, unknown>;

/** What a note's media add to its fields, and the error that stops the note, if any. */
export interface NoteMedia {
  appends: { field: unknown; text: string }[];
  error: Error | null;
}

export const NO_MEDIA: NoteMedia = Object.freeze({ appends: [], error: null }) as NoteMedia;

const KINDS = [
  ['audio', (name: string) => `[sound:${name}]`],
  ['video', (name: string) => `[sound:${name}]`],
  ['picture', (name: string) => `<img src="${name}">`],
] as const;

const isDict = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Python's `media[key]`. */
function item(media: unknown, key: string): unknown {
  if (!isDict(media)) throw new Error(E.notSubscriptable(pyTypeName(media)));
  if (!Object.hasOwn(media, key)) throw new Error(E.keyError(key));
  return media[key];
}

const get = (media: Dict, key: string) => (Object.hasOwn(media, key) ? media[key] : null);

/** Python's `for x in value`. */
function iterate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isDict(value)) return Object.keys(value);
  throw new Error(E.notIterable(pyTypeName(value)));
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** True when the note names any medium (anything else has nothing to store). */
export function hasNoteMedia(note: unknown): boolean {
  return isDict(note) && KINDS.some(([key]) => note[key] !== undefined && note[key] !== null);
}

async function addOne(ctx: ActionContext, media: unknown, reference: (name: string) => string, plan: NoteMedia): Promise<void> {
  try {
    const filename = item(media, 'filename');
    const m = media as Dict;
    const name = await storeMedia(ctx, {
      filename,
      data: get(m, 'data'),
      path: get(m, 'path'),
      url: get(m, 'url'),
      skipHash: get(m, 'skipHash'),
      deleteExisting: get(m, 'deleteExisting'),
    });
    if (name !== null && Object.hasOwn(m, 'fields') && Array.isArray(m.fields)) {
      for (const field of m.fields) plan.appends.push({ field, text: reference(name) });
    }
  } catch (e) {
    const text = escapeHtml(e instanceof Error ? e.message : String(e));
    for (const field of iterate(item(media, 'fields'))) plan.appends.push({ field, text });
  }
}

/** Stores every medium of the note, in AnkiConnect's order, and plans the field appends. */
export async function prepareNoteMedia(ctx: ActionContext, note: unknown): Promise<NoteMedia> {
  if (!hasNoteMedia(note)) return NO_MEDIA;
  const plan: NoteMedia = { appends: [], error: null };
  try {
    for (const [key, reference] of KINDS) {
      const value = (note as Dict)[key];
      if (value === undefined || value === null) continue;
      for (const media of Array.isArray(value) ? value : [value]) {
        if (media !== null) await addOne(ctx, media, reference, plan);
      }
    }
  } catch (e) {
    plan.error = e instanceof Error ? e : new Error(String(e));
  }
  return plan;
}

/** Appends the planned texts to the named fields (`field in ankiNote`: exact names), or throws the planned error. */
export function applyNoteMedia(fieldNames: readonly string[], fields: string[], media: NoteMedia): void {
  for (const { field, text } of media.appends) {
    const ord = typeof field === 'string' ? fieldNames.indexOf(field) : -1;
    if (ord >= 0) fields[ord] += text;
  }
  if (media.error) throw media.error;
}
