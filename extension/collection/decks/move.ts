/**
 * Moving cards to a deck the way AnkiConnect's changeDeck does, with plain
 * SQL: cards in a filtered deck first go home (the legacy Python
 * `remFromDyn`, which leaves `mod` alone), then every listed card gets the
 * new `did`, `mod` now and `usn` -1. Unknown card ids are ignored; the
 * target is not checked (a filtered deck is accepted, as upstream).
 */
import type { Collection } from '../collection.ts';

const CHUNK = 500;

const LEAVE_FILTERED = `update cards set did = odid,
  queue = (case when queue < 0 then queue
    when type in (1, 3) then (case when (case when odue != 0 then odue else due end) > 1000000000 then 1 else 3 end)
    else type end),
  due = (case when odue > 0 then odue else due end), odue = 0, odid = 0, usn = -1
  where odid != 0 and id in `;

function placeholders(n: number): string {
  return `(${new Array<string>(n).fill('?').join(',')})`;
}

/** Moves the cards `cids` into deck `did`. */
export function moveCardsToDeck(col: Collection, cids: readonly number[], did: number): void {
  if (!cids.length) return;
  col.transact(() => {
    for (let at = 0; at < cids.length; at += CHUNK) {
      const chunk = cids.slice(at, at + CHUNK);
      col.db.run(LEAVE_FILTERED + placeholders(chunk.length), chunk);
      col.db.run(`update cards set usn = -1, mod = ?, did = ? where id in ${placeholders(chunk.length)}`, [
        col.nowSecs(),
        did,
        ...chunk,
      ]);
    }
    col.col.touch(col.nowMs());
  });
}
