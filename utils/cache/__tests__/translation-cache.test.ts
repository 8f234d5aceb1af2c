import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey } from '../key';
import { estimateRecordBytes } from '../schema';
import { openTranslationCache, type TranslationCache } from '../translation-cache';

// 'fake-indexeddb/auto' installs the IDB* globals idb needs; a fresh factory per test keeps tests apart.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const opened: TranslationCache[] = [];
afterEach(() => {
  for (const cache of opened.splice(0)) cache.close();
});

async function open(maxBytes = 1_000_000): Promise<TranslationCache> {
  const cache = await openTranslationCache({ maxBytes, dbName: 'test-cache' });
  opened.push(cache);
  return cache;
}

/** Keys shaped like real ones (64 hex chars), so byte estimates match production. */
const key = (i: number): string => i.toString(16).padStart(64, '0');
const sentence = (i: number): string => `Translated sentence number ${i} with some ordinary length to it.`;

describe('translation cache', () => {
  it('returns hits with text and detected language, and leaves misses out', async () => {
    const cache = await open();
    await cache.putMany([
      { key: key(1), text: 'Hello', detectedLanguage: 'de' },
      { key: key(2), text: 'World' },
    ]);
    const found = await cache.getMany([key(1), key(2), key(3)]);
    expect(found.get(key(1))).toEqual({ text: 'Hello', detectedLanguage: 'de' });
    expect(found.get(key(2))).toEqual({ text: 'World' });
    expect(found.has(key(3))).toBe(false);
    expect(found.size).toBe(2);
  });

  it('counts entries and bytes, overwrites without double counting, clears', async () => {
    const cache = await open();
    await cache.putMany([{ key: key(1), text: 'aaaa' }, { key: key(2), text: 'bb' }]);
    const expected =
      estimateRecordBytes({ key: key(1), text: 'aaaa' }) + estimateRecordBytes({ key: key(2), text: 'bb' });
    expect(await cache.stats()).toEqual({ entries: 2, bytes: expected, maxBytes: 1_000_000 });
    await cache.putMany([{ key: key(1), text: 'a' }]);
    const after = await cache.stats();
    expect(after.entries).toBe(2);
    expect(after.bytes).toBe(expected - estimateRecordBytes({ key: key(1), text: 'aaaa' }) + estimateRecordBytes({ key: key(1), text: 'a' }));
    expect((await cache.getMany([key(1)])).get(key(1))?.text).toBe('a');
    await cache.clear();
    expect(await cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect((await cache.getMany([key(1), key(2)])).size).toBe(0);
  });

  it('evicts least recently used first: a recently read entry survives', async () => {
    const perEntry = estimateRecordBytes({ key: key(0), text: sentence(0) });
    // Room for 10 entries (sentence lengths vary by one digit at most; leave slack).
    const cache = await open(perEntry * 10 + 20);
    for (let i = 0; i < 10; i++) await cache.putMany([{ key: key(i), text: sentence(i) }]);
    expect((await cache.stats()).entries).toBe(10);
    // Reading entry 0 makes it the most recently used.
    await cache.getMany([key(0)]);
    await cache.putMany([{ key: key(10), text: sentence(10) }]);
    const found = await cache.getMany(Array.from({ length: 11 }, (_, i) => key(i)));
    expect(found.has(key(0))).toBe(true);
    expect(found.has(key(10))).toBe(true);
    // The oldest untouched entries went first, in order.
    expect(found.has(key(1))).toBe(false);
    const survivors = [...found.keys()];
    const evicted = Array.from({ length: 11 }, (_, i) => key(i)).filter((k) => !survivors.includes(k));
    expect(evicted).toEqual(Array.from({ length: evicted.length }, (_, i) => key(i + 1)));
  });

  it('never stays over the cap, and stats agree with what is stored', async () => {
    const maxBytes = 40_000; // room for one round of 20 (the newest must survive whole)
    const cache = await open(maxBytes);
    for (let round = 0; round < 10; round++) {
      await cache.putMany(Array.from({ length: 20 }, (_, i) => ({ key: key(round * 100 + i), text: sentence(i) })));
      const stats = await cache.stats();
      expect(stats.bytes).toBeLessThanOrEqual(maxBytes);
    }
    const stats = await cache.stats();
    const all = Array.from({ length: 10 }, (_, r) => Array.from({ length: 20 }, (_, i) => key(r * 100 + i))).flat();
    const found = await cache.getMany(all);
    expect(found.size).toBe(stats.entries);
    let bytes = 0;
    for (const [k, v] of found) bytes += estimateRecordBytes({ key: k, text: v.text });
    expect(bytes).toBe(stats.bytes);
    // The newest round is whole.
    for (let i = 0; i < 20; i++) expect(found.has(key(900 + i))).toBe(true);
  });

  it('setMaxBytes evicts down under a smaller cap', async () => {
    const cache = await open();
    await cache.putMany(Array.from({ length: 50 }, (_, i) => ({ key: key(i), text: sentence(i) })));
    const before = await cache.stats();
    await cache.setMaxBytes(Math.floor(before.bytes / 2));
    const after = await cache.stats();
    expect(after.maxBytes).toBe(Math.floor(before.bytes / 2));
    expect(after.bytes).toBeLessThanOrEqual(after.maxBytes);
    expect(after.entries).toBeGreaterThan(0);
    expect(after.entries).toBeLessThan(50);
  });

  it('persists across re-open, totals included', async () => {
    const first = await open();
    await first.putMany([{ key: key(7), text: 'kept', detectedLanguage: 'fr' }]);
    const stats = await first.stats();
    first.close();
    const second = await open();
    expect((await second.getMany([key(7)])).get(key(7))).toEqual({ text: 'kept', detectedLanguage: 'fr' });
    expect(await second.stats()).toEqual(stats);
  });

  // How fast is measured by `npm run bench` (cache-bench.ts), not asserted here: a loaded machine is no test failure.
  it('looks up 1,000 units in one call', async () => {
    const cache = await open(50 * 1024 * 1024);
    const keys = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => cacheKey({ provider: 'google', providerParts: [], from: 'auto', to: 'en', text: sentence(i) })),
    );
    await cache.putMany(keys.map((k, i) => ({ key: k, text: sentence(i), detectedLanguage: 'de' })));
    await cache.getMany(keys); // warm up the JIT
    const runs = 5;
    const started = performance.now();
    for (let r = 0; r < runs; r++) expect((await cache.getMany(keys)).size).toBe(1000);
    const ms = (performance.now() - started) / runs;
    const stats = await cache.stats();
    console.info(
      `[cache bench] getMany(1000 hits): ${ms.toFixed(1)} ms (${Math.round(1000 / (ms / 1000))} lookups/s); ` +
        `estimated bytes per 1,000 entries: ${stats.bytes}`,
    );
  });
});
