import { describe, expect, test } from 'vitest';
import { parseTemplate } from '../../../../extension/collection/render/template-parse.ts';
import { rendersWithFields } from '../../../../extension/collection/render/template-nonempty.ts';

const renders = (src: string, nonEmpty: string[], checkNegated = true): boolean =>
  rendersWithFields(parseTemplate(src), new Set(nonEmpty), checkNegated);

describe('rendersWithFields', () => {
  test('one non-empty replacement is enough; text alone is not', () => {
    expect(renders('{{2}}{{1}}', ['1', '3'])).toBe(true);
    expect(renders('{{2}}', ['1', '3'])).toBe(false);
    expect(renders('{{2}}{{4}}', ['1', '3'])).toBe(false);
    expect(renders('static text', ['1'])).toBe(false);
    expect(renders('', ['1'])).toBe(false);
  });

  test('filters do not matter', () => {
    expect(renders('{{type:B}}', ['B'])).toBe(true);
    expect(renders('{{text:furigana:B}}', ['B'])).toBe(true);
  });

  test('sections', () => {
    expect(renders('{{#A}}{{B}}{{/A}}', ['A', 'B'])).toBe(true);
    expect(renders('{{#A}}{{B}}{{/A}}', ['B'])).toBe(false);
    expect(renders('{{#A}}{{B}}{{/A}}', ['A'])).toBe(false);
    expect(renders('{{^A}}{{B}}{{/A}}', ['B'])).toBe(true);
    expect(renders('{{^A}}{{B}}{{/A}}', ['A', 'B'])).toBe(false);
    expect(renders('{{#3}}{{^2}}{{1}}{{/2}}{{/3}}', ['1', '3'])).toBe(true);
    expect(renders('{{#3}}{{^1}}{{1}}{{/1}}{{/3}}', ['1', '3'])).toBe(false);
  });

  test('without checkNegated (legacy req), {{^F}} counts by its contents', () => {
    expect(renders('{{^1}}{{3}}{{/1}}', ['1', '3'])).toBe(false);
    expect(renders('{{^1}}{{3}}{{/1}}', ['1', '3'], false)).toBe(true);
  });

  test('commented-out fields do not count', () => {
    expect(renders('<!--{{A}}-->', ['A'])).toBe(false);
  });
});
