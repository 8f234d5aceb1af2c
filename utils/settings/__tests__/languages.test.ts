import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LANGUAGES, languageFromLocale, languageName, resolveTargetLanguage, uiLanguage } from '../languages';
import { SettingsSchema } from '../schema';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('languages', () => {
  it('maps UI locales to Duet language codes', () => {
    expect(languageFromLocale('de')).toBe('de');
    expect(languageFromLocale('de-AT')).toBe('de');
    expect(languageFromLocale('pt_BR')).toBe('pt');
    expect(languageFromLocale('EN-gb')).toBe('en');
    expect(languageFromLocale('zh-TW')).toBe('zh-TW');
    expect(languageFromLocale('zh-Hant-HK')).toBe('zh-TW');
    expect(languageFromLocale('zh-CN')).toBe('zh-CN');
    expect(languageFromLocale('zh')).toBe('zh-CN');
    expect(languageFromLocale('')).toBe('en');
  });

  it('reads the browser UI language when the target is empty', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-CA');
    expect(uiLanguage()).toBe('fr');
    expect(resolveTargetLanguage('')).toBe('fr');
    expect(resolveTargetLanguage('ja')).toBe('ja');
  });

  it('falls back to English when the browser cannot say', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => {
      throw new Error('not available');
    });
    expect(uiLanguage()).toBe('en');
  });

  it('lists only codes the settings schema accepts, each once', () => {
    const codes = LANGUAGES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(SettingsSchema.shape.targetLanguage.safeParse(code).success, code).toBe(true);
    }
  });

  it('names languages, in and outside the list', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('zh-tw')).toBe('Chinese (Traditional)');
    expect(languageName('eu')).toBe('Basque');
    expect(languageName('!!')).toBe('!!');
  });
});
