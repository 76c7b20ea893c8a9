/**
 * Python's `glob.glob(os.path.join(media_dir, pattern))` over the media
 * folder's names, as getMediaFilesNames answers: fnmatch's `*`, `?`,
 * `[set]` and `[!set]` (case-sensitive, as on POSIX), names starting with a
 * dot only for a pattern that starts with one, and a pattern without
 * wildcards naming one file. The folder is flat, so a pattern with a slash
 * matches nothing here (Python would search other folders).
 */

const MAGIC = /[*?[]/;

const hex = (ch: string) => `\\u{${ch.codePointAt(0)!.toString(16)}}`;

/** The characters of a bracket set between `[` (at start - 1) and `]` (at end), as fnmatch.translate reads them. */
function bracketSet(pat: string, start: number, end: number): string {
  // Split at range hyphens: a hyphen right after a range's end is a literal.
  const chunks: string[] = [];
  let i = start;
  let k = pat[start] === '!' ? start + 2 : start + 1;
  for (;;) {
    k = pat.indexOf('-', k);
    if (k < 0 || k >= end) break;
    chunks.push(pat.slice(i, k));
    i = k + 1;
    k += 3;
  }
  const last = pat.slice(i, end);
  if (last || !chunks.length) chunks.push(last);
  else chunks[chunks.length - 1] += '-'; // a trailing hyphen is a literal
  // Drop empty ranges such as z-a.
  for (let c = chunks.length - 1; c > 0; c--) {
    const prev = [...chunks[c - 1]!];
    const next = [...chunks[c]!];
    if (prev.length && next.length && prev[prev.length - 1]! > next[0]!) {
      chunks[c - 1] = prev.slice(0, -1).join('') + next.slice(1).join('');
      chunks.splice(c, 1);
    }
  }
  const stuff = chunks.join('-');
  if (stuff === '') return '(?!)';
  if (stuff === '!') return '.';
  let out = '';
  chunks.forEach((chunk, c) => {
    const chars = [...chunk];
    chars.forEach((ch, at) => {
      if (c === 0 && at === 0 && ch === '!') out += '^';
      else out += (at === 0 && c > 0 ? '-' : '') + hex(ch);
    });
  });
  return `[${out}]`;
}

/** fnmatch.translate as a JavaScript regular expression. */
export function fnmatchRegExp(pat: string): RegExp {
  let re = '';
  let i = 0;
  const n = pat.length;
  while (i < n) {
    const ch = String.fromCodePoint(pat.codePointAt(i)!);
    i += ch.length;
    if (ch === '*') {
      if (!re.endsWith('.*')) re += '.*';
    } else if (ch === '?') re += '.';
    else if (ch === '[') {
      let j = i;
      if (pat[j] === '!') j++;
      if (pat[j] === ']') j++;
      while (j < n && pat[j] !== ']') j++;
      if (j >= n) re += hex('[');
      else {
        re += bracketSet(pat, i, j);
        i = j + 1;
      }
    } else re += hex(ch);
  }
  return new RegExp(`^(?:${re})$`, 'su');
}

/** The names `pattern` matches, in the order given. */
export function globNames(names: readonly string[], pattern: string): string[] {
  if (pattern.includes('/')) return [];
  // upstream: glob of the folder itself gives its path, whose basename is ''.
  if (pattern === '') return [''];
  if (!MAGIC.test(pattern)) return names.includes(pattern) ? [pattern] : [];
  const re = fnmatchRegExp(pattern);
  const hidden = pattern.startsWith('.');
  return names.filter((name) => (hidden || !name.startsWith('.')) && re.test(name));
}
