/**
 * Media file names as Anki makes them (rslib media/files.rs): NFC, problem
 * characters removed, Windows device names and trailing dots or spaces
 * guarded, at most 120 UTF-8 bytes, and the `name-<sha1>.ext` form a name
 * takes when another file already has it. Also the older Python rules
 * AnkiConnect still uses to look a file up (`stripIllegal`, `os.path.basename`).
 */

/** Longest media file name, in UTF-8 bytes (sync/media MAX_MEDIA_FILENAME_LENGTH). */
export const MAX_MEDIA_NAME_BYTES = 120;

const encoder = new TextEncoder();
const utf8Length = (s: string) => encoder.encode(s).length;

/**
 * Characters Anki removes: those some platform forbids, ASCII controls, and
 * unassigned code points. (Anki asks a Unicode 10 table; this engine's
 * Unicode is newer, so a character assigned since then is kept here.)
 */
const DISALLOWED = /[[\]<>:"/?*^\\|\x00-\x1f\x7f\p{Cn}]/gu;
const WINDOWS_DEVICE = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\.|$)/i;
const TRAILING_DOT_OR_SPACE = /[ .]$/;

/** The longest prefix of `s` of at most `max` UTF-8 bytes that ends on a character boundary. */
function truncateUtf8(s: string, max: number): string {
  if (s.length * 3 <= max || utf8Length(s) <= max) return s;
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (bytes + n > max) break;
    bytes += n;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** Stem and extension (split at the last dot), cut so `stem.ext_` fits in `maxBytes`. */
function splitAndTruncate(name: string, maxBytes: number): [string, string] {
  const dot = name.lastIndexOf('.');
  let stem = dot < 0 ? name : name.slice(0, dot);
  let ext = dot < 0 ? '' : name.slice(dot + 1);
  ext = truncateUtf8(ext, 10);
  stem = truncateUtf8(stem, maxBytes - utf8Length(ext) - 2);
  return [stem, ext];
}

function truncateName(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const [stem, ext] = splitAndTruncate(name, maxBytes);
  const out = ext ? `${stem}.${ext}` : stem;
  return TRAILING_DOT_OR_SPACE.test(out) ? `${out}_` : out;
}

/** Anki's normalize_filename. */
export function normalizeMediaName(name: string): string {
  let out = name.normalize('NFC').replace(DISALLOWED, '').replaceAll('\u00a0', ' ');
  out = out.replace(WINDOWS_DEVICE, '$1_$2');
  if (TRAILING_DOT_OR_SPACE.test(out)) out += '_';
  return truncateName(out, MAX_MEDIA_NAME_BYTES);
}

/** `foo.jpg` → `foo-<40 hex digits>.jpg` (Anki's add_hash_suffix_to_file_stem). */
export function withHashSuffix(name: string, sha1Hex: string): string {
  const [stem, ext] = splitAndTruncate(name, MAX_MEDIA_NAME_BYTES - 40 - 1);
  return `${stem}-${sha1Hex}.${ext}`;
}

/** Python's os.path.basename on POSIX: what follows the last slash. */
export function pyBasename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The legacy `MediaManager.stripIllegal` AnkiConnect applies before reading a file. */
export function stripIllegalLegacy(name: string): string {
  return name.replace(/[\][><:"/?*^\\|\0\r\n]/g, '');
}

/** A name that can be a file in the media folder (no path parts). */
export function isPlainMediaName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\0');
}
