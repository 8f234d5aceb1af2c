import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createProviderConfigSource, loadProviderConfig, PROVIDER_CONFIG_KEY, saveProviderConfig } from '../provider-config';

beforeEach(() => fakeBrowser.reset());

describe('provider config', () => {
  it('round-trips one provider without touching the others', async () => {
    await saveProviderConfig('deepl', { apiKey: '  abc:fx ' });
    await saveProviderConfig('openai', { baseUrl: 'http://localhost:11434', apiKey: '', model: 'qwen3' });
    expect(await loadProviderConfig('deepl')).toEqual({ apiKey: 'abc:fx' });
    expect(await loadProviderConfig('openai')).toEqual({ baseUrl: 'http://localhost:11434', model: 'qwen3' });
    expect(await loadProviderConfig('google')).toEqual({});
    const raw = await fakeBrowser.storage.local.get(PROVIDER_CONFIG_KEY);
    expect(raw[PROVIDER_CONFIG_KEY]).toEqual({ deepl: { apiKey: 'abc:fx' }, openai: { baseUrl: 'http://localhost:11434', model: 'qwen3' } });
  });

  it('ignores invalid stored data instead of throwing', async () => {
    await fakeBrowser.storage.local.set({ [PROVIDER_CONFIG_KEY]: { deepl: { apiKey: 42 } } });
    expect(await loadProviderConfig('deepl')).toEqual({});
    await fakeBrowser.storage.local.set({ [PROVIDER_CONFIG_KEY]: 'garbage' });
    expect(await loadProviderConfig('deepl')).toEqual({});
    await saveProviderConfig('deepl', { apiKey: 'k' });
    expect(await loadProviderConfig('deepl')).toEqual({ apiKey: 'k' });
  });

  it('rejects unknown providers and oversize values', async () => {
    // @ts-expect-error — an id outside ProviderId must be refused at runtime too
    await expect(saveProviderConfig('evil', { apiKey: 'x' })).rejects.toThrow();
    await expect(saveProviderConfig('deepl', { apiKey: 'x'.repeat(5000) })).rejects.toThrow();
  });
});

describe('createProviderConfigSource', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads storage once, then again only after the settings change', async () => {
    await saveProviderConfig('deepl', { apiKey: 'k1' });
    const source = createProviderConfigSource();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await source('deepl')).toEqual({ apiKey: 'k1' });
    expect(await source('deepl')).toEqual({ apiKey: 'k1' });
    expect(get).toHaveBeenCalledTimes(1);
    await saveProviderConfig('deepl', { apiKey: 'k2' });
    expect(await source('deepl')).toEqual({ apiKey: 'k2' });
  });
});
