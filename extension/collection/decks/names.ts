/**
 * Deck names. Humans write `A::B`; Anki's native form joins components with
 * \x1f. Components are NFC-normalised, lose control characters and `"`, are
 * trimmed, and an empty one becomes "blank" (decks/name.rs).
 */
export const NATIVE_SEPARATOR = '\x1f';

function normalizeComponent(component: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = component.normalize('NFC').replace(/[\x00-\x1f\x7f"]/g, '');
  const trimmed = cleaned.trim();
  return trimmed === '' ? 'blank' : trimmed;
}

/** Native name (\x1f-separated, normalised) for a human name. */
export function nativeDeckName(human: string): string {
  return human.split('::').map(normalizeComponent).join(NATIVE_SEPARATOR);
}

export function humanDeckName(native: string): string {
  return native.split(NATIVE_SEPARATOR).join('::');
}

/** The native parent's name, or null at the top level. */
export function parentNativeName(native: string): string | null {
  const at = native.lastIndexOf(NATIVE_SEPARATOR);
  return at < 0 ? null : native.slice(0, at);
}

/** Deck names compare as Anki's unicase collation: case-insensitively. */
export function foldName(name: string): string {
  return name.toLowerCase();
}

/** Sort order of `select … order by name` over native names, case-insensitive. */
export function compareNativeNames(a: string, b: string): number {
  const fa = foldName(a);
  const fb = foldName(b);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}
