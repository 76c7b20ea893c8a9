/**
 * The statistics report and its parts, over a seeded collection with known
 * numbers (seed.ts): card counts, today's studies, answers per day,
 * interval and ease distributions, the chart primitives, and the HTML
 * itself: well formed, escaped, self-contained, with the expected numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../extension/collection/clock.ts';
import type { Collection } from '../../../../extension/collection/collection.ts';
import { getOrCreateDeck } from '../../../../extension/collection/decks/add.ts';
import { cardCounts } from '../../../../extension/collection/stats/counts.ts';
import { bucketize, easeDistribution, intervalDistribution } from '../../../../extension/collection/stats/intervals.ts';
import { collectionStatsHtml, formatDays, formatDuration } from '../../../../extension/collection/stats/report-html.ts';
import { dayTotal, reviewsByDay } from '../../../../extension/collection/stats/reviews-by-day.ts';
import { cardFilter, revlogFilter, statsScope } from '../../../../extension/collection/stats/scope.ts';
import { escapeHtml, legend, niceTicks, pieChart, stackedBarChart } from '../../../../extension/collection/stats/svg.ts';
import { correctPercent, todayStats } from '../../../../extension/collection/stats/today.ts';
import { newCollection, TEST_NOW } from '../../../helpers/builders.ts';
import { cardState, insertCard, insertNote } from '../../../helpers/rows.ts';
import { insertRevlog, review, seedStatsCollection, setConf } from './seed.ts';

const TODAY_START = Date.UTC(2026, 2, 10, 4);
const NEXT_DAY_AT = Date.UTC(2026, 2, 11, 4) / 1000;
const VOID = new Set(['br', 'hr', 'img', 'meta', 'input', 'link', 'wbr']);

/** Problems with the markup: tags that do not nest or close, or a stray < or > in text. */
function markupProblems(html: string): string[] {
  const body = html.replace(/<style>[^<]*<\/style>/g, '');
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>/g;
  const stack: string[] = [];
  const problems: string[] = [];
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (/[<>]/.test(body.slice(last, m.index))) problems.push(`stray < or > before ${m[0]}`);
    last = tag.lastIndex;
    const [, close, name = '', , selfClosing] = m;
    if (VOID.has(name) || selfClosing) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> does not close the open element`);
  }
  if (/[<>]/.test(body.slice(last))) problems.push('stray < or > at the end');
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

function count(html: string, needle: string | RegExp): number {
  return typeof needle === 'string' ? html.split(needle).length - 1 : (html.match(needle) ?? []).length;
}

describe('markupProblems (the test’s own checker)', () => {
  it('finds misnested, unclosed and stray markup', () => {
    expect(markupProblems('<figure><svg><rect/><g></svg></figure>')).not.toEqual([]);
    expect(markupProblems('<p>a<b>b</p>')).not.toEqual([]);
    expect(markupProblems('<p>1 < 2</p>')).not.toEqual([]);
    expect(markupProblems('<p>a<br>b<svg><rect x="1"/></svg></p>')).toEqual([]);
  });
});

describe('statsScope', () => {
  it('is every card for the whole collection, else the current deck and its subdecks', async () => {
    const { col, lang, jp } = await seedStatsCollection();
    expect(statsScope(col, true)).toEqual({ deckIds: null, label: 'whole collection' });
    expect(cardFilter(statsScope(col, true))).toEqual({ sql: '1', args: [] });
    const deck = statsScope(col, false);
    expect(deck).toEqual({ deckIds: [lang, jp], label: 'Lang' });
    expect(revlogFilter(deck).args).toEqual([lang, jp]);
  });

  it('falls back to the Default deck when the current deck is gone', async () => {
    const col = await newCollection();
    setConf(col, { curDeck: 12345 });
    expect(statsScope(col, false)).toEqual({ deckIds: [1], label: 'Default' });
  });
});

describe('cardCounts', () => {
  it('puts every card in one state', async () => {
    const { col } = await seedStatsCollection();
    expect(cardCounts(col, statsScope(col, true))).toEqual({
      new: 2, learning: 2, relearning: 1, young: 1, mature: 3, suspended: 1, buried: 1, total: 11, notes: 3,
    });
    expect(cardCounts(col, statsScope(col, false))).toEqual({
      new: 1, learning: 1, relearning: 1, young: 1, mature: 2, suspended: 1, buried: 1, total: 8, notes: 1,
    });
  });
});

describe('todayStats', () => {
  it('counts answers since the rollover, leaving out manual entries', async () => {
    const { col } = await seedStatsCollection();
    const whole = todayStats(col, statsScope(col, true), TODAY_START);
    expect(whole).toEqual({
      answers: 7, seconds: 50, again: 2, learn: 2, review: 3, relearn: 1, filtered: 1, matureAnswers: 2, matureCorrect: 1,
    });
    expect(correctPercent(whole)).toBeCloseTo(71.43, 2);
    expect(todayStats(col, statsScope(col, false), TODAY_START)).toMatchObject({ answers: 6, seconds: 46, review: 2, matureAnswers: 1, matureCorrect: 0 });
  });

  it('is all zeros on a day without answers', async () => {
    const col = await newCollection();
    const t = todayStats(col, statsScope(col, true), TODAY_START);
    expect(t.answers + t.seconds + t.again + t.matureAnswers).toBe(0);
    expect(correctPercent(t)).toBe(0);
  });
});

describe('reviewsByDay', () => {
  it('gives 30 days, oldest first, split by kind; a review at the rollover is the day before', async () => {
    const { col } = await seedStatsCollection();
    const days = reviewsByDay(col, statsScope(col, true), NEXT_DAY_AT, 30);
    expect(days).toHaveLength(30);
    expect(days.map((d) => d.daysAgo)).toEqual(Array.from({ length: 30 }, (_, i) => 29 - i));
    expect(days[29]).toEqual({ daysAgo: 0, learn: 2, young: 1, mature: 2, relearn: 1, filtered: 1, seconds: 50 });
    expect(days[28]).toEqual({ daysAgo: 1, learn: 0, young: 1, mature: 1, relearn: 0, filtered: 0, seconds: 10 });
    expect(days[20]).toMatchObject({ daysAgo: 9, learn: 1 });
    expect(days.reduce((sum, d) => sum + dayTotal(d), 0)).toBe(10);
    const deck = reviewsByDay(col, statsScope(col, false), NEXT_DAY_AT, 30);
    expect(deck[29]).toMatchObject({ mature: 1 });
  });

  it('counts answers logged after the next rollover as today’s', async () => {
    const col = await newCollection();
    insertRevlog(col, [review(NEXT_DAY_AT * 1000 + 5, 1), review(NEXT_DAY_AT * 1000, 1), review(NEXT_DAY_AT * 1000 - 86_400_000, 1)]);
    const days = reviewsByDay(col, statsScope(col, true), NEXT_DAY_AT, 3);
    expect(days.map(dayTotal)).toEqual([0, 1, 2]);
  });
});

describe('distributions', () => {
  it('bucketize picks the narrowest round width that fits and aligns buckets to it', () => {
    const d = bucketize([[1, 2], [3, 1], [10, 1]], [1, 2, 5], 30);
    expect(d.buckets).toHaveLength(10);
    expect(d).toMatchObject({ count: 4, min: 1, max: 10, average: 15 / 4 });
    const wide = bucketize([[5, 1], [400, 3]], [1, 2, 5, 7, 10, 14], 30);
    expect(wide.buckets[0]).toEqual({ from: 5, to: 13, count: 1 });
    expect(wide.buckets.at(-1)).toEqual({ from: 392, to: 400, count: 3 });
    expect(wide.buckets.length).toBeLessThanOrEqual(30);
    expect(bucketize([[0, 1], [1e9, 1]], [1], 30).buckets.length).toBeLessThanOrEqual(30);
    expect(bucketize([], [1])).toEqual({ buckets: [], count: 0, average: 0, min: 0, max: 0 });
  });

  it('intervals and ease cover review cards in scope', async () => {
    const { col } = await seedStatsCollection();
    const ivl = intervalDistribution(col, statsScope(col, true));
    expect(ivl).toMatchObject({ count: 4, min: 5, max: 400, average: 133.75 });
    expect(ivl.buckets.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(intervalDistribution(col, statsScope(col, false))).toMatchObject({ count: 3, max: 100 });
    const ease = easeDistribution(col, statsScope(col, true));
    expect(ease).toMatchObject({ count: 4, min: 130, max: 270, average: 220 });
    expect(ease.buckets[0]).toEqual({ from: 130, to: 134, count: 1 });
  });
});

describe('chart primitives', () => {
  it('escapes text for markup and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('makes round ticks that cover the maximum', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(230)).toEqual([0, 50, 100, 150, 200, 250]);
  });

  it('draws stacked bars with axis titles and value tooltips, well formed', () => {
    const svg = stackedBarChart({
      title: 'T <1>',
      categories: ['a', 'b'],
      series: [{ label: 'S', color: '#123', values: [1, 0] }, { label: 'R', color: '#456', values: [2, 3] }],
      xLabel: 'X axis',
      yLabel: 'Y axis',
    });
    expect(markupProblems(svg)).toEqual([]);
    expect(count(svg, '<rect')).toBe(3);
    expect(svg).toContain('<title>b: R 3</title>');
    expect(svg).toContain('>X axis</text>');
    expect(svg).toContain('>Y axis</text>');
    expect(svg).toContain('aria-label="T &lt;1&gt;"');
  });

  it('draws a pie of the positive slices, a full disc for one, a grey disc for none', () => {
    const pie = pieChart('P', [{ label: 'A', color: '#f00', value: 1 }, { label: 'B', color: '#0f0', value: 3 }, { label: 'C', color: '#00f', value: 0 }]);
    expect(count(pie, '<path')).toBe(2);
    expect(pie).toContain('<title>B: 3 (75.0%)</title>');
    expect(markupProblems(pie)).toEqual([]);
    expect(count(pieChart('P', [{ label: 'A', color: '#f00', value: 2 }]), '<circle')).toBe(1);
    expect(pieChart('P', [])).toContain('<circle');
    expect(legend([{ label: 'a&b', color: '#fff' }])).toContain('a&amp;b');
  });

  it('formats durations and intervals', () => {
    expect(formatDuration(50)).toBe('50 seconds');
    expect(formatDuration(65)).toBe('1.1 minutes');
    expect(formatDuration(5400)).toBe('1.5 hours');
    expect(formatDays(5)).toBe('5 days');
    expect(formatDays(133.75)).toBe('4.5 months');
    expect(formatDays(400)).toBe('1.1 years');
  });
});

function checkSelfContained(html: string): void {
  expect(markupProblems(html)).toEqual([]);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son\w+=/i);
  expect(html).not.toMatch(/\s(src|href)=|url\(|@import/i);
  expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toContain('http');
  expect(count(html, '<svg')).toBe(count(html, '</svg>'));
  expect(count(html, '<figure')).toBe(count(html, '</figure>'));
}

describe('collectionStatsHtml', () => {
  it('reports the whole collection with the expected numbers', async () => {
    const { col } = await seedStatsCollection();
    const html = collectionStatsHtml(col, true);
    checkSelfContained(html);
    expect(html.startsWith('<center>')).toBe(true);
    expect(count(html, '<svg')).toBe(4);
    expect(html).toContain('Studied <b>7</b> cards in <b>50 seconds</b> today (<b>7.1</b>s/card).');
    expect(html).toContain('Again count: <b>2</b> (<b>71.4%</b> correct).');
    expect(html).toContain('Learn: <b>2</b>, Review: <b>3</b>, Relearn: <b>1</b>, Filtered: <b>1</b>.');
    expect(html).toContain('Correct answers on mature cards: <b>1/2</b> (<b>50.0%</b>).');
    expect(html).toMatch(/>Mature<\/td><td class="num"><b>3<\/b><\/td><td class="num">27\.3%</);
    expect(html).toMatch(/>Total cards<\/td><td class="num"><b>11<\/b>/);
    expect(html).toContain('<title>0: Learn 2</title>');
    expect(html).toContain('<title>-1: Mature 1</title>');
    expect(html).toContain('<title>-9: Learn 1</title>');
    expect(html).toContain('Days studied:</td><td><b>3</b> of 30 (10.0%)');
    expect(html).toContain('Total:</td><td><b>10</b> answers');
    expect(html).toContain('Time:</td><td><b>1.1 minutes</b>');
    expect(html).toContain('Average interval:</td><td><b>4.5 months</b>');
    expect(html).toContain('Longest interval:</td><td><b>1.1 years</b>');
    expect(html).toContain('Lowest ease:</td><td><b>130%</b>');
    expect(html).toContain('Average ease:</td><td><b>220%</b>');
    expect(html).toContain('Highest ease:</td><td><b>270%</b>');
    expect(html).toContain('Generated on 2026-03-10 12:00<br>Scope: whole collection');
    for (const label of ['Interval (days)', 'Ease (%)', 'Day (0 = today)', 'Answers', 'Cards']) expect(html).toContain(`>${label}</text>`);
  });

  it('reports the current deck and its subdecks', async () => {
    const { col } = await seedStatsCollection();
    const html = collectionStatsHtml(col, false);
    checkSelfContained(html);
    expect(html).toContain('Studied <b>6</b> cards in <b>46 seconds</b> today');
    expect(html).toContain('Correct answers on mature cards: <b>0/1</b> (<b>0.0%</b>).');
    expect(html).toMatch(/>Total cards<\/td><td class="num"><b>8<\/b>/);
    expect(html).toContain('Scope: Lang');
  });

  it('reports an empty collection without charts of nothing', async () => {
    const col = await newCollection();
    const html = collectionStatsHtml(col, true);
    checkSelfContained(html);
    expect(html).toContain('No cards have been studied today.');
    expect(html).toContain('No cards are in review.');
    expect(html).toContain('No cards in review have an ease.');
    expect(count(html, '<svg')).toBe(2);
  });

  it('escapes the deck name', async () => {
    const col = await newCollection();
    setConf(col, { curDeck: getOrCreateDeck(col, "<script>alert('x')</script> & co") });
    const html = collectionStatsHtml(col, false);
    checkSelfContained(html);
    expect(html).toContain('Scope: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co');
  });

  it('writes a sample report for a screenshot', async () => {
    const col = await sampleCollection();
    const html = collectionStatsHtml(col, true);
    checkSelfContained(html);
    mkdirSync('test-results', { recursive: true });
    const page = `<!doctype html>\n<html><head><meta charset="utf-8"><title>Collection statistics (sample)</title></head><body>${html}</body></html>\n`;
    writeFileSync('test-results/stats-sample.html', page);
    expect(count(html, '<svg')).toBe(4);
  });
});

/** A larger, deterministic collection: 400 cards in assorted states and 60 days of reviews. */
async function sampleCollection(): Promise<Collection> {
  const col = await newCollection(fixedClock(TEST_NOW));
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const nid = insertNote(col);
  const cids: number[] = [];
  col.transact(() => {
    for (let i = 0; i < 400; i++) {
      const r = rand();
      const ivl = Math.max(1, Math.round(rand() ** 2 * 300));
      const factor = 1300 + Math.round(rand() * 15) * 100;
      const state =
        r < 0.25 ? cardState.new(i) : r < 0.3 ? cardState.learning(TEST_NOW / 1000 + 600) : r < 0.33 ? { type: 3, queue: 1, due: TEST_NOW / 1000 } :
        r < 0.9 ? { ...cardState.review(10, ivl), factor } : r < 0.96 ? cardState.suspendedReview(10) : cardState.buried(2, 10);
      cids.push(insertCard(col, { nid, id: 1_700_000_000_000 + i, ...state }));
    }
  });
  const rows = [];
  let id = TEST_NOW - 60 * 86_400_000;
  while (id < TEST_NOW) {
    id += Math.round(rand() * 400_000);
    const dayOk = Math.floor(id / 86_400_000) % 7 !== 3;
    if (!dayOk) continue;
    const kind = rand();
    const type = kind < 0.2 ? 0 : kind < 0.85 ? 1 : kind < 0.95 ? 2 : 3;
    rows.push(review(id, cids[Math.floor(rand() * cids.length)]!, { type, ease: rand() < 0.15 ? 1 : 3, lastIvl: Math.round(rand() * 60), time: 2000 + Math.round(rand() * 12_000) }));
  }
  insertRevlog(col, rows);
  return col;
}
