/**
 * Rendering a card's question and answer as Anki's `card.question()` and
 * `card.answer()` give them (notetype/render.rs, template.rs `render_card`,
 * pylib template.py): `<style>{css}</style>` then the side's HTML, with
 * sound and TTS tags turned into play markers and LaTeX into images. A front
 * that renders nothing shows "The front of this card is blank." (or, on a
 * cloze card whose number is in no field, "No cloze N found on card.…"); a
 * template error replaces both sides with Anki's error text and no CSS.
 */
import type { Collection } from '../collection.ts';
import { deckById } from '../decks/get.ts';
import { notetypeById } from '../notetypes/lookup.ts';
import type { NotetypeJson, TemplateJson } from '../notetypes/types.ts';
import { NotetypeKind } from '../notetypes/types.ts';
import { cardRowsById, noteRowsById } from './card-rows.ts';
import { clozeNumbersInFields } from './cloze-ords.ts';
import { cardFieldMap, type CardBasics, type FieldMap, type NoteBasics } from './field-map.ts';
import { encodeMinimal } from './html-escape.ts';
import { extractLatex, LATEX_GENERATION_DISABLED } from './latex.ts';
import { extractAvTags } from './sound.ts';
import { parsedTemplate } from './template-cache.ts';
import { TemplateError } from './template-error.ts';
import { rendersWithFields } from './template-nonempty.ts';
import type { TemplateNode } from './template-parse.ts';
import { renderTemplate } from './template-render.ts';

const MORE_INFO = 'More information';
const TEMPLATE_ERROR_LINK = 'https://docs.ankiweb.net/templates/errors.html#template-syntax-error';
const BLANK_LINK = 'https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank';
const BLANK_CLOZE_LINK = 'https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type';

/** The card as rendering needs it: the special fields' inputs and its deck. */
export interface RenderCardInput extends CardBasics {
  did: number;
  odid: number;
}

export interface RenderedCard {
  /** `<style>css</style>` + the question's HTML. */
  question: string;
  /** `<style>css</style>` + the answer's HTML. */
  answer: string;
  /** The CSS in the style prefix: the note type's, or "" after a template error. */
  css: string;
  /** LaTeX image file names the question refers to (cardsInfo checks the media for them). */
  questionLatex: string[];
  answerLatex: string[];
}

/** The template a card uses: its ordinal's, or the only one of a cloze note type. */
export function templateForCard(nt: NotetypeJson, ord: number): TemplateJson {
  const template = nt.type === NotetypeKind.Cloze ? nt.tmpls[0] : nt.tmpls[ord];
  if (!template) throw new Error('missing template');
  return template;
}

/** The human name of the card's home deck (`odid`, else `did`), or "(Deck)" when it is gone. */
export function homeDeckName(col: Collection, card: RenderCardInput): string {
  return deckById(col, card.odid || card.did)?.name ?? '(Deck)';
}

/** Renders a stored card; undefined when there is no such card or its note is gone. */
export function renderCard(col: Collection, cardId: number): RenderedCard | undefined {
  const card = cardRowsById(col, [cardId]).get(cardId);
  const note = card && noteRowsById(col, [card.nid]).get(card.nid);
  if (!card || !note) return undefined;
  const nt = notetypeById(col, note.mid);
  if (!nt) throw new Error('no such notetype');
  return renderCardFromRows(nt, note, card, homeDeckName(col, card));
}

/** Renders a card from its rows (see card-rows.ts); `deckName` as homeDeckName gives it. */
export function renderCardFromRows(nt: NotetypeJson, note: NoteBasics, card: RenderCardInput, deckName: string): RenderedCard {
  const template = templateForCard(nt, card.ord);
  const map = cardFieldMap(nt, template, note, card, deckName);
  let sides: { question: string; answer: string };
  try {
    sides = renderSides(nt, template, map, card.ord);
  } catch (e) {
    if (!(e instanceof SideTemplateError)) throw e;
    const text = e.text;
    return { question: `<style></style>${text}`, answer: `<style></style>${text}`, css: '', questionLatex: [], answerLatex: [] };
  }
  const svg = Boolean(nt.latexsvg);
  const q = extractLatex(sides.question, svg);
  const a = extractLatex(sides.answer, svg);
  const style = `<style>${nt.css}</style>`;
  return { question: style + q.text, answer: style + a.text, css: nt.css, questionLatex: q.filenames, answerLatex: a.filenames };
}

/** Anki's text for a template error on one side. */
export function templateErrorText(error: TemplateError, questionSide: boolean): string {
  const header = questionSide ? 'Front template has a problem:' : 'Back template has a problem:';
  return `${header}<br>${encodeMinimal(error.message)}<br><a href='${TEMPLATE_ERROR_LINK}'>${MORE_INFO}</a>`;
}

/** The side texts after play-marker extraction, before LaTeX. */
function renderSides(nt: NotetypeJson, template: TemplateJson, map: FieldMap, ord: number): { question: string; answer: string } {
  const { fields, nonEmpty } = map;
  const qnodes = onSide(true, () => parsedTemplate(template.qfmt));
  const qtext = onSide(true, () => renderTemplate(qnodes, { fields, nonEmpty, cardOrd: ord, question: true, frontSide: '' }));
  const blank = blankMessage(nt, qnodes, map, ord);
  if (blank !== null) return { question: extractAvTags(qtext + blank, true), answer: extractAvTags(blank, false) };
  const question = extractAvTags(qtext, true);
  const anodes = onSide(false, () => parsedTemplate(template.afmt));
  const atext = onSide(false, () => renderTemplate(anodes, { fields, nonEmpty, cardOrd: ord, question: false, frontSide: question }));
  return { question, answer: extractAvTags(atext, false) };
}

/** A TemplateError with the text Anki shows for it on its side. */
class SideTemplateError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

/** Runs one side's step, turning a TemplateError into that side's error text. */
function onSide<T>(questionSide: boolean, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TemplateError) throw new SideTemplateError(templateErrorText(e, questionSide));
    throw e;
  }
}

/** The notice for a front with nothing to show, or null. */
function blankMessage(nt: NotetypeJson, qnodes: readonly TemplateNode[], map: FieldMap, ord: number): string | null {
  if (nt.type === NotetypeKind.Cloze) {
    if (clozeNumbersInFields(map.fields.values()).has(ord + 1)) return null;
    const text = `No cloze ${ord + 1} found on card.\nPlease either add a cloze deletion, or use the Empty Cards tool.`;
    return `<div>${text}<br><a href='${BLANK_CLOZE_LINK}'>${MORE_INFO}</a></div>`;
  }
  if (rendersWithFields(qnodes, map.nonEmpty)) return null;
  return `<div>The front of this card is blank.<br><a href='${BLANK_LINK}'>${MORE_INFO}</a></div>`;
}

/** Whether the collection lets Anki generate LaTeX images (`renderLatex`, off by default). */
export function latexGenerationEnabled(col: Collection): boolean {
  return col.col.get('conf')['renderLatex'] === true;
}

/**
 * pylib's LaTeX hook: with generation off, a side referring to an image the
 * media folder lacks gets Anki's notice appended. (With it on, Anki would
 * run `latex` to make the image; nothing here can, so no notice is added.)
 */
export function withLatexNotice(card: RenderedCard, mediaNames: ReadonlySet<string>, generationEnabled: boolean): RenderedCard {
  if (generationEnabled) return card;
  const missing = (names: readonly string[]) => names.some((n) => !mediaNames.has(n));
  const question = missing(card.questionLatex) ? card.question + LATEX_GENERATION_DISABLED : card.question;
  const answer = missing(card.answerLatex) ? card.answer + LATEX_GENERATION_DISABLED : card.answer;
  return { ...card, question, answer };
}
