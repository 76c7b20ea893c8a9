/**
 * Rust `regex` syntax → a JavaScript RegExp with the same meaning, for the
 * patterns Anki's searches hand to SQLite (`re:`, `w:`, `tag:re:`,
 * `field:re:`, `*:`, tags). Differences handled:
 * - leading `(?flags)` groups (Anki prepends `(?i)`/`(?is)`; users write
 *   `(?-i)`) become JS flags; `s`, `m` and `x` are applied here;
 * - `\b`, `\B`, `\w`, `\d`, `\s` are Unicode-aware in Rust, ASCII in JS;
 * - `.` excludes only `\n` in Rust; `\A`, `\z`, `\pL`, `\x{…}`, `(?P<n>…)`,
 *   `[[:alpha:]]`, and escaped punctuation JS's `u` mode rejects (`\#`, `\-`, `\&`, `\~`, `\%`).
 * What has no JS equivalent (mid-pattern flag changes, class set operations)
 * is reported as a regex error, as Anki reports a pattern it cannot compile.
 */
import { InvalidRegexError } from './errors.ts';
import { charsetClasses, PROFILE_UNICODE, WORD_BODY, type CharsetClasses, type TextProfile } from './regex-charsets.ts';

const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/');
const IS_WORD = new RegExp(`[${WORD_BODY}]`, 'u');

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ', upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
}

class Unsupported extends Error {}

/**
 * Compiles a Rust-syntax pattern. Throws InvalidRegexError if it cannot be
 * compiled. With a text `profile` the RegExp is only meant for texts of
 * that profile (regex-charsets.ts), where it matches exactly as the general one.
 */
export function compileRustRegex(pattern: string, profile: TextProfile = PROFILE_UNICODE): RegExp {
  try {
    const { source, flags } = new Translator(pattern, charsetClasses(profile)).run();
    return new RegExp(source, flags);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof SyntaxError) {
      throw InvalidRegexError.of(pattern, e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, ''));
    }
    throw e;
  }
}

class Translator {
  private i = 0;
  private out = '';
  /** The previous atom when it is one literal character (no quantifier), for `\b`. */
  private prevLiteral: string | null = null;
  private readonly flags: Flags = { i: false, m: false, s: false, x: false };

  /** The word class and the boundaries built on it. */
  private readonly w: string;

  constructor(
    private readonly p: string,
    private readonly c: CharsetClasses,
  ) {
    this.w = c.word.atom;
  }

  private boundaryEither(): string {
    const W = this.w;
    return `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
  }

  private notBoundary(): string {
    const W = this.w;
    return `(?:(?<=${W})(?=${W})|(?<!${W})(?!${W}))`;
  }

  private wordStart(): string {
    return `(?:(?<!${this.w})(?=${this.w}))`;
  }

  private wordEnd(): string {
    return `(?:(?<=${this.w})(?!${this.w}))`;
  }

  run(): { source: string; flags: string } {
    while (this.leadingFlags());
    while (this.i < this.p.length) this.outside();
    return { source: this.out, flags: this.flags.i ? 'iu' : 'u' };
  }

  /** One `(?flags)` group at the current position, applied to `this.flags`. */
  private leadingFlags(): boolean {
    const m = /^\(\?([a-zA-Z-]+)\)/.exec(this.p.slice(this.i));
    if (!m) return false;
    this.applyFlags(m[1]!, this.flags);
    this.i += m[0].length;
    return true;
  }

  private applyFlags(spec: string, into: Flags): void {
    let on = true;
    for (const ch of spec) {
      if (ch === '-') on = false;
      else if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'x') into[ch] = on;
      else if (ch !== 'u') throw new Unsupported(`unsupported flag '${ch}'`);
    }
  }

  private peek(n = 0): string | undefined {
    return this.p[this.i + n];
  }

  /** The next code point, consumed. */
  private take(): string {
    const ch = String.fromCodePoint(this.p.codePointAt(this.i)!);
    this.i += ch.length;
    return ch;
  }

  private skipVerbose(): boolean {
    if (!this.flags.x) return false;
    const ch = this.peek()!;
    if (/\p{White_Space}/u.test(ch)) {
      this.i++;
      return true;
    }
    if (ch === '#') {
      const nl = this.p.indexOf('\n', this.i);
      this.i = nl < 0 ? this.p.length : nl + 1;
      return true;
    }
    return false;
  }

  private outside(): void {
    if (this.skipVerbose()) return;
    const ch = this.take();
    const prev = this.prevLiteral;
    this.prevLiteral = null;
    switch (ch) {
      case '\\': this.out += this.escape(false, prev); return;
      case '[': this.out += '[' + this.classBody() + ']'; return;
      case '(': this.out += this.groupOpen(); return;
      case '.': this.out += this.flags.s ? this.c.any : this.c.notNewline; return;
      case '^': this.out += this.flags.m ? '(?:(?<![\\s\\S])|(?<=\\n))' : '^'; return;
      case '$': this.out += this.flags.m ? '(?=\\n|(?![\\s\\S]))' : '$'; return;
      case ']': case '}': this.out += '\\' + ch; return;
      case '{': {
        const q = /^\d+(?:,\d*)?\}/.exec(this.p.slice(this.i));
        if (q) {
          this.out += '{' + q[0];
          this.i += q[0].length;
        } else {
          this.out += '\\{';
        }
        return;
      }
      case '*': case '+': case '?': case '|': case ')': this.out += ch; return;
      default:
        this.out += ch;
        this.prevLiteral = ch;
    }
  }

  /** The next character if it is a plain literal that is certainly matched (no optional quantifier). */
  private nextLiteral(): string | null {
    const ch = this.peek();
    if (ch === undefined || '\\.[](){}|^$*+?'.includes(ch)) return null;
    if (this.flags.x && (ch === '#' || /\p{White_Space}/u.test(ch))) return null;
    const code = this.p.codePointAt(this.i)!;
    const after = this.p[this.i + (code > 0xffff ? 2 : 1)];
    return after !== undefined && '*?{'.includes(after) ? null : String.fromCodePoint(code);
  }

  /**
   * `\b`: next to a known literal it is a single look-around (much faster in
   * JS than the general either-side test).
   */
  private boundary(prev: string | null): string {
    const W = this.w;
    if (prev !== null) return IS_WORD.test(prev) ? `(?!${W})` : `(?=${W})`;
    const next = this.nextLiteral();
    if (next !== null) return IS_WORD.test(next) ? `(?<!${W})` : `(?<=${W})`;
    return this.boundaryEither();
  }

  private groupOpen(): string {
    const rest = this.p.slice(this.i);
    if (!rest.startsWith('?')) return '(';
    if (/^\?<?[=!]/.test(rest)) throw new Unsupported('look-around, including look-ahead and look-behind, is not supported');
    const named = /^\?P?<([^>]*)>/.exec(rest);
    if (named) {
      this.i += named[0].length;
      return `(?<${named[1]}>`;
    }
    if (rest.startsWith('?:')) {
      this.i += 2;
      return '(?:';
    }
    const flags = /^\?([a-zA-Z-]+)([:)])/.exec(rest);
    if (!flags) throw new Unsupported('unrecognized flag');
    const next = { ...this.flags };
    this.applyFlags(flags[1]!, next);
    if (next.i !== this.flags.i || next.m !== this.flags.m || next.s !== this.flags.s || next.x !== this.flags.x) {
      throw new Unsupported('flags can only be changed at the start of the pattern here');
    }
    this.i += flags[0].length;
    return flags[2] === ':' ? '(?:' : '';
  }

  /** After a backslash (consumed); `prev` is the literal before it, if any. */
  private escape(inClass: boolean, prev: string | null = null): string {
    if (this.i >= this.p.length) throw new Unsupported('incomplete escape sequence, reached end of pattern prematurely');
    const ch = this.take();
    switch (ch) {
      case 'd': return inClass ? this.c.digit.body : this.c.digit.atom;
      case 'D': return inClass ? this.c.notDigit.body : this.c.notDigit.atom;
      case 's': return inClass ? this.c.space.body : this.c.space.atom;
      case 'S': return inClass ? this.c.notSpace.body : this.c.notSpace.atom;
      case 'w': return inClass ? this.c.word.body : this.c.word.atom;
      case 'W': return inClass ? '\\W' : this.c.notWordAtom;
      case 'p': case 'P': return this.property(ch === 'P');
      case 'x': case 'u': case 'U': return this.codePoint(ch);
      case 'n': case 't': case 'r': case 'f': case 'v': return '\\' + ch;
      case 'a': return '\\x07';
    }
    if (!inClass) {
      const assertion = this.assertion(ch, prev);
      if (assertion !== null) return assertion;
    }
    if (/[0-9A-Za-z]/.test(ch)) {
      throw new Unsupported(/[0-9]/.test(ch) ? 'backreferences are not supported' : 'unrecognized escape sequence');
    }
    return JS_SYNTAX.has(ch) || (inClass && ch === '-') ? '\\' + ch : ch;
  }

  private assertion(ch: string, prev: string | null): string | null {
    switch (ch) {
      case 'A': return '(?<![\\s\\S])';
      case 'z': return '(?![\\s\\S])';
      case '<': return this.wordStart();
      case '>': return this.wordEnd();
      case 'B': return this.notBoundary();
      case 'b': {
        const special = /^\{(start|end|start-half|end-half)\}/.exec(this.p.slice(this.i));
        if (!special) return this.boundary(prev);
        this.i += special[0].length;
        if (special[1] === 'start') return this.wordStart();
        if (special[1] === 'end') return this.wordEnd();
        return special[1] === 'start-half' ? `(?<!${this.w})` : `(?!${this.w})`;
      }
    }
    return null;
  }

  /** `\pL`, `\p{Greek}`, `\p{sc=Han}` (after `\p`). */
  private property(negated: boolean): string {
    let name: string;
    if (this.peek() === '{') {
      const close = this.p.indexOf('}', this.i);
      if (close < 0) throw new Unsupported('unclosed Unicode class');
      name = this.p.slice(this.i + 1, close).trim();
      this.i = close + 1;
    } else {
      if (this.i >= this.p.length) throw new Unsupported('incomplete escape sequence');
      name = this.take();
    }
    const js = jsPropertyName(name);
    if (js === null) throw new Unsupported(`Unicode property not found: ${name}`);
    return `\\${negated ? 'P' : 'p'}{${js}}`;
  }

  /** `\x7F`, `\x{1F600}`, `\u00E9`, `\U0001F600` (after the letter). */
  private codePoint(letter: string): string {
    const rest = this.p.slice(this.i);
    const braced = /^\{([0-9A-Fa-f]{1,8})\}/.exec(rest);
    const width = letter === 'x' ? 2 : letter === 'u' ? 4 : 8;
    const fixed = new RegExp(`^[0-9A-Fa-f]{${width}}`).exec(rest);
    const m = braced ?? fixed;
    if (!m) throw new Unsupported('invalid hexadecimal digit');
    const hex = braced ? braced[1]! : m[0];
    this.i += m[0].length;
    if (parseInt(hex, 16) > 0x10ffff) throw new Unsupported('invalid Unicode scalar value');
    return `\\u{${hex}}`;
  }

  /** The inside of `[…]` (after `[`, consuming the closing `]`). */
  private classBody(): string {
    let out = '';
    if (this.peek() === '^') {
      out += '^';
      this.i++;
    }
    if (this.peek() === ']') {
      out += '\\]';
      this.i++;
    }
    for (;;) {
      if (this.i >= this.p.length) throw new Unsupported('unclosed character class');
      if (this.skipVerbose()) continue;
      const rest = this.p.slice(this.i);
      if (/^(?:&&|--|~~)/.test(rest)) throw new Unsupported('character class set operations are not supported here');
      const ch = this.take();
      if (ch === ']') return out;
      if (ch === '\\') out += this.escape(true);
      else if (ch === '[') out += this.nestedClass();
      else out += ch;
    }
  }

  /** `[:alpha:]`, or a nested class (a union), after its `[`. */
  private nestedClass(): string {
    const posix = /^:(\^?)([a-z]+):\]/.exec(this.p.slice(this.i));
    if (posix) {
      const set = POSIX[posix[2]!];
      if (set === undefined) throw new Unsupported('invalid ASCII class');
      if (posix[1]) throw new Unsupported('negated ASCII classes inside a class are not supported here');
      this.i += posix[0].length;
      return set;
    }
    if (this.peek() === '^') throw new Unsupported('negated nested classes are not supported here');
    return this.classBody();
  }
}

const propertyCache = new Map<string, string | null>();

/** The JS name for a Rust Unicode property name (loose, as Rust allows), or null. */
function jsPropertyName(name: string): string | null {
  const cached = propertyCache.get(name);
  if (cached !== undefined) return cached;
  const words = name.replace(/[\s_-]+/g, '_');
  const title = words.replace(/(^|_|=)([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
  const candidates = [name, words, title, `Script=${title}`];
  let found: string | null = null;
  for (const c of candidates) {
    try {
      new RegExp(`\\p{${c}}`, 'u');
      found = c;
      break;
    } catch {
      // try the next spelling
    }
  }
  propertyCache.set(name, found);
  return found;
}
