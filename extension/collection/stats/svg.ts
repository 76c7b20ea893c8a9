/**
 * Chart primitives for the statistics report: stacked bar charts (a
 * histogram is one series), a pie chart and a legend, drawn as inline SVG
 * and HTML strings that render without scripts or outside resources. Every
 * text that reaches the markup goes through escapeHtml; hovering a bar or
 * slice shows its value through SVG's own <title>.
 */

const WIDTH = 600;
const HEIGHT = 230;
const MARGIN = { top: 12, right: 24, bottom: 46, left: 56 };
const MAX_X_LABELS = 15;
/** Rough width of a tick label's character at 11px, and the space kept between labels. */
const LABEL_CHAR_WIDTH = 6.5;
const LABEL_GAP = 10;
const AXIS_COLOR = '#666';
const GRID_COLOR = '#e3e3e3';

/** Escapes text for HTML and SVG content and for attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/** A coordinate with at most two decimals. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export interface Series {
  label: string;
  color: string;
  /** One value per category. */
  values: readonly number[];
}

export interface BarChartSpec {
  /** What the chart shows (its accessible name). */
  title: string;
  /** One label per bar, left to right. */
  categories: readonly string[];
  /** Stacked bottom to top. */
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
}

/** Round tick values from 0 covering `max`: steps of 1, 2 or 5 × 10^k, never below 1. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

function svgOpen(title: string, width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-label="${escapeHtml(title)}" font-family="sans-serif" font-size="11">` +
    `<title>${escapeHtml(title)}</title>`
  );
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ' ' + attrs : ''}>${escapeHtml(content)}</text>`;
}

function yAxis(ticks: readonly number[], top: number, plotHeight: number, label: string): string {
  const bottom = MARGIN.top + plotHeight;
  const right = WIDTH - MARGIN.right;
  let out = '';
  for (const t of ticks) {
    const y = bottom - (t / top) * plotHeight;
    out += `<line x1="${MARGIN.left}" y1="${n(y)}" x2="${right}" y2="${n(y)}" stroke="${GRID_COLOR}"/>`;
    out += text(MARGIN.left - 6, y + 4, String(t), 'text-anchor="end"');
  }
  out += `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="${AXIS_COLOR}"/>`;
  const cy = MARGIN.top + plotHeight / 2;
  return out + text(14, cy, label, `text-anchor="middle" transform="rotate(-90 14 ${n(cy)})"`);
}

function xAxis(categories: readonly string[], band: number, plotHeight: number, label: string): string {
  const bottom = MARGIN.top + plotHeight;
  let out = `<line x1="${MARGIN.left}" y1="${bottom}" x2="${WIDTH - MARGIN.right}" y2="${bottom}" stroke="${AXIS_COLOR}"/>`;
  const longest = categories.reduce((m, c) => Math.max(m, c.length), 1);
  const fit = Math.floor((WIDTH - MARGIN.left - MARGIN.right) / (longest * LABEL_CHAR_WIDTH + LABEL_GAP));
  const every = Math.ceil(categories.length / Math.max(1, Math.min(MAX_X_LABELS, fit)));
  categories.forEach((c, i) => {
    const show = (categories.length - 1 - i) % every === 0;
    if (show) out += text(MARGIN.left + (i + 0.5) * band, bottom + 15, c, 'text-anchor="middle"');
  });
  return out + text(MARGIN.left + (WIDTH - MARGIN.left - MARGIN.right) / 2, HEIGHT - 6, label, 'text-anchor="middle"');
}

function bars(spec: BarChartSpec, band: number, top: number, plotHeight: number): string {
  const bottom = MARGIN.top + plotHeight;
  let out = '';
  spec.categories.forEach((category, i) => {
    let base = 0;
    for (const s of spec.series) {
      const value = s.values[i] ?? 0;
      if (value <= 0) continue;
      const y0 = bottom - (base / top) * plotHeight;
      const y1 = bottom - ((base + value) / top) * plotHeight;
      const x = MARGIN.left + i * band + band * 0.1;
      out += `<rect x="${n(x)}" y="${n(y1)}" width="${n(band * 0.8)}" height="${n(y0 - y1)}" fill="${escapeHtml(s.color)}">`;
      out += `<title>${escapeHtml(`${category}: ${s.label} ${value}`)}</title></rect>`;
      base += value;
    }
  });
  return out;
}

/** A stacked bar chart with gridlines, tick labels and axis titles. */
export function stackedBarChart(spec: BarChartSpec): string {
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, spec.categories.length);
  const totals = spec.categories.map((_, i) => spec.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1]!;
  return (
    svgOpen(spec.title, WIDTH, HEIGHT) +
    yAxis(ticks, top, plotHeight, spec.yLabel) +
    bars(spec, band, top, plotHeight) +
    xAxis(spec.categories, band, plotHeight, spec.xLabel) +
    '</svg>'
  );
}

export interface Slice {
  label: string;
  color: string;
  value: number;
}

const PIE_SIZE = 200;
const PIE_RADIUS = 90;

function slicePath(start: number, end: number): string {
  const c = PIE_SIZE / 2;
  const point = (a: number) => `${n(c + PIE_RADIUS * Math.sin(a))} ${n(c - PIE_RADIUS * Math.cos(a))}`;
  const large = end - start > Math.PI ? 1 : 0;
  return `M ${c} ${c} L ${point(start)} A ${PIE_RADIUS} ${PIE_RADIUS} 0 ${large} 1 ${point(end)} Z`;
}

/** A pie chart of the slices with a positive value, clockwise from the top; a grey disc when all are 0. */
export function pieChart(title: string, slices: readonly Slice[]): string {
  const c = PIE_SIZE / 2;
  const shown = slices.filter((s) => s.value > 0);
  const total = shown.reduce((sum, s) => sum + s.value, 0);
  let out = svgOpen(title, PIE_SIZE, PIE_SIZE);
  if (!total) return out + `<circle cx="${c}" cy="${c}" r="${PIE_RADIUS}" fill="${GRID_COLOR}"/></svg>`;
  let angle = 0;
  for (const s of shown) {
    const tip = `<title>${escapeHtml(`${s.label}: ${s.value} (${((s.value / total) * 100).toFixed(1)}%)`)}</title>`;
    const sweep = (s.value / total) * 2 * Math.PI;
    if (shown.length === 1) out += `<circle cx="${c}" cy="${c}" r="${PIE_RADIUS}" fill="${escapeHtml(s.color)}">${tip}</circle>`;
    else out += `<path d="${slicePath(angle, angle + sweep)}" fill="${escapeHtml(s.color)}" stroke="#fff" stroke-width="1">${tip}</path>`;
    angle += sweep;
  }
  return out + '</svg>';
}

/** A legend: a colour swatch and a label per entry. */
export function legend(entries: readonly { label: string; color: string }[]): string {
  const items = entries.map(
    (e) => `<li><span class="swatch" style="background:${escapeHtml(e.color)}"></span>${escapeHtml(e.label)}</li>`,
  );
  return `<ul class="legend">${items.join('')}</ul>`;
}
