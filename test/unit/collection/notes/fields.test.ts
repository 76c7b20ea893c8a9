import { describe, expect, it } from 'vitest';
import {
  derivedColumns,
  fixFieldCount,
  joinFields,
  normalizeFieldText,
  splitFields,
} from '../../../../extension/collection/notes/fields.ts';
import { fieldChecksum } from '../../../../extension/collection/notes/text.ts';

describe('fields', () => {
  it('joins and splits on \\x1f', () => {
    expect(joinFields(['a', 'b', ''])).toBe('a\x1fb\x1f');
    expect(splitFields('a\x1fb\x1f')).toEqual(['a', 'b', '']);
  });
  it('removes control characters except \\n and \\t, and NFC-normalises', () => {
    expect(normalizeFieldText('a\r\nb\tc\x00d\x1fe\x7f')).toBe('a\nb\tcde');
    expect(normalizeFieldText('e\u0301')).toBe('é');
    expect(normalizeFieldText('e\u0301', false)).toBe('e\u0301');
  });
  it('derives csum from the first field and sfld from the sort field', () => {
    expect(derivedColumns({ sortf: 0 }, ['<b>hello</b>', 'x'])).toEqual({ sfld: 'hello', csum: 2868168221 });
    expect(derivedColumns({ sortf: 1 }, ['hello', '<i>b</i>'])).toEqual({ sfld: 'b', csum: fieldChecksum('hello') });
    expect(derivedColumns({ sortf: 5 }, ['hello'])).toEqual({ sfld: '', csum: 2868168221 });
  });
  it('fits fields to a note type as Anki does', () => {
    expect(fixFieldCount(['a'], 3)).toEqual(['a', '', '']);
    expect(fixFieldCount(['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'b; c; d']);
    expect(fixFieldCount(['a', 'b'], 0)).toEqual(['a; b']);
  });
});
