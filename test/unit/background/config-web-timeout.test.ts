import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, normalizeConfig } from '../../../extension/background/config.ts';

describe('webTimeout in the config', () => {
  it("defaults to AnkiConnect's 10000 ms", () => {
    expect(DEFAULT_CONFIG.webTimeout).toBe(10_000);
    expect(normalizeConfig({}).webTimeout).toBe(10_000);
  });

  it('keeps a positive number and replaces anything else', () => {
    expect(normalizeConfig({ webTimeout: 2500 }).webTimeout).toBe(2500);
    expect(normalizeConfig({ webTimeout: '4000' }).webTimeout).toBe(4000);
    for (const bad of [0, -1, 'x', null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(normalizeConfig({ webTimeout: bad }).webTimeout).toBe(10_000);
    }
  });
});
