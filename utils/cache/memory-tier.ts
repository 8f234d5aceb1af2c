import type { CachedTranslation, CacheEntry, TranslationCache } from './translation-cache';

/** Entries kept in memory: a few long articles' worth (about 1 KB each), small for a service worker. */
export const MEMORY_TIER_ENTRIES = 2_000;

/**
 * A small in-memory LRU in front of the IndexedDB cache. A reader who reloads, switches tabs back or
 * opens the next page of a series gets hits without an IndexedDB transaction on the way to the first
 * paragraph; IndexedDB still holds everything and its last-used times are refreshed off that path.
 * Lives as long as the service worker (the browser stops idle workers; the disk tier remains).
 */
export function withMemoryTier(disk: TranslationCache, maxEntries = MEMORY_TIER_ENTRIES): TranslationCache {
  const memory = new Map<string, CachedTranslation>();

  const remember = (key: string, value: CachedTranslation): void => {
    memory.delete(key); // re-insert: Map order is the LRU order
    memory.set(key, value);
    if (memory.size > maxEntries) memory.delete(memory.keys().next().value!);
  };

  return {
    async getMany(keys) {
      const found = new Map<string, CachedTranslation>();
      const missing: string[] = [];
      for (const key of keys) {
        const hit = memory.get(key);
        if (hit) {
          found.set(key, hit);
          remember(key, hit);
        } else missing.push(key);
      }
      if (found.size > 0) {
        // Keep the disk tier's LRU order true to use, without waiting for it.
        void disk.getMany([...found.keys()]).catch((error: unknown) => console.warn('[duet] cache: refresh failed', error));
      }
      if (missing.length > 0) {
        for (const [key, value] of await disk.getMany(missing)) {
          found.set(key, value);
          remember(key, value);
        }
      }
      return found;
    },
    async putMany(entries: CacheEntry[]) {
      for (const { key, text, detectedLanguage } of entries) remember(key, detectedLanguage === undefined ? { text } : { text, detectedLanguage });
      await disk.putMany(entries);
    },
    async clear() {
      memory.clear();
      await disk.clear();
    },
    stats: () => disk.stats(),
    setMaxBytes: (maxBytes) => disk.setMaxBytes(maxBytes),
    close: () => disk.close(),
  };
}

/**
 * Stands in for IndexedDB when it cannot be opened (disk full, a broken profile, a newer version
 * holding it): translation goes on with the memory tier only, rather than failing every paragraph.
 */
export const NO_DISK: TranslationCache = {
  getMany: async () => new Map(),
  putMany: async () => {},
  stats: async () => ({ entries: 0, bytes: 0, maxBytes: 0 }),
  clear: async () => {},
  setMaxBytes: async () => {},
  close: () => {},
};
