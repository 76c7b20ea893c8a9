/**
 * When Anki treats a field as empty (template.rs `field_is_empty`): nothing but
 * ASCII whitespace and bare `<br>` / `<div>` / `</div>` tags (any case, with an
 * optional space and `/` before the `>`). `&nbsp;` and U+00A0 are content.
 */

const EMPTY_FIELD = /^(?:[\t\n\v\f\r ]|<\/?(?:br|div) ?\/?>)*$/i;

export function fieldIsEmpty(text: string): boolean {
  if (text === '') return true;
  // Most fields start with content: no need for the pattern then.
  const first = text.charCodeAt(0);
  if (first !== 0x3c && first !== 0x20 && (first < 0x09 || first > 0x0d)) return false;
  return EMPTY_FIELD.test(text);
}
