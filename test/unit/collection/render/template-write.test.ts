import { describe, expect, test } from 'vitest';
import { parseTemplate } from '../../../../extension/collection/render/template-parse.ts';
import {
  containsFieldReplacement,
  renameAndRemoveFields,
  templateToString,
} from '../../../../extension/collection/render/template-write.ts';

describe('renameAndRemoveFields', () => {
  test('renames replacements and sections, keeps filters and comments', () => {
    const nodes = parseTemplate('{{#Front}}{{text:Front}}{{/Front}}<!-- {{Front}} -->{{Back}}');
    const out = renameAndRemoveFields(nodes, new Map([['Front', 'Question']]));
    expect(templateToString(out)).toBe('{{#Question}}{{text:Question}}{{/Question}}<!-- {{Front}} -->{{Back}}');
  });

  test('removal drops replacements and unwraps sections', () => {
    const nodes = parseTemplate('{{^Extra}}a{{Extra}}{{Back}}{{/Extra}}!');
    const out = renameAndRemoveFields(nodes, new Map([['Extra', null]]));
    expect(templateToString(out)).toBe('a{{Back}}!');
  });

  test('legacy delimiters are written as {{ }}', () => {
    expect(templateToString(parseTemplate('{{=<% %>=}}<%Front%>'))).toBe('{{Front}}');
  });
});

describe('containsFieldReplacement', () => {
  test.each([
    ['{{Front}}', true],
    ['{{#A}}{{#B}}{{x:C}}{{/B}}{{/A}}', true],
    ['{{#A}}text{{/A}}', false],
    ['<!--{{A}}-->', false],
    ['', false],
  ])('%j → %s', (src, expected) => {
    expect(containsFieldReplacement(parseTemplate(src))).toBe(expected);
  });
});
