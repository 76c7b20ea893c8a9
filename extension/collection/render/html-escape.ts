/**
 * HTML escaping as the `htmlescape` crate (0.3) does it, which Anki uses for
 * error details (`encode_minimal`) and for attribute values such as a
 * cloze's `data-cloze` (`encode_attribute`).
 */

const MINIMAL: Readonly<Record<string, string>> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#x27;',
  '<': '&lt;',
  '>': '&gt;',
};

const MINIMAL_CHARS = /["&'<>]/g;

/** `"`, `&`, `'`, `<` and `>` as entities; everything else as it is. */
export function encodeMinimal(text: string): string {
  return text.replace(MINIMAL_CHARS, (c) => MINIMAL[c]!);
}

/** Code units below 256 other than ASCII letters and digits (the crate's "needs encoding" test). */
const ATTRIBUTE_CHARS = /[^A-Za-z0-9\u0100-\uffff]/g;

const HEX = '0123456789ABCDEF';

/**
 * The minimal entities, and every other character below U+0100 that is not
 * an ASCII letter or digit as `&#xHH;` (two upper-case hex digits): a space
 * is `&#x20;`, `é` is `&#xE9;`. Characters from U+0100 up stay as they are.
 */
export function encodeAttribute(text: string): string {
  return text.replace(ATTRIBUTE_CHARS, (c) => {
    const minimal = MINIMAL[c];
    if (minimal) return minimal;
    const n = c.charCodeAt(0);
    return `&#x${HEX[n >> 4]}${HEX[n & 15]};`;
  });
}
