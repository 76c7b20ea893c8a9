/** The JSON of a new normal deck and of the Default preset (anki-formats.md §1.2). */
import type { DeckConfigJson, DeckJson } from './types.ts';

export const DEFAULT_DECK_ID = 1;
export const DEFAULT_CONFIG_ID = 1;

export function newDeckJson(id: number, name: string, mod: number, usn: number): DeckJson {
  return {
    id,
    mod,
    name,
    usn,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: DEFAULT_CONFIG_ID,
    extendNew: 0,
    extendRev: 0,
    reviewLimit: null,
    newLimit: null,
    reviewLimitToday: null,
    newLimitToday: null,
    desiredRetention: null,
  };
}

export function defaultDeckJson(): DeckJson {
  return { ...newDeckJson(DEFAULT_DECK_ID, 'Default', 0, 0), collapsed: true, browserCollapsed: true };
}

export function newDeckConfigJson(id: number, name: string, mod: number, usn: number): DeckConfigJson {
  return {
    id,
    mod,
    name,
    usn,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    new: { bury: false, delays: [1.0, 10.0], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1.0, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10.0], leechAction: 1, leechFails: 8, minInt: 1, mult: 0.0 },
    dyn: false,
    newMix: 0,
    newPerDayMinimum: 0,
    interdayLearningMix: 0,
    reviewOrder: 0,
    newSortOrder: 0,
    newGatherPriority: 0,
    buryInterdayLearning: false,
    fsrsWeights: [],
    fsrsParams5: [],
    fsrsParams6: [],
    desiredRetention: 0.9,
    ignoreRevlogsBeforeDate: '',
    easyDaysPercentages: [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    stopTimerOnAnswer: false,
    secondsToShowQuestion: 0.0,
    secondsToShowAnswer: 0.0,
    questionAction: 0,
    answerAction: 0,
    waitForAudio: true,
    sm2Retention: 0.9,
    weightSearch: '',
  };
}

export function defaultDeckConfigJson(): DeckConfigJson {
  return newDeckConfigJson(DEFAULT_CONFIG_ID, 'Default', 0, 0);
}
