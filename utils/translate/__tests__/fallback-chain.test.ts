import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chainFor, createFallbackChain } from '../fallback-chain';
import { ServiceHealth } from '../health';
import { createProviderQueues } from '../queue';
import { TranslateError, type ServiceId, type Translation, type Translator } from '../types';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

const limits = { maxTextsPerRequest: 20, maxCharsPerRequest: 5000, requestsPerSecond: 100, concurrency: 10, timeoutMs: 15_000 }; // a burst of 10: no waits on the fake clock

/** Fake services: each answers "<id>:<text>", or throws what `failWith` says. */
function setup(fallback = true) {
  const calls: ServiceId[] = [];
  const failWith = new Map<ServiceId, () => TranslateError>();
  const make = (id: ServiceId, label: string): Translator => ({
    id,
    label,
    limits,
    configFields: [],
    cacheKeyParts: () => [],
    async translate({ texts }) {
      calls.push(id);
      const fail = failWith.get(id);
      if (fail) throw fail();
      return texts.map((t): Translation => ({ text: `${id}:${t}` }));
    },
  });
  const ids: ServiceId[] = ['google', 'microsoft', 'google-single', 'chrome-builtin', 'deepl', 'libretranslate', 'openai', 'apertium'];
  const services = Object.fromEntries(ids.map((id) => [id, make(id, id === 'google' ? 'Google Translate' : id === 'microsoft' ? 'Microsoft Translator' : id)])) as Record<ServiceId, Translator>;
  const health = new ServiceHealth();
  const chain = createFallbackChain({
    services,
    queues: createProviderQueues({ random: () => 0 }),
    health,
    getConfig: async () => ({}),
    fallbackEnabled: async () => fallback,
    isReady: async (id) => id !== 'chrome-builtin', // no on-device model here
  });
  return { chain, calls, failWith, health };
}
const signal = () => new AbortController().signal;
const blocked = () => new TranslateError('blocked', 'Google Translate is refusing requests from this network right now (HTTP 429).', { status: 429 });

describe('fallback chain', () => {
  it('goes Google batch → Microsoft → Google single → on-device, only among keyless services', () => {
    expect(chainFor('google', true)).toEqual(['google', 'microsoft', 'google-single', 'chrome-builtin']);
    expect(chainFor('microsoft', true)).toEqual(['microsoft', 'google', 'google-single', 'chrome-builtin']);
    expect(chainFor('google', false), 'pinned: Google alone (its two endpoints)').toEqual(['google', 'google-single']);
    expect(chainFor('microsoft', false)).toEqual(['microsoft']);
    for (const keyed of ['deepl', 'libretranslate', 'openai', 'apertium'] as const) expect(chainFor(keyed, true)).toEqual([keyed]);
  });

  it('a blocked Google: Microsoft translates, says so, and Google is not asked again while its breaker is open', async () => {
    const { chain, calls, failWith } = setup();
    failWith.set('google', blocked);
    const first = await chain.run('google', ['Hallo'], 'auto', 'en', signal());
    expect(first).toEqual([{ text: 'microsoft:Hallo', via: 'microsoft' }]);
    expect(chain.noticeFor('google', 'microsoft')).toBe('Google Translate is refusing requests from this network right now; using Microsoft Translator.');
    calls.length = 0;
    for (let i = 0; i < 5; i++) await chain.run('google', [`Satz ${i}`], 'auto', 'en', signal());
    expect(calls).toEqual(['microsoft', 'microsoft', 'microsoft', 'microsoft', 'microsoft']);
  });

  it('a healed Google is used again after its cool-down (a half-open probe), without a reload', async () => {
    const { chain, calls, failWith } = setup();
    failWith.set('google', blocked);
    await chain.run('google', ['a'], 'auto', 'en', signal());
    failWith.delete('google');
    vi.advanceTimersByTime(2 * 60_000);
    calls.length = 0;
    expect(await chain.run('google', ['b'], 'auto', 'en', signal())).toEqual([{ text: 'google:b' }]);
    expect(calls).toEqual(['google']);
  });

  it('the reader pinning Google gets Google\'s own failure, never another service', async () => {
    const { chain, calls, failWith } = setup(false);
    failWith.set('google', blocked);
    failWith.set('google-single', blocked);
    await expect(chain.run('google', ['a'], 'auto', 'en', signal())).rejects.toMatchObject({ kind: 'blocked', message: expect.stringMatching(/^Google Translate is refusing/) });
    expect(calls).toEqual(['google', 'google-single']);
  });

  it('never falls back from a keyed service', async () => {
    const { chain, calls, failWith } = setup();
    failWith.set('deepl', () => new TranslateError('auth', 'DeepL refused the request (HTTP 403). Check the API key for DeepL.'));
    await expect(chain.run('deepl', ['a'], 'auto', 'en', signal())).rejects.toMatchObject({ kind: 'auth' });
    expect(calls).toEqual(['deepl']);
  });

  it('when every step is cooling down, fails at once with the chosen service\'s reason and when it is tried again', async () => {
    const { chain, calls, failWith } = setup();
    for (const id of ['google', 'microsoft', 'google-single'] as const) failWith.set(id, blocked);
    await expect(chain.run('google', ['a'], 'auto', 'en', signal())).rejects.toMatchObject({ kind: 'blocked' });
    calls.length = 0;
    const error = (await chain.run('google', ['b'], 'auto', 'en', signal()).catch((e: unknown) => e)) as TranslateError;
    expect(calls, 'no request while every breaker is open').toEqual([]);
    expect(error.kind).toBe('blocked');
    expect(error.options.retryAfterMs).toBe(120_000);
    await chain.forgive('google');
    failWith.delete('google');
    expect(await chain.run('google', ['c'], 'auto', 'en', signal())).toEqual([{ text: 'google:c' }]);
  });
});
