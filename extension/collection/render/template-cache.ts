/**
 * Parsed templates, kept by their text so that rendering many cards parses
 * each note type's templates once. Keyed by the text itself, the cache can
 * never serve a template that has since changed. A template that does not
 * parse keeps its error, thrown again on every use.
 */
import { parseTemplate, TemplateError, type TemplateNode } from './template-parse.ts';

const LIMIT = 256;
const cache = new Map<string, readonly TemplateNode[] | TemplateError>();

/** The template's tree; throws its TemplateError when it does not parse. */
export function parsedTemplate(text: string): readonly TemplateNode[] {
  let entry = cache.get(text);
  if (entry === undefined) {
    try {
      entry = parseTemplate(text);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      entry = e;
    }
    if (cache.size >= LIMIT) cache.clear();
    cache.set(text, entry);
  }
  if (entry instanceof TemplateError) throw entry;
  return entry;
}
