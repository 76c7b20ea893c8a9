/**
 * SQL-writer goldens (the shape of Anki's sqlwriter.rs `sql()` test) over a
 * hand-made lookup: four note types, a deck tree, two presets, fixed timing.
 */
import { describe, expect, it } from 'vitest';
import { fieldChecksum } from '../../../../extension/collection/notes/text.ts';
import type { NotetypeInfo, SearchLookup } from '../../../../extension/collection/search/lookup.ts';
import { parse } from '../../../../extension/collection/search/parse.ts';
import { searchSql, type ItemType, type SqlShape } from '../../../../extension/collection/search/sql.ts';

const F = '\x1f';
const NEXT_DAY = 1_773_201_600;
const NOW = 1_773_144_000;
const TODAY = 99;

const field = (name: string, ord: number, excludeFromSearch = false) => ({ name, ord, excludeFromSearch });
const NOTETYPES: NotetypeInfo[] = [
  { id: '100', name: 'Basic', cloze: false, sortIdx: 0, fields: [field('Front', 0), field('Back', 1)], templates: [{ name: 'Card 1', ord: 0 }] },
  {
    id: '101',
    name: 'Basic (and reversed card)',
    cloze: false,
    sortIdx: 0,
    fields: [field('Front', 0), field('Back', 1)],
    templates: [{ name: 'Card 1', ord: 0 }, { name: 'Card 2', ord: 1 }],
  },
  { id: '102', name: 'Cloze', cloze: true, sortIdx: 0, fields: [field('Text', 0), field('Back Extra', 1)], templates: [{ name: 'Cloze', ord: 0 }] },
  {
    id: '103',
    name: 'Vocab',
    cloze: false,
    sortIdx: 1,
    fields: [field('Expression', 0), field('Front', 1), field('Meaning', 2), field('Notes', 3)],
    templates: [{ name: 'Recognition', ord: 0 }],
  },
];

function lookup(overrides: Partial<SearchLookup> = {}): SearchLookup {
  return {
    notetypes: () => NOTETYPES,
    decks: () => [
      { id: '1', name: 'Default', presetId: '1', filtered: false },
      { id: '2', name: 'Lang', presetId: '2', filtered: false },
      { id: '3', name: `Lang${F}Japanese`, presetId: '2', filtered: false },
      { id: '4', name: 'Language', presetId: '1', filtered: false },
      { id: '5', name: 'Cram', presetId: null, filtered: true },
      { id: '6', name: 'Cram 2', presetId: null, filtered: true },
    ],
    presets: () => [{ id: '1', name: 'Default' }, { id: '2', name: 'Fast' }],
    currentDeckId: () => '3',
    timing: () => ({ today: TODAY, nextDayAt: NEXT_DAY, now: NOW }),
    learnAheadSecs: () => 1200,
    normalizeText: () => true,
    ignoreAccents: () => false,
    notesByChecksum: () => [],
    ...overrides,
  };
}

const CARDS_AND_NOTES = 'select c.id from cards c, notes n where c.nid=n.id and ';

/** The WHERE part (cards mode) and the arguments. */
function s(query: string, l: SearchLookup = lookup()): [string, unknown[]] {
  const { sql, args } = searchSql(parse(query), 'cards', l);
  const where = sql.startsWith(CARDS_AND_NOTES) ? sql.slice(CARDS_AND_NOTES.length) : sql.replace('select c.id from cards c where ', '');
  return [where, args];
}

const like = (p: string) => `like ${p} escape '\\'`;

describe('searchSql: tables', () => {
  it.each<[string, ItemType, string]>([
    ['', 'cards', 'select c.id from cards c where (true)'],
    ['', 'notes', 'select n.id from notes n where (true)'],
    ['cid:1', 'cards', 'select c.id from cards c where (c.id in (1))'],
    ['nid:1', 'cards', 'select c.id from cards c where (c.nid in (1))'],
    ['nid:1', 'notes', 'select n.id from notes n where (n.id in (1))'],
    ['mid:5', 'notes', 'select n.id from notes n where (n.mid = 5)'],
    ['mid:5', 'cards', `${CARDS_AND_NOTES}(n.mid = 5)`],
    ['flag:2', 'notes', 'select distinct c.nid from cards c where ((c.flags & 7) == 2)'],
    ['flag:2 tag:x', 'notes', "select distinct n.id from cards c, notes n where c.nid=n.id and (((c.flags & 7) == 2 and (n.tags like ?1 escape '\\' or n.tags like ?2 escape '\\')))"],
    ['card:2', 'cards', `${CARDS_AND_NOTES}(c.ord = 1)`],
    ['cid:1 nid:2', 'cards', 'select c.id from cards c where ((c.id in (1) and c.nid in (2)))'],
  ])('%s (%s)', (query, item, sql) => {
    expect(searchSql(parse(query), item, lookup()).sql).toBe(sql);
  });

  it.each<[string, ItemType, SqlShape, string]>([
    ['flag:2', 'notes', { distinct: false }, 'select c.nid from cards c where ((c.flags & 7) == 2)'],
    ['flag:2 mid:5', 'notes', { distinct: false }, 'select n.id from cards c, notes n where c.nid=n.id and (((c.flags & 7) == 2 and n.mid = 5))'],
    ['mid:5', 'notes', { distinct: false }, 'select n.id from notes n where (n.mid = 5)'],
    ['flag:2', 'cards', { withNoteIds: true }, 'select c.id, c.nid from cards c where ((c.flags & 7) == 2)'],
    ['mid:5', 'cards', { withNoteIds: true }, `select c.id, n.id ${CARDS_AND_NOTES.slice('select c.id '.length)}(n.mid = 5)`],
  ])('%s (%s, %j)', (query, item, shape, sql) => {
    expect(searchSql(parse(query), item, lookup(), shape).sql).toBe(sql);
  });
});

describe('searchSql: text and fields', () => {
  it('matches unqualified text in the sort field or any field', () => {
    expect(s('te*st')).toEqual([`((n.sfld ${like('?1')} or n.flds ${like('?1')}))`, ['%te%st%']]);
    expect(s('te%st')[1]).toEqual(['%te\\%st%']);
    expect(s('te\\*s\\_t')[1]).toEqual(['%te*s\\_t%']);
  });

  it('normalises search text to NFC unless the collection says not to', () => {
    expect(s('cafe\u0301')[1]).toEqual(['%café%']);
    expect(s('cafe\u0301', lookup({ normalizeText: () => false }))[1]).toEqual(['%cafe\u0301%']);
  });

  it('searches only searchable fields when some are excluded', () => {
    const nts: NotetypeInfo[] = [
      { ...NOTETYPES[0]!, fields: [field('Front', 0), field('Back', 1, true)] },
      { ...NOTETYPES[3]!, fields: [field('Expression', 0, true), field('Front', 1), field('Meaning', 2), field('Notes', 3, true)] },
    ];
    expect(s('dog', lookup({ notetypes: () => nts }))).toEqual([
      `(((n.mid = 100 and (n.flds ${like(`'' || ?1 || '${F}%'`)} or n.sfld ${like('?1')})) or ` +
        `(n.mid = 103 and (n.flds ${like(`'%${F}' || ?1 || '${F}%'`)} or n.sfld ${like('?1')}))))`,
      ['%dog%'],
    ]);
  });

  it('strips combining marks for nc: and clozes for sc: (cloze note types only)', () => {
    expect(s('nc:frânçais')).toEqual([
      `((coalesce(process_text(cast(n.sfld as text), 1), n.sfld) ${like('?1')} or coalesce(process_text(n.flds, 1), n.flds) ${like('?1')}))`,
      ['%francais%'],
    ]);
    expect(s('sc:abc')).toEqual([
      `((n.mid in (102) and (coalesce(process_text(cast(n.sfld as text), 2), n.sfld) ${like('?1')} or coalesce(process_text(n.flds, 2), n.flds) ${like('?1')})))`,
      ['%abc%'],
    ]);
  });

  it('matches a whole field by name in every note type that has it', () => {
    expect(s('front:te*st')).toEqual([
      `(((n.mid = 100 and (n.flds ${like(`'' || ?1 || '${F}%'`)})) or ` +
        `(n.mid = 101 and (n.flds ${like(`'' || ?1 || '${F}%'`)})) or ` +
        `(n.mid = 103 and (n.flds ${like(`'%${F}' || ?1 || '${F}%${F}%'`)}))))`,
      ['te%st'],
    ]);
    expect(s('nosuchfield:x')).toEqual(['(false)', []]);
  });

  it('narrows an exact first-field match through the checksum index', () => {
    const variants = ['dog', 'Dog', 'dOg', 'DOg', 'doG', 'DoG', 'dOG', 'DOG'];
    const sums = [...new Set(variants.map(fieldChecksum))].sort((a, b) => a - b);
    expect(s('text:dog')).toEqual([`((n.csum in (${sums.join(',')}) and ((n.mid = 102 and (n.flds ${like(`'' || ?1 || '${F}%'`)})))))`, ['dog']]);
    const kana = fieldChecksum('食べる');
    expect(s('"expression:食べる"')[0]).toContain(`n.csum in (${kana}) and `);
    // Front is not first everywhere, and wildcards defeat the checksum.
    expect(s('front:dog')[0]).not.toContain('csum');
    expect(s('text:d*g')[0]).not.toContain('csum');
    expect(s('text:d_g')[0]).not.toContain('csum');
    expect(s('text:nc:dog')[0]).not.toContain('csum');
  });

  it('globs field names and tests emptiness without joining ranges', () => {
    expect(s('f*:')[0]).toBe(
      `(((n.mid = 100 and (n.flds ${like(`'' || ?1 || '${F}%'`)})) or ` +
        `(n.mid = 101 and (n.flds ${like(`'' || ?1 || '${F}%'`)})) or ` +
        `(n.mid = 103 and (n.flds ${like(`'%${F}' || ?1 || '${F}%${F}%'`)}))))`,
    );
    // Text, Back Extra; Expression, Meaning, Notes: each field on its own.
    expect(s('*e*:_*')).toEqual([
      `(((n.mid = 102 and (n.flds ${like(`'' || ?1 || '${F}%'`)} or n.flds ${like(`'%${F}' || ?1 || ''`)})) or ` +
        `(n.mid = 103 and (n.flds ${like(`'' || ?1 || '${F}%${F}%${F}%'`)} or n.flds ${like(`'%${F}%${F}' || ?1 || '${F}%'`)} or n.flds ${like(`'%${F}%${F}%${F}' || ?1 || ''`)}))))`,
      ['_%'],
    ]);
    // Without the emptiness test, neighbouring matches share one pattern (a `%` may span them).
    expect(s('*e*:x*')[0]).toContain(`(n.mid = 102 and (n.flds ${like(`'' || ?1 || ''`)}))`);
  });

  it('writes field regexes and no-combining field searches', () => {
    expect(s('front:re:te.*st')).toEqual([
      '(((n.mid = 100 and regexp_fields(?1, n.flds, 0)) or (n.mid = 101 and regexp_fields(?1, n.flds, 0)) or (n.mid = 103 and regexp_fields(?1, n.flds, 1))))',
      ['(?i)te.*st'],
    ]);
    expect(s('text:nc:frânçais')).toEqual([
      `(((n.mid = 102 and (coalesce(process_text(n.flds, 1), n.flds) ${like(`'' || ?1 || '${F}%'`)}))))`,
      ['francais'],
    ]);
  });

  it('searches all fields with *:', () => {
    expect(s('*:te*ar')).toEqual([`((n.flds ${like('?2')} and regexp_fields(?1, n.flds)))`, ['(?is)^te.*ar$', '%te%ar%']]);
    expect(s('*:te*st')).toEqual(['(regexp_fields(?1, n.flds))', ['(?is)^te.*st$']]);
    expect(s('*:re:te.*st')).toEqual(['(regexp_fields(?1, n.flds))', ['(?i)te.*st']]);
    expect(s('*:dog')).toEqual([`(('${F}' || n.flds || '${F}' ${like('?1')}))`, [`%${F}dog${F}%`]]);
    // `s` has a Unicode case partner (ſ) LIKE would miss: regex only.
    expect(s('*:soup')).toEqual(['(regexp_fields(?1, n.flds))', ['(?is)^soup$']]);
  });

  it('writes regexes and word searches', () => {
    expect(s('re:\\bone')).toEqual(['(n.flds regexp ?1)', ['(?i)\\bone']]);
    expect(s('w:foo')).toEqual([`((n.flds ${like('?2')} and n.flds regexp ?1))`, ['(?i)\\bfoo\\b', '%foo%']]);
    expect(s('w:*fo_o*')[1]).toEqual(['(?i)\\b.*fo.o.*\\b', '%%fo_o%%']);
    expect(s('w:ké')).toEqual(['(n.flds regexp ?1)', ['(?i)\\bké\\b']]);
  });

  it('finds duplicates by checksum and stripped first field', () => {
    const calls: [string, number][] = [];
    const l = lookup({
      notesByChecksum: (mid, csum) => {
        calls.push([mid, csum]);
        return [{ id: 7, firstField: '<b>dog</b>' }, { id: 8, firstField: 'Dog' }];
      },
    });
    expect(s('dupe:100,dog', l)).toEqual(['(n.id in (7))', []]);
    expect(calls).toEqual([['100', fieldChecksum('dog')]]);
    expect(s('dupe:100,cat', lookup())).toEqual(['(false)', []]);
  });
});

describe('searchSql: names, tags and ids', () => {
  it('resolves decks to id lists, children and home decks included', () => {
    const home = (ids: string) => `(c.did in (${ids}) or (c.did in (5,6) and c.odid != 0 and c.odid in (${ids})))`;
    expect(s('deck:lang')).toEqual([`(${home('2,3')})`, []]);
    expect(s('deck:lang*')[0]).toBe(`(${home('2,3,4')})`);
    expect(s('"deck:lang::japanese"')[0]).toBe(`(${home('3')})`);
    expect(s('deck:current')[0]).toBe(`(${home('3')})`);
    expect(s('deck:cram*')[0]).toBe(`(${home('5,6')})`);
    expect(s('deck:filtered')).toEqual(['(c.odid != 0)', []]);
    expect(s('deck:*')).toEqual(['(true)', []]);
    expect(s('deck:nosuch')).toEqual(['(false)', []]);
    expect(s('did:1,2')).toEqual([`(${home('1,2')})`, []]);
  });

  it('reads decks through the did index alone when there is no filtered deck', () => {
    const decks = () => [
      { id: '1', name: 'Default', presetId: '1', filtered: false },
      { id: '2', name: 'Other', presetId: '1', filtered: false },
    ];
    expect(s('deck:default', lookup({ decks }))).toEqual(['(c.did in (1))', []]);
  });

  it('keeps SQLite off the deck index when a first-field checksum drives the search', () => {
    const [where] = s('"deck:lang" "text:dog"');
    expect(where).toMatch(/^\(\(\(\+c\.did in \(2,3\) or \(\+c\.did in \(5,6\) and c\.odid != 0 and c\.odid in \(2,3\)\)\) and \(n\.csum in \(/);
    expect(s('"deck:lang" (text:dog or flag:1)')[0]).toMatch(/^\(\(\(c\.did in/);
  });

  it('keeps SQLite off the deck index when the list holds most decks', () => {
    const home = (ids: string) => `(+c.did in (${ids}) or (+c.did in (5,6) and c.odid != 0 and c.odid in (${ids})))`;
    expect(s('deck:*a*')).toEqual([`(${home('1,2,3,4,5,6')})`, []]);
  });

  it('keeps SQLite off the deck index when the decks hold more than 2000 cards and 7% of the cards', () => {
    const asked: string[][] = [];
    const counts = (inDecks: number, total: number) =>
      lookup({ cardsInDecks: (ids, limit) => (asked.push([...ids]), Math.min(inDecks, limit)), cardCount: () => total });
    const index = '((c.did in (3) or (c.did in (5,6) and c.odid != 0 and c.odid in (3))))';
    const scan = '((+c.did in (3) or (+c.did in (5,6) and c.odid != 0 and c.odid in (3))))';
    expect(s('"deck:lang::japanese"', counts(1999, 2000))[0]).toBe(index);
    expect(s('"deck:lang::japanese"', counts(7000, 100_000))[0]).toBe(index);
    expect(s('"deck:lang::japanese"', counts(7001, 100_000))[0]).toBe(scan);
    expect(s('"deck:lang::japanese"', counts(2000, 2000))[0]).toBe(scan);
    expect(asked.every((ids) => ids.join() === '3')).toBe(true);
    // Not asked when the checksum drives the search or the list holds most decks.
    const before = asked.length;
    s('"deck:lang" "text:dog"', counts(0, 1));
    s('deck:*a*', counts(0, 1));
    expect(asked.length).toBe(before);
  });

  it('resolves presets, note types and templates', () => {
    expect(s('preset:fast')).toEqual(['((c.did in (2,3) or (c.did in (5,6) and c.odid != 0 and c.odid in (2,3))))', []]);
    expect(s('preset:cram')).toEqual(['(false)', []]);
    expect(s('preset:typo')).toEqual(['(false)', []]);
    expect(s('note:basic')).toEqual(['(n.mid in (100))', []]);
    expect(s('note:basic*')).toEqual(['(n.mid in (100,101))', []]);
    expect(s('"card:card 2"')).toEqual(['(((n.mid = 101 and c.ord in (1))))', []]);
    expect(s('card:card*')).toEqual(['(((n.mid = 100 and c.ord in (0)) or (n.mid = 101 and c.ord in (0,1))))', []]);
  });

  it('matches tags and their children', () => {
    expect(s('tag:one')).toEqual([`((n.tags ${like('?1')} or n.tags ${like('?2')}))`, ['% one %', '% one::%']]);
    expect(s('tag:foo::bar')[1]).toEqual(['% foo::bar %', '% foo::bar::%']);
    expect(s('tag:o*n\\*et%w%oth_re\\_e')).toEqual([
      `((n.tags ${like('?2')} and n.tags regexp ?1))`,
      ['(?i) o\\S*n\\*et%w%oth\\Sre_e(::| )', '% o%n*et\\%w\\%oth_re\\_e%'],
    ]);
    expect(s('tag:ä')).toEqual(['(n.tags regexp ?1)', ['(?i) ä(::| )']]);
    expect(s('tag:none')).toEqual(["(n.tags = '')", []]);
    expect(s('tag:*')).toEqual(['(true)', []]);
    expect(s('tag:re:.ne|tw.')).toEqual(['(regexp_tags(?1, n.tags))', ['(?i).ne|tw.']]);
    expect(s('tag:nc:é')).toEqual(['(coalesce(process_text(n.tags, 1), n.tags) regexp ?1)', ['(?i) e(::| )']]);
  });
});

describe('searchSql: card state and history', () => {
  const DAY = 86_400;
  it('writes states and flags', () => {
    expect(s('is:new')[0]).toBe('(c.type = 0)');
    expect(s('is:learn')[0]).toBe('(c.type in (1, 3))');
    expect(s('is:review')[0]).toBe('(c.type in (2, 3))');
    expect(s('is:suspended')[0]).toBe('(c.queue = -1)');
    expect(s('is:buried')[0]).toBe('(c.queue in (-2, -3))');
    expect(s('is:buried-sibling')[0]).toBe('(c.queue = -2)');
    expect(s('is:buried-manually')[0]).toBe('(c.queue = -3)');
    expect(s('is:due')[0]).toBe(`(((c.queue in (2,3) and c.due <= ${TODAY}) or (c.queue in (1,4) and c.due <= ${NOW + 1200})))`);
    expect(s('flag:0')[0]).toBe('((c.flags & 7) == 0)');
  });

  it('counts days back from the next rollover', () => {
    expect(s('added:3')[0]).toBe(`(c.id > ${(NEXT_DAY - 3 * DAY) * 1000})`);
    expect(s('added:0')).toEqual(s('added:1'));
    expect(s('edited:2')[0]).toBe(`(n.mod > ${NEXT_DAY - 2 * DAY})`);
    const cut = (NEXT_DAY - 3 * DAY) * 1000;
    expect(s('introduced:3')[0]).toBe(
      `(((select coalesce(min(id) > ${cut}, false) from revlog where cid = c.id and ease != 0) and c.id in (select cid from revlog where id > ${cut})))`,
    );
    expect(s('rated:2')[0]).toBe(`(c.id in (select cid from revlog where id >= ${(NEXT_DAY - 2 * DAY) * 1000} and ease > 0))`);
    expect(s('rated:400:1')[0]).toBe(`(c.id in (select cid from revlog where id >= ${(NEXT_DAY - 400 * DAY) * 1000} and ease = 1))`);
    expect(s('resched:400')[0]).toBe(`(c.id in (select cid from revlog where id >= ${(NEXT_DAY - 400 * DAY) * 1000} and ease = 0))`);
    expect(s('prop:rated>-5:3')).toEqual(s('rated:5:3'));
    expect(s('prop:rated=-1')[0]).toBe(
      `(c.id in (select cid from revlog where id between ${(NEXT_DAY - 2 * DAY) * 1000} and ${(NEXT_DAY - DAY) * 1000 - 1} and ease > 0))`,
    );
  });

  it('writes properties', () => {
    expect(s('prop:lapses=3')[0]).toBe('(c.lapses = 3)');
    expect(s('prop:ivl>=10')[0]).toBe('(c.ivl >= 10)');
    expect(s('prop:reps!=2')[0]).toBe('(c.reps != 2)');
    expect(s('prop:ease>=2.5')[0]).toBe('(c.factor >= 2500)');
    expect(s('prop:ease<1.3')[0]).toBe('(c.factor < 1300)');
    expect(s('prop:pos<=10')[0]).toBe('((c.type = 0 and (case when c.odue != 0 then c.odue else c.due end) <= 10))');
    expect(s('prop:due!=-1')[0]).toBe(
      `(((c.queue in (2,3) and (case when c.odue != 0 then c.odue else c.due end) != ${TODAY - 1}) or ` +
        `(c.queue in (1,4) and (((case when c.odue != 0 then c.odue else c.due end) - ${NEXT_DAY}) / 86400) != -1)))`,
    );
    expect(s('prop:cdn:r=1')).toEqual(['(cast(extract_custom_data(c.data, ?1) as float) = ?2)', ['r', 1]]);
    expect(s('prop:s>0.1')).toEqual(["(extract_fsrs_variable(c.data, 's') > ?1)", [0.1]]);
    expect(s('prop:d>0.5')).toEqual(["(extract_fsrs_variable(c.data, 'd') > ?1)", [5.5]]);
    expect(s('prop:r<0.9')[0]).toBe(
      `((case when c.type = 0 then false else (extract_fsrs_retrievability(c.data, (case when c.odue != 0 then c.odue else c.due end), c.ivl, ${TODAY}, ${NEXT_DAY}, ${NOW}) < ?1) end))`,
    );
    expect(s('has-cd:r')).toEqual(['(extract_custom_data(c.data, ?1) is not null)', ['r']]);
  });

  it('keeps user text out of the SQL', () => {
    expect(s(`"prop:cds:key=x';DROP TABLE cards;--"`)).toEqual(['(extract_custom_data(c.data, ?1) = ?2)', ['key', "x';DROP TABLE cards;--"]]);
    expect(s(`"front:x' or 1=1 --"`)[0]).not.toContain("1=1");
  });
});

describe('searchSql: boolean structure', () => {
  it('parenthesises and/or and negates whole terms', () => {
    expect(s('flag:1 flag:2 or flag:3')[0]).toBe('((((c.flags & 7) == 1 and (c.flags & 7) == 2) or (c.flags & 7) == 3))');
    expect(s('-did:1')[0]).toBe('(not ((c.did in (1) or (c.did in (5,6) and c.odid != 0 and c.odid in (1)))))');
    expect(s('-(flag:1 or flag:2) is:new')[0]).toBe('((not (((c.flags & 7) == 1 or (c.flags & 7) == 2)) and c.type = 0))');
  });
});
