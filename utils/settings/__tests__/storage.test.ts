import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, type Settings } from '../schema';
import { defineSettingsItem, forgetSettingsItem } from '../settings-item';
import { InvalidSettingsError, loadSettings, saveSettings, watchSettings } from '../storage';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}
async function stored(area: 'sync' | 'local' = 'sync'): Promise<unknown> {
  return (await fakeBrowser.storage[area].get(SETTINGS_KEY))[SETTINGS_KEY];
}
/** WXT keeps an item's version in `<key>$`. */
async function storedMeta(area: 'sync' | 'local' = 'sync'): Promise<unknown> {
  return (await fakeBrowser.storage[area].get(`${SETTINGS_KEY}$`))[`${SETTINGS_KEY}$`];
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetSettingsItem(); // each test is a fresh context: probe, move from local, then read
});

describe('settings storage item', () => {
  it('lives in storage.sync where the browser has it', async () => {
    await saveSettings({ provider: 'deepl' });
    expect((await stored('sync')) as Settings).toMatchObject({ provider: 'deepl', version: SETTINGS_VERSION });
    expect(await stored('local')).toBeUndefined();
    expect(await storedMeta()).toEqual({ v: SETTINGS_VERSION });
  });

  it('moves a stored v1 object from storage.local into sync, migrated to the current version, without losing a field', async () => {
    const v1 = fixture('v1-complete');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v1 });
    const loaded = await loadSettings();
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, ...v1, version: SETTINGS_VERSION });
    expect(loaded.alwaysTranslateSites).toEqual(['www.spiegel.de', 'lemonde.fr']);
    expect(await stored('sync')).toEqual(loaded);
    expect(await storedMeta()).toEqual({ v: SETTINGS_VERSION });
    expect(await stored('local')).toBeUndefined(); // moved, not copied
  });

  it('keeps what sync already holds (another device moved first) and drops the local copy', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, targetLanguage: 'ko' } });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: fixture('v1-complete') });
    expect((await loadSettings()).targetLanguage).toBe('ko');
    expect(await stored('local')).toBeUndefined();
  });

  it('runs the WXT migration on a v1 value in its own area (version kept in the item metadata)', async () => {
    const v1 = fixture('v1-complete');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v1 });
    const item = defineSettingsItem('local');
    expect(await item.getValue()).toEqual({ ...DEFAULT_SETTINGS, ...v1, version: SETTINGS_VERSION });
    expect(await storedMeta('local')).toEqual({ v: SETTINGS_VERSION });
  });

  it('falls back to storage.local when sync refuses (Firefox without an add-on id)', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage.sync is not supported'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await saveSettings({ provider: 'apertium' });
    expect(((await stored('local')) as Settings).provider).toBe('apertium');
  });
});

describe('loadSettings', () => {
  it('returns the defaults when nothing is stored, without writing', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await stored()).toBeUndefined();
  });

  it('writes an object stamped with an old version back in the current shape once', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, provider: 'deepl', layout: 'stacked' }, [`${SETTINGS_KEY}$`]: { v: 2 } });
    const loaded = await loadSettings();
    expect(loaded.provider).toBe('deepl');
    expect(await stored()).toEqual(loaded);
    expect(((await stored()) as Settings).version).toBe(SETTINGS_VERSION);
  });

  it('repairs invalid fields when reading', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, cacheMaxMb: -5, provider: 'openai' } });
    const loaded = await loadSettings();
    expect(loaded.cacheMaxMb).toBe(DEFAULT_SETTINGS.cacheMaxMb);
    expect(loaded.provider).toBe('openai');
  });
});

describe('saveSettings', () => {
  it('merges a patch into what is stored', async () => {
    await saveSettings({ provider: 'apertium' });
    const saved = await saveSettings({ targetLanguage: 'fr' });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, provider: 'apertium', targetLanguage: 'fr' });
    expect(await stored()).toEqual(saved);
  });

  it('refuses an invalid patch, naming the field, and stores nothing', async () => {
    await expect(saveSettings({ cacheMaxMb: 0 })).rejects.toThrow(InvalidSettingsError);
    await expect(saveSettings({ targetLanguage: 'Deutsch' })).rejects.toThrow(/targetLanguage/);
    await expect(saveSettings({ translationStyle: 'neon' as never })).rejects.toThrow(/translationStyle/);
    expect(await stored()).toBeUndefined();
  });

  it('does not let a patch change the version stamp', async () => {
    const saved = await saveSettings({ version: 7 } as unknown as Partial<Settings>);
    expect(saved.version).toBe(SETTINGS_VERSION);
  });

  it('runs concurrent saves one after another so no change is lost', async () => {
    await Promise.all([
      saveSettings({ targetLanguage: 'ja' }),
      saveSettings((s) => ({ alwaysTranslateSites: [...s.alwaysTranslateSites, 'a.example'] })),
      saveSettings((s) => ({ alwaysTranslateSites: [...s.alwaysTranslateSites, 'b.example'] })),
      saveSettings({ sourceLanguage: 'ko' }),
    ]);
    const after = (await stored()) as Settings;
    expect(after.targetLanguage).toBe('ja');
    expect(after.sourceLanguage).toBe('ko');
    expect(after.alwaysTranslateSites).toEqual(['a.example', 'b.example']);
  });

  it('keeps saving after a refused patch', async () => {
    await expect(saveSettings({ layout: 'diagonal' as never })).rejects.toThrow();
    expect((await saveSettings({ layout: 'stacked' })).layout).toBe('stacked');
  });
});

describe('watchSettings', () => {
  it('reports changes to the settings key, migrated, and stops when unsubscribed', async () => {
    await loadSettings(); // the context has chosen its area
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await saveSettings({ mode: 'translation' });
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { provider: 'microsoft' } }); // raw v0 write
    await fakeBrowser.storage.sync.remove(SETTINGS_KEY);
    stop();
    await saveSettings({ mode: 'bilingual' });
    expect(seen.map((s) => [s.mode, s.provider])).toEqual([
      ['translation', 'google'],
      ['bilingual', 'microsoft'],
      ['bilingual', 'google'],
    ]);
  });

  it('ignores the other storage area (old local copies, provider keys)', async () => {
    await loadSettings();
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, provider: 'deepl' } });
    expect(seen).toEqual([]);
  });
});
