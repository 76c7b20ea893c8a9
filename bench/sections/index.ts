/** The bench's sections, in the order `npm run bench` runs them. */
import { addNoteSection } from './add-note.ts';
import { addNotesSection } from './add-notes.ts';
import { answerCardsSection } from './answer-cards.ts';
import { canAddSection } from './can-add.ts';
import { cardsInfoSection } from './cards-info.ts';
import { createDeckEngineSection } from './create-deck-engine.ts';
import { createDeckSection } from './create-deck.ts';
import { searchSection } from './search.ts';
import { storeMediaSection } from './store-media.ts';
import { packagesSection } from './packages.ts';
import type { Section } from './section.ts';
import { versionSection } from './version.ts';

/**
 * Order matters for time only: createDeck loads the 100,000-note fixture,
 * canAdd and search use it as loaded, search then loads the 10,000-note
 * one, and the note-writing sections come last (a section that needs a
 * fixture with its notes as built reloads it when an earlier one wrote).
 */
export const SECTIONS: readonly Section[] = [
  versionSection,
  createDeckSection,
  createDeckEngineSection,
  canAddSection,
  searchSection,
  addNoteSection,
  addNotesSection,
  cardsInfoSection,
  answerCardsSection,
  storeMediaSection,
  packagesSection,
];
