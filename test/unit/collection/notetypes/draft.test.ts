import { describe, expect, it } from 'vitest';
import {
  appendField,
  draftOf,
  finishDraft,
  moveField,
  moveTemplate,
  pyInsertPosition,
  removeTemplate,
} from '../../../../extension/collection/notetypes/draft.ts';
import { stockNotetypes } from '../../../../extension/collection/notetypes/stock.ts';

const optional = () => stockNotetypes(1)[2]!; // Front, Back, Add Reverse; Card 1, Card 2

describe('pyInsertPosition', () => {
  it('follows list.insert', () => {
    expect([0, 1, 5, -1, -2, -9].map((i) => pyInsertPosition(i, 2))).toEqual([0, 1, 2, 1, 0, 0]);
  });
});

describe('moving fields', () => {
  const order = (d: ReturnType<typeof draftOf>) => d.fields.map((s) => `${s.value.name}<${s.from}`);

  it('moves as reposition_field does, remembering where each came from', () => {
    const d = draftOf(optional());
    moveField(d, 0, 2);
    expect(order(d)).toEqual(['Back<1', 'Add Reverse<2', 'Front<0']);
  });

  it('inserts before the last for -1, and does nothing for the same index', () => {
    const d = draftOf(optional());
    moveField(d, 2, -1);
    expect(order(d)).toEqual(['Front<0', 'Add Reverse<2', 'Back<1']);
    moveField(d, 1, 1);
    expect(order(d)).toEqual(['Front<0', 'Add Reverse<2', 'Back<1']);
  });

  it('appends new fields with no origin and renumbers on finish', () => {
    const d = draftOf(optional());
    appendField(d, 'Extra');
    moveField(d, 3, 0);
    expect(order(d)).toEqual(['Extra<null', 'Front<0', 'Back<1', 'Add Reverse<2']);
    expect(finishDraft(d).flds.map((f) => f.ord)).toEqual([0, 1, 2, 3]);
  });

  it('leaves the stored note type alone', () => {
    const nt = optional();
    const d = draftOf(nt);
    moveTemplate(d, 0, 1);
    d.fields[0]!.value.name = 'X';
    finishDraft(d);
    expect(nt.flds[0]!.name).toBe('Front');
    expect(nt.tmpls[0]!.name).toBe('Card 1');
    expect(d.nt.tmpls.map((t) => t.name)).toEqual(['Card 2', 'Card 1']);
  });
});

describe('removeTemplate', () => {
  it('refuses to remove the only template', () => {
    const d = draftOf(stockNotetypes(1)[0]!);
    expect(() => removeTemplate(d, 0)).toThrow('must have 1 template');
  });
});
