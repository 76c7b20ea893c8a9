/** The tag list (col.tags): listing and clearing unused tags (tags/remove.rs). */
import { describe, expect, it } from 'vitest';
import { canonifyTags } from '../../../../extension/collection/tags/canonify.ts';
import { allTags, clearUnusedTags } from '../../../../extension/collection/tags/registry.ts';
import { newCollection } from '../../../helpers/builders.ts';
import { insertNote } from '../../../helpers/rows.ts';

describe('allTags', () => {
  it('lists the registered tags sorted case-insensitively', async () => {
    const col = await newCollection();
    col.transact(() => canonifyTags(col, ['b', 'C', 'a::x', 'A']));
    expect(allTags(col)).toEqual(['A', 'a::x', 'b', 'C']);
  });
});

describe('clearUnusedTags', () => {
  it('drops tags no note uses, keeping parents of used tags', async () => {
    const col = await newCollection();
    col.transact(() => canonifyTags(col, ['used', 'unused', 'Parent', 'parent::child', 'Parent::other', 'deep::a::b']));
    insertNote(col, { tags: ['USED', 'parent::child::grand'] });
    insertNote(col, { tags: ['deep::a::b::c'] });
    expect(clearUnusedTags(col)).toBe(2);
    expect(allTags(col)).toEqual(['deep::a::b', 'Parent', 'Parent::child', 'used']);
    // the parent it kept still sets the case of new children
    const added = col.transact(() => canonifyTags(col, ['PARENT::new'])).result;
    expect(added.tags).toEqual(['Parent::new']);
  });

  it('writes nothing when every tag is used', async () => {
    const col = await newCollection();
    col.transact(() => canonifyTags(col, ['x']));
    insertNote(col, { tags: ['x'] });
    const out = col.transact(() => clearUnusedTags(col));
    expect(out.result).toBe(0);
    expect(out.statements).toHaveLength(0);
  });

  it('empties the list when no note has tags, and forgets the removed tags’ case', async () => {
    const col = await newCollection();
    col.transact(() => canonifyTags(col, ['Gone']));
    insertNote(col, { tags: [] });
    expect(clearUnusedTags(col)).toBe(1);
    expect(col.col.get('tags')).toEqual({});
    expect(col.transact(() => canonifyTags(col, ['gone'])).result.tags).toEqual(['gone']);
  });
});
