/** Reading a preset as Anki's serde reads schema-11 JSON (deckconfig/schema11.rs). */
import { describe, expect, it } from 'vitest';
import { defaultDeckConfigJson } from '../../../../extension/collection/decks/defaults.ts';
import { InvalidDeckConfig, normalizeDeckConfig } from '../../../../extension/collection/deck-config/normalize.ts';

const base = () => structuredClone(defaultDeckConfigJson()) as unknown as Record<string, unknown>;

describe('normalizeDeckConfig', () => {
  it('keeps a full preset, setting id, mod, usn and dyn false', () => {
    const given = { ...base(), name: 'Mine', dyn: true, custom: { kept: 1 } };
    const out = normalizeDeckConfig(given, 77, 1234, -1);
    expect(out).toEqual({ ...base(), name: 'Mine', id: 77, mod: 1234, usn: -1, dyn: false, custom: { kept: 1 } });
  });

  it('fills in missing optional keys with their defaults', () => {
    const old = {
      id: 1, mod: 0, name: 'Old', usn: 0, maxTaken: 60, autoplay: true, timer: 0,
      new: { delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
      rev: { ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 100, fuzz: 0.05, minSpace: 1 },
      lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
    };
    const out = normalizeDeckConfig(old, 1, 5, -1);
    expect(out).toMatchObject({ replayq: true, newMix: 0, waitForAudio: true, desiredRetention: 0.9, weightSearch: '' });
    expect(out.new).toEqual({ bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20, separate: true });
    expect(out.rev).toEqual({ bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 100, hardFactor: 1.2, fuzz: 0.05, minSpace: 1 });
    expect(out.lapse.leechAction).toBe(0);
  });

  it('accepts numeric strings for id and mod', () => {
    expect(() => normalizeDeckConfig({ ...base(), id: '1', mod: '12' }, 1, 5, -1)).not.toThrow();
  });

  it.each([
    ['name', 5],
    ['usn', 'x'],
    ['maxTaken', 1.5],
    ['autoplay', 1],
    ['id', 'abc'],
    ['questionAction', 7],
    ['newMix', null],
    ['easyDaysPercentages', ['a']],
  ])('refuses a preset whose %s is %j', (key, value) => {
    expect(() => normalizeDeckConfig({ ...base(), [key]: value }, 1, 5, -1)).toThrow(InvalidDeckConfig);
  });

  it.each(['name', 'mod', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse'])('refuses a preset without %s', (key) => {
    const given = base();
    delete given[key];
    expect(() => normalizeDeckConfig(given, 1, 5, -1)).toThrow(InvalidDeckConfig);
  });

  it('refuses what is not an object', () => {
    expect(() => normalizeDeckConfig([], 1, 5, -1)).toThrow(InvalidDeckConfig);
    expect(() => normalizeDeckConfig('x', 1, 5, -1)).toThrow(InvalidDeckConfig);
  });

  it('replaces sections that do not parse with the defaults, and odd values within them', () => {
    const defaults = defaultDeckConfigJson();
    const out = normalizeDeckConfig({ ...base(), timer: 'x', new: 'bad', rev: { perDay: 3 }, lapse: null }, 1, 5, -1);
    expect(out.timer).toBe(0);
    expect(out.new).toEqual(defaults.new);
    expect(out.rev).toEqual(defaults.rev);
    expect(out.lapse).toEqual(defaults.lapse);
    const odd = normalizeDeckConfig(
      { ...base(), new: { ...defaults.new, delays: 'x', ints: [2], order: 9, perDay: -4 }, lapse: { ...defaults.lapse, leechAction: 5 } },
      1,
      5,
      -1,
    );
    expect(odd.new).toMatchObject({ delays: [], ints: [1, 4, 0], order: 1, perDay: 0 });
    expect(odd.lapse.leechAction).toBe(1);
  });
});
