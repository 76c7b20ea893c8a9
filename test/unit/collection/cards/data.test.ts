/** The `data` column of a card (storage/card/data.rs): lenient reading, Anki's rounding and key order. */
import { describe, expect, it } from 'vitest';
import { emptyCardData, parseCardData, serializeCardData } from '../../../../extension/collection/cards/data.ts';

describe('parseCardData', () => {
  it('reads every key', () => {
    expect(parseCardData('{"pos":3,"s":12.5,"d":5.25,"dr":0.9,"decay":0.1542,"lrt":1700000000,"cd":"{\\"x\\":1}"}')).toEqual({
      originalPosition: 3,
      stability: 12.5,
      difficulty: 5.25,
      desiredRetention: Math.fround(0.9),
      decay: Math.fround(0.1542),
      lastReviewTime: 1_700_000_000,
      customData: '{"x":1}',
    });
  });

  it.each(['', '{}', 'not json', '[1]', '5', 'null', '{"cd":{"a":1},"pos":3}'])('%j reads as empty', (text) => {
    expect(parseCardData(text)).toEqual(emptyCardData());
  });

  it('drops a key of the wrong type and keeps the rest', () => {
    expect(parseCardData('{"pos":-1,"s":"x","d":3,"lrt":1.5}')).toEqual({ ...emptyCardData(), difficulty: 3 });
  });
});

describe('serializeCardData', () => {
  it('writes set keys in order with Anki rounding (s 4, d 3, dr 2, decay 3 places)', () => {
    const text = serializeCardData({
      originalPosition: 7,
      stability: 123.45678,
      difficulty: 1.234567,
      desiredRetention: 0.987654,
      decay: 0.123456,
      lastReviewTime: 1_700_000_000,
      customData: '',
    });
    expect(text).toBe('{"pos":7,"s":123.4568,"d":1.235,"dr":0.99,"decay":0.123,"lrt":1700000000}');
  });

  it('writes whole floats as serde does (5.0) and empty data as {}', () => {
    expect(serializeCardData({ ...emptyCardData(), stability: 5, difficulty: 5 })).toBe('{"s":5.0,"d":5.0}');
    expect(serializeCardData(emptyCardData())).toBe('{}');
    expect(serializeCardData({ ...emptyCardData(), customData: '{}' })).toBe('{}');
    expect(serializeCardData({ ...emptyCardData(), customData: '{"a":1}' })).toBe('{"cd":"{\\"a\\":1}"}');
  });

  it('round-trips what it writes', () => {
    const text = '{"pos":1,"s":2.3065,"d":2.118,"dr":0.9,"decay":0.154,"lrt":1773144000}';
    expect(serializeCardData(parseCardData(text))).toBe(text);
  });
});
