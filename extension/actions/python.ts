/**
 * What Python would print for JSON values and type errors, since AnkiConnect
 * clients see Python's own texts for bad parameters (ankiconnect-behaviour.md §2).
 */

/** Python's type name for a JSON value. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

function pyStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function pyFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return n.toFixed(1);
  const s = String(n);
  return s.replace(/e\+?/, 'e+').replace('e+-', 'e-');
}

/** Python's repr() of a JSON value as json.loads would have made it. */
export function pyRepr(value: unknown, isFloat = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return isFloat || !Number.isInteger(value) ? pyFloat(value) : String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return pyStr(value);
  if (Array.isArray(value)) return '[' + value.map((v) => pyRepr(v)).join(', ') + ']';
  const entries = Object.entries(value as Record<string, unknown>);
  return '{' + entries.map(([k, v]) => `${pyStr(k)}: ${pyRepr(v)}`).join(', ') + '}';
}

/** Python's str() of a value (str() of a string is the string itself). */
export function pyStrOf(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`: how Python lists missing arguments. */
export function pyNameList(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

/** Python's `==` between two JSON values (1 == 1.0 == True; dicts by content). */
export function pyEquals(a: unknown, b: unknown): boolean {
  const num = (v: unknown) => (typeof v === 'boolean' ? Number(v) : typeof v === 'bigint' ? Number(v) : v);
  const x = num(a === undefined ? null : a);
  const y = num(b === undefined ? null : b);
  if (typeof x === 'number' && typeof y === 'number') return x === y;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return x === y;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((v, i) => pyEquals(v, y[i]));
  }
  const xe = Object.keys(x as object);
  const ye = Object.keys(y as object);
  return (
    xe.length === ye.length &&
    xe.every((k) => Object.hasOwn(y as object, k) && pyEquals((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]))
  );
}
