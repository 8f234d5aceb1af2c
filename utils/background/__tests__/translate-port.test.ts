import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings/schema';
import { PageMemory } from '../page-memory';
import { servePort, type UnitTranslator } from '../translate-port';

type Listener = (message: unknown) => void;

/** A stand-in for runtime.Port: what the content script would post, and what it receives. */
function fakePort(sender: object = { url: 'https://news.example/a', frameId: 0, tab: { id: 1 } }) {
  const messageListeners: Listener[] = [];
  const disconnectListeners: (() => void)[] = [];
  const received: unknown[] = [];
  const port = {
    name: 'duet-translate',
    sender,
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

  it("remembers a top frame's first batch for the page memory: whole units only, not later batches", async () => {
    const service: UnitTranslator = {
      translateUnits: vi.fn(async (job: Parameters<UnitTranslator['translateUnits']>[0]) => {
        job.onResults(job.units.map((u) => ({ id: u.id, text: `DE ${u.text}`, cached: false, ...(u.text === 'Hi' ? { sameLanguage: true as const } : {}) })));
      }),
    };
    const memory = new PageMemory();
    const p = fakePort();
    servePort(p.port, service, settings, memory);
    await p.send({ type: 'translate', units: [{ id: 'a', text: 'Hallo' }, { id: 'b~0', text: 'Teil eins.' }, { id: 'c', text: 'Hi' }], from: 'auto', to: 'de' });
    await p.send({ type: 'translate', units: [{ id: 'd', text: 'Später' }], from: 'auto', to: 'de' });
    expect(memory.recall({ url: 'https://news.example/a', provider: 'google', from: 'auto', to: 'de' })).toEqual([
      { source: 'Hallo', text: 'DE Hallo' },
      { source: 'Hi', text: 'DE Hi', sameLanguage: true },
    ]);
  });

  it('remembers nothing from sub-frames or private windows', async () => {
    const service: UnitTranslator = { translateUnits: vi.fn(async (job) => job.onResults([{ id: 'a', text: 'A', cached: false }])) };
    const memory = new PageMemory();
    for (const sender of [{ url: 'https://news.example/a', frameId: 2, tab: { id: 1 } }, { url: 'https://news.example/a', frameId: 0, tab: { id: 1, incognito: true } }]) {
      const p = fakePort(sender);
      servePort(p.port, service, settings, memory);
      await p.send({ type: 'translate', units: [{ id: 'a', text: 'a' }], from: 'auto', to: 'de' });
    }
    expect(memory.size).toBe(0);
  });
});
