import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { withMemoryTier } from '../memory-tier';
import { openTranslationCache } from '../translation-cache';

let db = 0;
const open = () => openTranslationCache({ maxBytes: 1_000_000, dbName: `memory-tier-${db++}` });

describe('withMemoryTier', () => {
  it('answers recent keys from memory and the rest from IndexedDB', async () => {
    const disk = await open();
    await disk.putMany([{ key: 'old', text: 'from disk' }]);
    const cache = withMemoryTier(disk);
    await cache.putMany([{ key: 'new', text: 'fresh', detectedLanguage: 'de' }]);
    const diskGet = vi.spyOn(disk, 'getMany');
    const found = await cache.getMany(['new', 'old', 'none']);
    expect(Object.fromEntries(found)).toEqual({ new: { text: 'fresh', detectedLanguage: 'de' }, old: { text: 'from disk' } });
    // Only the keys memory did not have were looked up on the critical path (plus the refresh of 'new').
    expect(diskGet.mock.calls).toContainEqual([['old', 'none']]);
    diskGet.mockClear();
    await cache.getMany(['old']);
    expect(diskGet.mock.calls).toEqual([[['old']]]); // now a memory hit; the call is the LRU refresh
  });

  it('keeps only the most recently used entries in memory', async () => {
    const disk = await open();
    const cache = withMemoryTier(disk, 2);
    await cache.putMany([{ key: 'a', text: 'A' }, { key: 'b', text: 'B' }]);
    await cache.getMany(['a']); // a is now more recent than b
    await cache.putMany([{ key: 'c', text: 'C' }]); // b leaves memory (still on disk)
    const diskGet = vi.spyOn(disk, 'getMany');
    expect((await cache.getMany(['b'])).get('b')).toEqual({ text: 'B' });
    expect(diskGet.mock.calls[0]).toEqual([['b']]);
  });

  it('clear empties both tiers', async () => {
    const cache = withMemoryTier(await open());
    await cache.putMany([{ key: 'a', text: 'A' }]);
    await cache.clear();
    expect((await cache.getMany(['a'])).size).toBe(0);
    expect((await cache.stats()).entries).toBe(0);
  });
});
