import type { DBSchema } from 'idb';

/**
 * The translation cache's IndexedDB schema, in one place with one version (STYLE.md §9).
 * Bump `CACHE_DB_VERSION` and add a step to `upgradeCacheDb` for any change to stores or indexes.
 */
export const CACHE_DB_NAME = 'duet-translation-cache';
/** 2: keys partitioned by top-level site (key.ts); version 1's unpartitioned entries are dropped. */
export const CACHE_DB_VERSION = 2;

export const TRANSLATIONS_STORE = 'translations';
export const META_STORE = 'meta';
export const BY_LAST_USED = 'by-lastUsed';
/** Key of the running totals record in `META_STORE`. */
export const TOTALS_KEY = 'totals';

/** One cached translation as stored. */
export interface CacheRecord {
  /** Hex SHA-256 from `cacheKey()`. */
  key: string;
  text: string;
  detectedLanguage?: string;
  /** Epoch ms of the last write or hit; the LRU order. */
  lastUsed: number;
  /** Estimated bytes this record costs (see `estimateRecordBytes`), kept so eviction needn't recompute. */
  bytes: number;
}

/** Running totals, updated in the same transaction as every write, so stats and eviction never scan. */
export interface CacheTotals {
  entries: number;
  bytes: number;
}

export interface CacheDb extends DBSchema {
  [TRANSLATIONS_STORE]: {
    key: string;
    value: CacheRecord;
    indexes: { [BY_LAST_USED]: number };
  };
  [META_STORE]: {
    key: string;
    value: CacheTotals;
  };
}

/**
 * Fixed cost per record besides its strings: the `lastUsed` and `bytes` numbers, the index entry
 * (lastUsed + primary key again) and structured-clone / LevelDB framing. A deliberate over-estimate:
 * the cap is a promise to the reader, better kept on the safe side.
 */
const RECORD_OVERHEAD_BYTES = 96;

/**
 * What Chromium's IndexedDB really uses on disk per record, relative to the strings' UTF-16 size:
 * `npm run bench` measured 2,116–2,208 KB of storage growth per 1,000 cached units that this estimate
 * without the factor counted as 1,137 KB (LevelDB logs, compaction slack, the index). The cap is the
 * reader's disk, so count what the disk holds.
 */
const DISK_FACTOR = 2;

/** Bytes a record is counted as: strings as UTF-16 (2 bytes a code unit), the key twice (record + index). */
export function estimateRecordBytes(record: Pick<CacheRecord, 'key' | 'text' | 'detectedLanguage'>): number {
  const chars = record.key.length * 2 + record.text.length + (record.detectedLanguage?.length ?? 0);
  return (chars * 2 + RECORD_OVERHEAD_BYTES) * DISK_FACTOR;
}

type UpgradeCallback = NonNullable<import('idb').OpenDBCallbacks<CacheDb>['upgrade']>;
type UpgradeDb = Parameters<UpgradeCallback>[0];
type UpgradeTransaction = Parameters<UpgradeCallback>[3];

/** Schema steps by version; each `if` brings an older database up by one version. */
export function upgradeCacheDb(db: UpgradeDb, oldVersion: number, transaction?: UpgradeTransaction): void {
  if (oldVersion < 1) {
    const translations = db.createObjectStore(TRANSLATIONS_STORE, { keyPath: 'key' });
    translations.createIndex(BY_LAST_USED, 'lastUsed');
    db.createObjectStore(META_STORE);
  }
  if (oldVersion >= 1 && oldVersion < 2 && transaction) {
    // Version 1 keys were shared by every site: a page could learn by timing what the reader read on
    // another site. They never match a version 2 key, so keeping them would only hold disk until the
    // LRU got to them: drop them and the totals with them, in the upgrade's own transaction.
    void transaction.objectStore(TRANSLATIONS_STORE).clear();
    void transaction.objectStore(META_STORE).delete(TOTALS_KEY);
  }
}
