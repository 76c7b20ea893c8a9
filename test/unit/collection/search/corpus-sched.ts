/**
 * is:, flag:, prop:, added:, edited:, rated:, resched:, introduced:.
 *
 * Seed times (search-seed.ts): TODAY = 99, NOW = 2026-03-10 12:00 UTC,
 * CUT = next rollover = 2026-03-11 04:00 UTC; "day d" = d rollovers ago.
 * Rules used (sqlwriter.rs write_state, write_prop, write_rated,
 * write_added, write_edited, write_introduced):
 * - is:due = (queue in (2,3) and due <= TODAY) or (queue in (1,4) and
 *   due <= NOW + collapseTime 1200 s). It reads `due`, not `odue`, so a
 *   review card in a filtered deck (due = −100000+pos) counts as due.
 * - prop:due=N: queue 2/3 with (odue or due) = TODAY+N; queue 1/4 with
 *   ((odue or due) − CUT) / 86400 = N (SQLite integer division truncates
 *   toward zero: learning cards due today have the value 0, one due 30 h
 *   ago has −1, not −2).
 *   Suspended and buried cards never match.
 * - prop:pos = new cards (type 0) by (odue or due). prop:ease=x ⇒ factor = x·1000.
 * - added:N = card id > (CUT − N·86400)·1000; edited:N = note mod > CUT − N·86400;
 *   N = 0 counts as 1.
 * - rated:N[:B] = a revlog row since CUT − N days with ease B (none ⇒ ease > 0);
 *   resched:N the same with ease 0; prop:rated=−k = exactly day k.
 * - introduced:N = the first revlog row with ease ≠ 0 is after CUT − N days.
 */
import { CID_ADDED_DAY1, CID_ADDED_DAY6, CID_ADDED_TODAY } from '../../../helpers/search-seed.ts';
import { cardsExcept, notesExcept, type Row } from './corpus-rows.ts';

/** Every card that is not type 0 (new). */
const NOT_NEW = [2010, 2020, 2030, 2050, 2051, 2060, 2061, 2070, 2080, 2090, 2091, 2100, 2170, 2290, 2291, 2400];
const DUE = [2010, 2020, 2060, 2061, 2070, 2080, 2091, 2170, 2291, 2400];
const FLAGGED = [2010, 2030, 2041, 2050, 2060, 2070, 2080, 2130];
const EASE_2500 = [2010, 2051, 2100, 2170, 2290, 2291, 2400];
const RATED_TODAY = [2020, 2030, 2060, 2061, 2091, 2400];
const RATED_BEFORE_TODAY = [2010, 2020, 2030, 2050, 2051, 2070, 2080, 2090, 2091, 2100, 2170, 2290, 2291, 2400];

export const SCHED_ROWS: readonly Row[] = [
  ['is:new', 'cards', cardsExcept(NOT_NEW)],
  ['is:new', 'notes', notesExcept([1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1017, 1029, 1040, 1048])],
  ['-is:new', 'cards', NOT_NEW],
  ['is:learn', 'cards', [2060, 2061, 2070, 2080, 2090, 2091]],
  ['is:review', 'cards', [2010, 2020, 2030, 2050, 2051, 2091, 2100, 2170, 2290, 2291, 2400]],
  ['is:learn is:review', 'cards', [2091]],
  ['-is:learn is:review', 'cards', [2010, 2020, 2030, 2050, 2051, 2100, 2170, 2290, 2291, 2400]],
  ['is:learn -is:review', 'cards', [2060, 2061, 2070, 2080, 2090]],
  ['is:due', 'cards', DUE],
  ['is:due', 'notes', [1001, 1002, 1006, 1007, 1008, 1009, 1017, 1029, 1040]],
  ['-is:due', 'cards', cardsExcept(DUE)],
  ['is:due -is:learn', 'cards', [2010, 2020, 2170, 2291, 2400]],
  ['is:suspended', 'cards', [2051, 2140]],
  ['is:suspended', 'notes', [1005, 1014]],
  ['-is:suspended', 'notes', notesExcept([1014, 1048])],
  ['is:buried', 'cards', [2100, 2101]],
  ['is:buried-sibling', 'cards', [2100]],
  ['is:buried-manually', 'cards', [2101]],
  ['flag:0', 'cards', cardsExcept(FLAGGED)],
  ['flag:1', 'cards', [2010]],
  ['flag:2', 'cards', [2030, 2130]],
  ['flag:3', 'cards', [2041]],
  ['flag:4', 'cards', [2050]],
  ['flag:5', 'cards', [2060]],
  ['flag:6', 'cards', [2070]],
  ['flag:7', 'cards', [2080]],
  ['-flag:0', 'cards', FLAGGED],
  ['flag:1 or flag:2 or flag:3', 'cards', [2010, 2030, 2041, 2130]],
  ['flag:2', 'notes', [1003, 1013]],
  // prop:ivl / reps / lapses / ease / pos
  ['prop:ivl>=10', 'cards', [2010, 2030, 2050, 2100, 2290]],
  ['prop:ivl>20', 'cards', [2030, 2050, 2290]],
  ['prop:ivl=7', 'cards', [2291]],
  ['prop:ivl<3', 'cards', cardsExcept([2010, 2020, 2030, 2050, 2051, 2091, 2100, 2290, 2291])],
  ['prop:ivl<=1', 'cards', cardsExcept([2010, 2020, 2030, 2050, 2051, 2091, 2100, 2290, 2291, 2400])],
  ['prop:ivl!=0', 'cards', [2010, 2020, 2030, 2050, 2051, 2091, 2100, 2170, 2290, 2291, 2400]],
  ['prop:reps>10', 'cards', [2030, 2050, 2290]],
  ['prop:reps=1', 'cards', [2060, 2061, 2070, 2090]],
  ['prop:reps>=8', 'cards', [2010, 2030, 2050, 2091, 2290]],
  ['prop:reps=0', 'cards', cardsExcept(NOT_NEW)],
  ['prop:lapses>0', 'cards', [2020, 2050, 2051, 2091]],
  ['prop:lapses>=3', 'cards', [2050, 2091]],
  ['prop:lapses=8', 'cards', [2050]],
  ['prop:ease=2.5', 'cards', EASE_2500],
  ['prop:ease!=2.5', 'cards', cardsExcept(EASE_2500)],
  ['prop:ease>2.5', 'cards', [2030]],
  ['prop:ease>=2.3', 'cards', [2010, 2020, 2030, 2051, 2100, 2170, 2290, 2291, 2400]],
  ['prop:ease=2.3', 'cards', [2020]],
  ['prop:ease=1.3', 'cards', [2050]],
  ['prop:ease=2.1', 'cards', [2091]],
  ['prop:ease<2', 'cards', cardsExcept([2010, 2020, 2030, 2051, 2091, 2100, 2170, 2290, 2291, 2400])],
  ['prop:ease<=2.1', 'cards', cardsExcept([2010, 2020, 2030, 2051, 2100, 2170, 2290, 2291, 2400])],
  ['prop:pos<=5', 'cards', [2040, 2041, 2101, 2102, 2110]],
  ['prop:pos=26', 'cards', [2301]],
  ['prop:pos=27', 'cards', [2450]],
  ['prop:pos>38', 'cards', [CID_ADDED_DAY1, CID_ADDED_DAY6, 2460, 2470]],
  ['prop:pos>=38', 'cards', [CID_ADDED_TODAY, CID_ADDED_DAY1, CID_ADDED_DAY6, 2460, 2470]],
  ['prop:pos<1', 'cards', []],
  // prop:due
  ['prop:due=0', 'cards', [2020, 2060, 2061, 2080, 2091]],
  ['prop:due=1', 'cards', [2030, 2090]],
  // 2070 is due 30 h before NOW: (due − CUT) / 86400 = −46 h / 24 h truncates to −1
  ['prop:due=-1', 'cards', [2070, 2170]],
  ['prop:due=-2', 'cards', []],
  ['prop:due=-1 is:learn', 'cards', [2070]],
  ['prop:due<0', 'cards', [2010, 2070, 2170, 2400]],
  ['prop:due<=-1', 'cards', [2010, 2070, 2170, 2400]],
  ['prop:due<=-3', 'cards', [2010, 2400]],
  ['prop:due>=1', 'cards', [2030, 2050, 2090, 2290, 2291]],
  ['prop:due>=5', 'cards', [2050, 2290, 2291]],
  ['prop:due>5', 'cards', [2050, 2290]],
  ['prop:due=5', 'cards', [2291]],
  ['prop:due=30', 'cards', [2290]],
  ['prop:due=3', 'cards', []],
  ['prop:due!=0', 'cards', [2010, 2030, 2050, 2070, 2090, 2170, 2290, 2291, 2400]],
  ['prop:due>=-1 prop:due<=1', 'cards', [2020, 2030, 2060, 2061, 2070, 2080, 2090, 2091, 2170]],
  ['prop:due=1 is:learn', 'cards', [2090]],
  ['prop:due=0 is:learn', 'cards', [2060, 2061, 2080, 2091]],
  // added: / edited:
  ['added:1', 'cards', [CID_ADDED_TODAY]],
  ['added:0', 'cards', [CID_ADDED_TODAY]],
  ['added:2', 'cards', [CID_ADDED_TODAY, CID_ADDED_DAY1]],
  ['added:6', 'cards', [CID_ADDED_TODAY, CID_ADDED_DAY1]],
  ['added:7', 'cards', [CID_ADDED_TODAY, CID_ADDED_DAY1, CID_ADDED_DAY6]],
  ['added:7', 'notes', [1042, 1043, 1044]],
  ['edited:1', 'notes', [1042]],
  ['edited:1', 'cards', [CID_ADDED_TODAY]],
  ['edited:2', 'notes', [1042, 1043]],
  ['edited:3', 'notes', [1042, 1043]],
  ['edited:4', 'notes', [1001, 1042, 1043]],
  // rated: / resched: / prop:rated / prop:resched
  ['rated:1', 'cards', RATED_TODAY],
  ['rated:0', 'cards', RATED_TODAY],
  ['rated:1', 'notes', [1002, 1003, 1006, 1009, 1040]],
  ['rated:2', 'cards', [...RATED_TODAY, 2070, 2080]],
  ['rated:3', 'cards', [...RATED_TODAY, 2070, 2080, 2090, 2170]],
  ['rated:7', 'cards', [2010, 2020, 2030, 2060, 2061, 2070, 2080, 2090, 2091, 2100, 2170, 2400]],
  ['rated:1:1', 'cards', [2060, 2091]],
  ['rated:1:2', 'cards', [2400]],
  ['rated:1:3', 'cards', [2020, 2061]],
  ['rated:1:4', 'cards', [2030]],
  ['rated:2:2', 'cards', [2080, 2400]],
  ['rated:30:1', 'cards', [2020, 2050, 2051, 2060, 2091]],
  ['rated:100', 'cards', NOT_NEW],
  ['resched:1', 'cards', [2290]],
  ['resched:60', 'cards', [2290]],
  ['resched:61', 'cards', [2170, 2290]],
  ['prop:rated=0', 'cards', RATED_TODAY],
  ['prop:rated=-1', 'cards', [2070, 2080]],
  ['prop:rated=-2:3', 'cards', [2090, 2170]],
  ['prop:rated>-2', 'cards', [...RATED_TODAY, 2070, 2080]],
  ['prop:rated>=-2', 'cards', [...RATED_TODAY, 2070, 2080, 2090, 2170]],
  ['prop:rated<-5', 'cards', [2010, 2020, 2030, 2050, 2051, 2091, 2100, 2290, 2291, 2400]],
  ['prop:rated<=-1', 'cards', RATED_BEFORE_TODAY],
  ['prop:rated!=0', 'cards', RATED_BEFORE_TODAY],
  ['prop:resched=0', 'cards', [2290]],
  ['prop:resched=-60', 'cards', [2170]],
  // introduced:
  ['introduced:1', 'cards', [2060, 2061]],
  ['introduced:0', 'cards', [2060, 2061]],
  ['introduced:2', 'cards', [2060, 2061, 2070]],
  ['introduced:3', 'cards', [2060, 2061, 2070, 2090, 2170]],
  ['introduced:365', 'cards', NOT_NEW],
  ['introduced:10', 'cards', [2060, 2061, 2070, 2080, 2090, 2091, 2170, 2291, 2400]],
];
