import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { liveSignal, rejection } from './helpers';
import { google, GOOGLE_BATCH_URL, GOOGLE_SINGLE_URL, GOOGLE_WEB_API_KEY, googleLanguage, resetGoogleState } from '../google';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => resetGoogleState());

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

  it('throws a retryable rate-limit error on 429 without falling back', async () => {
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

  it('a count mismatch is never a wrong pairing: it falls back to one text per request', async () => {
    const singles: string[] = [];
    server.use(
      http.post(GOOGLE_BATCH_URL, () => HttpResponse.json([['only one'], ['de']])),
      http.get(GOOGLE_SINGLE_URL, ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')!;
        singles.push(q);
        return HttpResponse.json([[[`EN(${q})`, q, null, null, 10]], null, 'de']);
      }),
    );
    const result = await google.translate({ texts: ['eins', 'zwei'], from: 'auto', to: 'en', signal: signal() }, {});
    expect(singles).toEqual(['eins', 'zwei']);
    expect(result).toEqual([
      { text: 'EN(eins)', detectedLanguage: 'de' },
      { text: 'EN(zwei)', detectedLanguage: 'de' },
    ]);
  });
});

describe('google single endpoint fallback', () => {
  it('on 403 from the batch endpoint, sends the exact GET and joins sentences', async () => {
    let url: URL | undefined;
    server.use(
      http.post(GOOGLE_BATCH_URL, () => HttpResponse.json({ error: { code: 403, message: 'The request is missing a valid API key.' } }, { status: 403 })),
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
    const result = await google.translate({ texts: ['Die Sonne scheint. Es ist warm.'], from: 'auto', to: 'en', signal: signal() }, {});
    expect(url?.origin + url!.pathname).toBe(GOOGLE_SINGLE_URL);
    expect(Object.fromEntries(url!.searchParams)).toEqual({ client: 'gtx', sl: 'auto', tl: 'en', dt: 't', q: 'Die Sonne scheint. Es ist warm.' });
    expect(result).toEqual([{ text: 'The sun is shining. It is warm.', detectedLanguage: 'de' }]);
  });

  it('after a non-retryable batch failure, skips the batch endpoint for a while', async () => {
    let batchCalls = 0;
    server.use(
      http.post(GOOGLE_BATCH_URL, () => {
        batchCalls += 1;
        return new HttpResponse('not json', { status: 200 });
      }),
      http.get(GOOGLE_SINGLE_URL, () => HttpResponse.json([[['Hi', 'Hallo']], null, 'de'])),
    );
    await google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {});
    await google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {});
    expect(batchCalls).toBe(1);
  });

  it('reports a reader-facing error when both endpoints refuse', async () => {
    server.use(
      http.post(GOOGLE_BATCH_URL, () => new HttpResponse(null, { status: 404 })),
      http.get(GOOGLE_SINGLE_URL, () => new HttpResponse('<html>Forbidden</html>', { status: 403 })),
    );
    const error = await rejection(google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {}));
    expect(error.kind).toBe('auth');
    expect(error.options.status).toBe(403);
    expect(error.message).toMatch(/Google Translate refused the request \(HTTP 403\)\. Google may be blocking/);
  });

  it('rejects a malformed single answer as bad-response', async () => {
    server.use(
      http.post(GOOGLE_BATCH_URL, () => new HttpResponse(null, { status: 400 })),
      http.get(GOOGLE_SINGLE_URL, () => HttpResponse.json({ sentences: 'nope' })),
    );
    const error = await rejection(google.translate({ texts: ['Hallo'], from: 'auto', to: 'en', signal: signal() }, {}));
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
