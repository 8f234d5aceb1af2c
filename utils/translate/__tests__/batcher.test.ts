import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatcher, packTexts, splitForLatency, SPLIT_MIN_CHARS, type TextOutcome } from '../batcher';
import { TranslateError, type ProviderId, type ProviderLimits, type Translation } from '../types';

const limits = (overrides: Partial<ProviderLimits> = {}): ProviderLimits => ({
  maxTextsPerRequest: 50,
  maxCharsPerRequest: 5000,
  requestsPerSecond: 10,
  concurrency: 2,
  timeoutMs: 10_000,
  ...overrides,
});

interface Call {
  providerId: ProviderId;
  texts: string[];
  from: string;
  to: string;
  signal: AbortSignal;
  resolve: (value: Translation[]) => void;
  reject: (error: unknown) => void;
}

/** A provider whose requests the test answers by hand. */
function setup(limit: ProviderLimits = limits()) {
  const calls: Call[] = [];
  const execute = vi.fn((providerId: ProviderId, texts: string[], from: string, to: string, signal: AbortSignal) => {
    return new Promise<Translation[]>((resolve, reject) => calls.push({ providerId, texts, from, to, signal, resolve, reject }));
  });
  const batcher = createBatcher({ execute, getLimits: () => limit, windowMs: 10 });
  const answer = (call: Call | undefined): void => call?.resolve(call.texts.map((t) => ({ text: t.toUpperCase(), detectedLanguage: 'de' })));
  return { batcher, calls, execute, answer };
}

const live = (): AbortSignal => new AbortController().signal;
/** Lets the batching window close and queued promise callbacks run. */
const tick = (ms = 10): Promise<void> => vi.advanceTimersByTimeAsync(ms).then(() => undefined);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('packTexts', () => {
  it('packs greedily in order under both limits', () => {
    const items = [6, 4, 5, 5, 3, 7].map((n) => ({ text: 'x'.repeat(n) }));
    const chunks = packTexts(items, limits({ maxCharsPerRequest: 10 }));
    expect(chunks.map((c) => c.map((i) => i.text.length))).toEqual([[6, 4], [5, 5], [3, 7]]);
    expect(packTexts(items, limits({ maxTextsPerRequest: 4 })).map((c) => c.length)).toEqual([4, 2]);
    // A text longer than the char limit goes alone rather than being lost.
    expect(packTexts([{ text: 'abc' }, { text: 'x'.repeat(20) }, { text: 'd' }], limits({ maxCharsPerRequest: 10 })).map((c) => c.length)).toEqual([1, 1, 1]);
  });
});

describe('batcher', () => {
  it('groups separate asks within the window into one request, in order', async () => {
    const { batcher, calls, answer } = setup();
    const texts = ['eins', 'zwei', 'drei', 'vier', 'fünf'];
    const results = texts.map((t) => batcher.translate('google', 'auto', 'en', t, live()));
    await tick(5);
    expect(calls).toHaveLength(0); // still inside the window
    await tick(5);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ providerId: 'google', texts, from: 'auto', to: 'en' });
    answer(calls[0]);
    expect(await Promise.all(results)).toEqual(texts.map((t) => ({ text: t.toUpperCase(), detectedLanguage: 'de' })));
  });

  it('keeps (provider, from, to) groups apart', async () => {
    const { batcher, calls } = setup();
    void batcher.translate('google', 'auto', 'en', 'a', live());
    void batcher.translate('google', 'auto', 'fr', 'a', live());
    void batcher.translate('deepl', 'auto', 'en', 'a', live());
    void batcher.translate('google', 'de', 'en', 'a', live());
    await tick();
    expect(calls).toHaveLength(4);
  });

  it('over the text limit: the fewest requests, full ones sent without waiting', async () => {
    const { batcher, calls, answer } = setup(limits({ maxTextsPerRequest: 3 }));
    const texts = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const done = batcher.translateMany('google', 'auto', 'en', texts, live(), () => {});
    await tick(0);
    expect(calls.map((c) => c.texts)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
    await tick();
    expect(calls.map((c) => c.texts)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
    calls.forEach(answer);
    await done;
  });

  it('over the char limit: the fewest requests, each within the limit', async () => {
    const { batcher, calls } = setup(limits({ maxCharsPerRequest: 10 }));
    const texts = [6, 4, 5, 5, 3, 7].map((n, i) => String(i).repeat(n));
    void batcher.translateMany('google', 'auto', 'en', texts, live(), () => {});
    await tick();
    expect(calls).toHaveLength(3); // 30 characters, 10 a request: 3 is the minimum
    for (const call of calls) expect(call.texts.join('').length).toBeLessThanOrEqual(10);
    expect(calls.flatMap((c) => c.texts)).toEqual(texts);
  });

  it('translates duplicate texts once and gives every waiter the result', async () => {
    const { batcher, calls, answer } = setup();
    const settled: TextOutcome[][] = [];
    const many = batcher.translateMany('google', 'auto', 'en', ['a', 'b', 'a'], live(), (o) => settled.push(o));
    const single = batcher.translate('google', 'auto', 'en', 'a', live());
    await tick();
    expect(calls.map((c) => c.texts)).toEqual([['a', 'b']]);
    answer(calls[0]);
    await many;
    expect(await single).toEqual({ text: 'A', detectedLanguage: 'de' });
    expect(settled).toHaveLength(1); // one callback per request
    expect(settled[0]?.map((o) => o.text).sort()).toEqual(['a', 'b']);
  });

  it('shares an in-flight request with a second tab asking for the same text', async () => {
    const { batcher, calls, answer } = setup();
    const tab1 = batcher.translate('google', 'auto', 'en', 'Guten Morgen', live());
    await tick();
    expect(calls).toHaveLength(1);
    const tab2 = batcher.translate('google', 'auto', 'en', 'Guten Morgen', live());
    await tick();
    expect(calls).toHaveLength(1);
    answer(calls[0]);
    expect(await tab1).toEqual(await tab2);
    // Once answered, the text is no longer in flight: a new ask is a new request.
    void batcher.translate('google', 'auto', 'en', 'Guten Morgen', live());
    await tick();
    expect(calls).toHaveLength(2);
  });

  it('drops a text from its batch when all its waiters abort before sending', async () => {
    const { batcher, calls } = setup();
    const a = new AbortController();
    const dropped = batcher.translate('google', 'auto', 'en', 'weg', a.signal);
    const shared = new AbortController();
    const keptBy2 = batcher.translate('google', 'auto', 'en', 'bleibt', shared.signal);
    const keptBy1 = batcher.translate('google', 'auto', 'en', 'bleibt', live());
    a.abort();
    shared.abort();
    await expect(dropped).rejects.toMatchObject({ kind: 'aborted' });
    await expect(keptBy2).rejects.toMatchObject({ kind: 'aborted' });
    await tick();
    expect(calls.map((c) => c.texts)).toEqual([['bleibt']]);
    calls[0]?.resolve([{ text: 'stays' }]);
    expect(await keptBy1).toEqual({ text: 'stays' });
  });

  it('sends nothing when every waiter aborted before the window closed', async () => {
    const { batcher, calls } = setup();
    const a = new AbortController();
    const done = batcher.translateMany('google', 'auto', 'en', ['x', 'y'], a.signal, () => {});
    a.abort();
    await done;
    await tick(50);
    expect(calls).toHaveLength(0);
  });

  it('aborts an in-flight request only when no text in it is wanted any more', async () => {
    const { batcher, calls, answer } = setup();
    const tab1 = new AbortController();
    const tab2 = new AbortController();
    const outcomes1: TextOutcome[] = [];
    const one = batcher.translateMany('google', 'auto', 'en', ['a', 'b'], tab1.signal, (o) => outcomes1.push(...o));
    const two = batcher.translate('google', 'auto', 'en', 'b', tab2.signal);
    await tick();
    expect(calls).toHaveLength(1);
    const signal = calls[0]!.signal;
    tab1.abort();
    await one;
    expect(outcomes1.map((o) => [o.text, o.ok])).toEqual([['a', false], ['b', false]]);
    expect(signal.aborted).toBe(false); // tab 2 still wants 'b'
    // A new asker may still attach to the live request.
    const three = batcher.translate('google', 'auto', 'en', 'a', live());
    await tick();
    expect(calls).toHaveLength(1);
    answer(calls[0]);
    expect(await two).toEqual({ text: 'B', detectedLanguage: 'de' });
    expect(await three).toEqual({ text: 'A', detectedLanguage: 'de' });
  });

  it('aborts the request when every waiter of every text has aborted', async () => {
    const { batcher, calls } = setup();
    const tab1 = new AbortController();
    const tab2 = new AbortController();
    const one = batcher.translate('google', 'auto', 'en', 'a', tab1.signal);
    const two = batcher.translateMany('google', 'auto', 'en', ['a', 'b'], tab2.signal, () => {});
    await tick();
    const signal = calls[0]!.signal;
    tab1.abort();
    expect(signal.aborted).toBe(false);
    tab2.abort();
    expect(signal.aborted).toBe(true);
    await expect(one).rejects.toBeInstanceOf(TranslateError);
    await two;
    // The abandoned request's late answer or error reaches nobody; a new ask starts afresh.
    calls[0]!.reject(new TranslateError('aborted', 'aborted'));
    const again = batcher.translate('google', 'auto', 'en', 'a', live());
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve([{ text: 'fresh' }]);
    expect(await again).toEqual({ text: 'fresh' });
  });

  it('rejects exactly the failed request’s waiters', async () => {
    const { batcher, calls, answer } = setup(limits({ maxTextsPerRequest: 2 }));
    const settled: TextOutcome[][] = [];
    const done = batcher.translateMany('google', 'auto', 'en', ['a', 'b', 'c', 'd'], live(), (o) => settled.push(o));
    const other = batcher.translate('google', 'auto', 'en', 'c', live());
    const victim = batcher.translate('google', 'auto', 'en', 'a', live());
    await tick();
    expect(calls.map((c) => c.texts)).toEqual([['a', 'b'], ['c', 'd']]);
    const failure = new TranslateError('server', 'HTTP 503', { status: 503 });
    calls[0]!.reject(failure);
    answer(calls[1]);
    await done;
    await expect(victim).rejects.toBe(failure);
    expect(await other).toEqual({ text: 'C', detectedLanguage: 'de' });
    const flat = settled.flat();
    expect(flat.filter((o) => !o.ok).map((o) => o.text)).toEqual(['a', 'b']);
    expect(flat.filter((o) => o.ok).map((o) => o.text)).toEqual(['c', 'd']);
    expect(settled).toHaveLength(2);
  });

  it('turns a wrong number of translations into a bad-response error', async () => {
    const { batcher, calls } = setup();
    const a = batcher.translate('google', 'auto', 'en', 'a', live());
    const b = batcher.translate('google', 'auto', 'en', 'b', live());
    await tick();
    calls[0]!.resolve([{ text: 'A' }]);
    await expect(a).rejects.toMatchObject({ kind: 'bad-response' });
    await expect(b).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('settles an already-aborted ask as aborted without a request', async () => {
    const { batcher, calls } = setup();
    const a = new AbortController();
    a.abort();
    await expect(batcher.translate('google', 'auto', 'en', 'a', a.signal)).rejects.toMatchObject({ kind: 'aborted' });
    await tick();
    expect(calls).toHaveLength(0);
  });
});

describe('latency split', () => {
  const para = (n: number, chars: number) => `${n} `.padEnd(chars, 'x');

  it('halves a long burst that fits one request, by characters, keeping order', () => {
    const items = [400, 400, 400, 400, 400].map((c, i) => ({ text: para(i, c) }));
    const parts = splitForLatency(items, limits());
    expect(parts.map((p) => p.length)).toEqual([3, 2]);
    expect(parts.flat()).toEqual(items);
  });

  it('leaves short bursts, single texts and one-slot providers in one request', () => {
    const short = [300, 300, 300].map((c, i) => ({ text: para(i, c) }));
    expect(short.reduce((s, i) => s + i.text.length, 0)).toBeLessThan(SPLIT_MIN_CHARS);
    expect(splitForLatency(short, limits())).toHaveLength(1);
    expect(splitForLatency([{ text: para(0, 4000) }], limits())).toHaveLength(1);
    expect(splitForLatency([{ text: para(0, 900) }, { text: para(1, 900) }], limits({ concurrency: 1 }))).toHaveLength(1);
  });

  it('a long burst on an idle provider goes out as two requests; more work never adds a third', async () => {
    const { batcher, calls, answer } = setup(limits({ maxCharsPerRequest: 3000 }));
    const first = [600, 600, 600].map((c, i) => para(i, c));
    const done = first.map((t) => batcher.translate('google', 'auto', 'de', t, live()));
    await tick();
    expect(calls.map((c) => c.texts.length)).toEqual([2, 1]); // one request's worth, split for speed
    // A burst that needs two requests anyway is packed as tightly as the limits allow.
    const more = [2000, 2000, 1000].map((c, i) => para(10 + i, c));
    const later = more.map((t) => batcher.translate('google', 'auto', 'de', t, live()));
    await tick();
    expect(calls.slice(2).map((c) => c.texts.length)).toEqual([1, 2]);
    calls.forEach(answer);
    await Promise.all([...done, ...later]);
  });

  it('is not used while the provider is busy with this language pair', async () => {
    const { batcher, calls, answer } = setup();
    const busy = batcher.translate('google', 'auto', 'de', 'already on its way', live());
    await tick();
    const burst = [600, 600, 600].map((c, i) => batcher.translate('google', 'auto', 'de', para(i, c), live()));
    await tick();
    expect(calls.map((c) => c.texts.length)).toEqual([1, 3]);
    calls.forEach(answer);
    await Promise.all([busy, ...burst]);
  });
});

describe('latency split and the rate limit', () => {
  it('is skipped when the provider could not start two requests now', async () => {
    const calls: string[][] = [];
    const batcher = createBatcher({
      execute: async (_p, texts) => {
        calls.push(texts);
        return texts.map((text) => ({ text }));
      },
      getLimits: () => limits(),
      canSplit: () => false,
      windowMs: 10,
    });
    const burst = [600, 600, 600].map((c, i) => batcher.translate('google', 'auto', 'de', `${i} `.padEnd(c, 'x'), live()));
    await tick();
    await Promise.all(burst);
    expect(calls.map((c) => c.length)).toEqual([3]);
  });
});
