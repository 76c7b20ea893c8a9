/**
 * Media file names in a package (package/media.rs): a package may only name
 * plain files in the media folder, and names are brought to Anki's normal
 * form (media/names.ts).
 */
import { normalizeMediaName, withHashSuffix } from '../media/names.ts';
import { PackageError, unsafeMediaName } from './errors.ts';

export { normalizeMediaName };

/** True for a name that stays inside the media folder: one plain path component. */
export function mediaNameIsSafe(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/** The normalised name of a file a package names; an unsafe name makes the package invalid. */
export function safeNormalizedMediaName(name: string): string {
  if (!mediaNameIsSafe(name)) throw new PackageError(unsafeMediaName(name));
  return normalizeMediaName(name);
}

/** `stem-<sha1 hex>.ext`: the name a clashing file is imported under (`add_hash_suffix_to_file_stem`). */
export function addHashSuffixToFileStem(name: string, sha1Hex: string): string {
  return withHashSuffix(name, sha1Hex);
}

/** Files used by templates rather than notes (`_` prefix) and LaTeX images. */
export function isStaticMediaName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('latex-');
}
