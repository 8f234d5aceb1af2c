import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateSettings, repairFields, storedVersion, type Migration } from '../migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema } from '../schema';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

describe('migrateSettings', () => {
  it('gives the defaults for nothing stored or garbage', () => {
    for (const raw of [undefined, null, 'settings', 7, [1, 2], true]) {
      expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('migrates an unversioned (v0) object, keeping every field and normalising hostnames', () => {
    const out = migrateSettings(fixture('v0-unversioned'));
    expect(out).toEqual({
      version: SETTINGS_VERSION,
      mode: 'translation',
      targetLanguage: 'de',
      sourceLanguage: 'fr',
      provider: 'deepl',
      layout: 'stacked',
      alwaysTranslateSites: ['lemonde.fr', 'elpais.com'],
      cacheMaxMb: 200,
      // v2's new fields start at their defaults
      neverTranslateSites: [],
      alwaysTranslateLanguages: [],
      siteModes: {},
      translationStyle: 'muted',
      translationSize: 'same',
      // v3's (learning mode) too
      learning: false,
      learningSites: {},
    });
    expect(SettingsSchema.safeParse(out).success).toBe(true);
  });

  it('migrates a complete v1 object to the current version without losing a field', () => {
    const raw = fixture('v1-complete') as Record<string, unknown>;
    expect(migrateSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, ...raw, version: SETTINGS_VERSION });
  });

  it('keeps every field of a complete v2 object (v3 adds learning mode, off), repairing its lists entry by entry', () => {
    const raw = fixture('v2-complete');
    expect(migrateSettings(raw)).toEqual({ ...(raw as object), version: 3, learning: false, learningSites: {} });
    const out = migrateSettings({
      ...(raw as object),
      neverTranslateSites: ['Jeux.LeMonde.fr.', 7],
      alwaysTranslateLanguages: ['ja', 'Japanese', 'ja'],
      siteModes: { 'lemonde.fr': 'translation', 'x.example': 'upside-down' },
    });
    expect(out.neverTranslateSites).toEqual(['jeux.lemonde.fr']);
    expect(out.alwaysTranslateLanguages).toEqual(['ja']);
    expect(out.siteModes).toEqual({ 'lemonde.fr': 'translation' });
  });

  it('keeps a v3 object\'s learning choices, repairing per-site defaults entry by entry', () => {
    const v3 = { ...(migrateSettings(fixture('v2-complete')) as object), learning: true, learningSites: { 'WWW.LeMonde.fr': false, 'elpais.com': true, 'x.example': 'yes' } };
    const out = migrateSettings(v3);
    expect(out.learning).toBe(true);
    expect(out.learningSites).toEqual({ 'www.lemonde.fr': false, 'elpais.com': true });
  });

  it('replaces invalid fields one by one and keeps the valid ones', () => {
    const out = migrateSettings(fixture('v1-partly-invalid'));
    expect(out.mode).toBe(DEFAULT_SETTINGS.mode); // 'original' is not a translating mode
    expect(out.targetLanguage).toBe(DEFAULT_SETTINGS.targetLanguage);
    expect(out.provider).toBe(DEFAULT_SETTINGS.provider);
    expect(out.cacheMaxMb).toBe(DEFAULT_SETTINGS.cacheMaxMb);
    // valid ones survive
    expect(out.sourceLanguage).toBe('es');
    expect(out.layout).toBe('stacked');
    expect(out.alwaysTranslateSites).toEqual(['faz.net', 'nzz.ch']);
    expect(out).not.toHaveProperty('unknownField');
  });

  it('salvages the known fields of an object written by a newer build', () => {
    const out = migrateSettings({ ...(fixture('v1-complete') as object), version: 99, layout: 'carousel' });
    expect(out.version).toBe(SETTINGS_VERSION);
    expect(out.provider).toBe('libretranslate');
    expect(out.layout).toBe(DEFAULT_SETTINGS.layout);
  });

  it('runs numbered migrations in order from the stored version to the target', () => {
    const calls: number[] = [];
    const table: Record<number, Migration> = {
      0: (o) => (calls.push(0), { ...o, version: 1, provider: o.engine }),
      1: (o) => (calls.push(1), { ...o, version: 2, layout: o.sideBySide ? 'side-by-side' : 'stacked' }),
    };
    const out = migrateSettings({ engine: 'deepl', sideBySide: true }, table, 2);
    expect(calls).toEqual([0, 1]);
    expect(out.provider).toBe('deepl');
    expect(out.layout).toBe('side-by-side');

    calls.length = 0;
    const fromV1 = migrateSettings({ version: 1, provider: 'openai', sideBySide: false }, table, 2);
    expect(calls).toEqual([1]);
    expect(fromV1.layout).toBe('stacked');
  });

  it('falls back field by field when a migration throws', () => {
    const table: Record<number, Migration> = {
      0: () => {
        throw new Error('cannot read');
      },
    };
    const out = migrateSettings({ provider: 'apertium', cacheMaxMb: 'lots' }, table, 1);
    expect(out.provider).toBe('apertium');
    expect(out.cacheMaxMb).toBe(DEFAULT_SETTINGS.cacheMaxMb);
  });
});

describe('storedVersion / repairFields', () => {
  it('reads only non-negative integer stamps', () => {
    expect(storedVersion({ version: 1 })).toBe(1);
    expect(storedVersion({ version: '1' })).toBe(0);
    expect(storedVersion({ version: -3 })).toBe(0);
    expect(storedVersion({ version: 1.5 })).toBe(0);
  });

  it('treats a non-array site list as empty', () => {
    expect(repairFields({ alwaysTranslateSites: 'lemonde.fr' }).alwaysTranslateSites).toEqual([]);
  });
});
