/** What an import did, as the page shows it. */
import type { ImportStage, ImportSummary } from '../../collection/packages/import.ts';

export const STAGE_TEXT: Record<ImportStage | 'sending', string> = {
  sending: 'Sending the file…',
  reading: 'Reading the package…',
  converting: 'Converting the collection…',
  planning: 'Matching notes, note types and decks…',
  media: 'Copying media…',
  saving: 'Saving…',
  done: 'Done.',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function summaryTitle(s: ImportSummary): string {
  return `Imported ${plural(s.notes.added + s.notes.updated, 'note')} from ${plural(s.notes.found, 'note')} in the package`;
}

export function summaryCounts(s: ImportSummary): [string, number][] {
  return [
    ['Notes added', s.notes.added],
    ['Notes updated', s.notes.updated],
    ['Notes skipped (already up to date)', s.notes.duplicate],
    ['Notes skipped (note type differs)', s.notes.conflicting],
    ['Cards added', s.cards],
    ['Review log entries added', s.revlog],
    ['Media files added', s.media.added.length],
  ];
}

function list(title: string, items: readonly string[], className = ''): HTMLElement | null {
  if (!items.length) return null;
  const div = document.createElement('div');
  div.className = className;
  const h = document.createElement('h2');
  h.textContent = title;
  const ul = document.createElement('ul');
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = item;
    ul.append(li);
  }
  div.append(h, ul);
  return div;
}

export function renderSummary(s: ImportSummary, title: HTMLElement, counts: HTMLElement, details: HTMLElement): void {
  title.textContent = summaryTitle(s);
  counts.replaceChildren();
  for (const [label, value] of summaryCounts(s)) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value.toLocaleString();
    counts.append(dt, dd);
  }
  const parts = [
    list('Decks added', s.decks.added),
    list('Note types added', s.notetypes.added),
    list('Note types updated', s.notetypes.updated),
    list('Media renamed (a different file had the name)', s.media.renamed.map(([from, to]) => `${from} → ${to}`)),
    list('Warnings', s.warnings, 'warning'),
  ];
  details.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}
