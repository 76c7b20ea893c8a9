import { describe, expect, it } from 'vitest';
import {
  hasClozeReplacement,
  hasFieldReplacement,
  renameAndRemoveFields,
  templateToString,
  tryParseTemplate,
  withReplacement,
} from '../../../../extension/collection/notetypes/template-rewrite.ts';

const rewrite = (text: string, renames: [string, string | null][]) =>
  templateToString(renameAndRemoveFields(tryParseTemplate(text)!, new Map(renames)));

describe('templateToString', () => {
  it.each([
    ['{{Front}}', '{{Front}}'],
    ['a {{ Front }} b', 'a {{Front}} b'],
    ['{{text:furigana:Reading}}', '{{text:furigana:Reading}}'],
    ['{{#A}}x{{^B}}y{{/B}}{{/A}}', '{{#A}}x{{^B}}y{{/B}}{{/A}}'],
    ['<!-- {{Front}} -->{{Back}}', '<!-- {{Front}} -->{{Back}}'],
    ['{{Front', '{{Front'],
  ])('writes %j back as %j', (input, output) => {
    expect(templateToString(tryParseTemplate(input)!)).toBe(output);
  });
});

describe('renameAndRemoveFields', () => {
  it('follows a renamed field everywhere (Anki field_renaming_and_deleting)', () => {
    const q = '{{Front}}\n{{#Front}}{{some:Front}}{{Back}}{{/Front}}';
    expect(rewrite(q, [['Front', 'Test']])).toBe('{{Test}}\n{{#Test}}{{some:Test}}{{Back}}{{/Test}}');
    expect(rewrite('{{Test}}\n{{#Test}}{{some:Test}}{{Back}}{{/Test}}', [['Test', null]])).toBe('\n{{Back}}');
  });

  it('renames negated sections and filtered references; leaves other names and case variants', () => {
    expect(rewrite('{{^Old}}{{tts en_US:Old}}{{/Old}} {{old}} {{Other}}', [['Old', 'New']])).toBe(
      '{{^New}}{{tts en_US:New}}{{/New}} {{old}} {{Other}}',
    );
  });

  it('swaps names at once', () => {
    expect(rewrite('{{A}}/{{B}}', [['A', 'B'], ['B', 'A']])).toBe('{{B}}/{{A}}');
  });

  it('does not parse unbalanced templates', () => {
    expect(tryParseTemplate('{{#A}}x')).toBeNull();
    expect(tryParseTemplate('{{/A}}')).toBeNull();
  });
});

describe('replacement checks', () => {
  it('sees field and cloze replacements inside sections', () => {
    const nodes = tryParseTemplate('{{#A}}{{cloze:Text}}{{/A}}')!;
    expect(hasFieldReplacement(nodes)).toBe(true);
    expect(hasClozeReplacement(nodes)).toBe(true);
    expect(hasFieldReplacement(tryParseTemplate('{{#A}}x{{/A}}')!)).toBe(false);
    expect(hasClozeReplacement(tryParseTemplate('{{Text}}')!)).toBe(false);
  });

  it('adds a missing replacement, as cloze on cloze types', () => {
    expect(templateToString(withReplacement(tryParseTemplate('front ')!, 'baz', false))).toBe('front {{baz}}');
    expect(templateToString(withReplacement(tryParseTemplate('back ')!, 'baz', true))).toBe('back {{cloze:baz}}');
  });
});
