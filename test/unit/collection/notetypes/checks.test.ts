import { describe, expect, it } from 'vitest';
import { checkTemplates, type ParsedSides } from '../../../../extension/collection/notetypes/checks.ts';
import { stockNotetypes } from '../../../../extension/collection/notetypes/stock.ts';
import { tryParseTemplate } from '../../../../extension/collection/notetypes/template-rewrite.ts';
import type { NotetypeJson } from '../../../../extension/collection/notetypes/types.ts';

const L = '\u2068';
const R = '\u2069';

function check(nt: NotetypeJson): void {
  const parsed: ParsedSides[] = nt.tmpls.map((t) => [tryParseTemplate(t.qfmt), tryParseTemplate(t.afmt)]);
  checkTemplates(nt, parsed);
}

function basic(qfmt: string, afmt = '{{Back}}'): NotetypeJson {
  const nt = stockNotetypes(1)[0]!;
  Object.assign(nt.tmpls[0]!, { qfmt, afmt });
  return nt;
}

const problem = (n: number, name: string, text: string) => `Card template ${L}${n}${R} in note type '${L}${name}${R}' has a problem.<br>${text}`;

describe('checkTemplates', () => {
  it('accepts every stock note type', () => {
    for (const nt of stockNotetypes(1)) expect(() => check(nt)).not.toThrow();
  });

  it('refuses a front with no field', () => {
    expect(() => check(basic('just text'))).toThrow(
      problem(1, 'Basic', 'Expected to find a field replacement on the front of the card template.'),
    );
  });

  it('refuses unknown fields on either side, but not special or empty names', () => {
    expect(() => check(basic('{{Front}}', '{{Frnt}}'))).toThrow(problem(1, 'Basic', `Field '${L}Frnt${R}' not found.`));
    expect(() => check(basic('{{front}}'))).toThrow(`Field '${L}front${R}' not found.`);
    expect(() => check(basic('{{Front}}{{Tags}}{{Deck}}{{#c1}}x{{/c1}}', '{{FrontSide}}{{text:}}'))).not.toThrow();
  });

  it('refuses templates that do not parse', () => {
    expect(() => check(basic('{{#Front}}x'))).toThrow(problem(1, 'Basic', 'See the preview for more information.'));
  });

  it('refuses identical fronts unless they use {{Card}}', () => {
    const nt = stockNotetypes(1)[1]!;
    nt.tmpls[1]!.qfmt = '{{Front}}';
    expect(() => check(nt)).toThrow(problem(2, 'Basic (and reversed card)', `The front side is identical to card template ${L}1${R}.`));
    nt.tmpls[0]!.qfmt = nt.tmpls[1]!.qfmt = '{{Front}}{{Card}}';
    expect(() => check(nt)).not.toThrow();
  });

  it('needs a cloze replacement on both sides of a cloze type', () => {
    const nt = stockNotetypes(1)[4]!;
    nt.tmpls[0]!.afmt = '{{Text}}';
    expect(() => check(nt)).toThrow(
      problem(1, 'Cloze', "Expected to find '{{cloze:Text}}' or similar on the front and back of the card template."),
    );
  });
});
