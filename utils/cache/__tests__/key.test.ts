import { describe, expect, it } from 'vitest';
import { cacheKey, normaliseText, type CacheKeyParts } from '../key';

const base: CacheKeyParts = {
  provider: 'deepl',
  providerParts: ['model=quality'],
  from: 'de',
  to: 'en',
  text: 'Der Bundestag hat am Donnerstag abgestimmt.',
};

describe('cacheKey', () => {
  it('is a 64-character hex SHA-256 and stable for the same parts', async () => {
    const a = await cacheKey(base);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await cacheKey({ ...base, providerParts: [...base.providerParts] })).toBe(a);
  });

  it('differs by provider, provider parts, source, target and text', async () => {
    const keys = await Promise.all([
      cacheKey(base),
      cacheKey({ ...base, provider: 'google' }),
      cacheKey({ ...base, providerParts: ['model=latency'] }),
      cacheKey({ ...base, providerParts: [] }),
      cacheKey({ ...base, from: 'auto' }),
      cacheKey({ ...base, to: 'fr' }),
      cacheKey({ ...base, text: 'Der Bundesrat hat am Donnerstag abgestimmt.' }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('joins parts unambiguously (no separator collisions)', async () => {
    const a = await cacheKey({ ...base, providerParts: ['a,b'] });
    const b = await cacheKey({ ...base, providerParts: ['a', 'b'] });
    const c = await cacheKey({ ...base, from: 'de', to: 'en' });
    const d = await cacheKey({ ...base, from: 'd', to: 'een' });
    expect(a).not.toBe(b);
    expect(c).not.toBe(d);
  });

  it('is the same for whitespace variants of the text', async () => {
    const a = await cacheKey(base);
    const b = await cacheKey({ ...base, text: '  Der  Bundestag\nhat am\tDonnerstag   abgestimmt. \n' });
    expect(b).toBe(a);
  });

  it('normaliseText collapses whitespace and trims', () => {
    expect(normaliseText('\n  a \u00a0 b\t\tc  ')).toBe('a b c');
  });
});
