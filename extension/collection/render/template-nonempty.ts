/**
 * Whether a parsed template has something to show given the non-empty fields
 * (template.rs `template_is_empty`): a replacement of a non-empty field counts,
 * whatever its filters; text alone does not. `{{#F}}` counts when F is
 * non-empty and its contents count; `{{^F}}` when F is empty and its contents
 * count. Used for card generation and for the "front is blank" check.
 */
import type { NameSet } from './field-map.ts';
import type { TemplateNode } from './template-parse.ts';

/**
 * `checkNegated: false` gives the legacy `req` computation, where `{{^F}}`
 * sections count by their contents alone.
 */
export function rendersWithFields(
  nodes: readonly TemplateNode[],
  nonEmpty: NameSet,
  checkNegated = true,
): boolean {
  for (const node of nodes) {
    switch (node.type) {
      case 'replacement':
        if (nonEmpty.has(node.fieldName)) return true;
        break;
      case 'conditional':
        if (node.negated ? checkNegated && nonEmpty.has(node.name) : !nonEmpty.has(node.name)) break;
        if (rendersWithFields(node.children, nonEmpty, checkNegated)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}
