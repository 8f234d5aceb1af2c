import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { libretranslate } from '../libretranslate';
import { capture, liveSignal, rejection, type SeenRequest } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BASE = 'http://127.0.0.1:5000';
const run = (config: Record<string, string>, texts = ['Hallo'], from = 'auto', to = 'en') =>
  libretranslate.translate({ texts, from, to, signal: liveSignal() }, config);

describe('libretranslate', () => {
  it('sends q as an array with the key, and reads per-text detected languages', async () => {
    let seen: SeenRequest | undefined;
    server.use(
      http.post(`${BASE}/translate`, async ({ request }) => {
        seen = await capture(request);
        return HttpResponse.json({
          translatedText: ['Hello', 'World'],
          detectedLanguage: [
            { confidence: 90, language: 'de' },
            { confidence: 80, language: 'nl' },
          ],
        });
      }),
    );
    const result = await run({ url: `${BASE}/`, apiKey: 'sekret' }, ['Hallo', 'Wereld']);
    expect(seen?.method).toBe('POST');
    expect(seen?.url.href).toBe(`${BASE}/translate`);
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(seen!.body)).toEqual({ q: ['Hallo', 'Wereld'], source: 'auto', target: 'en', format: 'html', api_key: 'sekret' });
    expect(result).toEqual([
      { text: 'Hello', detectedLanguage: 'de' },
      { text: 'World', detectedLanguage: 'nl' },
    ]);
  });

  it('omits api_key when none is set and maps Chinese variants', async () => {
    let body: unknown;
    server.use(
      http.post(`${BASE}/translate`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ translatedText: ['你好'] });
      }),
    );
    expect(await run({ url: BASE }, ['Hello'], 'en', 'zh')).toEqual([{ text: '你好' }]);
    expect(body).toEqual({ q: ['Hello'], source: 'en', target: 'zh-Hans', format: 'html' });
  });

  it('maps 400 "not supported", 403, 429 Slowdown and count mismatches', async () => {
    server.use(http.post(`${BASE}/translate`, () => HttpResponse.json({ error: 'xx is not supported' }, { status: 400 })));
    const unsupported = await rejection(run({ url: BASE }));
    expect(unsupported.kind).toBe('unsupported');
    expect(unsupported.message).toMatch(/xx is not supported/);

    server.use(http.post(`${BASE}/translate`, () => HttpResponse.json({ error: 'Invalid API key' }, { status: 403 })));
    expect((await rejection(run({ url: BASE }))).kind).toBe('auth');

    server.use(http.post(`${BASE}/translate`, () => HttpResponse.json({ error: 'Slowdown: 20 per 1 minute' }, { status: 429 })));
    expect((await rejection(run({ url: BASE }))).kind).toBe('rate-limit');

    server.use(http.post(`${BASE}/translate`, () => HttpResponse.json({ translatedText: 'Hello' })));
    expect((await rejection(run({ url: BASE }, ['a', 'b']))).kind).toBe('bad-response');
  });

  it('lists target languages from /languages', async () => {
    server.use(
      http.get(`${BASE}/languages`, () =>
        HttpResponse.json([
          { code: 'de', name: 'German', targets: ['de', 'en', 'fr'] },
          { code: 'en', name: 'English', targets: ['de', 'en', 'zh-Hans'] },
        ]),
      ),
    );
    expect(await libretranslate.listTargetLanguages?.({ url: BASE }, liveSignal())).toEqual(['de', 'en', 'fr', 'zh-hans']);
  });

  it('needs a server address; the key is never part of the cache key', async () => {
    expect(libretranslate.checkUsable?.({})).toMatch(/server address/);
    expect((await rejection(run({}))).kind).toBe('auth');
    expect(libretranslate.cacheKeyParts({ url: BASE, apiKey: 'sekret' })).toEqual([BASE]);
  });

  it('reports an unreachable server as a network error', async () => {
    server.use(http.post(`${BASE}/translate`, () => HttpResponse.error()));
    const error = await rejection(run({ url: BASE }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/Could not reach LibreTranslate/);
  });
});
