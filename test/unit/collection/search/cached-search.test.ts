/**
 * Searches over the note cache answer exactly what SQLite alone answers
 * (reference.ts): every corpus query and a set of text, regex, field and
 * tag queries, alone and combined with card terms, on the search seed plus
 * notes that stress the text rules (ASCII-only case folding, Unicode
 * classes, clozes, numeric sort fields) and notes SQLite must judge itself
 * (NUL, U+FFFD, a lone surrogate, a blob, an id-less note type).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { findCardIds, findNoteIds, InvalidRegexError } from '../../../../extension/collection/search/index.ts';
import { hasNoteCache } from '../../../../extension/collection/search/note-cache.ts';
import { buildSearchSeed, DECK, MID, VOCAB_MID } from '../../../helpers/search-seed.ts';
import { insertCard, insertNote } from '../../../helpers/rows.ts';
import { COMBO_ROWS } from './corpus-combos.ts';
import { DECK_ROWS } from './corpus-decks.ts';
import { FIELD_ROWS } from './corpus-fields.ts';
import { SCHED_ROWS } from './corpus-sched.ts';
import { TEXT_ROWS } from './corpus-text.ts';
import { referenceIds, type Mode } from './reference.ts';

let col: Collection;

const find = (query: string, mode: Mode) => (mode === 'cards' ? findCardIds(col, query) : findNoteIds(col, query));

function addNotes(): void {
  const basic = (id: number, fields: string[], tags: string[] = [], sfld: string | number = fields[0]!) =>
    insertNote(col, { id, mid: MID.basic, fields, tags, sfld });
  basic(5001, ['Teacher <b>TEACH</b>er', 'back 123 ٣٤٥'], ['school', 'Tag017::sub']);
  basic(5002, ['K\u212a s\u017f straße STRASSE', 'x_y 50%'], ['TAG01::child']);
  basic(5003, ['emoji 😀 12a', 'tea\u3000cher ＡＢ１２'], ['tag0']);
  basic(5004, ['nul\0teacher', 'a'], ['odd']);
  basic(5005, ['bad \ufffd teacher', 'x'], ['odd']);
  basic(5006, ['lone \ud83d teacher', 'x'], ['odd']);
  basic(5008, ['12', 'number'], [], 12);
  basic(5009, ['1.5', 'real'], [], 1.5);
  basic(5010, ['1e3', 'exponent'], [], '1e3');
  basic(5011, ['back\\slash 100%', 'é\u0301 e\u0301te'], ['tag0::x']);
  insertNote(col, { id: 5012, mid: MID.cloze, fields: ['{{c1::teacher}} and {{c2::dog::hint}}', 'extra 999'], tags: ['school'], sfld: '{{c1::teacher}} and {{c2::dog::hint}}' });
  insertNote(col, { id: 5013, mid: VOCAB_MID, fields: ['食べる', 'たべる', 'to eat 123', 'teacher excluded'], sfld: 'たべる' });
  insertNote(col, { id: 5014, mid: 2 ** 60, fields: ['teacher of no type', 'x'] });
  col.transact(() => {
    col.db.run('insert into notes values (5007, ?, ?, ?, -1, ?, ?, ?, 0, 0, ?)', [
      'blob-guid', MID.basic, 0, ' blob ', new TextEncoder().encode('teacher blob\x1fback 123'), 'teacher blob', '',
    ]);
  });
  const card = (id: number, nid: number, did: number, queue = 0, ord = 0) => insertCard(col, { id, nid, did, queue, type: queue === -1 ? 2 : 0, ord });
  card(6001, 5001, DECK.Default);
  card(6002, 5001, DECK.French, -1, 1);
  card(6003, 5003, DECK.JapaneseVocab);
  card(6004, 5004, DECK.Default);
  card(6005, 5005, DECK.French);
  card(6007, 5007, DECK.Default);
  card(6008, 5012, DECK.French);
  card(6009, 5012, DECK.Default, -1, 1);
  card(6010, 5013, DECK.JapaneseVocabN5);
  card(6011, 5014, DECK.Default);
}

beforeAll(async () => {
  col = (await buildSearchSeed()).col;
  addNotes();
});

const QUERIES = [
  'teacher', 'TEACHER', 'teach*', '*cher', 'tea_cher', 't_acher', '"tea cher"', 'nc:teacher', 'sc:teacher', 'sc:dog',
  'w:teacher', 'w:teach*', 're:teach', 're:\\d{3}', 're:(?-i)Teacher', 're:\\bteacher\\b', 're:\\D\\d', 're:\\s\\S', 're:\\w+\\W',
  're:^k\\w', 're:(?s)a.b', 're:[\\d\\s]{2}', 're:\\B', 'front:teacher*', 'front:*', 'front:', 'back:*123*', 'front:re:^k',
  '*:teacher', '*:re:teach', '*:x', '*:*teacher*', 'expression:食べる', 'notes:teacher', 'meaning:*eat*', 'text:*teacher*',
  'tag:school', 'tag:tag017', 'tag:TAG01', 'tag:tag0*', 'tag:none', 'tag:re:^tag0', 'tag:nc:tag0*', 'tag:*', 'tag:odd',
  '-teacher', 'teacher or dog', 'teacher -tag:school', 'deck:Default teacher', 'is:new teacher', '-is:suspended tag:tag0*',
  '(teacher or re:\\d{3}) -deck:French', 'note:Basic teacher', `mid:${MID.basic} teacher`, 'nid:5001,5004 teacher',
  'cid:6001,6002 teacher', 'card:2 teacher', 'prop:ivl>=0 teacher', 'added:1 teacher', 'edited:1 teacher', 'flag:0 teacher',
  'deck:* teacher', 'is:due or teacher', '-(teacher or tag:school)', '(teacher deck:French) or (dog -is:new)',
  '12', '1.5', '1e3', '1000', 'k', 'ſ', 'strasse', 'straße', 'ß', '٣', 'emoji', '😀', '_', '%', '\\\\', '100%', 'x_y',
  'back\\\\slash', 'é', 'ＡＢ', 'front:1*', 'tea\u3000cher', 'blob', 'odd', 'no type', 'front:K*', 'front:k*',
];

describe('searches over the note cache', () => {
  it('uses the cache', () => {
    findNoteIds(col, 'teacher');
    expect(hasNoteCache(col.db)).toBe(true);
  });

  const corpus = [...TEXT_ROWS, ...FIELD_ROWS, ...DECK_ROWS, ...SCHED_ROWS, ...COMBO_ROWS].map((r) => [r[0], r[1]] as const);
  it.each([...corpus, ...QUERIES.flatMap((q) => [[q, 'notes'] as const, [q, 'cards'] as const])])('%j (%s) as SQLite alone', (query, mode) => {
    expect(find(query, mode)).toEqual(referenceIds(col, query, mode));
  });

  it('reports a LIKE pattern SQLite finds too long as SQLite does', () => {
    const query = 'x'.repeat(50_001);
    expect(() => findNoteIds(col, query)).toThrow(/too complex/);
    expect(() => referenceIds(col, query, 'notes')).toThrow(/too complex/);
  });

  it('reports an invalid regex as SQLite does', () => {
    for (const query of ['"re:("', 'deck:Default "re:("', '"tag:re:("', '"front:re:("']) {
      expect(() => findNoteIds(col, query), query).toThrow(InvalidRegexError);
      expect(() => referenceIds(col, query, 'notes'), query).toThrow(/regex/);
    }
  });
});
