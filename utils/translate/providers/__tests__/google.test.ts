import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { liveSignal, rejection } from './helpers';
import { google, GOOGLE_BATCH_URL, GOOGLE_SINGLE_URL, GOOGLE_WEB_API_KEY, googleLanguage } from '../google';
import { googleSingle } from '../google-single';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const signal = liveSignal;

describe('google batch endpoint', () => {
  it('sends the exact translateHtml request and parses translations and detected languages', async () => {
    let seen: { method: string; url: string; headers: Headers; body: string } | undefined;
    server.use(
      http.post(GOOGLE_BATCH_URL, async ({ request }) => {
        seen = { method: request.method, url: request.url, headers: request.headers, body: await request.text() };
        return HttpResponse.json([
          ['The chancellor &amp; the minister', 'Prices rose by 3&nbsp;% &lt;b&gt;', 'It&#39;s &#x201C;fine&#8221;'],
          ['de', 'de', 'de'],
        ]);
      }),
    );
    // Issue 11: texts are Duet's markup (already escaped), sent and returned as HTML; the content script rebuilds it.
    const result = await google.translate({ texts: ['Der Kanzler &amp; die Ministerin', 'Preise stiegen um 3 % &lt;b&gt;', 'Es ist „gut“'], from: 'auto', to: 'en', signal: signal() }, {});
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe(GOOGLE_BATCH_URL);
    expect(seen?.headers.get('content-type')).toBe('application/json+protobuf');
    expect(seen?.headers.get('x-goog-api-key')).toBe(GOOGLE_WEB_API_KEY);
    expect(JSON.parse(seen!.body)).toEqual([[['Der Kanzler &amp; die Ministerin', 'Preise stiegen um 3 % &lt;b&gt;', 'Es ist „gut“'], 'auto', 'en'], 'wt_lib']);
    expect(result).toEqual([
      { text: 'The chancellor &amp; the minister', detectedLanguage: 'de' },
      { text: 'Prices rose by 3&nbsp;% &lt;b&gt;', detectedLanguage: 'de' },
      { text: 'It&#39;s &#x201C;fine&#8221;', detectedLanguage: 'de' },
    ]);
  });

  it('keeps the answer as markup (placeholders and <br> included) and maps language codes', async () => {
    let body: unknown;
    server.use(
      http.post(GOOGLE_BATCH_URL, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json([['<b0>Hello</b0><br>world &lt;i&gt;'], ['iw']]);
      }),
    );
    const result = await google.translate({ texts: ['<b0>שלום</b0><br>עולם'], from: 'auto', to: 'zh-tw', signal: signal() }, {});
    expect(body).toEqual([[['<b0>שלום</b0><br>עולם'], 'auto', 'zh-TW'], 'wt_lib']);
    expect(result).toEqual([{ text: '<b0>Hello</b0><br>world &lt;i&gt;', detectedLanguage: 'he' }]);
    expect(googleLanguage('zh')).toBe('zh-CN');
    expect(googleLanguage('pt-br')).toBe('pt-BR');
  });

  it('omits detectedLanguage when the source language was given', async () => {
    server.use(http.post(GOOGLE_BATCH_URL, () => HttpResponse.json([['Hello'], ['de']])));
    expect(await google.translate({ texts: ['Hallo'], from: 'de', to: 'en', signal: signal() }, {})).toEqual([{ text: 'Hello' }]);
  });

  it('throws a retryable rate-limit error on a plain 429', async () => {
    let singleCalls = 0;
    server.use(
      http.post(GOOGLE_BATCH_URL, () => new HttpResponse('Too Many Requests', { status: 429, headers: { 'Retry-After': '7' } })),
      http.get(GOOGLE_SINGLE_URL, () => {
        singleCalls += 1;
        return HttpResponse.json([]);
      }),
    );
    const error = await rejection(google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {}));
    expect(error.kind).toBe('rate-limit');
    expect(error.retryable).toBe(true);
    expect(error.options.retryAfterMs).toBe(7000);
    expect(singleCalls).toBe(0);
  });

  it('throws server errors for 5xx (retryable, no fallback)', async () => {
    server.use(http.post(GOOGLE_BATCH_URL, () => new HttpResponse(null, { status: 503 })));
    const error = await rejection(google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {}));
    expect(error.kind).toBe('server');
  });

  it('a count mismatch is never a wrong pairing: it is an unreadable answer (the chain moves on)', async () => {
    server.use(http.post(GOOGLE_BATCH_URL, () => HttpResponse.json([['only one'], ['de']])));
    const error = await rejection(google.translate({ texts: ['eins', 'zwei'], from: 'auto', to: 'en', signal: signal() }, {}));
    expect(error.kind).toBe('bad-response');
  });

  // Issue 12: a keyless endpoint has no key to reject; 403/404 and a CAPTCHA page mean "refusing us".
  it('calls a 403, a 404 and a 429 CAPTCHA page "blocked", naming Google, never a key problem', async () => {
    for (const [status, body] of [
      [403, '{"error":{"code":403,"message":"The request is missing a valid API key."}}'],
      [404, 'Not Found'],
      [429, '<html><body>Our systems have detected unusual traffic … <form id="captcha-form"></form></body></html>'],
    ] as const) {
      server.use(http.post(GOOGLE_BATCH_URL, () => new HttpResponse(body, { status })));
      const error = await rejection(google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {}));
      expect(error.kind, `HTTP ${status}`).toBe('blocked');
      expect(error.message).toMatch(/^Google Translate is refusing requests from this network right now/);
      expect(error.message).not.toMatch(/key/i);
    }
  });
});

describe('google single endpoint (a step of the fallback chain)', () => {
  it('sends the exact GET with a client id that still works, and joins sentences', async () => {
    let url: URL | undefined;
    server.use(
      http.get(GOOGLE_SINGLE_URL, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json([
          [
            ['The sun is shining. ', 'Die Sonne scheint. ', null, null, 10],
            ['It is warm.', 'Es ist warm.', null, null, 10],
          ],
          null,
          'de',
          null,
          null,
          null,
          1,
        ]);
      }),
    );
    const result = await googleSingle.translate({ texts: ['Die Sonne scheint. Es ist warm.'], from: 'auto', to: 'en', signal: signal() }, {});
    expect(url?.origin + url!.pathname).toBe(GOOGLE_SINGLE_URL);
    expect(Object.fromEntries(url!.searchParams)).toEqual({ client: 'dict-chrome-ex', sl: 'auto', tl: 'en', dt: 't', q: 'Die Sonne scheint. Es ist warm.' });
    expect(result).toEqual([{ text: 'The sun is shining. It is warm.', detectedLanguage: 'de' }]);
  });

  it('sends one text per request, in order', async () => {
    const singles: string[] = [];
    server.use(
      http.get(GOOGLE_SINGLE_URL, ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')!;
        singles.push(q);
        return HttpResponse.json([[[`EN(${q})`, q, null, null, 10]], null, 'de']);
      }),
    );
    const result = await googleSingle.translate({ texts: ['eins', 'zwei'], from: 'auto', to: 'en', signal: signal() }, {});
    expect(singles).toEqual(['eins', 'zwei']);
    expect(result.map((t) => t.text)).toEqual(['EN(eins)', 'EN(zwei)']);
  });

  it('reports a 403 page as blocked, in Google\'s name', async () => {
    server.use(http.get(GOOGLE_SINGLE_URL, () => new HttpResponse('<html>Forbidden</html>', { status: 403 })));
    const error = await rejection(googleSingle.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {}));
    expect(error.kind).toBe('blocked');
    expect(error.options.status).toBe(403);
    expect(error.options.service).toBe('Google Translate');
  });

  it('rejects a malformed single answer as bad-response', async () => {
    server.use(http.get(GOOGLE_SINGLE_URL, () => HttpResponse.json({ sentences: 'nope' })));
    const error = await rejection(googleSingle.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {}));
    expect(error.kind).toBe('bad-response');
  });

  it('maps a failed connection to a retryable network error and an abort to aborted', async () => {
    server.use(http.post(GOOGLE_BATCH_URL, () => HttpResponse.error()));
    expect((await rejection(google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {}))).kind).toBe('network');
    const controller = new AbortController();
    server.use(http.post(GOOGLE_BATCH_URL, () => new Promise<never>(() => undefined)));
    const pending = google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: controller.signal }, {});
    controller.abort();
    expect((await rejection(pending)).kind).toBe('aborted');
  });
});
