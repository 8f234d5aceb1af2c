import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { services } from '../providers';
import { DEEPL_FREE_URL } from '../providers/deepl';
import { GOOGLE_BATCH_URL, GOOGLE_SINGLE_URL } from '../providers/google';
import { MICROSOFT_URL } from '../providers/microsoft';
import { createProviderQueue } from '../queue';
import type { ProviderConfig, ServiceId, TranslateError } from '../types';

/**
 * Every keyless step of the fallback chain, and the keyed DeepL and LibreTranslate, over the wire (msw)
 * through their queue: 429 with an hour's Retry-After (capped, failing at once with the wait named),
 * 5xx, timeouts, malformed bodies. What the chain and the page do next depends on exactly these kinds.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const LIBRE = 'https://libre.example/translate';
const cases: { id: ServiceId; url: string; method: 'post' | 'get'; config: ProviderConfig; name: string }[] = [
  { id: 'google', url: GOOGLE_BATCH_URL, method: 'post', config: {}, name: 'Google Translate' },
  { id: 'google-single', url: GOOGLE_SINGLE_URL, method: 'get', config: {}, name: 'Google Translate' },
  { id: 'microsoft', url: MICROSOFT_URL, method: 'post', config: {}, name: 'Microsoft Translator' },
  { id: 'deepl', url: DEEPL_FREE_URL, method: 'post', config: { apiKey: 'k:fx' }, name: 'DeepL' },
  { id: 'libretranslate', url: LIBRE, method: 'post', config: { url: 'https://libre.example' }, name: 'LibreTranslate' },
];
const FAST = { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10, maxTotalMs: 2_000 };

async function failure(id: ServiceId, config: ProviderConfig, timeoutMs = 15_000): Promise<TranslateError> {
  const translator = { ...services[id], limits: { ...services[id].limits, timeoutMs } };
  const queue = createProviderQueue(translator, { retry: FAST, random: () => 0 });
  return (await queue.run(['Hallo Welt'], 'de', 'en', config, new AbortController().signal).catch((e: unknown) => e)) as TranslateError;
}

describe.each(cases)('$id failure modes', ({ id, url, method, config, name }) => {
  const answer = (resolver: () => Response | Promise<Response>) => server.use(http[method](url, resolver));

  it('429 with Retry-After: 3600 fails at once, the wait capped at 60 s and named', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    answer(() => {
      calls += 1;
      return HttpResponse.json({ error: 'Too many requests' }, { status: 429, headers: { 'Retry-After': '3600' } });
    });
    const started = Date.now();
    const error = await failure(id, config);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.kind).toBe('rate-limit');
    expect(error.options.retryAfterMs).toBe(60_000);
    expect(error.message).toContain(services[id].label);
    expect(calls).toBe(1);
  });

  it('5xx is a server error, retried, in the service\'s name', async () => {
    let calls = 0;
    answer(() => {
      calls += 1;
      return new HttpResponse('upstream down', { status: 503 });
    });
    const error = await failure(id, config);
    expect(error.kind).toBe('server');
    expect(error.message).toContain(name);
    expect(calls).toBe(2);
  });

  it('no answer within the timeout is a timeout', async () => {
    answer(async () => {
      await delay('infinite');
      return new HttpResponse(null);
    });
    const error = await failure(id, config, 50);
    expect(error.kind).toBe('timeout');
  });

  it('a malformed body is an unreadable answer, never a wrong pairing', async () => {
    answer(() => new HttpResponse('{"translations": [', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const error = await failure(id, config);
    expect(error.kind).toBe('bad-response');
  });
});
