import { browser } from 'wxt/browser';

/**
 * Languages offered in the language menus, with English names (the popup and options are in English).
 * Codes are BCP 47 as most providers take them; providers map them to their own spellings.
 * Chinese is split by script because every provider treats the two as different targets.
 */
export interface Language {
  code: string;
  name: string;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'ar', name: 'Arabic' },
  { code: 'bg', name: 'Bulgarian' },
  { code: 'ca', name: 'Catalan' },
  { code: 'zh-CN', name: 'Chinese (Simplified)' },
  { code: 'zh-TW', name: 'Chinese (Traditional)' },
  { code: 'cs', name: 'Czech' },
  { code: 'da', name: 'Danish' },
  { code: 'nl', name: 'Dutch' },
  { code: 'en', name: 'English' },
  { code: 'et', name: 'Estonian' },
  { code: 'fi', name: 'Finnish' },
  { code: 'fr', name: 'French' },
  { code: 'de', name: 'German' },
  { code: 'el', name: 'Greek' },
  { code: 'he', name: 'Hebrew' },
  { code: 'hi', name: 'Hindi' },
  { code: 'hu', name: 'Hungarian' },
  { code: 'id', name: 'Indonesian' },
  { code: 'it', name: 'Italian' },
  { code: 'ja', name: 'Japanese' },
  { code: 'ko', name: 'Korean' },
  { code: 'lv', name: 'Latvian' },
  { code: 'lt', name: 'Lithuanian' },
  { code: 'nb', name: 'Norwegian (Bokmål)' },
  { code: 'fa', name: 'Persian' },
  { code: 'pl', name: 'Polish' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'ro', name: 'Romanian' },
  { code: 'ru', name: 'Russian' },
  { code: 'sk', name: 'Slovak' },
  { code: 'sl', name: 'Slovenian' },
  { code: 'es', name: 'Spanish' },
  { code: 'sv', name: 'Swedish' },
  { code: 'th', name: 'Thai' },
  { code: 'tr', name: 'Turkish' },
  { code: 'uk', name: 'Ukrainian' },
  { code: 'vi', name: 'Vietnamese' },
];

const byCode = new Map(LANGUAGES.map((l) => [l.code.toLowerCase(), l.name]));

/** English name of a language code; codes outside the list get Intl's name, or the code itself. */
export function languageName(code: string): string {
  const known = byCode.get(code.toLowerCase());
  if (known) return known;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code; // not a well-formed tag
  }
}

/**
 * The language code Duet uses for a UI locale: the primary subtag ('de-AT' → 'de', 'pt_BR' → 'pt'),
 * except Chinese, where the script decides the target ('zh-TW', 'zh-HK', 'zh-Hant' → 'zh-TW').
 */
export function languageFromLocale(locale: string): string {
  const parts = locale.trim().replace(/_/g, '-').split('-');
  const primary = (parts[0] ?? '').toLowerCase();
  if (!/^[a-z]{2,3}$/.test(primary)) return 'en';
  if (primary === 'zh') {
    const rest = parts.slice(1).map((p) => p.toLowerCase());
    const traditional = rest.some((p) => p === 'tw' || p === 'hk' || p === 'mo' || p === 'hant');
    return traditional ? 'zh-TW' : 'zh-CN';
  }
  return primary;
}

/** The browser's UI language as a Duet language code; 'en' when the browser will not say. */
export function uiLanguage(): string {
  try {
    return languageFromLocale(browser.i18n.getUILanguage());
  } catch {
    return 'en';
  }
}

/** The target language to use: the stored one, or the browser's UI language when none is stored. */
export function resolveTargetLanguage(targetLanguage: string, fallback: () => string = uiLanguage): string {
  return targetLanguage || fallback();
}
