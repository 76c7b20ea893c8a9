/** Printing result tables (stdout) and progress lines (stderr). */

export type Cell = string | number;

export interface Table {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Lines printed under the table (targets, caveats). */
  notes?: readonly string[];
}

const BENCH_START = Date.now();

/** A progress line on stderr, with seconds since the bench started. */
export function progress(message: string): void {
  const secs = ((Date.now() - BENCH_START) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${secs} s] ${message}\n`);
}

/** A number with `digits` decimals (fewer for large values), or "–". */
export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '–';
  const d = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? Math.min(digits, 1) : digits;
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** A ratio such as "1.85×". */
export function ratio(value: number, baseline: number): string {
  return baseline > 0 && Number.isFinite(value) ? `${fmt(value / baseline, 2)}×` : '–';
}

function isNumeric(cell: Cell): boolean {
  return typeof cell === 'number' || cell === '–' || /^[-+]?[\d,.]+\s*(×|%|ms|s)?$/.test(cell);
}

/** Renders a table: numbers right-aligned, text left-aligned. */
export function renderTable(t: Table): string {
  const cells = t.rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)));
  const widths = t.headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[], raw?: readonly Cell[]) =>
    '| ' + widths.map((w, i) => (raw && isNumeric(raw[i] ?? '') ? (r[i] ?? '').padStart(w) : (r[i] ?? '').padEnd(w))).join(' | ') + ' |';
  const out = [`### ${t.title}`, '', line(t.headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|'];
  cells.forEach((r, i) => out.push(line(r, t.rows[i])));
  if (t.notes?.length) out.push('', ...t.notes);
  return out.join('\n') + '\n';
}

export function printTable(t: Table): void {
  process.stdout.write(renderTable(t) + '\n');
}
