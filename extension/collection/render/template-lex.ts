/**
 * Lexing card templates as Anki does (template.rs, "Lexing"): the text is cut
 * into plain text, `<!-- … -->` comments and `{{ … }}` handlebars. At each
 * position a handlebar is tried first, then a comment; a `{{` with no `}}`
 * after it, or a `<!--` with no `-->`, is plain text. Handlebars inside a
 * comment are part of the comment. A template whose first non-blank text is
 * `{{=<% %>=}}` uses `<%` and `%>` instead of `{{` and `}}`.
 */

export type TemplateToken =
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'replacement'; text: string }
  | { kind: 'open'; key: string }
  | { kind: 'openNegated'; key: string }
  | { kind: 'close'; key: string };

const COMMENT_START = '<!--';
const COMMENT_END = '-->';
const ALT_SYNTAX_DIRECTIVE = '{{=<% %>=}}';

interface Delimiters {
  start: string;
  end: string;
}

const STANDARD: Delimiters = { start: '{{', end: '}}' };
const LEGACY_ALT: Delimiters = { start: '<%', end: '%>' };

/** Unicode White_Space, as Rust's `trim` uses (JS `\s` would also take U+FEFF). */
const LEADING_SPACE = /^\p{White_Space}+/u;
const TRAILING_SPACE = /\p{White_Space}+$/u;

function trimStart(s: string): string {
  return s.replace(LEADING_SPACE, '');
}

function trim(s: string): string {
  return trimStart(s).replace(TRAILING_SPACE, '');
}

/** Picks the delimiters and strips the legacy directive (every leading copy of it). */
function delimitersFor(template: string): [Delimiters, string] {
  let rest = trimStart(template);
  if (!rest.startsWith(ALT_SYNTAX_DIRECTIVE)) return [STANDARD, template];
  while (rest.startsWith(ALT_SYNTAX_DIRECTIVE)) rest = rest.slice(ALT_SYNTAX_DIRECTIVE.length);
  return [LEGACY_ALT, rest];
}

/** What a handlebar's inner text is, by its first character after `{`s and blanks. */
export function classifyHandlebar(inner: string): TemplateToken {
  let i = 0;
  while (inner[i] === '{') i++;
  const body = trim(inner.slice(i));
  // Anki checks the UTF-8 length: one ASCII character (or none) is always a replacement.
  if (body.length === 0 || (body.length === 1 && body.charCodeAt(0) < 0x80)) {
    return { kind: 'replacement', text: body };
  }
  const rest = trimStart(body.slice(1));
  switch (body[0]) {
    case '#':
      return { kind: 'open', key: rest };
    case '/':
      return { kind: 'close', key: rest };
    case '^':
      return { kind: 'openNegated', key: rest };
    default:
      return { kind: 'replacement', text: body };
  }
}

/** The tokens of a template, in order; adjacent plain text is one token. */
export function lexTemplate(template: string): TemplateToken[] {
  const [delims, input] = delimitersFor(template);
  const tokens: TemplateToken[] = [];
  let textStart = 0;
  let pos = 0;
  // Once a `{{` (or `<!--`) has no closing after it, no later one can have one either.
  let handlebarsPossible = true;
  let commentsPossible = true;
  const pushText = (end: number): void => {
    if (end > textStart) tokens.push({ kind: 'text', text: input.slice(textStart, end) });
  };
  while (pos < input.length) {
    const h = handlebarsPossible ? input.indexOf(delims.start, pos) : -1;
    const c = commentsPossible ? input.indexOf(COMMENT_START, pos) : -1;
    if (h < 0 && c < 0) break;
    if (h >= 0 && (c < 0 || h < c)) {
      const end = input.indexOf(delims.end, h + delims.start.length);
      if (end < 0) {
        handlebarsPossible = false;
        continue;
      }
      pushText(h);
      tokens.push(classifyHandlebar(input.slice(h + delims.start.length, end)));
      pos = textStart = end + delims.end.length;
    } else {
      const end = input.indexOf(COMMENT_END, c + COMMENT_START.length);
      if (end < 0) {
        commentsPossible = false;
        continue;
      }
      pushText(c);
      tokens.push({ kind: 'comment', text: input.slice(c + COMMENT_START.length, end) });
      pos = textStart = end + COMMENT_END.length;
    }
  }
  pushText(input.length);
  return tokens;
}
