import { describe, expect, it } from 'vitest';
import { listenAtStart, parseHostPort, settingsFromConfig } from '../../../native-host/src/options.ts';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../../shared/limits.ts';

describe('host options', () => {
  it('takes the config, with defaults for what is missing or invalid', () => {
    expect(settingsFromConfig({ bindAddress: '0.0.0.0', bindPort: 9000, bodyLimitBytes: 10 }, {})).toEqual({ address: '0.0.0.0', port: 9000, bodyLimitBytes: 10 });
    expect(settingsFromConfig({}, {})).toEqual({ address: '127.0.0.1', port: 8765, bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES });
    expect(settingsFromConfig({ bindAddress: ' ', bindPort: 70000, bodyLimitBytes: -1 }, {})).toEqual({ address: '127.0.0.1', port: 8765, bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES });
    expect(settingsFromConfig({ bindPort: 0 }, {}).port).toBe(0);
  });

  it('lets ANKICONNECT_BIND_ADDRESS and ACB_PORT override the config', () => {
    const env = { ANKICONNECT_BIND_ADDRESS: '0.0.0.0', ACB_PORT: '18765' };
    expect(settingsFromConfig({ bindAddress: '127.0.0.1', bindPort: 8765 }, env)).toMatchObject({ address: '0.0.0.0', port: 18765 });
    expect(settingsFromConfig({ bindPort: 8765 }, { ACB_PORT: 'x' }).port).toBe(8765);
  });

  it('listens at start only when asked', () => {
    expect(listenAtStart(['chrome-extension://abc/'], {})).toBeNull();
    expect(listenAtStart(['--listen', '127.0.0.1:0'], {})).toEqual({ address: '127.0.0.1', port: 0, bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES });
    expect(listenAtStart(['--listen=[::1]:8765'], {})).toMatchObject({ address: '::1', port: 8765 });
    expect(listenAtStart([], { ACB_LISTEN_WITHOUT_EXTENSION: '1', ACB_PORT: '9999' })).toMatchObject({ address: '127.0.0.1', port: 9999 });
    expect(() => listenAtStart(['--listen', '8765'], {})).toThrow(/HOST:PORT/);
    expect(() => listenAtStart(['--listen'], {})).toThrow(/HOST:PORT/);
  });

  it('parses HOST:PORT', () => {
    expect(parseHostPort('localhost:80')).toEqual({ address: 'localhost', port: 80 });
    expect(parseHostPort(':80')).toBeNull();
    expect(parseHostPort('a:')).toBeNull();
    expect(parseHostPort('a:65536')).toBeNull();
  });
});
