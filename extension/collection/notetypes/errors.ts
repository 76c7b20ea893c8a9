/**
 * What Anki itself says when a note type cannot be saved: its backend's
 * English messages (rslib notetype/*.rs, ftl/core/card-templates.ftl) and
 * pylib's. AnkiConnect passes them on unchanged. Anki's translations wrap
 * every inserted value in Unicode isolation marks (U+2068 … U+2069), so
 * these do too.
 */

const isolate = (value: string | number): string => `\u2068${value}\u2069`;

export const oneFieldRequired = '1 field required';
export const oneTemplateRequired = '1 template required';
export const emptyNotetypeName = 'Empty notetype name';
export const emptyFieldName = 'Empty field name';
export const invalidFieldName = (name: string) => `Field name: ${name}`;
export const emptyTemplateName = 'Empty template name';
export const templateNameOnlyQuotes = 'Template name contains only quotes';
/** pylib `remove_template`. */
export const mustHaveOneTemplate = 'must have 1 template';

/** Why a card template was refused (Anki's CardTypeErrorDetails). */
export type CardTypeProblem =
  | { kind: 'parse' }
  | { kind: 'duplicate'; index: number }
  | { kind: 'noFrontField' }
  | { kind: 'noSuchField'; field: string }
  | { kind: 'missingCloze' };

function problemText(p: CardTypeProblem): string {
  switch (p.kind) {
    case 'parse':
      return 'See the preview for more information.';
    case 'duplicate':
      return `The front side is identical to card template ${isolate(p.index + 1)}.`;
    case 'noFrontField':
      return 'Expected to find a field replacement on the front of the card template.';
    case 'noSuchField':
      return `Field '${isolate(p.field)}' not found.`;
    case 'missingCloze':
      return "Expected to find '{{cloze:Text}}' or similar on the front and back of the card template.";
  }
}

/** `Card template 1 in note type 'X' has a problem.<br>…` (template `ordinal` counts from 0). */
export function cardTypeError(notetype: string, ordinal: number, problem: CardTypeProblem): string {
  return `Card template ${isolate(ordinal + 1)} in note type '${isolate(notetype)}' has a problem.<br>${problemText(problem)}`;
}
