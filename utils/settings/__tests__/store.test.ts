import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../schema';
import { createSettingsStore } from '../store';
import { saveSettings } from '../storage';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('createSettingsStore', () => {
  it('starts with defaults, then holds what storage has', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, provider: 'deepl' } });
    const store = createSettingsStore();
    expect(store.getState().status).toBe('loading');
    await store.ready;
    expect(store.getState().status).toBe('ready');
    expect(store.getState().settings.provider).toBe('deepl');
    store.dispose();
  });

  it('two stores (popup and options) agree after either writes', async () => {
    const popup = createSettingsStore();
    const options = createSettingsStore();
    await Promise.all([popup.ready, options.ready]);
    expect(await popup.getState().update({ targetLanguage: 'it' })).toBe(true);
    expect(options.getState().settings.targetLanguage).toBe('it');
    // a write from a third context (the background) reaches both
    await saveSettings({ layout: 'stacked' });
    expect(popup.getState().settings.layout).toBe('stacked');
    expect(options.getState().settings.layout).toBe('stacked');
    popup.dispose();
    options.dispose();
  });

  it('applies an update at once, before storage answers', async () => {
    const store = createSettingsStore();
    await store.ready;
    const pending = store.getState().update({ sourceLanguage: 'nl' });
    expect(store.getState().settings.sourceLanguage).toBe('nl');
    await pending;
    store.dispose();
  });

  it('rolls back and reports the error when a write fails', async () => {
    const store = createSettingsStore();
    await store.ready;
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await store.getState().update({ provider: 'openai' })).toBe(false);
    expect(store.getState().settings.provider).toBe(DEFAULT_SETTINGS.provider);
    expect(store.getState().error).toMatch(/QUOTA_BYTES/);
    store.getState().clearError();
    expect(store.getState().error).toBeNull();
    store.dispose();
  });

  it('reports an invalid value instead of storing it', async () => {
    const store = createSettingsStore();
    await store.ready;
    expect(await store.getState().update({ cacheMaxMb: 5000 })).toBe(false);
    expect(store.getState().error).toMatch(/cacheMaxMb/);
    expect(store.getState().settings.cacheMaxMb).toBe(DEFAULT_SETTINGS.cacheMaxMb);
    store.dispose();
  });

  it('toggles a site on and off, normalising the hostname', async () => {
    const store = createSettingsStore();
    await store.ready;
    await store.getState().toggleSite('News.Example.');
    expect(store.getState().settings.alwaysTranslateSites).toEqual(['news.example']);
    await store.getState().toggleSite('news.example', true); // already on: no change
    expect(store.getState().settings.alwaysTranslateSites).toEqual(['news.example']);
    await store.getState().toggleSite('news.example');
    expect(store.getState().settings.alwaysTranslateSites).toEqual([]);
    store.dispose();
  });

  it('stops following storage after dispose', async () => {
    const store = createSettingsStore();
    await store.ready;
    store.dispose();
    await saveSettings({ provider: 'apertium' });
    expect(store.getState().settings.provider).toBe(DEFAULT_SETTINGS.provider);
  });

  it('reports a failed first read and keeps the defaults', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValueOnce(new Error('storage is gone'));
    const store = createSettingsStore();
    await store.ready;
    expect(store.getState().status).toBe('ready');
    expect(store.getState().error).toMatch(/storage is gone/);
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    store.dispose();
  });
});
