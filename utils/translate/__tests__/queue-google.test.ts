import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { google, GOOGLE_BATCH_URL } from '../providers/google';
import { createProviderQueue } from '../queue';
import type { Translator } from '../types';

/** The queue driving the real Google provider over msw (real timers, short delays). */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, maxTotalMs: 5_000 };
const withTimeout = (timeoutMs: number): Translator => ({ ...google, limits: { ...google.limits, timeoutMs } });

describe('queue + google over the wire', () => {
  it('retries a 429 after Retry-After and returns the translations', async () => {
    const seen: number[] = [];
    server.use(
      http.post(GOOGLE_BATCH_URL, () => {
        seen.push(Date.now());
        return seen.length === 1
          ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0.2' } })
          : HttpResponse.json([['Hello', 'World'], ['de', 'de']]);
      }),
    );
    const queue = createProviderQueue(google, { retry: FAST_RETRY, random: () => 0 });
    const result = await queue.run(['Hallo', 'Welt'], 'auto', 'en', {}, new AbortController().signal);
    expect(result).toEqual([
      { text: 'Hello', detectedLanguage: 'de' },
      { text: 'World', detectedLanguage: 'de' },
    ]);
    expect(seen).toHaveLength(2);
    expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(190);
  });

  it('aborts a hanging request at the timeout, retries, then reports a timeout', async () => {
    let requests = 0;
    server.use(
      http.post(GOOGLE_BATCH_URL, async () => {
        requests += 1;
        await delay('infinite');
        return HttpResponse.json([]);
      }),
    );
    const queue = createProviderQueue(withTimeout(60), { retry: FAST_RETRY, random: () => 0 });
    await expect(queue.run(['Hallo'], 'auto', 'en', {}, new AbortController().signal)).rejects.toMatchObject({ kind: 'timeout' });
    expect(requests).toBe(3);
  });

  it("rejects with 'aborted' when the tab no longer needs the result", async () => {
    server.use(
      http.post(GOOGLE_BATCH_URL, async () => {
        await delay('infinite');
        return HttpResponse.json([]);
      }),
    );
    const controller = new AbortController();
    const pending = createProviderQueue(google).run(['Hallo'], 'auto', 'en', {}, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});
