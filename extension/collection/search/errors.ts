/**
 * Search errors, worded as Anki words them (rslib `error/search.rs` kinds,
 * English texts of `ftl/core/search.ftl`). AnkiConnect returns `str(e)` of
 * Anki's exception, which is exactly "Invalid search: <reason>".
 */

export type SearchErrorKind =
  | { kind: 'misplacedAnd' }
  | { kind: 'misplacedOr' }
  | { kind: 'emptyGroup' }
  | { kind: 'unopenedGroup' }
  | { kind: 'unclosedGroup' }
  | { kind: 'emptyQuote' }
  | { kind: 'unclosedQuote' }
  | { kind: 'missingKey' }
  | { kind: 'unknownEscape'; provided: string }
  | { kind: 'invalidState'; provided: string }
  | { kind: 'invalidFlag' }
  | { kind: 'invalidPropProperty'; provided: string }
  | { kind: 'invalidPropOperator'; provided: string }
  | { kind: 'invalidNumber'; provided: string; context: string }
  | { kind: 'invalidWholeNumber'; provided: string; context: string }
  | { kind: 'invalidPositiveWholeNumber'; provided: string; context: string }
  | { kind: 'invalidNegativeWholeNumber'; provided: string; context: string }
  | { kind: 'invalidAnswerButton'; provided: string; context: string }
  | { kind: 'other'; info: string | null };

/** Backticks mark code in Anki's texts, so user text has them turned into quotes. */
const tick = (s: string) => s.replaceAll('`', "'");

function reason(k: SearchErrorKind): string {
  switch (k.kind) {
    case 'misplacedAnd':
      return 'an `and` was found but it is not connecting two search terms. If you want to search for the word itself, wrap it in double quotes: `"and"`.';
    case 'misplacedOr':
      return 'an `or` was found but it is not connecting two search terms. If you want to search for the word itself, wrap it in double quotes: `"or"`.';
    case 'emptyGroup':
      return 'a group `(...)` was found, but there was nothing between the brackets to search for. If you want to search for literal brackets, wrap them in double quotes: `"( )"`.';
    case 'unopenedGroup':
      return 'a closing bracket `)` was found, but there was no opening bracket `(` preceding it. If you want to search for a literal `)`, wrap it in double quotes or prepend a backslash: `")"` or `\\)`.';
    case 'unclosedGroup':
      return 'an opening bracket `(` was found, but there was no closing bracket `)` following it. If you want to search for a literal `(`, wrap it in double quotes or prepend a backslash: `"("` or `\\(` .';
    case 'emptyQuote':
      return 'a pair of double quotes `""` was found, but there was nothing between them to search for. If you want to search for literal double quotes, prepend backslashes: `\\"\\"`.';
    case 'unclosedQuote':
      return 'an opening double quote `"` was found, but there was no second one to close it. If you want to search for a literal `"`, prepend a backslash: `\\"`.';
    case 'missingKey':
      return 'a colon `:` was found, but there was no keyword preceding it. If you want to search for a literal `:`, prepend a backslash: `\\:`.';
    case 'unknownEscape':
      return `the escape sequence \`${tick(k.provided)}\` is not defined. If you want to search for a literal backslash \`\\\`, prepend another one: \`\\\\\`.`;
    case 'invalidState':
      return `\`is:\` was given an invalid argument '\`${tick(k.provided)}\`'.`;
    case 'invalidFlag':
      return '`flag:` must be followed by a valid flag number: `1` (red), `2` (orange), `3` (green), `4` (blue), `5` (pink), `6` (turquoise), `7` (purple) or `0` (no flag).';
    case 'invalidPropProperty':
      return `\`prop:\` was given an invalid argument '\`${tick(k.provided)}\`'.`;
    case 'invalidPropOperator':
      return `\`prop:${k.provided}\` must be followed by one of the following comparison operators: \`=\`, \`!=\`, \`<\`, \`>\`, \`<=\` or \`>=\`.`;
    case 'invalidNumber':
      return `expected a number in "\`${tick(k.context)}\`", but found "\`${tick(k.provided)}\`".`;
    case 'invalidWholeNumber':
      return `expected a whole number in "\`${tick(k.context)}\`", but found "\`${tick(k.provided)}\`".`;
    case 'invalidPositiveWholeNumber':
      return `expected a positive whole number in "\`${tick(k.context)}\`", but found "\`${tick(k.provided)}\`".`;
    case 'invalidNegativeWholeNumber':
      return `expected a whole number less than or equal to 0 in "\`${tick(k.context)}\`", but found "\`${tick(k.provided)}\`".`;
    case 'invalidAnswerButton':
      return `expected an answer button between 1-4 in "\`${tick(k.context)}\`", but found "\`${tick(k.provided)}\`".`;
    case 'other':
      return k.info ?? 'please check for typing mistakes.';
  }
}

/** A malformed search. `message` is what Anki (and so AnkiConnect) reports. */
export class SearchError extends Error {
  constructor(readonly detail: SearchErrorKind) {
    super(`Invalid search: ${reason(detail)}`);
    this.name = 'SearchError';
  }
}

/**
 * A regex that does not compile. Anki reports the regex crate's text inside
 * `<pre>`; ours carries the JavaScript engine's explanation instead.
 */
export class InvalidRegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRegexError';
  }

  static of(pattern: string, why: string): InvalidRegexError {
    return new InvalidRegexError(`<pre>${InvalidRegexError.PREFIX}\n    ${pattern}\nerror: ${why}</pre>`);
  }

  /** The same error after it crossed SQLite (a user function's error comes back as a plain Error). */
  static recover(e: unknown): unknown {
    return e instanceof Error && e.message.startsWith(`<pre>${InvalidRegexError.PREFIX}`) ? new InvalidRegexError(e.message) : e;
  }

  private static readonly PREFIX = 'regex parse error:';
}
