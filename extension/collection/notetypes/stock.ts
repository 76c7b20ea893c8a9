/**
 * The six stock note types a new collection holds, in Anki's order, with the
 * English names, templates and CSS of anki-formats.md §2.
 */
import { randomInt64 } from '../ids.ts';
import { NotetypeKind, type FieldJson, type NotetypeJson, type RequirementJson, type TemplateJson } from './types.ts';

export const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n' +
  '\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';
export const LATEX_POST = '\\end{document}';

export const DEFAULT_CSS =
  '.card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n    text-align: center;\n' +
  '    color: black;\n    background-color: white;\n}\n';

export const CLOZE_CSS_SUFFIX =
  '.cloze {\n    font-weight: bold;\n    color: blue;\n}\n.nightMode .cloze {\n    color: lightblue;\n}\n';

const IMAGE_OCCLUSION_CSS =
  '#image-occlusion-canvas {\n    --inactive-shape-color: #ffeba2;\n    --active-shape-color: #ff8e8e;\n' +
  '    --inactive-shape-border: 1px #212121;\n    --active-shape-border: 1px #212121;\n' +
  '    --highlight-shape-color: #ff8e8e00;\n    --highlight-shape-border: 1px #ff8e8e;\n}\n\n' +
  '.card {\n    font-family: arial;\n    font-size: 20px;\n    text-align: center;\n    color: black;\n' +
  '    background-color: white;\n}\n';

/** `originalStockKind` values. */
export const enum StockKind {
  Basic = 1,
  BasicAndReversed = 2,
  BasicOptionalReversed = 3,
  BasicTyping = 4,
  Cloze = 5,
  ImageOcclusion = 6,
}

export function newField(name: string, ord: number, extra: Partial<FieldJson> = {}): FieldJson {
  return {
    name,
    ord,
    sticky: false,
    rtl: false,
    font: 'Arial',
    size: 20,
    description: '',
    plainText: false,
    collapsed: false,
    excludeFromSearch: false,
    id: randomInt64(),
    tag: null,
    preventDeletion: false,
    ...extra,
  };
}

export function newTemplate(name: string, ord: number, qfmt: string, afmt: string): TemplateJson {
  return { name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0, id: randomInt64() };
}

export function newNotetype(
  id: number,
  name: string,
  kind: NotetypeKind,
  flds: FieldJson[],
  tmpls: TemplateJson[],
  css: string,
  req: RequirementJson[],
): NotetypeJson {
  return {
    id,
    name,
    type: kind,
    mod: 0,
    usn: 0,
    sortf: 0,
    did: null,
    tmpls,
    flds,
    css,
    latexPre: LATEX_PRE,
    latexPost: LATEX_POST,
    latexsvg: false,
    req,
  };
}

const ANSWER_SEP = '\n\n<hr id=answer>\n\n';

function ioTemplates(): [string, string] {
  const qfmt =
    '{{#Header}}<div>{{Header}}</div>{{/Header}}\n' +
    '<div style="display: none">{{cloze:Occlusion}}</div>\n' +
    '<div id="err"></div>\n' +
    '<div id="image-occlusion-container">\n    {{Image}}\n    <canvas id="image-occlusion-canvas"></canvas>\n</div>\n' +
    '<script>\ntry {\n    anki.imageOcclusion.setup();\n} catch (exc) {\n' +
    '    document.getElementById("err").innerHTML = `Error loading image occlusion. Is your Anki version up to date?<br><br>${exc}`;\n' +
    '}\n</script>\n';
  const afmt =
    qfmt +
    '\n<div><button id="toggle">Toggle Masks</button></div>\n' +
    '{{#Back Extra}}<div>{{Back Extra}}</div>{{/Back Extra}}\n';
  return [qfmt, afmt];
}

/** The stock note types with consecutive ids from `firstId`, Basic first. */
export function stockNotetypes(firstId: number): NotetypeJson[] {
  const card1 = () => newTemplate('Card 1', 0, '{{Front}}', `{{FrontSide}}${ANSWER_SEP}{{Back}}`);
  const card2 = (qfmt: string) => newTemplate('Card 2', 1, qfmt, `{{FrontSide}}${ANSWER_SEP}{{Front}}`);
  const frontBack = () => [newField('Front', 0), newField('Back', 1)];
  const [ioQ, ioA] = ioTemplates();
  const list: NotetypeJson[] = [
    { ...newNotetype(0, 'Basic', NotetypeKind.Standard, frontBack(), [card1()], DEFAULT_CSS, [[0, 'any', [0]]]), originalStockKind: StockKind.Basic },
    {
      ...newNotetype(0, 'Basic (and reversed card)', NotetypeKind.Standard, frontBack(), [card1(), card2('{{Back}}')], DEFAULT_CSS, [
        [0, 'any', [0]],
        [1, 'any', [1]],
      ]),
      originalStockKind: StockKind.BasicAndReversed,
    },
    {
      ...newNotetype(
        0,
        'Basic (optional reversed card)',
        NotetypeKind.Standard,
        [...frontBack(), newField('Add Reverse', 2)],
        [card1(), card2('{{#Add Reverse}}{{Back}}{{/Add Reverse}}')],
        DEFAULT_CSS,
        [
          [0, 'any', [0]],
          [1, 'all', [1, 2]],
        ],
      ),
      originalStockKind: StockKind.BasicOptionalReversed,
    },
    {
      ...newNotetype(
        0,
        'Basic (type in the answer)',
        NotetypeKind.Standard,
        frontBack(),
        [newTemplate('Card 1', 0, '{{Front}}\n\n{{type:Back}}', `{{Front}}${ANSWER_SEP}{{type:Back}}`)],
        DEFAULT_CSS,
        [[0, 'any', [0, 1]]],
      ),
      originalStockKind: StockKind.BasicTyping,
    },
    {
      ...newNotetype(
        0,
        'Cloze',
        NotetypeKind.Cloze,
        [newField('Text', 0, { tag: 0, preventDeletion: true }), newField('Back Extra', 1, { tag: 1 })],
        [newTemplate('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')],
        DEFAULT_CSS + CLOZE_CSS_SUFFIX,
        [[0, 'any', [0]]],
      ),
      originalStockKind: StockKind.Cloze,
    },
    {
      ...newNotetype(
        0,
        'Image Occlusion',
        NotetypeKind.Cloze,
        [
          newField('Occlusion', 0, { tag: 0, preventDeletion: true }),
          newField('Image', 1, { tag: 1, preventDeletion: true }),
          newField('Header', 2, { tag: 2, preventDeletion: true }),
          newField('Back Extra', 3, { tag: 3, preventDeletion: true }),
          newField('Comments', 4, { tag: 4 }),
        ],
        [newTemplate('Image Occlusion', 0, ioQ, ioA)],
        IMAGE_OCCLUSION_CSS,
        [[0, 'any', [0, 1, 2]]],
      ),
      originalStockKind: StockKind.ImageOcclusion,
    },
  ];
  list.forEach((nt, i) => (nt.id = firstId + i));
  return list;
}
