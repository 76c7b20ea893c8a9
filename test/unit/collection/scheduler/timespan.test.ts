/** The answer-button texts (timespan.rs `answer_button_time`, English). */
import { describe, expect, it } from 'vitest';
import { answerButtonTime, answerButtonTimeCollapsible } from '../../../../extension/collection/scheduler/timespan.ts';

const DAY = 86_400;
const MONTH = (365 * DAY) / 12;

describe('answerButtonTime', () => {
  it.each([
    [30, '30s'],
    [70, '1m'],
    [330, '6m'],
    [600, '10m'],
    [3600, '1h'],
    [5400, '1.5h'],
    [DAY, '1d'],
    [4 * DAY, '4d'],
    [29 * DAY, '29d'],
    [31 * DAY, '1mo'],
    [1.1 * MONTH, '1.1mo'],
    [36 * DAY, '1.2mo'],
    [364 * DAY, '12mo'],
    [365 * DAY, '1y'],
    [800 * DAY, '2.2y'],
  ])('%i s → %s', (secs, text) => {
    expect(answerButtonTime(secs)).toBe(text);
  });
});

describe('answerButtonTimeCollapsible', () => {
  it('marks intervals inside the learn-ahead limit with <, and 0 as (end)', () => {
    expect(answerButtonTimeCollapsible(60, 1200)).toBe('<1m');
    expect(answerButtonTimeCollapsible(600, 1200)).toBe('<10m');
    expect(answerButtonTimeCollapsible(1200, 1200)).toBe('20m');
    expect(answerButtonTimeCollapsible(DAY, 1200)).toBe('1d');
    expect(answerButtonTimeCollapsible(0, 1200)).toBe('(end)');
    expect(answerButtonTimeCollapsible(600, 0)).toBe('10m');
  });
});
