/**
 * Template syntax and field errors, worded as Anki's English messages
 * (ftl/core/card-template-rendering.ftl). Parsing raises the first three;
 * rendering raises the field ones.
 */

export type TemplateErrorDetail =
  | { kind: 'conditionalNotClosed'; tag: string }
  | { kind: 'conditionalNotOpen'; closed: string; currentlyOpen: string | null }
  | { kind: 'fieldNotFound'; field: string; filters: string }
  | { kind: 'noSuchConditional'; condition: string };

export class TemplateError extends Error {
  constructor(readonly detail: TemplateErrorDetail) {
    super(templateErrorMessage(detail));
    this.name = 'TemplateError';
  }
}

/** The English text Anki shows for an error (before its "Front template has a problem:" header). */
export function templateErrorMessage(detail: TemplateErrorDetail): string {
  switch (detail.kind) {
    case 'conditionalNotClosed':
      return `Missing '{{/${detail.tag}}}'`;
    case 'conditionalNotOpen':
      return detail.currentlyOpen !== null
        ? `Found '{{/${detail.closed}}}', but expected '{{/${detail.currentlyOpen}}}'`
        : `Found '{{/${detail.closed}}}', but missing '{{#${detail.closed}}}' or '{{^${detail.closed}}}'`;
    case 'fieldNotFound':
      // `filters` is the filter prefix as written, e.g. "text:" (empty when none).
      return `Found '{{${detail.filters}${detail.field}}}', but there is no field called '${detail.field}'`;
    case 'noSuchConditional':
      // `condition` keeps its sigil, e.g. "#Back".
      return `Found '{{${detail.condition}}}', but there is no field called '${detail.condition.slice(1)}'`;
  }
}
