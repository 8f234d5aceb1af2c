import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTranslationCache, type TranslationCache } from '../../cache/translation-cache';
import { createBatcher } from '../batcher';
import { createTranslationService, type UnitResult } from '../service';
import type { ProviderLimits, Translator } from '../types';

const limits: ProviderLimits = { maxTextsPerRequest: 20, maxCharsPerRequest: 5000, requestsPerSecond: 10, concurrency: 2, timeoutMs: 5000 };
let cache: TranslationCache;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  cache = await openTranslationCache({ maxBytes: 10_000_000, dbName: 'dedup-test' });
});
afterEach(() => cache.close());

function setup(latencyMs: number) {
  const sent: string[] = [];
  const translator: Translator = { id: 'google', label: 'Fake', limits, configFields: [], cacheKeyParts: () => [], translate: () => Promise.reject(new Error('unused')) };
  const batcher = createBatcher({
    execute: async (_id, texts) => {
      sent.push(...texts);
      await new Promise((r) => setTimeout(r, latencyMs));
      return texts.map((t) => ({ text: `EN(${t})`, detectedLanguage: 'de' }));
    },
    getLimits: () => limits,
    windowMs: 1,
  });
  const service = createTranslationService({ cache, batcher, getTranslator: () => translator, getConfig: async () => ({}) });
  const tab = (texts: string[], site = 'https://news.example', delayMs = 0) =>
    new Promise<UnitResult[]>((resolve) => {
      const results: UnitResult[] = [];
      setTimeout(() => {
        void service
          .translateUnits({
            providerId: 'google',
            from: 'auto',
            to: 'en',
            site,
            units: texts.map((text, i) => ({ id: `u${i}`, text })),
            signal: new AbortController().signal,
            onResults: (r) => results.push(...r),
            onError: () => {},
          })
          .then(() => resolve(results));
      }, delayMs);
    });
  return { sent, tab };
}

const article = Array.from({ length: 50 }, (_, i) => `Absatz Nummer ${i} über die Lage.`);

describe('in-flight de-duplication across tabs', () => {
  it('ten tabs of one article, opened a few ms apart, send each distinct text once', async () => {
    const { sent, tab } = setup(30);
    const tabs = await Promise.all(Array.from({ length: 10 }, (_, i) => tab(article, 'https://news.example', i * 7)));
    expect(sent.length).toBe(50);
    expect(new Set(sent).size).toBe(50);
    for (const results of tabs) expect(results.map((r) => r.text).sort()).toEqual(article.map((t) => `EN(${t})`).sort());
  });

  it('does not share across top-level sites (no answer crosses from one site to another)', async () => {
    const { sent, tab } = setup(10);
    await Promise.all([tab(article.slice(0, 5), 'https://a.example'), tab(article.slice(0, 5), 'https://b.example')]);
    expect(sent.length).toBe(10);
  });
});
