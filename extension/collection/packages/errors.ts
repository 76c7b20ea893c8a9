/**
 * Why a package cannot be read or imported. Every failure of the package
 * reader and the importer is a PackageError with a sentence a person can act
 * on; nothing in the collection has changed when one is thrown.
 */
export class PackageError extends Error {
  override readonly name = 'PackageError';
}

/** Anki's wording for a package it cannot make sense of (ImportError::Corrupt). */
export const notAValidPackage = 'The provided file is not a valid .apkg file.';

export const invalidPackage = (detail: string) => `${notAValidPackage} ${detail}`;

export const notAZip = invalidPackage('It is not a zip archive.');

export const missingMember = (name: string) => invalidPackage(`It has no "${name}" inside.`);

export const tooNew = 'This package was made by a newer version of Anki than this extension can import.';

export const unsupportedSchema = (ver: unknown) =>
  invalidPackage(`Its collection has schema version ${String(ver)}, which cannot be imported.`);

export const collectionUnreadable = (detail: string) => invalidPackage(`Its collection cannot be read: ${detail}`);

export const mediaListInvalid = invalidPackage('Its media list is damaged.');

export const unsafeMediaName = (name: string) => invalidPackage(`It names a media file "${name}" outside the media folder.`);

export const missingNotetype = (mid: unknown, nid: unknown) =>
  invalidPackage(`Note ${String(nid)} uses note type ${String(mid)}, which the package does not contain.`);

export const wrongFieldCount = (nid: unknown, have: number, expected: number) =>
  invalidPackage(`Note ${String(nid)} has ${have} fields, expected ${expected}.`);

export const notetypeKindConflict = 'A note type in the package is a cloze type where the collection has a normal one (or the reverse).';

export const collectionChanged = 'The collection kept changing while the package was being imported; please try again.';

/** Turns anything thrown while reading a package into a PackageError. */
export function asPackageError(e: unknown, wrap: (detail: string) => string): PackageError {
  if (e instanceof PackageError) return e;
  return new PackageError(wrap(e instanceof Error ? e.message : String(e)));
}
