import { browser } from 'wxt/browser';

/**
 * Duet's UI strings, from `public/_locales/<locale>/messages.json` through the browser's i18n API
 * (WXT's built-in i18n: synchronous, nothing bundled into each entrypoint, the manifest localised too).
 * The browser picks the locale from its UI language; `en` is the default_locale.
 *
 * Placeholders are `{name}` in the message text, filled here rather than by the browser's `$1`
 * substitution, so messages read naturally for translators and the same code works everywhere.
 * Plurals: a key with a count has variants `<key>_zero|one|two|few|many|other` chosen with
 * Intl.PluralRules for the UI locale (Arabic has all six); `_other` must exist.
 */
type Lookup = (key: string) => string;

const browserLookup: Lookup = (key) => {
  try {
    return (browser.i18n.getMessage as (name: string) => string)(key) || '';
  } catch {
    return ''; // a context without i18n (tests without a message source): the key is shown instead
  }
};
let lookup: Lookup = browserLookup;

/** Tests: answer from a messages.json object instead of the browser. */
export function setMessageSource(messages: Record<string, { message: string }> | null): void {
  lookup = messages ? (key) => messages[key]?.message ?? '' : browserLookup;
}

export type Params = Record<string, string | number>;

function fill(text: string, params: Params | undefined, locale: string): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

function formatNumber(n: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(n);
  } catch {
    return String(n);
  }
}

/** The locale the messages are in (a key of their own: the browser's UI language may have no file). */
export function uiLocale(): string {
  return lookup('locale') || 'en';
}

/** 'rtl' for Arabic (and any right-to-left locale added later), else 'ltr'. */
export function uiDirection(): 'ltr' | 'rtl' {
  return lookup('direction') === 'rtl' ? 'rtl' : 'ltr';
}

/** The message for `key`, placeholders filled; the key itself when no locale has it (never empty). */
export function t(key: string, params?: Params): string {
  const text = lookup(key);
  return fill(text || key, params, uiLocale());
}

/** A counted message: `key_<plural category>` for `count` in the UI locale, `key_other` as fallback. */
export function tn(key: string, count: number, params?: Params): string {
  const locale = uiLocale();
  let category = 'other';
  try {
    category = new Intl.PluralRules(locale).select(count);
  } catch {
    // an engine without PluralRules for this locale: 'other' reads acceptably everywhere
  }
  const text = lookup(`${key}_${category}`) || lookup(`${key}_other`);
  return fill(text || key, { count, ...params }, locale);
}

const SCRIPT_TAGS: Record<string, string> = { 'zh-cn': 'zh-Hans', 'zh-tw': 'zh-Hant' };

/** A language's name in the reader's language ('ja' → "Japanisch" for a German UI), via Intl.DisplayNames. */
export function languageDisplayName(code: string, locale = uiLocale()): string {
  // Duet's Chinese targets differ by script, not country: name them "Simplified/Traditional Chinese".
  const tag = SCRIPT_TAGS[code.toLowerCase()] ?? code;
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(tag) ?? code;
  } catch {
    return code;
  }
}
