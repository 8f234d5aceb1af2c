import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, type Settings } from '../schema';
import { InvalidSettingsError, loadSettings, saveSettings, watchSettings } from '../storage';

async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadSettings', () => {
  it('returns the defaults when nothing is stored, without writing', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await stored()).toBeUndefined();
  });

  it('writes an old object back in the current shape once', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { provider: 'deepl', layout: 'stacked' } });
    const loaded = await loadSettings();
    expect(loaded.provider).toBe('deepl');
    expect(await stored()).toEqual(loaded);
    expect((await stored() as Settings).version).toBe(SETTINGS_VERSION);
  });

  it('repairs invalid fields when reading', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, cacheMaxMb: -5, provider: 'openai' } });
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
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await saveSettings({ mode: 'translation' });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { provider: 'microsoft' } }); // raw v0 write
    await fakeBrowser.storage.local.remove(SETTINGS_KEY);
    stop();
    await saveSettings({ mode: 'bilingual' });
    expect(seen.map((s) => [s.mode, s.provider])).toEqual([
      ['translation', 'google'],
      ['bilingual', 'microsoft'],
      ['bilingual', 'google'],
    ]);
  });

  it('ignores other storage areas', async () => {
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, provider: 'deepl' } });
    expect(seen).toEqual([]);
  });
});
