/**
 * A list whose items are made one at a time while the reply is written
 * (background/json-bytes.ts), so each item's objects die young instead of
 * all of them living until the end: for long lists of large items
 * (cardsInfo). A handler returns one only when ActionContext.streamReplies
 * says the reply is written straight after it returns; anything else that
 * serialises it gets the whole list (toJSON).
 */
export class StreamedList<T> {
  constructor(
    readonly length: number,
    readonly item: (index: number) => T,
  ) {}

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.item(i));
  }
}

/** Thrown by an item that cannot be made while streaming: the request is answered again without streaming. */
export class NotStreamable extends Error {
  constructor(why: string) {
    super(`not streamable: ${why}`);
  }
}
