import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../../extension/collection/notetypes/draft.ts';
import { fixFieldName, fixNames, fixTemplateName } from '../../../../extension/collection/notetypes/names.ts';
import { stockNotetypes } from '../../../../extension/collection/notetypes/stock.ts';

describe('fixFieldName', () => {
  it('cleans names as Anki does (fields.rs test)', () => {
    expect(fixFieldName('  # /^ t:e{s"t} field name #/^  ')).toBe('test field name #/^');
  });

  it('refuses empty names and names with nothing left', () => {
    expect(() => fixFieldName('')).toThrow('Empty field name');
    expect(() => fixFieldName(' #{}:')).toThrow('Field name:  #');
  });
});

describe('fixTemplateName', () => {
  it('drops quotes and refuses empty names', () => {
    expect(fixTemplateName('"Card" 1')).toBe('Card 1');
    expect(() => fixTemplateName('')).toThrow('Empty template name');
    expect(() => fixTemplateName('""')).toThrow('Template name contains only quotes');
  });
});

describe('fixNames', () => {
  it('makes field and template names unique case-insensitively with +', () => {
    const d = draftOf(stockNotetypes(1)[1]!);
    d.fields[1]!.value.name = 'front';
    d.templates[1]!.value.name = 'CARD 1';
    fixNames(d);
    expect(d.fields.map((s) => s.value.name)).toEqual(['Front', 'front+']);
    expect(d.templates.map((s) => s.value.name)).toEqual(['Card 1', 'CARD 1+']);
  });

  it('drops quotes from the note type name and NFC-normalises names', () => {
    const d = draftOf(stockNotetypes(1)[0]!);
    d.nt.name = '"Cafe\u0301"';
    d.fields[0]!.value.name = 'e\u0301';
    fixNames(d);
    expect(d.nt.name).toBe('Caf\u00e9');
    expect(d.fields[0]!.value.name).toBe('\u00e9');
    d.nt.name = '""';
    expect(() => fixNames(d)).toThrow('Empty notetype name');
  });
});
