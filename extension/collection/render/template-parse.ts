/**
 * Parsing card templates into a tree (template.rs, "Parsing"), shared by card
 * generation and rendering. `{{f2:f1:Field}}` becomes a replacement of
 * `Field` with filters `['f1', 'f2']` (the order they apply in); empty filter
 * names are kept, as Anki keeps them (rendering skips them). Sections must
 * close in order, or a TemplateError is thrown.
 */
import { TemplateError } from './template-error.ts';
import { lexTemplate, type TemplateToken } from './template-lex.ts';

export { TemplateError } from './template-error.ts';

export type TemplateNode =
  | { readonly type: 'text'; readonly text: string }
  /** `<!--text-->`: rendered as written, its handlebars ignored. */
  | { readonly type: 'comment'; readonly text: string }
  | { readonly type: 'replacement'; readonly fieldName: string; readonly filters: readonly string[] }
  /** `{{#name}}…{{/name}}`, or with `negated`, `{{^name}}…{{/name}}`. */
  | {
      readonly type: 'conditional';
      readonly name: string;
      readonly negated: boolean;
      readonly children: readonly TemplateNode[];
    };

export function parseTemplate(text: string): TemplateNode[] {
  const tokens = lexTemplate(text);
  const at = { index: 0 };
  return parseUntilClose(tokens, at, null);
}

function replacementNode(text: string): TemplateNode {
  const parts = text.split(':');
  const fieldName = parts.pop()!;
  return { type: 'replacement', fieldName, filters: parts.reverse() };
}

function parseUntilClose(tokens: readonly TemplateToken[], at: { index: number }, open: string | null): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  while (at.index < tokens.length) {
    const token = tokens[at.index++]!;
    switch (token.kind) {
      case 'text':
      case 'comment':
        nodes.push({ type: token.kind, text: token.text });
        break;
      case 'replacement':
        nodes.push(replacementNode(token.text));
        break;
      case 'open':
      case 'openNegated': {
        const children = parseUntilClose(tokens, at, token.key);
        nodes.push({ type: 'conditional', name: token.key, negated: token.kind === 'openNegated', children });
        break;
      }
      case 'close':
        if (open !== null && open === token.key) return nodes;
        throw new TemplateError({ kind: 'conditionalNotOpen', closed: token.key, currentlyOpen: open });
    }
  }
  if (open !== null) throw new TemplateError({ kind: 'conditionalNotClosed', tag: open });
  return nodes;
}

/**
 * `c1`, `c22`…: a conditional on the card's cloze number, not on a field
 * (`c` and a number that parses as a Rust u32, so `c+2` counts too).
 */
export function isClozeConditional(name: string): boolean {
  const m = /^c\+?(\d+)$/.exec(name);
  return m !== null && Number(m[1]) <= 0xffffffff;
}

/**
 * The names a template refers to, in order of first use, each once: every
 * replacement's field name (including special fields like `FrontSide`) and
 * every conditional's name except cloze-number ones (Anki's
 * `all_referenced_field_names`). Names need not be real fields.
 */
export function fieldsReferenced(nodes: readonly TemplateNode[]): string[] {
  const seen = new Set<string>();
  const walk = (list: readonly TemplateNode[]): void => {
    for (const node of list) {
      if (node.type === 'replacement') seen.add(node.fieldName);
      else if (node.type === 'conditional') {
        if (!isClozeConditional(node.name)) seen.add(node.name);
        walk(node.children);
      }
    }
  };
  walk(nodes);
  return [...seen];
}

/** The fields a template passes through the `cloze` filter (`{{cloze:Text}}`). */
export function clozeFieldsReferenced(nodes: readonly TemplateNode[]): string[] {
  const seen = new Set<string>();
  const walk = (list: readonly TemplateNode[]): void => {
    for (const node of list) {
      if (node.type === 'replacement' && node.filters.includes('cloze')) seen.add(node.fieldName);
      else if (node.type === 'conditional') walk(node.children);
    }
  };
  walk(nodes);
  return [...seen];
}
