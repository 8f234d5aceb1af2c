import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deepl, DEEPL_FREE_URL, DEEPL_PRO_URL, deeplSource, deeplTarget } from '../deepl';
import { capture, liveSignal, rejection, type SeenRequest } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const run = (config: Record<string, string>, texts = ['Hallo Welt'], from = 'auto', to = 'en') =>
  deepl.translate({ texts, from, to, signal: liveSignal() }, config);

describe('deepl', () => {
  it('sends a Free-plan key to api-free with the Authorization header and maps EN → EN-US', async () => {
    let seen: SeenRequest | undefined;
    server.use(
      http.post(DEEPL_FREE_URL, async ({ request }) => {
        seen = await capture(request);
        return HttpResponse.json({ translations: [{ detected_source_language: 'DE', text: 'Hello world' }, { detected_source_language: 'DE', text: 'Good' }] });
      }),
    );
    const result = await run({ apiKey: 'abc-123:fx' }, ['Hallo Welt', 'Gut']);
    expect(seen?.method).toBe('POST');
    expect(seen?.url.href).toBe(DEEPL_FREE_URL);
    expect(seen?.headers.get('authorization')).toBe('DeepL-Auth-Key abc-123:fx');
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(seen!.body)).toEqual({ text: ['Hallo Welt', 'Gut'], target_lang: 'EN-US', tag_handling: 'html' });
    expect(result).toEqual([
      { text: 'Hello world', detectedLanguage: 'de' },
      { text: 'Good', detectedLanguage: 'de' },
    ]);
  });

  it('sends other keys to api.deepl.com with source_lang when the source is known', async () => {
    let body: unknown;
    server.use(
      http.post(DEEPL_PRO_URL, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ translations: [{ detected_source_language: 'EN', text: 'Olá' }] });
      }),
    );
    expect(await run({ apiKey: 'pro-key' }, ['Hello'], 'en-us', 'pt')).toEqual([{ text: 'Olá' }]);
    expect(body).toEqual({ text: ['Hello'], target_lang: 'PT-BR', source_lang: 'EN', tag_handling: 'html' });
    expect(deeplTarget('en-gb')).toBe('EN-GB');
    expect(deeplTarget('zh-tw')).toBe('ZH-HANT');
    expect(deeplTarget('de')).toBe('DE');
    expect(deeplSource('pt-br')).toBe('PT');
  });

  it('456 means the quota is used up (not retried), 403 a bad key', async () => {
    server.use(http.post(DEEPL_FREE_URL, () => HttpResponse.json({ message: 'Quota Exceeded' }, { status: 456 })));
    const quota = await rejection(run({ apiKey: 'k:fx' }));
    expect(quota.kind).toBe('quota');
    expect(quota.retryable).toBe(false);
    expect(quota.message).toMatch(/DeepL's quota is used up \(HTTP 456\) \(Quota Exceeded\)/);

    server.use(http.post(DEEPL_FREE_URL, () => HttpResponse.json({ message: 'Wrong endpoint' }, { status: 403 })));
    const auth = await rejection(run({ apiKey: 'k:fx' }));
    expect(auth.kind).toBe('auth');
    expect(auth.message).toMatch(/Check the DeepL API key/);
  });

  it('429 carries Retry-After; 529 is treated as rate limiting; 500 as a server error', async () => {
    server.use(http.post(DEEPL_FREE_URL, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } })));
    const limited = await rejection(run({ apiKey: 'k:fx' }));
    expect([limited.kind, limited.options.retryAfterMs]).toEqual(['rate-limit', 2000]);
    server.use(http.post(DEEPL_FREE_URL, () => new HttpResponse(null, { status: 529 })));
    expect((await rejection(run({ apiKey: 'k:fx' }))).kind).toBe('rate-limit');
    server.use(http.post(DEEPL_FREE_URL, () => new HttpResponse(null, { status: 500 })));
    expect((await rejection(run({ apiKey: 'k:fx' }))).kind).toBe('server');
  });

  it('rejects a partial answer and malformed JSON', async () => {
    server.use(http.post(DEEPL_FREE_URL, () => HttpResponse.json({ translations: [{ text: 'one' }] })));
    expect((await rejection(run({ apiKey: 'k:fx' }, ['eins', 'zwei']))).kind).toBe('bad-response');
    server.use(http.post(DEEPL_FREE_URL, () => new HttpResponse('<html>oops</html>', { status: 200 })));
    expect((await rejection(run({ apiKey: 'k:fx' }))).kind).toBe('bad-response');
  });

  it('says why it cannot work without a key, and does not send a request', async () => {
    expect(deepl.checkUsable?.({})).toMatch(/needs an API key/);
    expect(deepl.checkUsable?.({ apiKey: 'k' })).toBeUndefined();
    expect((await rejection(run({}))).kind).toBe('auth');
    expect(deepl.cacheKeyParts({ apiKey: 'secret' }).join()).not.toContain('secret');
    expect(await deepl.listTargetLanguages?.({}, liveSignal())).toContain('en-us');
  });
});
