/**
 * The collection statistics report (getCollectionStatsHTML): today's
 * studies, cards by state, answers per day over the last 30 days, and the
 * interval and ease distributions of review cards, for the whole
 * collection or the current deck with its subdecks. It is one HTML
 * fragment wrapped in <center> as Anki's legacy report is, with its own
 * scoped <style> and inline SVG charts: no scripts, nothing loaded from
 * elsewhere. Every text is escaped.
 */
import type { Collection } from '../collection.ts';
import { timingAt } from '../scheduler/timing.ts';
import { CARD_GROUPS, cardCounts, type CardCounts } from './counts.ts';
import { easeDistribution, intervalDistribution, type Distribution } from './intervals.ts';
import { isoDate } from './reviewed-count.ts';
import { dayTotal, REVIEW_KINDS, reviewsByDay, type DayReviews } from './reviews-by-day.ts';
import { statsScope, type StatsScope } from './scope.ts';
import { escapeHtml as esc, legend, pieChart, stackedBarChart } from './svg.ts';
import { correctPercent, todayStats, type TodayStats } from './today.ts';

const DAY_SECS = 86_400;
const PERIOD_DAYS = 30;

const CARD_COLORS: Record<(typeof CARD_GROUPS)[number][0], string> = {
  new: '#3b82f6',
  learning: '#f97316',
  relearning: '#dc2626',
  young: '#7ccf7c',
  mature: '#2e7d32',
  suspended: '#eab308',
  buried: '#9ca3af',
};

const KIND_COLORS: Record<(typeof REVIEW_KINDS)[number][0], string> = {
  learn: '#3b82f6',
  young: '#7ccf7c',
  mature: '#2e7d32',
  relearn: '#dc2626',
  filtered: '#eab308',
};

const INTERVAL_COLOR = '#0f766e';
const EASE_COLOR = '#7c3aed';

const STYLE = `<style>
.acb-stats { display: inline-block; text-align: left; max-width: 640px; font-family: sans-serif; color: #222; }
.acb-stats section { margin: 0 0 1.5em; }
.acb-stats h1 { font-size: 1.4em; margin: 1em 0 0.3em; }
.acb-stats .sub { color: #666; margin: 0 0 0.5em; }
.acb-stats figure { margin: 0.5em 0; }
.acb-stats svg { max-width: 100%; height: auto; }
.acb-stats figure.pie { display: flex; align-items: center; gap: 1.5em; }
.acb-stats table { border-collapse: collapse; }
.acb-stats td { padding: 1px 12px 1px 0; }
.acb-stats td.num { text-align: right; }
.acb-stats .legend { list-style: none; padding: 0; margin: 0.3em 0 0; font-size: 0.9em; }
.acb-stats figcaption .legend li { display: inline-block; margin-right: 1em; }
.acb-stats .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em; vertical-align: baseline; }
.acb-stats footer { color: #666; font-size: 0.8em; margin-top: 2em; }
</style>`;

/** A value in bold, escaped. */
function b(value: string | number): string {
  return `<b>${esc(String(value))}</b>`;
}

function oneDecimal(value: number): string {
  return value.toFixed(1);
}

/** A duration in seconds as "45 seconds", "12.5 minutes" or "1.2 hours". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} seconds`;
  if (seconds < 3600) return `${oneDecimal(seconds / 60)} minutes`;
  return `${oneDecimal(seconds / 3600)} hours`;
}

/** A number of days as "12 days", "2.5 months" or "1.3 years". */
export function formatDays(days: number): string {
  if (days < 30) return `${Math.round(days * 10) / 10} days`;
  if (days < 365) return `${oneDecimal(days / 30)} months`;
  return `${oneDecimal(days / 365)} years`;
}

function section(title: string, subtitle: string, body: string): string {
  return `<section><h1>${esc(title)}</h1><p class="sub">${esc(subtitle)}</p>${body}</section>`;
}

function table(rows: readonly [string, string][]): string {
  return `<table>${rows.map(([label, value]) => `<tr><td>${esc(label)}:</td><td>${value}</td></tr>`).join('')}</table>`;
}

function todaySection(t: TodayStats): string {
  if (!t.answers) return section('Today', 'Answers since the day started.', '<p>No cards have been studied today.</p>');
  const lines = [
    `Studied ${b(t.answers)} cards in ${b(formatDuration(t.seconds))} today (${b(oneDecimal(t.seconds / t.answers))}s/card).`,
    `Again count: ${b(t.again)} (${b(oneDecimal(correctPercent(t)) + '%')} correct).`,
    `Learn: ${b(t.learn)}, Review: ${b(t.review)}, Relearn: ${b(t.relearn)}, Filtered: ${b(t.filtered)}.`,
    t.matureAnswers
      ? `Correct answers on mature cards: ${b(`${t.matureCorrect}/${t.matureAnswers}`)} ` +
        `(${b(oneDecimal((t.matureCorrect / t.matureAnswers) * 100) + '%')}).`
      : 'No mature cards were studied today.',
  ];
  return section('Today', 'Answers since the day started.', `<p>${lines.join('<br>')}</p>`);
}

function countsSection(c: CardCounts): string {
  const slices = CARD_GROUPS.map(([key, label]) => ({ label, color: CARD_COLORS[key], value: c[key] }));
  const pct = (v: number) => (c.total ? oneDecimal((v / c.total) * 100) + '%' : '0.0%');
  const rows = slices.map(
    (s) =>
      `<tr><td><span class="swatch" style="background:${esc(s.color)}"></span>${esc(s.label)}</td>` +
      `<td class="num">${b(s.value)}</td><td class="num">${esc(pct(s.value))}</td></tr>`,
  );
  const totals = [
    `<tr><td>Total cards</td><td class="num">${b(c.total)}</td><td></td></tr>`,
    `<tr><td>Total notes</td><td class="num">${b(c.notes)}</td><td></td></tr>`,
  ];
  const counts = `<table>${rows.join('')}${totals.join('')}</table>`;
  const figure = `<figure class="pie">${pieChart('Cards by state', slices)}<figcaption>${counts}</figcaption></figure>`;
  const sub = 'The division of cards by state. Young cards have an interval under 21 days, mature ones 21 days or more.';
  return section('Card Counts', sub, figure);
}

function reviewsSection(days: readonly DayReviews[]): string {
  const chart = stackedBarChart({
    title: `Answers per day, last ${days.length} days`,
    categories: days.map((d) => (d.daysAgo ? `-${d.daysAgo}` : '0')),
    series: REVIEW_KINDS.map(([key, label]) => ({ label, color: KIND_COLORS[key], values: days.map((d) => d[key]) })),
    xLabel: 'Day (0 = today)',
    yLabel: 'Answers',
  });
  const kinds = legend(REVIEW_KINDS.map(([key, label]) => ({ label, color: KIND_COLORS[key] })));
  const total = days.reduce((sum, d) => sum + dayTotal(d), 0);
  const studied = days.filter((d) => dayTotal(d) > 0).length;
  const seconds = days.reduce((sum, d) => sum + d.seconds, 0);
  const summary = table([
    ['Days studied', `${b(studied)} of ${esc(String(days.length))} (${esc(oneDecimal((studied / days.length) * 100))}%)`],
    ['Total', `${b(total)} answers`],
    ['Average', `${b(oneDecimal(total / days.length))} answers per day`],
    ['Time', b(formatDuration(seconds))],
  ]);
  const sub = `The number of questions you have answered in the last ${days.length} days.`;
  return section('Reviews', sub, `<figure>${chart}<figcaption>${kinds}</figcaption></figure>${summary}`);
}

function bucketLabel(from: number, to: number, unit = ''): string {
  return from === to ? `${from}${unit}` : `${from}–${to}${unit}`;
}

function histogram(d: Distribution, title: string, label: string, color: string, xLabel: string, unit = ''): string {
  const chart = stackedBarChart({
    title,
    categories: d.buckets.map((k) => bucketLabel(k.from, k.to, unit)),
    series: [{ label, color, values: d.buckets.map((k) => k.count) }],
    xLabel,
    yLabel: 'Cards',
  });
  return `<figure>${chart}<figcaption>${legend([{ label, color }])}</figcaption></figure>`;
}

function intervalsSection(d: Distribution): string {
  const sub = 'Intervals of cards in review.';
  if (!d.count) return section('Intervals', sub, '<p>No cards are in review.</p>');
  const summary = table([
    ['Average interval', b(formatDays(d.average))],
    ['Longest interval', b(formatDays(d.max))],
  ]);
  return section('Intervals', sub, histogram(d, 'Review cards by interval', 'Review cards', INTERVAL_COLOR, 'Interval (days)') + summary);
}

function easeSection(d: Distribution): string {
  const sub = 'A card’s ease is the size of its next interval when you answer Good on a review.';
  if (!d.count) return section('Card Ease', sub, '<p>No cards in review have an ease.</p>');
  const summary = table([
    ['Lowest ease', b(`${d.min}%`)],
    ['Average ease', b(`${Math.round(d.average)}%`)],
    ['Highest ease', b(`${d.max}%`)],
  ]);
  return section('Card Ease', sub, histogram(d, 'Review cards by ease', 'Review cards', EASE_COLOR, 'Ease (%)') + summary);
}

function footer(col: Collection, scope: StatsScope): string {
  const now = col.nowSecs();
  const local = now - col.clock.utcOffsetMinutes(now * 1000) * 60;
  const time = new Date(local * 1000).toISOString().slice(11, 16);
  const lines = [`Generated on ${isoDate(local) ?? ''} ${time}`, `Scope: ${scope.label}`, `Period: last ${PERIOD_DAYS} days`];
  return `<footer>${lines.map(esc).join('<br>')}</footer>`;
}

/** The whole report for the collection, or for the current deck and its subdecks. */
export function collectionStatsHtml(col: Collection, wholeCollection: boolean): string {
  const scope = statsScope(col, wholeCollection);
  const { nextDayAt } = timingAt(col);
  const body = [
    todaySection(todayStats(col, scope, (nextDayAt - DAY_SECS) * 1000)),
    countsSection(cardCounts(col, scope)),
    reviewsSection(reviewsByDay(col, scope, nextDayAt, PERIOD_DAYS)),
    intervalsSection(intervalDistribution(col, scope)),
    easeSection(easeDistribution(col, scope)),
    footer(col, scope),
  ];
  return `<center><div class="acb-stats">${STYLE}${body.join('')}</div></center>`;
}
