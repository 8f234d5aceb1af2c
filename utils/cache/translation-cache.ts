import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  BY_LAST_USED,
  CACHE_DB_NAME,
  CACHE_DB_VERSION,
  META_STORE,
  TOTALS_KEY,
  TRANSLATIONS_STORE,
  estimateRecordBytes,
  upgradeCacheDb,
  type CacheDb,
  type CacheRecord,
  type CacheTotals,
} from './schema';

/**
 * The background's translation cache (DESIGN.md steps 4 and 6): IndexedDB through `idb`, one
 * transaction per batch, least-recently-used eviction under a byte cap.
 *
 * The byte total lives in the `meta` store and changes in the same transaction as the records, so
 * stats are one read and eviction walks only the oldest records (index `by-lastUsed`), never the whole store.
 */
export interface CachedTranslation {
  text: string;
  detectedLanguage?: string;
}

export interface CacheEntry {
  key: string;
  text: string;
  detectedLanguage?: string;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
}

export interface TranslationCache {
  /** Looks every key up in one transaction; each hit's last-used time is refreshed. Misses are absent. */
  getMany(keys: string[]): Promise<Map<string, CachedTranslation>>;
  /** Writes (or overwrites) entries in one transaction, then evicts the oldest if over the cap. */
  putMany(entries: CacheEntry[]): Promise<void>;
  stats(): Promise<CacheStats>;
  clear(): Promise<void>;
  /** Changes the cap (settings `cacheMaxMb`); evicts at once if the cache is now over it. */
  setMaxBytes(maxBytes: number): Promise<void>;
  close(): void;
}

export interface OpenCacheOptions {
  maxBytes: number;
  dbName?: string;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Cache writes need not reach the disk before the next read may start: a translation lost in a crash
 * is simply asked for again. Relaxed durability keeps lookups from queueing behind a disk flush.
 */
const RELAXED = { durability: 'relaxed' } as const;

/** Eviction frees down to this share of the cap, so a full cache doesn't evict on every single write. */
const EVICT_DOWN_TO = 0.9;

type WriteTx = IDBPTransaction<CacheDb, (typeof TRANSLATIONS_STORE | typeof META_STORE)[], 'readwrite'>;

export async function openTranslationCache(options: OpenCacheOptions): Promise<TranslationCache> {
  let maxBytes = options.maxBytes;
  const clock = options.now ?? Date.now;
  let lastStamp = 0;
  /** Strictly increasing per operation, so LRU order is exact even within one millisecond. */
  const stamp = (): number => (lastStamp = Math.max(clock(), lastStamp + 1));

  const db: IDBPDatabase<CacheDb> = await openDB<CacheDb>(options.dbName ?? CACHE_DB_NAME, CACHE_DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, transaction) => upgradeCacheDb(database, oldVersion, transaction),
    // A newer version elsewhere (an updated extension) wants the database: let it have it.
    blocking: () => db.close(),
  });
  await ensureTotals(db);

  async function readTotals(tx: WriteTx): Promise<CacheTotals> {
    return (await tx.objectStore(META_STORE).get(TOTALS_KEY)) ?? { entries: 0, bytes: 0 };
  }

  /** Deletes least-recently-used records until the total is at most `target`. Runs inside `tx`. */
  async function evictTo(tx: WriteTx, totals: CacheTotals, target: number): Promise<void> {
    let cursor = await tx.objectStore(TRANSLATIONS_STORE).index(BY_LAST_USED).openCursor();
    while (cursor && totals.bytes > target) {
      totals.bytes -= cursor.value.bytes;
      totals.entries -= 1;
      await cursor.delete();
      cursor = await cursor.continue();
    }
    if (totals.entries <= 0) Object.assign(totals, { entries: 0, bytes: 0 });
  }

  async function evictIfOver(tx: WriteTx, totals: CacheTotals): Promise<void> {
    if (totals.bytes > maxBytes) await evictTo(tx, totals, Math.floor(maxBytes * EVICT_DOWN_TO));
  }

  return {
    async getMany(keys) {
      const found = new Map<string, CachedTranslation>();
      const unique = [...new Set(keys)];
      if (unique.length === 0) return found;
      const tx = db.transaction(TRANSLATIONS_STORE, 'readwrite', RELAXED);
      const store = tx.store;
      const lastUsed = stamp();
      const records = await Promise.all(unique.map((key) => store.get(key)));
      const refreshes: Promise<unknown>[] = [];
      for (const record of records) {
        if (!record) continue;
        found.set(record.key, toCached(record));
        refreshes.push(store.put({ ...record, lastUsed }));
      }
      // Answer as soon as the reads are in; the last-used refresh commits on its own. Later
      // transactions on the store queue behind this one, so LRU order is still exact.
      void Promise.all([...refreshes, tx.done]).catch((error: unknown) =>
        console.warn('[duet] cache: could not refresh last-used times', error),
      );
      return found;
    },

    async putMany(entries) {
      // Last write wins for a key repeated in one call.
      const byKey = new Map(entries.map((entry) => [entry.key, entry]));
      if (byKey.size === 0) return;
      const tx = db.transaction([TRANSLATIONS_STORE, META_STORE], 'readwrite', RELAXED);
      const store = tx.objectStore(TRANSLATIONS_STORE);
      const lastUsed = stamp();
      const [totals, previous] = await Promise.all([
        readTotals(tx),
        Promise.all([...byKey.keys()].map((key) => store.get(key))),
      ]);
      const writes: Promise<unknown>[] = [];
      let index = 0;
      for (const entry of byKey.values()) {
        const old = previous[index++];
        if (old) {
          totals.bytes -= old.bytes;
          totals.entries -= 1;
        }
        const record: CacheRecord = { key: entry.key, text: entry.text, lastUsed, bytes: 0 };
        if (entry.detectedLanguage !== undefined) record.detectedLanguage = entry.detectedLanguage;
        record.bytes = estimateRecordBytes(record);
        totals.bytes += record.bytes;
        totals.entries += 1;
        writes.push(store.put(record));
      }
      await Promise.all(writes);
      await evictIfOver(tx, totals);
      await tx.objectStore(META_STORE).put(totals, TOTALS_KEY);
      await tx.done;
    },

    async stats() {
      const totals = (await db.get(META_STORE, TOTALS_KEY)) ?? { entries: 0, bytes: 0 };
      return { entries: totals.entries, bytes: totals.bytes, maxBytes };
    },

    async clear() {
      const tx = db.transaction([TRANSLATIONS_STORE, META_STORE], 'readwrite');
      await Promise.all([
        tx.objectStore(TRANSLATIONS_STORE).clear(),
        tx.objectStore(META_STORE).put({ entries: 0, bytes: 0 }, TOTALS_KEY),
        tx.done,
      ]);
    },

    async setMaxBytes(next) {
      maxBytes = next;
      const tx = db.transaction([TRANSLATIONS_STORE, META_STORE], 'readwrite');
      const totals = await readTotals(tx);
      if (totals.bytes > maxBytes) {
        await evictIfOver(tx, totals);
        await tx.objectStore(META_STORE).put(totals, TOTALS_KEY);
      }
      await tx.done;
    },

    close() {
      db.close();
    },
  };
}

function toCached(record: CacheRecord): CachedTranslation {
  return record.detectedLanguage === undefined
    ? { text: record.text }
    : { text: record.text, detectedLanguage: record.detectedLanguage };
}

/**
 * The totals record is written with every change; if it is missing (a fresh database, or one whose
 * meta record was lost) rebuild it with a single scan, once, at open.
 */
async function ensureTotals(db: IDBPDatabase<CacheDb>): Promise<void> {
  const tx = db.transaction([TRANSLATIONS_STORE, META_STORE], 'readwrite');
  const meta = tx.objectStore(META_STORE);
  if ((await meta.get(TOTALS_KEY)) === undefined) {
    const totals: CacheTotals = { entries: 0, bytes: 0 };
    let cursor = await tx.objectStore(TRANSLATIONS_STORE).openCursor();
    while (cursor) {
      totals.entries += 1;
      totals.bytes += cursor.value.bytes;
      cursor = await cursor.continue();
    }
    await meta.put(totals, TOTALS_KEY);
  }
  await tx.done;
}
