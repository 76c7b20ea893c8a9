/**
 * LaTeX in card text (latex.rs `extract_latex`, applied to both sides by
 * pylib's `card_did_render` hook): `[latex]…[/latex]`, `[$]…[/$]` (inline,
 * wrapped in `$…$`) and `[$$]…[/$$]` (a displaymath environment) become
 * `<img class=latex alt="…" src="latex-<sha1>.png">`, where the sha1 is of
 * the LaTeX source with `<br>`/`<div>` turned into newlines, HTML stripped
 * and entities decoded. Note types with `latexsvg` get `.svg` names.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { stripHtml } from '../notes/text.ts';
import { encodeAttribute } from './html-escape.ts';

const LATEX = /\[latex\]([^]+?)\[\/latex\]|\[\$\]([^]+?)\[\/\$\]|\[\$\$\]([^]+?)\[\/\$\$\]/giu;
/** Anki's pattern is `<br( /)?>|<div>` in verbose mode, where the space is ignored: `<br />` is not a newline. */
const LATEX_NEWLINES = /<br(\/)?>|<div>/giu;

/** What pylib appends to a side when an image is missing and generation is off (the default). */
export const LATEX_GENERATION_DISABLED = 'LaTeX image generation is disabled in the preferences.';

export interface ExtractedLatex {
  /** The text with each LaTeX block replaced by its `<img>`. */
  text: string;
  /** The image file names, in order of appearance. */
  filenames: string[];
}

function latexSource(m1: string | undefined, m2: string | undefined, m3: string | undefined): string {
  if (m1 !== undefined) return m1;
  if (m2 !== undefined) return `$${m2}$`;
  return `\\begin{displaymath}${m3 ?? ''}\\end{displaymath}`;
}

const encoder = new TextEncoder();

/** `latex-<sha1 of the source>.png` (or `.svg`). */
export function latexFilename(source: string, svg: boolean): string {
  return `latex-${bytesToHex(sha1(encoder.encode(source)))}.${svg ? 'svg' : 'png'}`;
}

export function extractLatex(text: string, svg: boolean): ExtractedLatex {
  const filenames: string[] = [];
  if (!text.includes('[')) return { text, filenames };
  const replaced = text.replace(LATEX, (_m, m1?: string, m2?: string, m3?: string) => {
    const source = stripHtml(latexSource(m1, m2, m3).replace(LATEX_NEWLINES, '\n'));
    const filename = latexFilename(source, svg);
    filenames.push(filename);
    return `<img class=latex alt="${encodeAttribute(source)}" src="${filename}">`;
  });
  return { text: replaced, filenames };
}
