import type { Worker } from 'playwright-core';
import { CACHE_DB_NAME, TRANSLATIONS_STORE } from '../../utils/cache/schema';

/**
 * The extension's real cache, read from its service worker: the origin's storage usage
 * (navigator.storage.estimate, which covers IndexedDB) and the number of cached translations,
 * so usage growth across page loads can be put per 1,000 units.
 */
export interface RealCacheState {
  usage: number;
  entries: number;
}

export function readRealCache(sw: Worker): Promise<RealCacheState> {
  return sw.evaluate(
    async ([dbName, store]) => {
      const { usage = 0 } = await navigator.storage.estimate();
      const entries = await new Promise<number>((resolve) => {
        const open = indexedDB.open(dbName);
        open.onupgradeneeded = () => open.transaction?.abort(); // no cache yet: do not create it
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) return (db.close(), resolve(0));
          const count = db.transaction(store).objectStore(store).count();
          count.onsuccess = () => (db.close(), resolve(count.result));
          count.onerror = () => (db.close(), resolve(0));
        };
      });
      return { usage, entries };
    },
    [CACHE_DB_NAME, TRANSLATIONS_STORE] as const,
  );
}

export function bytesPer1000(before: RealCacheState, after: RealCacheState): number | undefined {
  const entries = after.entries - before.entries;
  return entries > 0 ? ((after.usage - before.usage) / entries) * 1000 : undefined;
}
