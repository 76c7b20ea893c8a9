/**
 * findCardIds / findNoteIds over a small collection whose rows are inserted
 * directly (stock note types, a deck tree, a filtered deck, cards in every
 * queue). Expected ids are written from Anki's search rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { newDeckJson } from '../../../../extension/collection/decks/defaults.ts';
import { fieldChecksum, stripHtmlPreservingMediaFilenames } from '../../../../extension/collection/notes/text.ts';
import { notetypeByName } from '../../../../extension/collection/notetypes/lookup.ts';
import { findCardIds, findNoteIds, InvalidRegexError, SearchError } from '../../../../extension/collection/search/index.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { insertCard, insertNote } from '../../../helpers/rows.ts';

const NOW = TEST_NOW / 1000;
const DAY = 86_400;
/** The collection is created at TEST_NOW (offset 0): today is day 0, the next rollover is 04:00 tomorrow. */
const NEXT_DAY = Date.UTC(2026, 2, 11, 4) / 1000;

let col: Collection;
const ids = { lang: 0, japanese: 0, filtered: 900 };

function note(id: number, notetype: string, fields: string[], tags: string[] = [], mod = NOW): void {
  const nt = notetypeByName(col, notetype)!;
  const first = stripHtmlPreservingMediaFilenames(fields[0]!);
  insertNote(col, {
    id,
    mid: Number(nt.id),
    fields,
    tags,
    mod,
    sfld: stripHtmlPreservingMediaFilenames(fields[nt.sortf]!),
    csum: fieldChecksum(first),
  });
}

beforeAll(async () => {
  col = await newCollection();
  ids.lang = getOrCreateDeck(col, 'Lang');
  ids.japanese = getOrCreateDeck(col, 'Lang::Japanese');
  col.transact(() => {
    const decks = col.col.get('decks');
    decks[String(ids.filtered)] = { ...newDeckJson(ids.filtered, 'Cram', 0, -1), dyn: 1 };
    col.col.save('decks', decks, col.nowMs());
  });
  note(1, 'Basic', ['dog', 'a big animal'], ['animal', 'pets']);
  note(2, 'Basic', ['Dog house', '<b>wooden</b>'], ['house'], NOW - 3 * DAY);
  note(3, 'Basic', ['食べる', 'to eat'], ['jlpt::n5']);
  note(4, 'Basic', ['café', 'coffee']);
  note(5, 'Basic (and reversed card)', ['cat', 'feline'], ['animal']);
  note(6, 'Cloze', ['{{c1::Paris}} is the {{c2::capital}}', '']);
  insertCard(col, { id: 11, nid: 1, did: 1, type: 0, queue: 0, due: 1 });
  insertCard(col, { id: 21, nid: 2, did: ids.japanese, type: 2, queue: 2, due: 0, ivl: 5, factor: 2500, reps: 4 });
  insertCard(col, { id: 31, nid: 3, did: ids.lang, type: 2, queue: -1, due: 3, ivl: 20, lapses: 2 });
  insertCard(col, { id: 41, nid: 4, did: 1, type: 1, queue: 1, due: NOW + 600, flags: 3 });
  insertCard(col, { id: 51, nid: 5, did: 1, ord: 0, type: 0, queue: -3, due: 2 });
  insertCard(col, { id: 52, nid: 5, did: ids.filtered, odid: ids.japanese, ord: 1, type: 2, queue: 2, due: 1, odue: 7, ivl: 9 });
  insertCard(col, { id: 61, nid: 6, did: 1, ord: 0, type: 0, queue: -2, due: 3 });
  insertCard(col, { id: 62, nid: 6, did: 1, ord: 1, type: 0, queue: 0, due: 4 });
  col.transact(() => {
    // Answered yesterday (Good) and 3 days ago (Again); rescheduled today.
    col.db.run('insert into revlog values (?, 21, -1, 3, 5, 1, 2500, 1000, 1)', [(NEXT_DAY - DAY - 3600) * 1000]);
    col.db.run('insert into revlog values (?, 31, -1, 1, 20, 5, 2500, 1000, 1)', [(NEXT_DAY - 3 * DAY - 3600) * 1000]);
    col.db.run('insert into revlog values (?, 52, -1, 0, 9, 0, 0, 0, 4)', [(NOW - 60) * 1000]);
  });
});

const cards = (q: string) => findCardIds(col, q);
const notes = (q: string) => findNoteIds(col, q);

describe('findCardIds / findNoteIds', () => {
  it('returns everything for an empty query, in ascending id order', () => {
    expect(cards('')).toEqual([11, 21, 31, 41, 51, 52, 61, 62]);
    expect(notes('')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('finds text in any field, ASCII case-insensitively', () => {
    expect(notes('dog')).toEqual([2, 1].sort());
    expect(notes('DOG')).toEqual([1, 2]);
    expect(notes('wooden')).toEqual([2]);
    expect(notes('d_g')).toEqual([1, 2]);
    expect(notes('食')).toEqual([3]);
    expect(notes('dog or cat')).toEqual([1, 2, 5]);
    expect(notes('dog -house')).toEqual([1]);
    expect(cards('cat')).toEqual([51, 52]);
  });

  it('matches a whole field by name, also through the checksum index in any ASCII case', () => {
    expect(notes('front:dog')).toEqual([1]);
    expect(notes('Front:DoG')).toEqual([1]);
    expect(notes('"front:dog house"')).toEqual([2]);
    expect(notes('front:dog*')).toEqual([1, 2]);
    expect(notes('front:食べる')).toEqual([3]);
    expect(notes('back:*wooden*')).toEqual([2]);
    expect(notes('back:')).toEqual([]);
    expect(notes('"back extra:"')).toEqual([6]);
    expect(notes('back:_*')).toEqual([1, 2, 3, 4, 5]);
    expect(notes('nosuchfield:dog')).toEqual([]);
    expect(notes('*:coffee')).toEqual([4]);
  });

  it("answers Yomitan's duplicate query", () => {
    expect(notes('"deck:Lang::Japanese" "front:Dog house"')).toEqual([2]);
    expect(notes('"deck:Default" "front:Dog house"')).toEqual([]);
  });

  it('reads regexes, words, accents and clozes', () => {
    expect(notes('re:^dog')).toEqual([1, 2]);
    expect(notes('"re:(?-i)^Dog"')).toEqual([2]);
    expect(notes('w:dog')).toEqual([1, 2]);
    expect(notes('w:do')).toEqual([]);
    expect(notes('front:re:^caf')).toEqual([4]);
    expect(notes('nc:cafe')).toEqual([4]);
    expect(notes('cafe')).toEqual([]);
    expect(notes('"sc:Paris is the capital"')).toEqual([6]);
    expect(notes('"Paris is the capital"')).toEqual([]);
  });

  it('finds decks with their children and the home deck of filtered cards', () => {
    expect(cards('deck:lang')).toEqual([21, 31, 52]);
    expect(cards('deck:lang::japanese')).toEqual([21, 52]);
    expect(cards('deck:la*')).toEqual([21, 31, 52]);
    expect(cards('deck:filtered')).toEqual([52]);
    expect(cards('deck:cram')).toEqual([52]);
    expect(cards('deck:default')).toEqual([11, 41, 51, 61, 62]);
    expect(cards('deck:current')).toEqual([11, 41, 51, 61, 62]);
    expect(cards(`did:${ids.lang}`)).toEqual([31]);
    expect(cards('preset:default')).toEqual([11, 21, 31, 41, 51, 52, 61, 62]);
    expect(notes('deck:lang')).toEqual([2, 3, 5]);
  });

  it('finds note types, templates and tags', () => {
    expect(notes('note:basic')).toEqual([1, 2, 3, 4]);
    expect(notes('note:basic*')).toEqual([1, 2, 3, 4, 5]);
    expect(cards('card:2')).toEqual([52, 62]);
    expect(cards('"card:card 2"')).toEqual([52]);
    expect(notes('tag:animal')).toEqual([1, 5]);
    expect(notes('tag:ANIMAL')).toEqual([1, 5]);
    expect(notes('tag:jlpt')).toEqual([3]);
    expect(notes('tag:jlpt::n5')).toEqual([3]);
    expect(notes('tag:jl*')).toEqual([3]);
    expect(notes('tag:pet')).toEqual([]);
    expect(notes('tag:none')).toEqual([4, 6]);
    expect(notes('tag:re:^pe')).toEqual([1]);
  });

  it('finds card states, flags and properties', () => {
    expect(cards('is:new')).toEqual([11, 51, 61, 62]);
    expect(cards('is:review')).toEqual([21, 31, 52]);
    expect(cards('is:learn')).toEqual([41]);
    expect(cards('is:due')).toEqual([21, 41]);
    expect(cards('is:suspended')).toEqual([31]);
    expect(cards('is:buried')).toEqual([51, 61]);
    expect(cards('is:buried-manually')).toEqual([51]);
    expect(cards('is:buried-sibling')).toEqual([61]);
    expect(cards('flag:3')).toEqual([41]);
    expect(cards('prop:ivl>=9')).toEqual([31, 52]);
    expect(cards('prop:lapses=2')).toEqual([31]);
    expect(cards('prop:ease=2.5')).toEqual([21]);
    expect(cards('prop:due=7')).toEqual([52]);
    expect(cards('prop:pos<=2')).toEqual([11, 51]);
  });

  it('finds by ids, history and time', () => {
    expect(cards('nid:1,5')).toEqual([11, 51, 52]);
    expect(notes('cid:52,61')).toEqual([5, 6]);
    expect(cards('rated:1')).toEqual([]);
    expect(cards('rated:2')).toEqual([21]);
    expect(cards('rated:4:1')).toEqual([31]);
    expect(cards('resched:1')).toEqual([52]);
    expect(cards('introduced:2')).toEqual([21]);
    expect(notes('edited:1')).toEqual([1, 3, 4, 5, 6]);
    expect(cards('added:1')).toEqual([]);
    expect(notes(`mid:${notetypeByName(col, 'Cloze')!.id}`)).toEqual([6]);
  });

  it('finds duplicates of a first field', () => {
    const basic = notetypeByName(col, 'Basic')!.id;
    expect(notes(`dupe:${basic},dog`)).toEqual([1]);
    expect(notes(`"dupe:${basic},<i>Dog house</i>"`)).toEqual([2]);
    expect(notes(`dupe:${basic},cat`)).toEqual([]);
  });

  it('reports malformed queries and bad regexes', () => {
    expect(() => cards('(dog')).toThrow(SearchError);
    expect(() => cards('is:nope')).toThrow("Invalid search: `is:` was given an invalid argument '`nope`'.");
    expect(() => notes('"re:("')).toThrow(InvalidRegexError);
    expect(() => notes('"re:a("')).toThrow(/^<pre>regex parse error:\n    \(\?i\)a\(\nerror: /);
  });
});
