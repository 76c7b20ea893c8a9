/**
 * Writing a parsed template back as text, and the field renames and
 * removals Anki applies to templates when a note type's fields change
 * (template.rs `template_to_string`, `rename_and_remove_fields`). The text
 * always uses `{{ }}`, whatever delimiters the original used.
 */
import type { TemplateNode } from './template-parse.ts';

export function templateToString(nodes: readonly TemplateNode[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.text;
        break;
      case 'comment':
        out += `<!--${node.text}-->`;
        break;
      case 'replacement':
        out += `{{${[...node.filters].reverse().concat(node.fieldName).join(':')}}}`;
        break;
      case 'conditional':
        out += `{{${node.negated ? '^' : '#'}${node.name}}}${templateToString(node.children)}{{/${node.name}}}`;
        break;
    }
  }
  return out;
}

/**
 * Applies field renames (old name → new name) and removals (old name →
 * null): a removed field's replacements disappear and its sections are
 * replaced by their contents. Names not in `changes` stay.
 */
export function renameAndRemoveFields(
  nodes: readonly TemplateNode[],
  changes: ReadonlyMap<string, string | null>,
): TemplateNode[] {
  const out: TemplateNode[] = [];
  for (const node of nodes) {
    if (node.type === 'replacement') {
      const change = changes.get(node.fieldName);
      if (change === undefined) out.push(node);
      else if (change !== null) out.push({ ...node, fieldName: change });
    } else if (node.type === 'conditional') {
      const children = renameAndRemoveFields(node.children, changes);
      const change = changes.get(node.name);
      if (change === undefined) out.push({ ...node, children });
      else if (change === null) out.push(...children);
      else out.push({ ...node, name: change, children });
    } else {
      out.push(node);
    }
  }
  return out;
}

/** True when some replacement (with or without filters) is left anywhere. */
export function containsFieldReplacement(nodes: readonly TemplateNode[]): boolean {
  return nodes.some((n) => n.type === 'replacement' || (n.type === 'conditional' && containsFieldReplacement(n.children)));
}
