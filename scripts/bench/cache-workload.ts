import { cacheKey } from '../../utils/cache/key';
import { openTranslationCache } from '../../utils/cache/translation-cache';

/**
 * The cache figures' workload, run against the product's own cache module (utils/cache): in Node
 * over fake-indexeddb, and bundled into the extension's service worker over Chromium's real
 * IndexedDB. Writes `texts.length` translations under real cache keys in a database of its own
 * (never the reader's cache), then times lookups: all keys in one call, and one key a call.
 */
export interface CacheWorkloadResult {
  units: number;
  putMs: number;
  /** One getMany with every key. */
  batchLookupMs: number;
  /** `units` getMany calls of one key each, one after another. */
  singleLookupsMs: number;
  hits: number;
  /** The cache's own byte estimate (what its size cap counts). */
  cacheBytes: number;
  /** navigator.storage.estimate() usage growth across the writes, where available. */
  storageDeltaBytes?: number;
}

async function usage(): Promise<number | undefined> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ usage?: number }> } } }).navigator?.storage;
  if (!storage?.estimate) return undefined;
  return (await storage.estimate()).usage;
}

export async function runCacheWorkload(texts: readonly string[], dbName: string): Promise<CacheWorkloadResult> {
  const cache = await openTranslationCache({ maxBytes: 512 * 1024 * 1024, dbName });
  try {
    const keys = await Promise.all(texts.map((text) => cacheKey({ provider: 'google', providerParts: ['web-v1'], from: 'auto', to: 'de', text })));
    const before = await usage();
    let t = performance.now();
    await cache.putMany(texts.map((text, i) => ({ key: keys[i]!, text: `⟪de⟫ ${text}`, detectedLanguage: 'en' })));
    const putMs = performance.now() - t;
    const after = await usage();
    t = performance.now();
    const found = await cache.getMany(keys);
    const batchLookupMs = performance.now() - t;
    t = performance.now();
    for (const key of keys) await cache.getMany([key]);
    const singleLookupsMs = performance.now() - t;
    const stats = await cache.stats();
    return {
      units: texts.length,
      putMs,
      batchLookupMs,
      singleLookupsMs,
      hits: found.size,
      cacheBytes: stats.bytes,
      storageDeltaBytes: before === undefined || after === undefined ? undefined : after - before,
    };
  } finally {
    await cache.clear();
    cache.close();
  }
}
