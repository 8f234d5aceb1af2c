import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { microsoft, MICROSOFT_URL, microsoftLanguage } from '../microsoft';
import { capture, liveSignal, rejection, type SeenRequest } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('microsoft (Edge path)', () => {
  it('sends the exact request and parses translations with detected language', async () => {
    let seen: SeenRequest | undefined;
    server.use(
      http.post(MICROSOFT_URL, async ({ request }) => {
        seen = await capture(request);
        return HttpResponse.json([
          { detectedLanguage: { language: 'de', score: 1 }, translations: [{ text: 'Rents &amp; prices', to: 'en' }] },
          { detectedLanguage: { language: 'de', score: 0.98 }, translations: [{ text: 'a &lt; b', to: 'en' }] },
        ]);
      }),
    );
    // Issue 11: texts are Duet's markup (already escaped), sent with textType=html and returned as HTML.
    const result = await microsoft.translate({ texts: ['Mieten &amp; Preise', 'a &lt; b'], from: 'auto', to: 'en', signal: liveSignal() }, {});
    expect(seen?.method).toBe('POST');
    expect(seen?.url.origin + seen!.url.pathname).toBe(MICROSOFT_URL);
    expect(Object.fromEntries(seen!.url.searchParams)).toEqual({ from: '', to: 'en', isEnterpriseClient: 'false', textType: 'html' });
    expect(seen?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(seen!.body)).toEqual(['Mieten &amp; Preise', 'a &lt; b']);
    expect(result).toEqual([
      { text: 'Rents &amp; prices', detectedLanguage: 'de' },
      { text: 'a &lt; b', detectedLanguage: 'de' },
    ]);
  });

  it('maps language codes to Microsoft\'s', () => {
    expect(microsoftLanguage('zh')).toBe('zh-Hans');
    expect(microsoftLanguage('zh-tw')).toBe('zh-Hant');
    expect(microsoftLanguage('pt-pt')).toBe('pt-PT');
    expect(microsoftLanguage('pt-br')).toBe('pt');
    expect(microsoftLanguage('no')).toBe('nb');
  });

  it('rejects a count mismatch instead of pairing wrongly', async () => {
    server.use(http.post(MICROSOFT_URL, () => HttpResponse.json([{ translations: [{ text: 'one', to: 'en' }] }])));
    const error = await rejection(microsoft.translate({ texts: ['eins', 'zwei'], from: 'de', to: 'en', signal: liveSignal() }, {}));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/1 translations for 2 texts/);
  });

  it('classifies 429 (with Retry-After date), 5xx, 403 and malformed JSON', async () => {
    const retryAt = new Date(Date.now() + 4000).toUTCString();
    server.use(http.post(MICROSOFT_URL, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': retryAt } })));
    const limited = await rejection(microsoft.translate({ texts: ['x'], from: 'de', to: 'en', signal: liveSignal() }, {}));
    expect(limited.kind).toBe('rate-limit');
    expect(limited.options.retryAfterMs).toBeGreaterThan(2000);
    expect(limited.options.retryAfterMs).toBeLessThanOrEqual(4000);

    server.use(http.post(MICROSOFT_URL, () => new HttpResponse(null, { status: 502 })));
    expect((await rejection(microsoft.translate({ texts: ['x'], from: 'de', to: 'en', signal: liveSignal() }, {}))).kind).toBe('server');

    server.use(http.post(MICROSOFT_URL, () => new HttpResponse(null, { status: 403 })));
    const refused = await rejection(microsoft.translate({ texts: ['x'], from: 'de', to: 'en', signal: liveSignal() }, {}));
    // Issue 12: a keyless endpoint's 403 is "refusing us" (the chain moves on), not a key problem.
    expect(refused.kind).toBe('blocked');
    expect(refused.message).toMatch(/^Microsoft Translator is refusing requests from this network right now/);

    server.use(http.post(MICROSOFT_URL, () => new HttpResponse('[{"translations":', { status: 200 })));
    expect((await rejection(microsoft.translate({ texts: ['x'], from: 'de', to: 'en', signal: liveSignal() }, {}))).kind).toBe('bad-response');
  });
});
