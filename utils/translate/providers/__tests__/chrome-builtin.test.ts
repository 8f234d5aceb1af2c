import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chromeBuiltin, CREATE_TIMEOUT_MS, resetChromeBuiltin } from '../chrome-builtin';
import { liveSignal, rejection } from './helpers';

type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** A stand-in for Chrome's Translator global with the shape the spec (and MDN) describes. */
function fakeTranslatorApi(availability: Availability, create: 'resolve' | 'hang') {
  const calls = { availability: [] as unknown[], create: [] as { sourceLanguage: string; targetLanguage: string; signal?: AbortSignal }[] };
  const api = {
    availability: vi.fn(async (options: unknown) => {
      calls.availability.push(options);
      return availability;
    }),
    create: vi.fn((options: { sourceLanguage: string; targetLanguage: string; monitor?: (m: EventTarget) => void; signal?: AbortSignal }) => {
      calls.create.push(options);
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      if (create === 'hang') {
        monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded: 0.25 }));
        return new Promise<never>(() => undefined);
      }
      return Promise.resolve({ translate: async (text: string) => `${options.targetLanguage}:${text}` });
    }),
  };
  vi.stubGlobal('Translator', api);
  return calls;
}

beforeEach(() => resetChromeBuiltin());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('chrome-builtin', () => {
  it('says why it is unusable when the API is absent', async () => {
    expect(chromeBuiltin.checkUsable?.({})).toMatch(/not available in this browser/);
    const error = await rejection(chromeBuiltin.translate({ texts: ['Hallo'], from: 'de', to: 'en', signal: liveSignal() }, {}));
    expect(error.kind).toBe('unsupported');
  });

  it('checks availability for the pair, creates once and translates each text', async () => {
    const calls = fakeTranslatorApi('available', 'resolve');
    expect(chromeBuiltin.checkUsable?.({})).toBeUndefined();
    const request = { texts: ['Hallo', 'Welt'], from: 'de', to: 'en', signal: liveSignal() };
    expect(await chromeBuiltin.translate(request, {})).toEqual([{ text: 'en:Hallo' }, { text: 'en:Welt' }]);
    await chromeBuiltin.translate({ ...request, texts: ['noch einmal'] }, {});
    expect(calls.availability).toEqual([{ sourceLanguage: 'de', targetLanguage: 'en' }]);
    expect(calls.create).toHaveLength(1);
    // Creation has its own signal, so one tab's abort cannot destroy the shared translator.
    expect(calls.create[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(calls.create[0]!.signal).not.toBe(request.signal);
  });

  it("rejects a pair Chrome marks 'unavailable'", async () => {
    fakeTranslatorApi('unavailable', 'resolve');
    const error = await rejection(chromeBuiltin.translate({ texts: ['x'], from: 'de', to: 'en', signal: liveSignal() }, {}));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/cannot translate de → en/);
  });

  it('never waits unbounded for a create() that never resolves (offline Chromium)', async () => {
    vi.useFakeTimers();
    const calls = fakeTranslatorApi('downloadable', 'hang');
    const pending = rejection(chromeBuiltin.translate({ texts: ['x'], from: 'de', to: 'en', signal: liveSignal() }, {}));
    await vi.advanceTimersByTimeAsync(CREATE_TIMEOUT_MS);
    const error = await pending;
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/not finished downloading its de → en language model \(25%\)/);
    expect(calls.create[0]!.signal?.aborted).toBe(true);
  });

  it('stops waiting at once when the request is aborted', async () => {
    fakeTranslatorApi('downloadable', 'hang');
    const controller = new AbortController();
    const pending = rejection(chromeBuiltin.translate({ texts: ['x'], from: 'de', to: 'en', signal: controller.signal }, {}));
    await Promise.resolve();
    controller.abort();
    expect((await pending).kind).toBe('aborted');
  });

  it("needs the LanguageDetector for 'auto' and explains when it is unavailable", async () => {
    fakeTranslatorApi('available', 'resolve');
    vi.stubGlobal('LanguageDetector', { availability: async () => 'unavailable', create: vi.fn() });
    const error = await rejection(chromeBuiltin.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: liveSignal() }, {}));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/cannot detect the page's language/);

    vi.stubGlobal('LanguageDetector', {
      availability: async () => 'available',
      create: async () => ({ detect: async () => [{ detectedLanguage: 'de', confidence: 0.9 }, { detectedLanguage: 'nl', confidence: 0.05 }] }),
    });
    expect(await chromeBuiltin.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: liveSignal() }, {})).toEqual([{ text: 'en:Hallo', detectedLanguage: 'de' }]);
  });
});
