/** Which cloze numbers a text holds (cloze.rs `cloze_number_in_fields`). */
import { parseClozesMemo, type ClozeNode } from './cloze-parse.ts';

function collect(nodes: readonly ClozeNode[], into: Set<number>): void {
  for (const node of nodes) {
    if (node.type !== 'cloze') continue;
    for (const n of node.ordinals) if (n !== 0) into.add(n);
    collect(node.children, into);
  }
}

/** The numbers (> 0) of the closed cloze deletions in `text`, nested ones included. */
export function clozeNumbersInText(text: string): Set<number> {
  const out = new Set<number>();
  if (text.includes('{{c')) collect(parseClozesMemo(text), out);
  return out;
}

/** The cloze numbers found in any of `fields`. */
export function clozeNumbersInFields(fields: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const field of fields) if (field.includes('{{c')) collect(parseClozesMemo(field), out);
  return out;
}
