/** The bench's sections, in the order `npm run bench` runs them. */
import { createDeckEngineSection } from './create-deck-engine.ts';
import { createDeckSection } from './create-deck.ts';
import type { Section } from './section.ts';
import { versionSection } from './version.ts';

export const SECTIONS: readonly Section[] = [versionSection, createDeckSection, createDeckEngineSection];
