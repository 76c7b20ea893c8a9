import { beforeEach, describe, expect, test } from 'vitest';
import type { ActionContext } from '../../../../extension/actions/define.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { notetypeByName, saveNotetype } from '../../../../extension/collection/notetypes/lookup.ts';
import { renderCard } from '../../../../extension/collection/render/card.ts';
import { contextFor, newCollection, ok } from '../../../helpers/builders.ts';

/** The stock CSS (anki-formats.md §2). */
const CSS =
  '.card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n    text-align: center;\n' +
  '    color: black;\n    background-color: white;\n}\n';
const CLOZE_CSS = CSS + '.cloze {\n    font-weight: bold;\n    color: blue;\n}\n.nightMode .cloze {\n    color: lightblue;\n}\n';
const style = (css: string) => `<style>${css}</style>`;

let col: Collection;
let ctx: ActionContext;

beforeEach(async () => {
  col = await newCollection();
  ctx = contextFor(col);
});

async function addNote(modelName: string, fields: Record<string, string>, tags: string[] = [], deckName = 'Default'): Promise<number[]> {
  if (deckName !== 'Default') await ok(ctx, 'createDeck', { deck: deckName });
  const nid = await ok<number>(ctx, 'addNote', { note: { deckName, modelName, fields, tags } });
  return col.db.column<number>('select id from cards where nid = ? order by ord', [nid]);
}

function rendered(cardId: number) {
  const out = renderCard(col, cardId);
  if (!out) throw new Error(`card ${cardId} did not render`);
  return out;
}

function sql(statement: string, params: (string | number)[]) {
  col.transact(() => col.db.run(statement, params));
}

function setTemplate(modelName: string, index: number, side: 'qfmt' | 'afmt', text: string) {
  const nt = notetypeByName(col, modelName)!;
  nt.tmpls[index]![side] = text;
  col.transact(() => saveNotetype(col, nt));
}

describe('the six stock note types', () => {
  test('Basic', async () => {
    const [cid] = await addNote('Basic', { Front: 'front', Back: 'back' });
    expect(rendered(cid!)).toMatchObject({
      question: `${style(CSS)}front`,
      answer: `${style(CSS)}front\n\n<hr id=answer>\n\nback`,
      css: CSS,
    });
  });

  test('Basic (and reversed card)', async () => {
    const [c1, c2] = await addNote('Basic (and reversed card)', { Front: 'front', Back: 'back' });
    expect(rendered(c1!).question).toBe(`${style(CSS)}front`);
    expect(rendered(c2!).question).toBe(`${style(CSS)}back`);
    expect(rendered(c2!).answer).toBe(`${style(CSS)}back\n\n<hr id=answer>\n\nfront`);
  });

  test('Basic (optional reversed card)', async () => {
    const [c1, c2] = await addNote('Basic (optional reversed card)', { Front: 'front', Back: 'back', 'Add Reverse': 'y' });
    expect(rendered(c1!).answer).toBe(`${style(CSS)}front\n\n<hr id=answer>\n\nback`);
    expect(rendered(c2!).question).toBe(`${style(CSS)}back`);
    expect(rendered(c2!).answer).toBe(`${style(CSS)}back\n\n<hr id=answer>\n\nfront`);
  });

  test('Basic (type in the answer): the type marker is returned as written', async () => {
    const [cid] = await addNote('Basic (type in the answer)', { Front: 'front', Back: 'back' });
    expect(rendered(cid!).question).toBe(`${style(CSS)}front\n\n[[type:Back]]`);
    expect(rendered(cid!).answer).toBe(`${style(CSS)}front\n\n<hr id=answer>\n\n[[type:Back]]`);
  });

  test('Cloze', async () => {
    const [c1, c2] = await addNote('Cloze', {
      Text: '{{c1::Canberra}} is the capital of {{c2::Australia::country}}',
      'Back Extra': 'extra',
    });
    expect(rendered(c1!)).toMatchObject({
      question: `${style(CLOZE_CSS)}<span class="cloze" data-cloze="Canberra" data-ordinal="1">[...]</span> is the capital of <span class="cloze-inactive" data-ordinal="2">Australia</span>`,
      answer: `${style(CLOZE_CSS)}<span class="cloze" data-ordinal="1">Canberra</span> is the capital of <span class="cloze-inactive" data-ordinal="2">Australia</span><br>\nextra`,
      css: CLOZE_CSS,
    });
    expect(rendered(c2!).question).toBe(
      `${style(CLOZE_CSS)}<span class="cloze-inactive" data-ordinal="1">Canberra</span> is the capital of <span class="cloze" data-cloze="Australia" data-ordinal="2">[country]</span>`,
    );
  });

  test('Image Occlusion', async () => {
    const nt = notetypeByName(col, 'Image Occlusion')!;
    const [cid] = await addNote('Image Occlusion', {
      Occlusion: '{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}',
      Image: '<img src="a.png">',
      Header: '',
      'Back Extra': 'more',
      Comments: '',
    });
    const occlusion = '<div class="cloze" data-ordinal="1" data-shape="rect" data-left=".1" data-top=".2" data-width=".3" data-height=".4" data-occludeInactive="1" ></div>';
    const highlight = occlusion.replace('class="cloze"', 'class="cloze-highlight"');
    const fill = (template: string, cloze: string) =>
      template
        .replace('{{#Header}}<div>{{Header}}</div>{{/Header}}', '')
        .replace('{{cloze:Occlusion}}', cloze)
        .replace('{{Image}}', '<img src="a.png">')
        .replace('{{#Back Extra}}<div>{{Back Extra}}</div>{{/Back Extra}}', '<div>more</div>');
    const out = rendered(cid!);
    expect(out.question).toBe(style(nt.css) + fill(nt.tmpls[0]!.qfmt, occlusion));
    expect(out.answer).toBe(style(nt.css) + fill(nt.tmpls[0]!.afmt, highlight));
    expect(out.question).not.toContain('{{');
  });
});

describe('special fields', () => {
  test('Tags, Type, Deck, Subdeck, Card, CardFlag, CardID and c<n>', async () => {
    await ok(ctx, 'createModel', {
      modelName: 'Specials',
      inOrderFields: ['F'],
      cardTemplates: [{ Name: 'My Card', Front: '{{F}}|{{Tags}}|{{Type}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{CardFlag}}|{{CardID}}|{{#c1}}one{{/c1}}{{^c2}}not2{{/c2}}', Back: '{{FrontSide}}' }],
    });
    const [cid] = await addNote('Specials', { F: 'f' }, ['b', 'a::x'], 'Top::Middle::Leaf');
    expect(rendered(cid!).question).toBe(`${style(CSS)}f|a::x b|Specials|Top::Middle::Leaf|Leaf|My Card|flag0|${cid}|onenot2`);
    sql('update cards set flags = 3 where id = ?', [cid!]);
    expect(rendered(cid!).question).toContain('|flag3|');
  });

  test('a note field of the same name wins over a special field', async () => {
    await ok(ctx, 'createModel', {
      modelName: 'Shadow',
      inOrderFields: ['Tags', 'Deck'],
      cardTemplates: [{ Name: 'C', Front: '{{Tags}}/{{Deck}}', Back: 'x' }],
    });
    const [cid] = await addNote('Shadow', { Tags: 'mine', Deck: 'also mine' }, ['real']);
    expect(rendered(cid!).question).toBe(`${style(CSS)}mine/also mine`);
  });

  test('Deck is the home deck of a card in a filtered deck, and "(Deck)" when it is gone', async () => {
    await ok(ctx, 'createModel', { modelName: 'D', inOrderFields: ['F'], cardTemplates: [{ Name: 'C', Front: '{{F}} {{Deck}}/{{Subdeck}}', Back: 'x' }] });
    const [cid] = await addNote('D', { F: 'f' }, [], 'Home::Sub');
    const home = await ok<number>(ctx, 'createDeck', { deck: 'Other' });
    const homeId = col.db.scalar('select did from cards where id = ?', [cid!]) as number;
    sql('update cards set did = ?, odid = ? where id = ?', [home, homeId, cid!]);
    expect(rendered(cid!).question).toBe(`${style(CSS)}f Home::Sub/Sub`);
    sql('update cards set did = 424242, odid = 0 where id = ?', [cid!]);
    expect(rendered(cid!).question).toBe(`${style(CSS)}f (Deck)/(Deck)`);
  });
});

describe('blank fronts and missing clozes', () => {
  test('a card whose cloze number was removed from the note', async () => {
    const [, c2] = await addNote('Cloze', { Text: '{{c1::a}} {{c2::b}}', 'Back Extra': '' });
    await ok(ctx, 'updateNoteFields', { note: { id: col.db.scalar('select nid from cards where id = ?', [c2!]), fields: { Text: '{{c1::a}} b' } } });
    const notice =
      "<div>No cloze 2 found on card.\nPlease either add a cloze deletion, or use the Empty Cards tool.<br><a href='https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type'>More information</a></div>";
    expect(rendered(c2!)).toMatchObject({ question: style(CLOZE_CSS) + notice, answer: style(CLOZE_CSS) + notice });
  });

  test('{{cloze:F}} renders "" when the card number is absent from that field', async () => {
    await ok(ctx, 'createModel', {
      modelName: 'Two cloze fields',
      inOrderFields: ['A', 'B'],
      isCloze: true,
      cardTemplates: [{ Name: 'Cloze', Front: '[{{cloze:A}}][{{cloze:B}}]', Back: '{{cloze:A}}' }],
    });
    const [, c2] = await addNote('Two cloze fields', { A: '{{c1::x}}', B: '{{c2::y}}' });
    expect(rendered(c2!).question).toBe(`${style(CSS)}[][<span class="cloze" data-cloze="y" data-ordinal="2">[...]</span>]`);
  });

  test('a front that shows nothing', async () => {
    const [cid] = await addNote('Basic', { Front: 'front', Back: 'back' });
    sql('update notes set flds = ? where id = (select nid from cards where id = ?)', ['\x1fback', cid!]);
    const notice =
      "<div>The front of this card is blank.<br><a href='https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank'>More information</a></div>";
    expect(rendered(cid!)).toMatchObject({ question: style(CSS) + notice, answer: style(CSS) + notice });
  });
});

describe('template errors', () => {
  test('an unknown field on the front replaces both sides, with no CSS', async () => {
    const [cid] = await addNote('Basic', { Front: 'front', Back: 'back' });
    setTemplate('Basic', 0, 'qfmt', '{{Front}} {{text:Nope}}');
    const text =
      "Front template has a problem:<br>Found &#x27;{{text:Nope}}&#x27;, but there is no field called &#x27;Nope&#x27;<br><a href='https://docs.ankiweb.net/templates/errors.html#template-syntax-error'>More information</a>";
    expect(rendered(cid!)).toEqual({ question: `<style></style>${text}`, answer: `<style></style>${text}`, css: '', questionLatex: [], answerLatex: [] });
  });

  test('an error on the back, and a syntax error', async () => {
    const [cid] = await addNote('Basic', { Front: 'front', Back: 'back' });
    setTemplate('Basic', 0, 'afmt', '{{FrontSide}}{{#Back}}');
    expect(rendered(cid!).question).toBe(
      "<style></style>Back template has a problem:<br>Missing &#x27;{{/Back}}&#x27;<br><a href='https://docs.ankiweb.net/templates/errors.html#template-syntax-error'>More information</a>",
    );
    setTemplate('Basic', 0, 'afmt', '{{#Nope}}{{/Nope}}');
    expect(rendered(cid!).answer).toContain("Back template has a problem:<br>Found &#x27;{{#Nope}}&#x27;, but there is no field called &#x27;Nope&#x27;<br>");
  });

  test('a card whose template is gone', async () => {
    const [cid] = await addNote('Basic', { Front: 'front', Back: 'back' });
    sql('update cards set ord = 4 where id = ?', [cid!]);
    expect(() => renderCard(col, cid!)).toThrow('missing template');
  });

  test('unknown cards and cards whose note is gone', async () => {
    const [cid] = await addNote('Basic', { Front: 'front', Back: 'back' });
    expect(renderCard(col, 12345)).toBeUndefined();
    sql('delete from notes where id = (select nid from cards where id = ?)', [cid!]);
    expect(renderCard(col, cid!)).toBeUndefined();
  });
});

describe('sound, TTS and LaTeX', () => {
  test('sound tags become play markers; the FrontSide copy keeps its q markers', async () => {
    const [cid] = await addNote('Basic', { Front: 'a [sound:x.mp3]', Back: '[sound:y.mp3] b [sound:z.mp3]' });
    expect(rendered(cid!).question).toBe(`${style(CSS)}a [anki:play:q:0]`);
    expect(rendered(cid!).answer).toBe(`${style(CSS)}a [anki:play:q:0]\n\n<hr id=answer>\n\n[anki:play:a:0] b [anki:play:a:1]`);
  });

  test('the tts filter makes a play marker', async () => {
    const [cid] = await addNote('Basic', { Front: 'hello', Back: 'back' });
    setTemplate('Basic', 0, 'qfmt', '{{Front}} {{tts en_US:Front}}');
    expect(rendered(cid!).question).toBe(`${style(CSS)}hello [anki:play:q:0]`);
  });

  test('LaTeX becomes an image on both sides', async () => {
    const [cid] = await addNote('Basic', { Front: '[$$]math &amp; stuff[/$$]', Back: 'b' });
    const img =
      '<img class=latex alt="&#x5C;begin&#x7B;displaymath&#x7D;math&#x20;&amp;&#x20;stuff&#x5C;end&#x7B;displaymath&#x7D;" src="latex-8899f3f849ffdef6e4e9f2f34a923a1f608ebc07.png">';
    const out = rendered(cid!);
    expect(out.question).toBe(style(CSS) + img);
    expect(out.answer).toBe(`${style(CSS)}${img}\n\n<hr id=answer>\n\nb`);
    expect(out.questionLatex).toEqual(['latex-8899f3f849ffdef6e4e9f2f34a923a1f608ebc07.png']);
    expect(out.answerLatex).toEqual(['latex-8899f3f849ffdef6e4e9f2f34a923a1f608ebc07.png']);
  });
});

describe('filters in a card', () => {
  test('hint, furigana, kana, kanji and text on a real card', async () => {
    await ok(ctx, 'createModel', {
      modelName: 'Filters',
      inOrderFields: ['Word', 'Reading'],
      cardTemplates: [{ Name: 'C', Front: '{{kanji:Reading}}|{{kana:Reading}}|{{furigana:Reading}}|{{text:Word}}', Back: '{{hint:Word}}' }],
    });
    const [cid] = await addNote('Filters', { Word: '<b>dog</b>', Reading: '犬[いぬ]' });
    const out = rendered(cid!);
    expect(out.question).toBe(`${style(CSS)}犬|いぬ|<ruby><rb>犬</rb><rt>いぬ</rt></ruby>|dog`);
    expect(out.answer).toContain('<div id="hint');
    expect(out.answer).toContain('class=hint style="display: none"><b>dog</b></div>');
  });
});
