import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRetryAfter } from '../http';
import { createProviderQueue, createProviderQueues, splitByLimits } from '../queue';
import { TranslateError, type ProviderLimits, type TranslateRequest, type Translation, type Translator } from '../types';

const LIMITS: ProviderLimits = { maxTextsPerRequest: 10, maxCharsPerRequest: 1000, requestsPerSecond: 100, concurrency: 10, timeoutMs: 5_000 };
const noJitter = () => 0;

/** A translator whose behaviour per call is scripted; records when each call started. */
function scripted(limits: Partial<ProviderLimits>, behaviour: (request: TranslateRequest, call: number) => Promise<Translation[]>) {
  const calls: { at: number; request: TranslateRequest }[] = [];
  const translator: Translator = {
    id: 'google',
    label: 'Test service',
    limits: { ...LIMITS, ...limits },
    configFields: [],
    cacheKeyParts: () => [],
    translate(request) {
      calls.push({ at: Date.now(), request });
      return behaviour(request, calls.length);
    },
  };
  return { translator, calls };
}

const echo = (request: TranslateRequest) => Promise.resolve(request.texts.map((t) => ({ text: `EN:${t}` })));
const live = () => new AbortController().signal;

/** Settles a promise into a value so fake-timer tests can assert on rejections without unhandled warnings. */
function settle<T>(promise: Promise<T>) {
  const state: { value?: T; error?: TranslateError; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: TranslateError) => Object.assign(state, { error, done: true }),
  );
  return state;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => vi.useRealTimers());

describe('limits', () => {
  it('paces starts to requestsPerSecond on average, letting a first burst of `concurrency` start together', async () => {
    const { translator, calls } = scripted({ requestsPerSecond: 2, concurrency: 2 }, echo);
    const queue = createProviderQueue(translator, { random: noJitter });
    const runs = ['a', 'b', 'c', 'd', 'e'].map((t) => settle(queue.run([t], 'de', 'en', {}, live())));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.at)).toEqual([0, 0]); // the first screen's requests go together
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((c) => c.at)).toEqual([0, 0, 500, 1000, 1500]); // then one every 1000/rps ms
    expect(runs.map((r) => r.value?.[0]?.text)).toEqual(['EN:a', 'EN:b', 'EN:c', 'EN:d', 'EN:e']);
  });

  it('never has more than `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const { translator, calls } = scripted({ concurrency: 2 }, async (request) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 100));
      inFlight -= 1;
      return echo(request);
    });
    const queue = createProviderQueue(translator);
    const runs = Array.from({ length: 6 }, (_, i) => settle(queue.run([`t${i}`], 'de', 'en', {}, live())));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(6);
    expect(peak).toBe(2);
    expect(runs.every((r) => r.done && r.value)).toBe(true);
  });

  it('splits defensively when a caller passes more than the limits, keeping order', async () => {
    const { translator, calls } = scripted({ maxTextsPerRequest: 2, maxCharsPerRequest: 8 }, echo);
    const queue = createProviderQueue(translator);
    const run = settle(queue.run(['aaaa', 'bbbb', 'cccc', 'dd', 'e'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.request.texts)).toEqual([['aaaa', 'bbbb'], ['cccc', 'dd'], ['e']]);
    expect(run.value?.map((t) => t.text)).toEqual(['EN:aaaa', 'EN:bbbb', 'EN:cccc', 'EN:dd', 'EN:e']);
    expect(splitByLimits(['x'.repeat(50), 'y'], { maxTextsPerRequest: 5, maxCharsPerRequest: 10 })).toEqual([['x'.repeat(50)], ['y']]);
  });

  it('shares one queue per provider id within one registry (no module state: each registry is its own)', () => {
    const { translator } = scripted({}, echo);
    const queues = createProviderQueues();
    expect(queues.get(translator)).toBe(queues.get(translator));
    expect(createProviderQueues().get(translator)).not.toBe(queues.get(translator));
  });
});

describe('retries', () => {
  it('honours Retry-After on 429 and holds back other callers meanwhile', async () => {
    const { translator, calls } = scripted({}, (request, call) =>
      call === 1 ? Promise.reject(new TranslateError('rate-limit', 'slow down', { status: 429, retryAfterMs: 3000 })) : echo(request),
    );
    const queue = createProviderQueue(translator, { random: noJitter });
    const first = settle(queue.run(['a'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(0);
    const second = settle(queue.run(['b'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(2999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => [c.at, c.request.texts[0]])).toEqual([
      [0, 'a'],
      [3000, 'b'],
      [3000, 'a'], // the retry's own backoff (10 ms) ended inside the pause; both go when it ends
    ]);
    expect(first.value).toEqual([{ text: 'EN:a' }]);
    expect(second.value).toEqual([{ text: 'EN:b' }]);
  });

  it('backs off exponentially on 5xx and gives up after 3 attempts', async () => {
    const { translator, calls } = scripted({}, () => Promise.reject(new TranslateError('server', 'oops', { status: 503 })));
    const queue = createProviderQueue(translator, { random: noJitter });
    const run = settle(queue.run(['a'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(10_000);
    // equal jitter with random()=0: half of 500·2^(n-1)
    expect(calls.map((c) => c.at)).toEqual([0, 250, 750]);
    expect(run.error?.kind).toBe('server');
  });

  it('gives up at once when Retry-After exceeds the total retry budget', async () => {
    const { translator, calls } = scripted({}, () => Promise.reject(new TranslateError('rate-limit', 'later', { retryAfterMs: 120_000 })));
    const run = settle(createProviderQueue(translator).run(['a'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(run.error?.kind).toBe('rate-limit');
  });

  it.each(['auth', 'quota', 'unsupported'] as const)('does not retry %s errors', async (kind) => {
    const { translator, calls } = scripted({}, () => Promise.reject(new TranslateError(kind, `${kind} failed`)));
    const run = settle(createProviderQueue(translator).run(['a'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(run.error?.kind).toBe(kind);
    expect(run.error?.message).toBe(`${kind} failed`);
  });

  it('treats a wrong number of translations as bad-response, never a pairing, and does not retry', async () => {
    const { translator, calls } = scripted({}, () => Promise.resolve([{ text: 'one' }]));
    const run = settle(createProviderQueue(translator).run(['a', 'b'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    expect(run.error?.kind).toBe('bad-response');
  });
});

describe('timeouts and aborts', () => {
  it('times out a request that never answers (even if it ignores its signal), then retries', async () => {
    const signals: AbortSignal[] = [];
    const { translator, calls } = scripted({ timeoutMs: 1000 }, (request) => {
      signals.push(request.signal);
      return new Promise<never>(() => undefined);
    });
    const run = settle(createProviderQueue(translator, { random: noJitter }).run(['a'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(999);
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(signals[0]?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.map((c) => c.at)).toEqual([0, 1250, 2750]);
    expect(run.error?.kind).toBe('timeout');
    expect(run.error?.message).toMatch(/did not answer within 1 second\./);
  });

  it('rejects with aborted when the caller aborts while waiting in the queue', async () => {
    const { translator, calls } = scripted({ concurrency: 1 }, () => new Promise<never>(() => undefined));
    const queue = createProviderQueue(translator);
    settle(queue.run(['busy'], 'de', 'en', {}, live()));
    const controller = new AbortController();
    const queued = settle(queue.run(['waiting'], 'de', 'en', {}, controller.signal));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(queued.error?.kind).toBe('aborted');
    expect(calls.map((c) => c.request.texts[0])).toEqual(['busy']);
  });

  it('rejects with aborted when the caller aborts during the request or the backoff', async () => {
    const { translator, calls } = scripted({}, (_, call) =>
      call === 1 ? Promise.reject(new TranslateError('server', 'oops')) : new Promise<never>(() => undefined),
    );
    const queue = createProviderQueue(translator, { random: noJitter });
    const duringBackoff = new AbortController();
    const a = settle(queue.run(['a'], 'de', 'en', {}, duringBackoff.signal));
    await vi.advanceTimersByTimeAsync(100);
    duringBackoff.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.error?.kind).toBe('aborted');
    expect(calls).toHaveLength(1);

    const duringRequest = new AbortController();
    const b = settle(queue.run(['b'], 'de', 'en', {}, duringRequest.signal));
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(2);
    duringRequest.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.error?.kind).toBe('aborted');
    expect(calls[1]?.request.signal.aborted).toBe(true);
  });

  it('rejects at once for an already-aborted signal', async () => {
    const { translator, calls } = scripted({}, echo);
    const controller = new AbortController();
    controller.abort();
    await expect(createProviderQueue(translator).run(['a'], 'de', 'en', {}, controller.signal)).rejects.toMatchObject({ kind: 'aborted' });
    expect(calls).toHaveLength(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', 10_000)).toBe(20_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:01 GMT', 10_000)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('canStartNow', () => {
  it('tells whether requests could start at once, without waiting on slots or the rate', async () => {
    const { translator } = scripted({ requestsPerSecond: 2, concurrency: 2 }, (request) => new Promise((r) => setTimeout(() => r(echo(request)), 100)));
    const queue = createProviderQueue(translator, { random: noJitter });
    expect(queue.canStartNow(2)).toBe(true);
    expect(queue.canStartNow(3)).toBe(false); // more than the provider's concurrency
    const run = settle(queue.run(['a'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.canStartNow(2)).toBe(false); // one slot and one start token used
    expect(queue.canStartNow(1)).toBe(true);
    await vi.advanceTimersByTimeAsync(500); // the request is done and the token is back
    expect(queue.canStartNow(2)).toBe(true);
    expect(run.done).toBe(true);
  });
});

describe('429 pause', () => {
  it('holds back every other caller even when this request gives up (Retry-After beyond the retry budget)', async () => {
    const { translator, calls } = scripted({ concurrency: 1 }, (request, call) =>
      call === 1 ? Promise.reject(new TranslateError('rate-limit', 'later', { status: 429, retryAfterMs: 60_000 })) : echo(request),
    );
    const queue = createProviderQueue(translator, { random: noJitter });
    const first = settle(queue.run(['a'], 'de', 'en', {}, live()));
    const second = settle(queue.run(['b'], 'de', 'en', {}, live()));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.error?.kind).toBe('rate-limit');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(1); // 'b' did not walk into the limit
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.map((c) => c.request.texts[0])).toEqual(['a', 'b']);
    expect(second.value).toEqual([{ text: 'EN:b' }]);
  });
});
