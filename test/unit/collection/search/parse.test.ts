import { describe, expect, it } from 'vitest';
import { SearchError } from '../../../../extension/collection/search/errors.ts';
import type { Node, Term } from '../../../../extension/collection/search/nodes.ts';
import { parse } from '../../../../extension/collection/search/parse.ts';

const t = (term: Term): Node => ({ kind: 'term', term });
const text = (s: string): Node => t({ type: 'text', text: s });
const and = (...children: Node[]): Node => ({ kind: 'and', children });
const or = (...children: Node[]): Node => ({ kind: 'or', children });
const not = (child: Node): Node => ({ kind: 'not', child });

function errorOf(query: string): string {
  try {
    parse(query);
  } catch (e) {
    expect(e).toBeInstanceOf(SearchError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${query}`);
}

describe('parse: structure', () => {
  it('reads an empty or blank query as the whole collection', () => {
    expect(parse('')).toEqual(t({ type: 'all' }));
    expect(parse('  \u3000\t')).toEqual(t({ type: 'all' }));
  });

  it('joins neighbours with an implicit AND', () => {
    expect(parse('dog cat')).toEqual(and(text('dog'), text('cat')));
    expect(parse('  t   t2  ')).toEqual(and(text('t'), text('t2')));
  });

  it('treats every Unicode whitespace as a separator', () => {
    for (const ws of ['\u00a0', '\t', '\n', '\u3000', '\u2003']) expect(parse(`foo${ws}bar`)).toEqual(and(text('foo'), text('bar')));
  });

  it('binds AND tighter than OR', () => {
    expect(parse('a b or c')).toEqual(or(and(text('a'), text('b')), text('c')));
    expect(parse('a or b c')).toEqual(or(text('a'), and(text('b'), text('c'))));
    expect(parse('a and b or c and d')).toEqual(or(and(text('a'), text('b')), and(text('c'), text('d'))));
  });

  it('reads and/or in any case, and as words when quoted', () => {
    expect(parse('a AND b Or c')).toEqual(or(and(text('a'), text('b')), text('c')));
    expect(parse('a "and" b')).toEqual(and(text('a'), text('and'), text('b')));
  });

  it('groups with parentheses and negates with -', () => {
    expect(parse('a (b or c)')).toEqual(and(text('a'), or(text('b'), text('c'))));
    expect(parse('-a -(b c)')).toEqual(and(not(text('a')), not(and(text('b'), text('c')))));
    expect(parse('(  t   t2  )')).toEqual(and(text('t'), text('t2')));
    expect(parse('hello  -(world and "foo:bar baz") OR test')).toEqual(
      or(
        and(text('hello'), not(and(text('world'), t({ type: 'field', field: 'foo', text: 'bar baz', mode: 'normal' })))),
        text('test'),
      ),
    );
  });

  it('needs no spaces where the split is clear', () => {
    expect(parse('a"b"(c)')).toEqual(parse('a b (c)'));
  });

  it('negates the words and/or after - (Anki negates the operator and then fails in SQL)', () => {
    expect(parse('a -and')).toEqual(and(text('a'), not(text('and'))));
  });

  it('reads a lone or trailing - as text', () => {
    expect(parse('-')).toEqual(text('-'));
    expect(parse('A-')).toEqual(text('A-'));
    expect(parse('- a')).toEqual(and(text('-'), text('a')));
  });
});

describe('parse: quoting and escapes', () => {
  it('quotes a whole term or only its value', () => {
    const expected = t({ type: 'field', field: 'field', text: 'va"lue', mode: 'normal' });
    expect(parse('"field:va\\"lue"')).toEqual(expected);
    expect(parse('field:"va\\"lue"')).toEqual(expected);
    expect(parse('field:va\\"lue')).toEqual(expected);
    expect(parse('deck:"default one"')).toEqual(t({ type: 'deck', name: 'default one' }));
  });

  it('removes the parser escapes \\" \\: \\( \\) \\-', () => {
    expect(parse('\\"\\:\\(\\)\\-')).toEqual(text('":()-'));
  });

  it('keeps \\\\, \\* and \\_ for the wildcard rules', () => {
    expect(parse('\\\\\\*\\_')).toEqual(text('\\\\\\*\\_'));
  });

  it('makes escaping parentheses optional inside quotes', () => {
    expect(parse('"\\)\\("')).toEqual(parse('")("'));
  });

  it('reads a colon after the first as part of the value', () => {
    expect(parse('field:val:ue')).toEqual(parse('field:val\\:ue'));
    expect(parse('"field:val:ue"')).toEqual(parse('field:val\\:ue'));
  });

  it('tells an escaped - from a negation', () => {
    expect(parse('"-A"')).toEqual(parse('\\-A'));
    expect(parse('-A')).not.toEqual(parse('\\-A'));
  });

  it('lets re: keep any escape but \\"', () => {
    expect(parse('"re:\\btest\\%"')).toEqual(t({ type: 'regex', text: '\\btest\\%' }));
    expect(parse('re:te\\"st')).toEqual(t({ type: 'regex', text: 'te"st' }));
  });
});

describe('parse: terms', () => {
  it.each<[string, Term]>([
    ['nc:frânçais', { type: 'nocombining', text: 'frânçais' }],
    ['sc:dog', { type: 'stripclozes', text: 'dog' }],
    ['w:dog', { type: 'word', text: 'dog' }],
    ['front:re:a.b', { type: 'field', field: 'front', text: 'a.b', mode: 'regex' }],
    ['front:nc:a', { type: 'field', field: 'front', text: 'a', mode: 'nocombining' }],
    ['fr*:', { type: 'field', field: 'fr*', text: '', mode: 'normal' }],
    ['DECK:a::b', { type: 'deck', name: 'a::b' }],
    ['did:1,2', { type: 'deckIds', ids: '1,2' }],
    ['"preset:My \\:Preset"', { type: 'preset', name: 'My \\:Preset' }],
    ['note:basic', { type: 'notetype', name: 'basic' }],
    ['mid:+12', { type: 'notetypeId', id: '12' }],
    ['card:3', { type: 'templateOrd', ord: 2 }],
    ['card:0', { type: 'templateOrd', ord: 0 }],
    ['card:front', { type: 'templateName', name: 'front' }],
    ['"card:card 1"', { type: 'templateName', name: 'card 1' }],
    ['tag:hard', { type: 'tag', tag: 'hard', mode: 'normal' }],
    ['tag:re:\\\\', { type: 'tag', tag: '\\\\', mode: 'regex' }],
    ['tag:nc:é', { type: 'tag', tag: 'é', mode: 'nocombining' }],
    ['is:buried-sibling', { type: 'state', state: 'buried-sibling' }],
    ['flag:3', { type: 'flag', flag: 3 }],
    ['nid:1237123712,2,3', { type: 'noteIds', ids: '1237123712,2,3' }],
    ['cid:4', { type: 'cardIds', ids: '4' }],
    ['dupe:123,a\\\\b\\"c', { type: 'dupe', notetypeId: '123', text: 'a\\b"c' }],
    ['added:0', { type: 'added', days: 1 }],
    ['edited:3', { type: 'edited', days: 3 }],
    ['introduced:2', { type: 'introduced', days: 2 }],
    ['rated:2', { type: 'rated', days: 2, rating: { kind: 'any' } }],
    ['rated:0:4', { type: 'rated', days: 1, rating: { kind: 'button', button: 4 } }],
    ['resched:0', { type: 'rated', days: 0, rating: { kind: 'manual' } }],
    ['has-cd:r', { type: 'customData', key: 'r' }],
    ['prop:ivl>3', { type: 'prop', op: '>', property: { prop: 'ivl', value: 3 } }],
    ['prop:ease<=3.3', { type: 'prop', op: '<=', property: { prop: 'ease', value: Math.fround(3.3) } }],
    ['prop:due=-1', { type: 'prop', op: '=', property: { prop: 'due', days: -1 } }],
    ['prop:rated!=-2:1', { type: 'prop', op: '!=', property: { prop: 'rated', days: -2, rating: { kind: 'button', button: 1 } } }],
    ['prop:resched>=0', { type: 'prop', op: '>=', property: { prop: 'rated', days: 0, rating: { kind: 'manual' } } }],
    ['prop:pos<10', { type: 'prop', op: '<', property: { prop: 'pos', value: 10 } }],
    ['prop:d>.5', { type: 'prop', op: '>', property: { prop: 'd', value: 0.5 } }],
    ['prop:cdn:abc<=1', { type: 'prop', op: '<=', property: { prop: 'cdn', key: 'abc', value: 1 } }],
    ['"prop:cds:abc=foo bar"', { type: 'prop', op: '=', property: { prop: 'cds', key: 'abc', value: 'foo bar' } }],
  ])('%s', (query, term) => {
    expect(parse(query)).toEqual(t(term));
  });

  it('keeps * and _ as wildcards in texts', () => {
    expect(parse('te*st')).toEqual(text('te*st'));
    expect(parse('*:dog')).toEqual(t({ type: 'field', field: '*', text: 'dog', mode: 'normal' }));
  });
});

describe('parse: errors', () => {
  it.each([
    ['foo and', 'an `and` was found but it is not connecting two search terms.'],
    ['and foo', 'an `and` was found'],
    ['foo or', 'an `or` was found but it is not connecting two search terms.'],
    ['a or or b', 'an `or` was found'],
    ['()', 'a group `(...)` was found, but there was nothing between the brackets'],
    ['(foo () bar)', 'a group `(...)`'],
    [')', 'a closing bracket `)` was found, but there was no opening bracket `(` preceding it.'],
    ['(foo) bar)', 'a closing bracket `)`'],
    ['foo ( bar', 'an opening bracket `(` was found, but there was no closing bracket `)` following it.'],
    ['""', 'a pair of double quotes `""` was found, but there was nothing between them'],
    ['foo:""', 'a pair of double quotes'],
    [' " ', 'an opening double quote `"` was found, but there was no second one to close it.'],
    ['foo:"bar\\', 'an opening double quote'],
    [':foo', 'a colon `:` was found, but there was no keyword preceding it.'],
    [':"foo"', 'a colon `:`'],
    ['\\', 'the escape sequence `\\` is not defined.'],
    ['foo\\', 'the escape sequence `\\` is not defined.'],
    ['\\%', 'the escape sequence `\\%` is not defined.'],
    ['\\foo', 'the escape sequence `\\f` is not defined.'],
    ['"\\ "', 'the escape sequence `\\ ` is not defined.'],
    ['a\\ b c', 'the escape sequence `\\ b c` is not defined.'],
    ['is:New', "`is:` was given an invalid argument '`New`'."],
    ['"is:learn "', "`is:` was given an invalid argument '`learn `'."],
    ['flag:8', '`flag:` must be followed by a valid flag number'],
    ['flag:-0', '`flag:` must be followed'],
    ['prop:DUE<5', "`prop:` was given an invalid argument '`DUE<5`'."],
    ['prop:cdn:=5', "`prop:` was given an invalid argument '`cdn:=5`'."],
    ['prop:reps10', '`prop:reps` must be followed by one of the following comparison operators: `=`, `!=`, `<`, `>`, `<=` or `>=`.'],
    ['prop:ivl>x', 'expected a positive whole number in "`ivl>x`", but found "`x`".'],
    ['prop:ease>1,5', 'expected a number in "`ease>1,5`", but found "`1,5`".'],
    ['prop:due>1.5', 'expected a whole number in "`due>1.5`", but found "`1.5`".'],
    ['prop:rated>1', 'expected a whole number less than or equal to 0 in "`rated>1`", but found "`1`".'],
    ['prop:rated>-1:5', 'expected an answer button between 1-4 in "`rated>-1:5`", but found "`5`".'],
    ['added:-1', 'expected a positive whole number in "`added:`", but found "`-1`".'],
    ['rated:1.1', 'expected a positive whole number in "`rated:`", but found "`1.1`".'],
    ['rated:2:-1', 'expected an answer button between 1-4 in "`2:-1`", but found "`-1`".'],
    ['mid:x', 'expected a whole number in "`mid:`", but found "`x`".'],
    ['dupe:foo', 'expected a whole number in "`foo`", but found "`foo`".'],
    ['dupe:123', "invalid 'dupe:' search"],
    ['nid:1,2,', 'expected only digits and commas in nid:'],
    ['CID:x', 'expected only digits and commas in CID:'],
    ['is:`x`', "`is:` was given an invalid argument '`'x'`'."],
  ])('%s', (query, message) => {
    const error = errorOf(query);
    expect(error.startsWith('Invalid search: ')).toBe(true);
    expect(error).toContain(message);
  });

  it('words the whole message as Anki does', () => {
    expect(errorOf('(dog')).toBe(
      'Invalid search: an opening bracket `(` was found, but there was no closing bracket `)` following it. ' +
        'If you want to search for a literal `(`, wrap it in double quotes or prepend a backslash: `"("` or `\\(` .',
    );
    expect(errorOf('is:foo')).toBe("Invalid search: `is:` was given an invalid argument '`foo`'.");
  });
});
