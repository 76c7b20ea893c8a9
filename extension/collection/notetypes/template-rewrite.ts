/**
 * Card templates as Anki rewrites them when fields are renamed or removed
 * (template.rs, "Renaming & deleting fields" and "Writing back to a string"):
 * references to a renamed field follow it, references to a removed field go
 * (a removed field's sections keep their contents), and the tree is written
 * back in Anki's normal form (`{{ Front }}` becomes `{{Front}}`).
 */
import { parseTemplate, type TemplateNode } from '../render/template-parse.ts';

/** The parsed template, or null when it does not parse (Anki leaves such templates alone). */
export function tryParseTemplate(text: string): TemplateNode[] | null {
  try {
    return parseTemplate(text);
  } catch {
    return null;
  }
}

/** Old field name → new name, or null for a removed field. */
export type FieldRenames = ReadonlyMap<string, string | null>;

export function renameAndRemoveFields(nodes: readonly TemplateNode[], renames: FieldRenames): TemplateNode[] {
  const out: TemplateNode[] = [];
  for (const node of nodes) {
    if (node.type === 'replacement') {
      const to = renames.get(node.fieldName);
      if (to === undefined) out.push(node);
      else if (to !== null) out.push({ ...node, fieldName: to });
    } else if (node.type === 'conditional') {
      const children = renameAndRemoveFields(node.children, renames);
      const to = renames.get(node.name);
      if (to === null) out.push(...children);
      else out.push({ ...node, name: to ?? node.name, children });
    } else {
      out.push(node);
    }
  }
  return out;
}

function someReplacement(nodes: readonly TemplateNode[], test: (n: TemplateNode & { type: 'replacement' }) => boolean): boolean {
  return nodes.some((n) => (n.type === 'replacement' ? test(n) : n.type === 'conditional' && someReplacement(n.children, test)));
}

/** Whether any `{{…Field}}` replacement is left (special fields count). */
export function hasFieldReplacement(nodes: readonly TemplateNode[]): boolean {
  return someReplacement(nodes, () => true);
}

/** Whether any replacement goes through the `cloze` filter. */
export function hasClozeReplacement(nodes: readonly TemplateNode[]): boolean {
  return someReplacement(nodes, (n) => n.filters.includes('cloze'));
}

/** Anki's `add_missing_field_replacement`: `{{Field}}`, or `{{cloze:Field}}` on a cloze type. */
export function withReplacement(nodes: readonly TemplateNode[], field: string, cloze: boolean): TemplateNode[] {
  return [...nodes, { type: 'replacement', fieldName: field, filters: cloze ? ['cloze'] : [] }];
}

export { templateToString } from '../render/template-write.ts';

