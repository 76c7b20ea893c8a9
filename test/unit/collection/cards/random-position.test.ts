import { describe, expect, test } from 'vitest';
import { randomPosition } from '../../../../extension/collection/cards/random-position.ts';

describe('randomPosition', () => {
  test("matches Anki's own test values (cardgen.rs `random`)", () => {
    expect(randomPosition(5)).toBe(180);
    expect(randomPosition(500)).toBe(13);
    expect(randomPosition(5001)).toBe(3731);
  });

  test('stays in [1, max(n, 1000)) and is fixed for a given n', () => {
    for (const n of [0, 1, 999, 1000, 1001, 123456, 0xffffffff]) {
      const p = randomPosition(n);
      expect(p).toBeGreaterThanOrEqual(1);
      expect(p).toBeLessThan(Math.max(n, 1000));
      expect(randomPosition(n)).toBe(p);
    }
  });
});
