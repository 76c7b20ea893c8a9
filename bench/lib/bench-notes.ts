/**
 * Notes the bench adds through the API (addNote, addNotes) or tests
 * (canAddNotesWithErrorDetail): AnkiConnect note objects with realistic
 * Basic content (as Yomitan fills them) and 1–2 fixture tags. Every Front
 * carries `·<label><n>`, which no fixture note has, so a new note is never
 * a duplicate of one already there.
 */
import { japaneseBasic, seededRandom } from './fixture-content.ts';
import { pickTags } from './fixture-layout.ts';

export interface ApiNote {
  deckName: string;
  modelName: string;
  fields: Record<string, string>;
  tags: string[];
  options?: Record<string, unknown>;
}

/** A Front that is in no fixture and differs for every (label, n). */
export function newFront(rand: () => number, label: string, n: number): string {
  return `${japaneseBasic(rand, n).front}·${label}${n}`;
}

/** `count` new Basic notes for `deckName`, deterministic for a given label. */
export function newBasicNotes(label: string, count: number, deckName: string): ApiNote[] {
  const rand = seededRandom(label.split('').reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
  return Array.from({ length: count }, (_, n) => {
    const { back } = japaneseBasic(rand, n);
    return { deckName, modelName: 'Basic', fields: { Front: newFront(rand, label, n), Back: back }, tags: pickTags(rand) };
  });
}
