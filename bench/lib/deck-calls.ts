/** createDeck calls for the bench: distinct names and checks of each answer. */
import { WrongAnswer } from './wrong-answer.ts';

/** `count` distinct top-level deck names starting with `prefix`. */
export function benchDeckNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix} ${String(i + 1).padStart(4, '0')}`);
}

/** Checks one createDeck reply: a new positive integer id, no error. */
export function checkCreatedDeck(name: string, reply: { result?: unknown; error?: unknown }, seen: Set<number>): void {
  const id = reply.result;
  if (reply.error !== null || typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0 || seen.has(id)) {
    throw new WrongAnswer(`createDeck ${JSON.stringify(name)} answered ${JSON.stringify(reply)}`);
  }
  seen.add(id);
}

/** Checks that every name is among the collection's deck names afterwards. */
export function checkDecksExist(names: readonly string[], deckNames: unknown): void {
  if (!Array.isArray(deckNames)) throw new WrongAnswer(`deckNames answered ${JSON.stringify(deckNames)}`);
  const present = new Set(deckNames);
  const missing = names.filter((n) => !present.has(n));
  if (missing.length) throw new WrongAnswer(`${missing.length} created decks are missing from deckNames, e.g. ${JSON.stringify(missing[0])}`);
}
