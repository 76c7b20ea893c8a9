/**
 * SQL for the card terms: decks, presets, states, review history and
 * properties (Anki's `sqlwriter.rs`). Deck names resolve to id lists from
 * the `col` JSON; day cut-offs come from the scheduler's timing.
 */
import type { PropOperator, Property, Rating, StateKind } from './nodes.ts';
import type { SqlContext } from './sql.ts';
import { foldCase, globToJsRegex, jsRegexEscape } from './text.ts';

const DAY = 86_400n;
/** The home position of a card (its due outside a filtered deck). */
const HOME_DUE = '(case when c.odue != 0 then c.odue else c.due end)';

/** A human deck name glob (as JS regex source) in native form, each component as Anki normalises it. */
function nativeRegexSource(name: string): string {
  return globToJsRegex(name)
    .split('::')
    .map((component) => {
      // eslint-disable-next-line no-control-regex
      const trimmed = component.normalize('NFC').replace(/[\x00-\x1f\x7f]/g, '').replace(/^[\p{White_Space}:]+|[\p{White_Space}:]+$/gu, '');
      return trimmed === '' ? 'blank' : trimmed;
    })
    .join('\x1f');
}

/** `deck:Name`: the deck and its children, also as the home deck of cards in a filtered deck. */
export function deck(ctx: SqlContext, name: string): string {
  if (name === '*') return 'true';
  if (name === 'filtered') return 'c.odid != 0';
  const decks = ctx.lookup.decks();
  let source: string;
  if (name === 'current') {
    const current = ctx.lookup.currentDeckId();
    source = jsRegexEscape(decks.find((d) => d.id === current)?.name ?? 'Default');
  } else {
    source = nativeRegexSource(name);
  }
  const re = new RegExp(`^(?:${source})(?:$|\x1f)`, 'iu');
  return inDecks(ctx, decks.filter((d) => re.test(d.name)).map((d) => d.id));
}

/** Above this share of the cards, reading every card beats the deck index (a row lookup per card). */
const DECK_INDEX_SHARE = 0.07;
/** So few cards are read faster through the deck index, whatever the collection holds. */
const FEW_CARDS = 2000;

/** True if reading the decks' cards through the deck index is faster than reading every card. */
function deckIndexPays(ctx: SqlContext, ids: readonly string[]): boolean {
  const { cardsInDecks, cardCount } = ctx.lookup;
  if (!cardsInDecks || !cardCount) return true;
  return cardsInDecks(ids, FEW_CARDS) < FEW_CARDS || cardsInDecks(ids, Infinity) <= DECK_INDEX_SHARE * cardCount();
}

/**
 * Cards in these decks, or in a filtered deck with one of them as home
 * (Anki: `c.did in L or (c.odid != 0 and c.odid in L)`). Only cards in
 * filtered decks have an `odid` (Check Database clears any other), so the
 * second part is asked of the filtered decks' cards: both parts can then
 * use the `ix_cards_sched` index instead of reading every card. When the
 * decks hold more than a few per cent of the cards (or the list holds most
 * decks), reading every card in order is faster than the index, and a
 * checksum-narrowed field search is faster still: then `+c.did` keeps
 * SQLite from choosing the deck index.
 */
export function inDecks(ctx: SqlContext, ids: readonly string[]): string {
  if (ids.length === 0) return 'false';
  const decks = ctx.lookup.decks();
  const did = ctx.deckIndex && ids.length * 2 <= decks.length && deckIndexPays(ctx, ids) ? 'c.did' : '+c.did';
  const list = ids.join(',');
  const filtered = decks.filter((d) => d.filtered).map((d) => d.id);
  if (filtered.length === 0) return `${did} in (${list})`;
  return `(${did} in (${list}) or (${did} in (${filtered.join(',')}) and c.odid != 0 and c.odid in (${list})))`;
}

/** `preset:Name`: cards in (or from) the decks using that preset. */
export function preset(ctx: SqlContext, name: string): string {
  const folded = foldCase(name);
  const found = ctx.lookup.presets().find((p) => foldCase(p.name) === folded);
  if (!found) return 'false';
  return inDecks(ctx, ctx.lookup.decks().filter((d) => d.presetId === found.id).map((d) => d.id));
}

export function state(ctx: SqlContext, kind: StateKind): string {
  switch (kind) {
    case 'new': return 'c.type = 0';
    case 'learn': return 'c.type in (1, 3)';
    case 'review': return 'c.type in (2, 3)';
    case 'buried': return 'c.queue in (-2, -3)';
    case 'buried-sibling': return 'c.queue = -2';
    case 'buried-manually': return 'c.queue = -3';
    case 'suspended': return 'c.queue = -1';
    case 'due': {
      const { today, now } = ctx.lookup.timing();
      const learnCutoff = now + ctx.lookup.learnAheadSecs();
      return `((c.queue in (2,3) and c.due <= ${today}) or (c.queue in (1,4) and c.due <= ${learnCutoff}))`;
    }
  }
}

/** Epoch seconds of the rollover `days` days from the next one (negative: in the past). */
function cutoff(ctx: SqlContext, days: number): bigint {
  return BigInt(ctx.lookup.timing().nextDayAt) + DAY * BigInt(days);
}

/** `added:N`: card created since the rollover N days ago. */
export function added(ctx: SqlContext, days: number): string {
  return `c.id > ${cutoff(ctx, -days) * 1000n}`;
}

/** `edited:N`: note modified since the rollover N days ago. */
export function edited(ctx: SqlContext, days: number): string {
  return `n.mod > ${cutoff(ctx, -days)}`;
}

/** `introduced:N`: first answered (manual reschedules aside) since the rollover N days ago. */
export function introduced(ctx: SqlContext, days: number): string {
  const cut = cutoff(ctx, -days) * 1000n;
  return (
    `((select coalesce(min(id) > ${cut}, false) from revlog where cid = c.id and ease != 0)` +
    ` and c.id in (select cid from revlog where id > ${cut}))`
  );
}

/** Reviews relative to the day `days` from today (`rated:N` is `>` with -N). */
export function rated(ctx: SqlContext, op: PropOperator, days: number, rating: Rating): string {
  const target = cutoff(ctx, days) * 1000n;
  const dayBefore = cutoff(ctx, days - 1) * 1000n;
  const range: Record<PropOperator, string> = {
    '>': `>= ${target}`,
    '>=': `>= ${dayBefore}`,
    '<': `< ${dayBefore}`,
    '<=': `< ${target}`,
    '=': `between ${dayBefore} and ${target - 1n}`,
    '!=': `not between ${dayBefore} and ${target - 1n}`,
  };
  const ease = rating.kind === 'button' ? `ease = ${rating.button}` : rating.kind === 'any' ? 'ease > 0' : 'ease = 0';
  return `c.id in (select cid from revlog where id ${range[op]} and ${ease})`;
}

/** `prop:…`. */
export function prop(ctx: SqlContext, op: PropOperator, p: Property): string {
  switch (p.prop) {
    case 'due': {
      const { today, nextDayAt } = ctx.lookup.timing();
      return (
        `((c.queue in (2,3) and ${HOME_DUE} ${op} ${p.days + today}) or ` +
        `(c.queue in (1,4) and ((${HOME_DUE} - ${nextDayAt}) / 86400) ${op} ${p.days}))`
      );
    }
    case 'pos': return `(c.type = 0 and ${HOME_DUE} ${op} ${p.value})`;
    case 'ivl': case 'reps': case 'lapses': return `c.${p.prop} ${op} ${p.value}`;
    case 'ease': return `c.factor ${op} ${f32ToU32(Math.fround(p.value * 1000))}`;
    case 'rated': return rated(ctx, op, p.days, p.rating);
    case 'cdn': return `cast(extract_custom_data(c.data, ${ctx.arg(p.key)}) as float) ${op} ${ctx.arg(f32Value(p.value))}`;
    case 'cds': return `extract_custom_data(c.data, ${ctx.arg(p.key)}) ${op} ${ctx.arg(p.value)}`;
    case 's': return `extract_fsrs_variable(c.data, 's') ${op} ${ctx.arg(f32Value(p.value))}`;
    case 'd': return `extract_fsrs_variable(c.data, 'd') ${op} ${ctx.arg(f32Value(Math.fround(Math.fround(p.value * 9) + 1)))}`;
    case 'r': {
      const { today, nextDayAt, now } = ctx.lookup.timing();
      const r = `extract_fsrs_retrievability(c.data, ${HOME_DUE}, c.ivl, ${today}, ${nextDayAt}, ${now})`;
      return `(case when c.type = 0 then false else (${r} ${op} ${ctx.arg(f32Value(p.value))}) end)`;
    }
  }
}

/** Rust's saturating `f32 as u32`. */
function f32ToU32(x: number): number {
  if (Number.isNaN(x) || x <= 0) return 0;
  return Math.min(Math.trunc(x), 4_294_967_295);
}

/**
 * The number Anki's SQL compares with: it prints the f32 in its shortest
 * form and SQLite reads that back as a double (0.1f32 → 0.1, not 0.100000001…).
 */
function f32Value(x: number): number | null {
  // Anki's SQL then fails on the bare word NaN; here nothing matches.
  if (Number.isNaN(x)) return null;
  if (!Number.isFinite(x)) return x;
  for (let digits = 1; digits <= 9; digits++) {
    const shortest = Number(x.toPrecision(digits));
    if (Math.fround(shortest) === x) return shortest;
  }
  return x;
}
