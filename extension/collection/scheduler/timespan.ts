/**
 * The short interval texts above Anki's answer buttons (scheduler/
 * timespan.rs `answer_button_time`, English strings of ftl/core/
 * scheduling.ftl): the largest fitting unit, seconds/minutes/days whole,
 * hours/months/years to one decimal ("30s", "10m", "1.5h", "4d", "1.2mo",
 * "2.1y"); "<" before an interval inside the learn-ahead limit; "(end)"
 * for 0.
 */
import { f32, roundHalfAway } from './f32.ts';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const YEAR = 365 * DAY;
const MONTH = f32(YEAR / 12);

type Unit = 's' | 'm' | 'h' | 'd' | 'mo' | 'y';

function naturalUnit(secs: number): [Unit, number] {
  const abs = Math.abs(secs);
  if (abs < MINUTE) return ['s', 1];
  if (abs < HOUR) return ['m', MINUTE];
  if (abs < DAY) return ['h', HOUR];
  if (abs < MONTH) return ['d', DAY];
  if (abs < YEAR) return ['mo', MONTH];
  return ['y', YEAR];
}

/** How Anki's translations print a number: at most two decimals, trailing zeros dropped. */
function formatAmount(amount: number): string {
  const rounded = f32(roundHalfAway(f32(amount * 100)) / 100);
  const text = rounded.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** "4d", "10m", "1.2mo": the text for an interval of `seconds`. */
export function answerButtonTime(seconds: number): string {
  const secs = f32(seconds);
  const [unit, size] = naturalUnit(secs);
  const value = f32(secs / size);
  const amount = unit === 's' || unit === 'm' || unit === 'd' ? roundHalfAway(value) : f32(roundHalfAway(f32(value * 10)) / 10);
  return `${formatAmount(amount)}${unit}`;
}

/** The button text: "(end)" for 0, "<10m" within the learn-ahead limit, else the interval. */
export function answerButtonTimeCollapsible(seconds: number, collapseSecs: number): string {
  if (seconds === 0) return '(end)';
  const text = answerButtonTime(seconds);
  return seconds < collapseSecs ? `<${text}` : text;
}
