import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProviderQueue } from '../queue';
import { RequestLimiter } from '../rate-limit';
import { TranslateError, type TranslateRequest, type Translation, type Translator } from '../types';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

const live = () => new AbortController().signal;

describe('fair queue (lanes = tabs)', () => {
  it("serves the tab served least lately first: a new tab's first request goes before the heavy tab's backlog", async () => {
    const limiter = new RequestLimiter({ requestsPerSecond: 1000, concurrency: 1 });
    const order: string[] = [];
    const take = async (lane: string, name: string) => {
      const release = await limiter.acquire(live(), { lane });
      order.push(name);
      setTimeout(release, 100); // each request takes 100 ms
    };
    const all = [...Array.from({ length: 10 }, (_, i) => take('tab-A', `A${i}`)), take('tab-B', 'B0'), take('tab-C', 'C0'), take('tab-B', 'B1')];
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(all);
    expect(order.slice(0, 6)).toEqual(['A0', 'B0', 'C0', 'A1', 'B1', 'A2']);
    expect(order).toHaveLength(13);
  });

  it('serves the active tab first', async () => {
    const active = new Set(['tab-B']);
    const limiter = new RequestLimiter({ requestsPerSecond: 1000, concurrency: 1 }, { isUrgent: (lane) => active.has(lane) });
    const order: string[] = [];
    const take = async (lane: string, name: string) => {
      const release = await limiter.acquire(live(), { lane });
      order.push(name);
      setTimeout(release, 100);
    };
    const all = [take('tab-A', 'A0'), take('tab-A', 'A1'), take('tab-A', 'A2'), take('tab-B', 'B0'), take('tab-B', 'B1')];
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(all);
    expect(order).toEqual(['A0', 'B0', 'B1', 'A1', 'A2']);
  });

  it('an aborted waiter leaves its lane without holding up the others', async () => {
    const limiter = new RequestLimiter({ requestsPerSecond: 1000, concurrency: 1 });
    const first = await limiter.acquire(live(), { lane: 'a' });
    const controller = new AbortController();
    const gone = limiter.acquire(controller.signal, { lane: 'b' }).catch((e: unknown) => e);
    const next = limiter.acquire(live(), { lane: 'c' });
    controller.abort();
    expect(await gone).toMatchObject({ kind: 'aborted' });
    expect(limiter.queued).toBe(1);
    first();
    await vi.advanceTimersByTimeAsync(10);
    await expect(next).resolves.toBeTypeOf('function');
  });
});

describe('every wait has a deadline', () => {
  function service(behaviour: (call: number) => Promise<Translation[]>) {
    let calls = 0;
    const translator: Translator = {
      id: 'google',
      label: 'Google Translate',
      limits: { maxTextsPerRequest: 10, maxCharsPerRequest: 1000, requestsPerSecond: 100, concurrency: 2, timeoutMs: 5_000 },
      configFields: [],
      cacheKeyParts: () => [],
      translate: (_request: TranslateRequest) => behaviour(++calls),
    };
    return { translator, calls: () => calls };
  }

  it('Retry-After: 3600 is capped at 60 s and fails now, naming the time, instead of freezing every tab for an hour', async () => {
    const { translator, calls } = service(async (call) => {
      if (call === 1) throw new TranslateError('rate-limit', 'Google Translate is receiving too many requests (HTTP 429).', { status: 429, retryAfterMs: 3_600_000 });
      return [{ text: 'ok' }];
    });
    const queue = createProviderQueue(translator, { random: () => 0 });
    const started = Date.now();
    const error = (await queue.run(['a'], 'de', 'en', {}, live()).catch((e: unknown) => e)) as TranslateError;
    expect(Date.now() - started, 'no wait').toBe(0);
    expect(error).toMatchObject({ kind: 'rate-limit', message: 'Google Translate asks Duet to wait before sending more.' });
    expect(error.options.retryAfterMs).toBe(60_000);
    // Meanwhile another tab's request fails at once too, with the time left (it does not queue for an hour).
    vi.advanceTimersByTime(10_000);
    const second = (await queue.run(['b'], 'de', 'en', {}, live()).catch((e: unknown) => e)) as TranslateError;
    expect(second.options.retryAfterMs).toBe(50_000);
    expect(calls()).toBe(1);
    // The reader's Retry ends the pause: the healed service answers at once.
    queue.resume();
    await expect(queue.run(['c'], 'de', 'en', {}, live())).resolves.toEqual([{ text: 'ok' }]);
  });

  it('a short Retry-After is waited for and retried', async () => {
    const { translator, calls } = service(async (call) => {
      if (call === 1) throw new TranslateError('rate-limit', 'busy', { status: 429, retryAfterMs: 2_000 });
      return [{ text: 'ok' }];
    });
    const queue = createProviderQueue(translator, { random: () => 0 });
    const pending = queue.run(['a'], 'de', 'en', {}, live());
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(pending).resolves.toEqual([{ text: 'ok' }]);
    expect(calls()).toBe(2);
  });
});
