import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings/schema';
import { servePort, type UnitTranslator } from '../translate-port';

type Listener = (message: unknown) => void;

/** A stand-in for runtime.Port: what the content script would post, and what it receives. */
function fakePort() {
  const messageListeners: Listener[] = [];
  const disconnectListeners: (() => void)[] = [];
  const received: unknown[] = [];
  const port = {
    name: 'duet-translate',
    postMessage: (m: unknown) => received.push(m),
    onMessage: { addListener: (l: Listener) => messageListeners.push(l) },
    onDisconnect: { addListener: (l: () => void) => disconnectListeners.push(l) },
    disconnect: () => {},
  };
  return {
    port: port as never,
    received,
    send: async (m: unknown) => {
      for (const l of messageListeners) await l(m);
    },
    disconnect: () => disconnectListeners.forEach((l) => l()),
  };
}

const settings = async () => DEFAULT_SETTINGS;

describe('servePort', () => {
  it('streams results and failures back per unit', async () => {
    const service: UnitTranslator = {
      translateUnits: vi.fn(async (job) => {
        job.onResults([{ id: 'a', text: 'A!', cached: true }]);
        job.onError(['b'], { kind: 'server', message: 'try again', retryable: true });
      }),
    };
    const p = fakePort();
    servePort(p.port, service, settings);
    await p.send({ type: 'translate', units: [{ id: 'a', text: 'a' }, { id: 'b', text: 'b' }], from: 'auto', to: 'de' });
    expect(service.translateUnits).toHaveBeenCalledWith(expect.objectContaining({ providerId: 'google', from: 'auto', to: 'de' }));
    expect(p.received).toEqual([
      { type: 'translated', results: [{ id: 'a', text: 'A!', cached: true }] },
      { type: 'failed', ids: ['b'], error: { kind: 'server', message: 'try again', retryable: true } },
    ]);
  });

  it('ignores invalid messages', async () => {
    const service: UnitTranslator = { translateUnits: vi.fn(async () => {}) };
    const p = fakePort();
    servePort(p.port, service, settings);
    await p.send({ type: 'translate', units: [], from: 'auto', to: 'de' });
    await p.send({ type: 'translate', units: [{ id: 'x', text: 'y'.repeat(20_001) }], from: 'auto', to: 'de' });
    await p.send({ type: 'steal-keys' });
    expect(service.translateUnits).not.toHaveBeenCalled();
  });

  it('aborts a job when the tab disconnects and when all its units are cancelled', async () => {
    const signals: AbortSignal[] = [];
    const service: UnitTranslator = {
      translateUnits: (job) => {
        signals.push(job.signal);
        return new Promise((resolve) => job.signal.addEventListener('abort', () => resolve()));
      },
    };
    const p = fakePort();
    servePort(p.port, service, settings);
    void p.send({ type: 'translate', units: [{ id: 'a', text: 'a' }, { id: 'b', text: 'b' }], from: 'auto', to: 'de' });
    void p.send({ type: 'translate', units: [{ id: 'c', text: 'c' }], from: 'auto', to: 'de' });
    await vi.waitFor(() => expect(signals).toHaveLength(2));
    await p.send({ type: 'cancel', ids: ['a'] });
    expect(signals[0]!.aborted).toBe(false); // 'b' is still wanted
    await p.send({ type: 'cancel', ids: ['b'] });
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    p.disconnect();
    expect(signals[1]!.aborted).toBe(true);
  });

  it('a cancel that arrives while settings are still loading stops the job before any work', async () => {
    let settingsReady!: () => void;
    const slowSettings = () => new Promise<typeof DEFAULT_SETTINGS>((resolve) => (settingsReady = () => resolve(DEFAULT_SETTINGS)));
    const service: UnitTranslator = { translateUnits: vi.fn(async () => {}) };
    const p = fakePort();
    servePort(p.port, service, slowSettings);
    const sent = p.send({ type: 'translate', units: [{ id: 'a', text: 'a' }], from: 'auto', to: 'de' });
    await p.send({ type: 'cancel', ids: ['a'] });
    settingsReady();
    await sent;
    expect(service.translateUnits).not.toHaveBeenCalled();
  });
});
