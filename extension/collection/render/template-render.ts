/**
 * Rendering a parsed template with a card's fields (template.rs,
 * "Rendering", as completed by pylib's template.py). Text and comments are
 * copied; `{{Field}}` inserts the field's HTML through its filters;
 * `{{FrontSide}}` inserts the rendered question (nothing on the question
 * itself); `{{#F}}…{{/F}}` renders when F is non-empty, `{{^F}}…{{/F}}` when
 * it is empty. A field or section naming nothing in the field map is a
 * TemplateError, even inside a section that does not render.
 */
import type { NameSet } from './field-map.ts';
import { applyFilters, type FilterContext } from './filters.ts';
import { TemplateError } from './template-error.ts';
import { isClozeConditional, type TemplateNode } from './template-parse.ts';

export interface RenderContext extends FilterContext {
  /** Note fields, then the special fields that no note field shadows, then `c<ord+1>` = "1". */
  readonly fields: ReadonlyMap<string, string>;
  /** The names in `fields` whose value is not empty (fieldIsEmpty). */
  readonly nonEmpty: NameSet;
  /** What `{{FrontSide}}` inserts: "" on the question, the rendered question on the answer. */
  readonly frontSide: string;
}

const FRONT_SIDE = 'FrontSide';

/** The template's text for this card. Throws TemplateError for an unknown field or section. */
export function renderTemplate(nodes: readonly TemplateNode[], ctx: RenderContext): string {
  return render(nodes, ctx, true);
}

/** With `emit` false only checks for errors (the contents of a section that does not show). */
function render(nodes: readonly TemplateNode[], ctx: RenderContext, emit: boolean): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (emit) out += node.text;
        break;
      case 'comment':
        if (emit) out += `<!--${node.text}-->`;
        break;
      case 'replacement': {
        const text = replacement(node, ctx, emit);
        if (emit) out += text;
        break;
      }
      case 'conditional': {
        const shown = evaluateConditional(node.name, node.negated, ctx);
        const inner = render(node.children, ctx, emit && shown);
        if (emit && shown) out += inner;
        break;
      }
    }
  }
  return out;
}

function replacement(node: Extract<TemplateNode, { type: 'replacement' }>, ctx: RenderContext, emit: boolean): string {
  const { fieldName, filters } = node;
  if (fieldName === FRONT_SIDE) return ctx.frontSide;
  // A filter with no field (`{{tts-voices:}}`) is left to add-on hooks: nothing without them.
  if (fieldName === '' && filters.length > 0) return '';
  const value = ctx.fields.get(fieldName);
  if (value === undefined) {
    const written = [...filters].reverse().map((f) => f + ':').join('');
    throw new TemplateError({ kind: 'fieldNotFound', field: fieldName, filters: written });
  }
  if (!emit || filters.length === 0) return value;
  return applyFilters(value, filters, fieldName, ctx);
}

function evaluateConditional(name: string, negated: boolean, ctx: RenderContext): boolean {
  if (ctx.nonEmpty.has(name)) return !negated;
  if (ctx.fields.has(name) || isClozeConditional(name)) return negated;
  throw new TemplateError({ kind: 'noSuchConditional', condition: (negated ? '^' : '#') + name });
}
