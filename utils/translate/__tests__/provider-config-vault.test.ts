import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createProviderConfigSource, loadProviderConfig, PROVIDER_CONFIG_KEY, saveProviderConfig } from '../provider-config';
import { PROVIDER_CONFIG_REVISION_KEY, readVault, resetProviderConfigVault, takeFromStorageLocal, vaultChoice } from '../provider-config-vault';
import { isProviderOffered } from '../providers/offered';

// Firefox builds: provider settings (keys) live in IndexedDB of the extension's origin, never in
// storage.local, which Firefox's content scripts can read.
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  resetProviderConfigVault();
  vaultChoice.inUse = true;
});
afterEach(() => {
  vaultChoice.inUse = false;
});

describe('provider config in Firefox', () => {
  it('saves keys in the vault only; storage.local gets a revision number and no secret', async () => {
    await saveProviderConfig('deepl', { apiKey: ' secret-key:fx ' });
    expect(await loadProviderConfig('deepl')).toEqual({ apiKey: 'secret-key:fx' });
    expect(await readVault()).toEqual({ deepl: { apiKey: 'secret-key:fx' } });
    const local = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(local)).not.toContain('secret-key');
    expect(Object.keys(local)).toEqual([PROVIDER_CONFIG_REVISION_KEY]);
  });

  it('moves settings found in storage.local into the vault and deletes them there', async () => {
    await saveProviderConfig('openai', { baseUrl: 'http://localhost:11434', model: 'qwen3' });
    await fakeBrowser.storage.local.set({ [PROVIDER_CONFIG_KEY]: { libretranslate: { url: 'http://127.0.0.1:5000', apiKey: 'lt-key' }, openai: { model: 'llama' } } });
    const moved = await takeFromStorageLocal(fakeBrowser.storage.local, PROVIDER_CONFIG_KEY);
    expect(moved).toEqual({ libretranslate: { url: 'http://127.0.0.1:5000', apiKey: 'lt-key' }, openai: { baseUrl: 'http://localhost:11434', model: 'llama' } });
    expect((await fakeBrowser.storage.local.get(PROVIDER_CONFIG_KEY))[PROVIDER_CONFIG_KEY]).toBeUndefined();
    expect(await loadProviderConfig('libretranslate')).toEqual({ url: 'http://127.0.0.1:5000', apiKey: 'lt-key' });
  });

  it('the background\'s config source sees a new key after a save elsewhere', async () => {
    await saveProviderConfig('deepl', { apiKey: 'k1' });
    const source = createProviderConfigSource();
    expect(await source('deepl')).toEqual({ apiKey: 'k1' });
    await saveProviderConfig('deepl', { apiKey: 'k2' });
    expect(await source('deepl')).toEqual({ apiKey: 'k2' });
  });
});

describe('providers offered', () => {
  it('hides Chrome\'s on-device Translator in Firefox only', () => {
    expect(isProviderOffered('chrome-builtin', true)).toBe(false);
    expect(isProviderOffered('chrome-builtin', false)).toBe(true);
    expect(isProviderOffered('libretranslate', true)).toBe(true);
    expect(isProviderOffered('apertium', true)).toBe(true);
  });
});
