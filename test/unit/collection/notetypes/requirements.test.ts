import { describe, expect, it } from 'vitest';
import { requirements } from '../../../../extension/collection/notetypes/requirements.ts';
import { tryParseTemplate } from '../../../../extension/collection/notetypes/template-rewrite.ts';

const req = (front: string, fields: string[]) => requirements([tryParseTemplate(front)], fields)[0];

describe('requirements', () => {
  it('matches the stock note types', () => {
    expect(req('{{Front}}', ['Front', 'Back'])).toEqual([0, 'any', [0]]);
    expect(req('{{#Add Reverse}}{{Back}}{{/Add Reverse}}', ['Front', 'Back', 'Add Reverse'])).toEqual([0, 'all', [1, 2]]);
    expect(req('{{Front}}\n\n{{type:Back}}', ['Front', 'Back'])).toEqual([0, 'any', [0, 1]]);
  });

  it('gives none for fronts no field makes non-empty, and for unparsable ones', () => {
    expect(req('static text {{Tags}}', ['Front'])).toEqual([0, 'none', []]);
    expect(requirements([null], ['Front'])).toEqual([[0, 'none', []]]);
  });

  it('counts negated sections by their contents', () => {
    expect(req('{{^Back}}{{Front}}{{/Back}}', ['Front', 'Back'])).toEqual([0, 'any', [0]]);
  });

  it('numbers templates by position', () => {
    expect(requirements([tryParseTemplate('{{A}}'), tryParseTemplate('{{B}}')], ['A', 'B'])).toEqual([
      [0, 'any', [0]],
      [1, 'any', [1]],
    ]);
  });
});
