/**
 * Image Occlusion deletions (`{{c1::image-occlusion:rect:left=.1:top=.2:…}}`)
 * rendered as Anki does (image_occlusion/imageocclusion.rs
 * `get_image_cloze_data`, cloze.rs `render_image_occlusion`): an empty
 * `<div>` whose `data-*` attributes describe the shape, for the reviewer's
 * script to draw.
 */
import { encodeAttribute } from './html-escape.ts';

export interface OcclusionShape {
  shape: string;
  properties: { name: string; value: string }[];
}

/**
 * One property value: up to the next unescaped `:`, with `\\` → `\` and
 * `\:` → `:`. Null where the crate's parser fails (an empty value followed by
 * more text, a `\` before anything else or at the end).
 */
function propertyValue(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  let i = from;
  while (i < text.length && text[i] !== ':') {
    if (text[i] === '\\') {
      const next = text[i + 1];
      if (next !== '\\' && next !== ':') return null;
      value += next;
      i += 2;
    } else {
      value += text[i];
      i++;
    }
  }
  if (i === from && i < text.length) return null;
  return { value, end: i };
}

/** `rect:left=10:top=20` → shape "rect" and its properties, read until one fails to parse. */
export function parseImageCloze(text: string): OcclusionShape | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const out: OcclusionShape = { shape: text.slice(0, colon), properties: [] };
  let pos = colon;
  while (text[pos] === ':') {
    const eq = text.indexOf('=', pos + 1);
    if (eq <= pos + 1) break;
    const parsed = propertyValue(text, eq + 1);
    if (!parsed) break;
    out.properties.push({ name: text.slice(pos + 1, eq), value: parsed.value });
    pos = parsed.end;
  }
  return out;
}

const SHAPES = new Set(['rect', 'ellipse', 'polygon', 'text']);
const emptyOrZero = (v: string) => v === '' || v === '0';

/** The attribute for one property, or "" when Anki leaves it out. */
function propertyAttribute(name: string, value: string): string {
  switch (name) {
    case 'left':
    case 'top':
    case 'angle':
    case 'fill':
      return value ? `data-${name}="${value}" ` : '';
    case 'width':
    case 'height':
    case 'rx':
    case 'ry':
    case 'scale':
      return emptyOrZero(value) ? '' : `data-${name}="${value}" `;
    case 'points': {
      // Pairs without a comma are dropped; the others stay as written.
      const points = value.split(' ').filter((pair) => pair.includes(','));
      return points.length ? `data-points="${points.join(' ')}" ` : '';
    }
    case 'oi':
      return value ? `data-occludeInactive="${value}" ` : '';
    case 'text':
      return value ? `data-text="${encodeAttribute(value)}" ` : '';
    case 'fs':
      return value ? `data-font-size="${value}" ` : '';
    default:
      return '';
  }
}

/** `data-shape="rect" data-left="10" …` with a trailing space, as Anki builds it. */
export function imageClozeData(spec: string): string {
  const shape = parseImageCloze(spec);
  if (!shape) return '';
  let out = SHAPES.has(shape.shape) ? `data-shape="${shape.shape}" ` : '';
  for (const p of shape.properties) out += propertyAttribute(p.name, p.value);
  return out;
}

/** The `<div>` for one occlusion on one side of card number `ord`. */
export function renderImageOcclusion(spec: string, question: boolean, active: boolean, ordinals: readonly number[]): string {
  const attrs = `data-ordinal="${ordinals.join(',')}" ${imageClozeData(spec)}`;
  if ((question && active) || ordinals.includes(0)) return `<div class="cloze" ${attrs}></div>`;
  if (!active) return `<div class="cloze-inactive" ${attrs}></div>`;
  return `<div class="cloze-highlight" ${attrs}></div>`;
}
