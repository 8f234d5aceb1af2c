import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorInfo } from '../../messaging/protocol';
import { openTranslationCache, type TranslationCache } from '../../cache/translation-cache';
import { createBatcher } from '../batcher';
import { createTranslationService, isSameLanguage, type TranslateJob, type UnitResult } from '../service';
import { TranslateError, type ProviderConfig, type ProviderLimits, type Translation, type Translator } from '../types';

const limits: ProviderLimits = { maxTextsPerRequest: 3, maxCharsPerRequest: 1000, requestsPerSecond: 10, concurrency: 2, timeoutMs: 5000 };

/** A fake provider: "translates" by upper-casing; detects English for texts starting with "EN:". */
function fakeTranslate(texts: string[]): Translation[] {
  return texts.map((t) => (t.startsWith('EN:') ? { text: t, detectedLanguage: 'en' } : { text: `[${t.toUpperCase()}]`, detectedLanguage: 'de' }));
}

let cache: TranslationCache;
let config: ProviderConfig;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  cache = await openTranslationCache({ maxBytes: 10_000_000, dbName: 'service-test' });
  config = { model: 'm1', apiKey: 'secret' };
});
afterEach(() => cache.close());

function setup(execute: (texts: string[]) => Promise<Translation[]> = async (texts) => fakeTranslate(texts)) {
  const requests: string[][] = [];
  const translator: Translator = {
    id: 'deepl',
    label: 'Fake',
    limits,
    configFields: [],
    cacheKeyParts: (c) => [`model=${c.model ?? ''}`],
    translate: () => Promise.reject(new Error('not used: the batcher calls execute')),
  };
  const batcher = createBatcher({
    execute: (_id, texts) => {
      requests.push(texts);
      return execute(texts);
    },
    getLimits: () => limits,
    windowMs: 1,
  });
  const service = createTranslationService({ cache, batcher, getTranslator: () => translator, getConfig: async () => config });
  return { service, requests };
}

/** Runs one job and records every report. */
async function run(service: ReturnType<typeof setup>['service'], units: { id: string; text: string }[], signal = new AbortController().signal) {
  const results: UnitResult[][] = [];
  const errors: { ids: string[]; error: ErrorInfo }[] = [];
  const job: TranslateJob = {
    providerId: 'deepl',
    from: 'auto',
    to: 'en',
    units,
    signal,
    onResults: (r) => results.push(r),
    onError: (ids, error) => errors.push({ ids, error }),
  };
  await service.translateUnits(job);
  return { results, errors, flat: results.flat() };
}

const units = (...texts: string[]) => texts.map((text, i) => ({ id: `u${i}`, text }));

describe('translation service', () => {
  it('translates misses through the batcher, then serves them from the cache in one report', async () => {
    const { service, requests } = setup();
    const first = await run(service, units('eins', 'zwei', 'drei', 'vier'));
    expect(requests).toEqual([['eins', 'zwei', 'drei'], ['vier']]);
    expect(first.results).toHaveLength(2); // one report per request
    expect(first.flat.map((r) => [r.id, r.text, r.cached])).toEqual([
      ['u0', '[EINS]', false],
      ['u1', '[ZWEI]', false],
      ['u2', '[DREI]', false],
      ['u3', '[VIER]', false],
    ]);
    const second = await run(service, units('eins', 'zwei', 'drei', 'vier'));
    expect(requests).toHaveLength(2); // nothing new sent
    expect(second.results).toHaveLength(1);
    expect(second.results[0]).toEqual([
      { id: 'u0', text: '[EINS]', detectedLanguage: 'de', cached: true },
      { id: 'u1', text: '[ZWEI]', detectedLanguage: 'de', cached: true },
      { id: 'u2', text: '[DREI]', detectedLanguage: 'de', cached: true },
      { id: 'u3', text: '[VIER]', detectedLanguage: 'de', cached: true },
    ]);
  });

  it('uses one cache lookup per job and one cache write per request', async () => {
    const { service } = setup();
    const getMany = vi.spyOn(cache, 'getMany');
    const putMany = vi.spyOn(cache, 'putMany');
    await run(service, units('a', 'b', 'c', 'd', 'e'));
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(getMany.mock.calls[0]?.[0]).toHaveLength(5);
    expect(putMany).toHaveBeenCalledTimes(2);
    expect(putMany.mock.calls.map((c) => c[0].length)).toEqual([3, 2]);
  });

  it('reports hits at once and sends only the misses', async () => {
    const { service, requests } = setup();
    await run(service, units('alt'));
    requests.length = 0;
    const { results } = await run(service, [{ id: 'x', text: 'neu' }, { id: 'y', text: 'alt' }]);
    expect(results[0]).toEqual([{ id: 'y', text: '[ALT]', detectedLanguage: 'de', cached: true }]);
    expect(results[1]).toEqual([{ id: 'x', text: '[NEU]', detectedLanguage: 'de', cached: false }]);
    expect(requests).toEqual([['neu']]);
  });

  it('translates identical texts (and whitespace variants) once for every unit', async () => {
    const { service, requests } = setup();
    const { flat } = await run(service, [
      { id: 'a', text: 'Mehr zum Thema' },
      { id: 'b', text: 'Mehr zum Thema' },
      { id: 'c', text: 'Mehr  zum\nThema' },
    ]);
    expect(requests).toEqual([['Mehr zum Thema']]);
    expect(flat.map((r) => [r.id, r.text])).toEqual([
      ['a', '[MEHR ZUM THEMA]'],
      ['b', '[MEHR ZUM THEMA]'],
      ['c', '[MEHR ZUM THEMA]'],
    ]);
  });

  it('keys the cache by provider settings that change output, not by the API key', async () => {
    const { service, requests } = setup();
    await run(service, units('Satz'));
    config = { model: 'm1', apiKey: 'another-secret' };
    await run(service, units('Satz'));
    expect(requests).toHaveLength(1);
    config = { model: 'm2', apiKey: 'secret' };
    await run(service, units('Satz'));
    expect(requests).toHaveLength(2);
  });

  it('reports failures per unit with an ErrorInfo, keeps the other request’s results, caches nothing failed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    const { service, requests } = setup(async (texts) => {
      calls += 1;
      if (calls === 1) throw new TranslateError('auth', 'HTTP 403', { status: 403 });
      return fakeTranslate(texts);
    });
    const { flat, errors } = await run(service, [
      { id: 'a', text: 'eins' },
      { id: 'b', text: 'zwei' },
      { id: 'c', text: 'drei' },
      { id: 'd', text: 'vier' },
      { id: 'e', text: 'eins' },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.ids.sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(errors[0]?.error).toMatchObject({ kind: 'auth', retryable: false });
    // Issue 12: the service's own message is kept (it names the service and says what to do).
    expect(errors[0]?.error.message).toBe('HTTP 403');
    expect(flat.map((r) => r.id)).toEqual(['d']);
    // The failed texts were not cached: a retry asks the provider again.
    const retry = await run(service, units('eins', 'vier'));
    expect(requests.at(-1)).toEqual(['eins']);
    expect(retry.flat.find((r) => r.id === 'u1')).toMatchObject({ cached: true });
  });

  it('marks units already in the target language and keeps their original text, cached or not', async () => {
    const { service } = setup();
    const fresh = await run(service, [{ id: 'en', text: 'EN: Breaking  news' }, { id: 'de', text: 'Eilmeldung' }]);
    expect(fresh.flat.find((r) => r.id === 'en')).toEqual({
      id: 'en',
      text: 'EN: Breaking  news',
      detectedLanguage: 'en',
      cached: false,
      sameLanguage: true,
    });
    expect(fresh.flat.find((r) => r.id === 'de')?.sameLanguage).toBeUndefined();
    const again = await run(service, [{ id: 'en2', text: 'EN: Breaking news' }]);
    expect(again.flat).toEqual([{ id: 'en2', text: 'EN: Breaking news', detectedLanguage: 'en', cached: true, sameLanguage: true }]);
  });

  it('stops reporting once the job is aborted', async () => {
    let release: (() => void) | undefined;
    const { service } = setup((texts) => new Promise((resolve) => (release = () => resolve(fakeTranslate(texts)))));
    const controller = new AbortController();
    const running = run(service, units('eins'), controller.signal);
    await vi.waitFor(() => expect(release).toBeDefined());
    controller.abort();
    release?.();
    const { results, errors } = await running;
    expect(results).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reports every unit as failed when the provider config cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing = createTranslationService({
      cache,
      batcher: createBatcher({ execute: async () => [], getLimits: () => limits }),
      getTranslator: () => {
        throw new TranslateError('unsupported', 'no such provider');
      },
      getConfig: async () => ({}),
    });
    const { errors } = await run(failing, units('a', 'b'));
    expect(errors).toEqual([{ ids: ['u0', 'u1'], error: expect.objectContaining({ kind: 'unsupported' }) }]);
  });
});

describe('translation service at article scale', () => {
  // Speed is the bench's job (npm run bench); this asserts the shape: one lookup answers all 1,000, no request.
  it('serves 1,000 cached units from the cache without a request', async () => {
    const { service, requests } = setup();
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, text: `Absatz ${i}: ein gewöhnlicher Satz aus einem Artikel.` }));
    await run(service, many);
    expect(requests).toHaveLength(334); // 3 texts a request: the fewest the limits allow
    const started = performance.now();
    const { results } = await run(service, many);
    const ms = performance.now() - started;
    console.info(`[service bench] 1,000 cached units: ${ms.toFixed(1)} ms`);
    expect(results).toHaveLength(1);
    expect(results[0]).toHaveLength(1000);
    expect(requests).toHaveLength(334); // none more: all 1,000 came from the cache
  });
});

describe('isSameLanguage', () => {
  it('compares primary subtags case-insensitively, but whole tags for Chinese', () => {
    expect(isSameLanguage('EN', 'en')).toBe(true);
    expect(isSameLanguage('en', 'en-US')).toBe(true);
    expect(isSameLanguage('de', 'en')).toBe(false);
    expect(isSameLanguage(undefined, 'en')).toBe(false);
    expect(isSameLanguage('zh-TW', 'zh-CN')).toBe(false);
    expect(isSameLanguage('zh-CN', 'zh-cn')).toBe(true);
    expect(isSameLanguage('zh', 'zh-TW')).toBe(false);
  });
});
