/**
 * The legacy `req` list Anki still writes for old clients
 * (notetype/mod.rs `updated_requirements`, template.rs `requirements`): per
 * template, the fields any one of which makes the front non-empty ("any"),
 * else the fields all needed for it ("all"), else "none". Computed with
 * `{{^F}}` sections counting by their contents alone, as Anki does here.
 */
import type { TemplateNode } from '../render/template-parse.ts';
import { rendersWithFields } from '../render/template-nonempty.ts';
import type { RequirementJson } from './types.ts';

function requirement(front: readonly TemplateNode[], fieldNames: readonly string[]): [RequirementJson[1], number[]] {
  const renders = (names: Iterable<string>) => rendersWithFields(front, new Set(names), false);
  const any = fieldNames.flatMap((name, ord) => (renders([name]) ? [ord] : []));
  if (any.length) return ['any', any];
  const all = new Set(fieldNames);
  const needed = fieldNames.flatMap((name, ord) => {
    const without = new Set(all);
    without.delete(name);
    return renders(without) ? [] : [ord];
  });
  return needed.length && renders(all) ? ['all', needed] : ['none', []];
}

/** `req` for templates whose fronts are given parsed (null: did not parse, so "none"). */
export function requirements(fronts: readonly (readonly TemplateNode[] | null)[], fieldNames: readonly string[]): RequirementJson[] {
  return fronts.map((front, ord) => {
    const [kind, ords] = front ? requirement(front, fieldNames) : (['none', []] as [RequirementJson[1], number[]]);
    return [ord, kind, ords];
  });
}
