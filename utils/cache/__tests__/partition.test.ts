import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { cacheKey } from '../key';
import { BY_LAST_USED, META_STORE, TOTALS_KEY, TRANSLATIONS_STORE } from '../schema';
import { topLevelSite } from '../site';
import { openTranslationCache } from '../translation-cache';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('cache partitioned by top-level site', () => {
  it('partitions by scheme and host (finer than browsers\' sites: never leaks more)', () => {
    expect(topLevelSite('https://www.example.co.uk/news/1?x#y')).toBe('https://www.example.co.uk');
    expect(topLevelSite('https://www.example.co.uk:8443/other')).toBe('https://www.example.co.uk');
    expect(topLevelSite('http://www.example.co.uk/')).toBe('http://www.example.co.uk');
    expect(topLevelSite('https://bob.github.io/a')).not.toBe(topLevelSite('https://alice.github.io/a'));
    expect(topLevelSite('http://127.0.0.1:8080/page')).toBe('http://127.0.0.1');
    expect(topLevelSite('chrome-extension://abc/options.html')).toBe('');
    expect(topLevelSite(undefined)).toBe('');
    expect(topLevelSite('not a url')).toBe('');
  });

  it('gives the same text on two sites two keys, and one key within a site', async () => {
    const base = { provider: 'google', providerParts: ['web-v1'], from: 'auto', to: 'en', text: 'Der Bundestag hat abgestimmt.' };
    const a = await cacheKey({ ...base, site: 'https://a.example' });
    expect(await cacheKey({ ...base, site: 'https://a.example' })).toBe(a);
    expect(await cacheKey({ ...base, site: 'https://b.example' })).not.toBe(a);
    expect(await cacheKey(base)).not.toBe(a);
  });

  it('migrates a version 1 database by dropping its unpartitioned entries (they could leak across sites)', async () => {
    const v1 = await openDB('migrate-test', 1, {
      upgrade(db) {
        db.createObjectStore(TRANSLATIONS_STORE, { keyPath: 'key' }).createIndex(BY_LAST_USED, 'lastUsed');
        db.createObjectStore(META_STORE);
      },
    });
    await v1.put(TRANSLATIONS_STORE, { key: 'k1', text: 'Hello', lastUsed: 1, bytes: 500 });
    await v1.put(META_STORE, { entries: 1, bytes: 500 }, TOTALS_KEY);
    v1.close();

    const cache = await openTranslationCache({ maxBytes: 1_000_000, dbName: 'migrate-test' });
    expect((await cache.getMany(['k1'])).size).toBe(0);
    expect(await cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    await cache.putMany([{ key: 'k2', text: 'World' }]);
    expect((await cache.getMany(['k2'])).get('k2')).toEqual({ text: 'World' });
    cache.close();
  });
});
