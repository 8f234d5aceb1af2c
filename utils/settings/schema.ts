// zod/mini: the same schemas at a quarter of the size; these ship in the content script.
import * as z from 'zod/mini';

/**
 * The reader's settings, one WXT storage item (./settings-item.ts) under SETTINGS_KEY, in
 * `storage.sync` where the browser has it (so they follow the reader to other devices), else
 * `storage.local`. Versioned: bump SETTINGS_VERSION and add a numbered migration in ./migrations.ts
 * when the shape changes. Provider secrets (API keys) are NOT here: they live in `storage.local`
 * under their own key, read only by the background, and never sync.
 */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 3;

export const DisplayMode = z.enum(['original', 'bilingual', 'translation']);
export type DisplayMode = z.infer<typeof DisplayMode>;

/** Modes a page can be translated in (Original is "not translated"). */
export const TranslatingMode = z.enum(['bilingual', 'translation']);
export type TranslatingMode = z.infer<typeof TranslatingMode>;

/** Where the translation goes: beside the original when there is room, always beside, always under. */
export const Layout = z.enum(['auto', 'side-by-side', 'stacked']);
export type Layout = z.infer<typeof Layout>;

/** How a translation is set apart from its original (utils/render/translation-theme.ts). */
export const TranslationStyle = z.enum(['plain', 'muted', 'underline', 'sidebar', 'tint']);
export type TranslationStyle = z.infer<typeof TranslationStyle>;

/** Size of the translation relative to its original. */
export const TranslationSize = z.enum(['smaller', 'same', 'larger']);
export type TranslationSize = z.infer<typeof TranslationSize>;

export const ProviderIdSchema = z.enum([
  'google',
  'microsoft',
  'deepl',
  'libretranslate',
  'openai',
  'apertium',
  'chrome-builtin',
]);

export const LanguageCode = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));
/** A site as rules store it: a lower-case hostname without "www.", covering its subdomains. */
const Site = z.string().check(z.minLength(1), z.maxLength(253));
/** As in v1 (never fewer, so no migrated list is cut). storage.sync's 8 KB per item is hit first (~400 sites): saving then fails and says so. */
export const MAX_SITES_PER_LIST = 10_000;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Mode a page is shown in when Duet translates it (a site's own mode in `siteModes` wins). */
  mode: TranslatingMode,
  /** Target language; empty means "the browser's UI language". */
  targetLanguage: z.union([LanguageCode, z.literal('')]),
  sourceLanguage: z.union([LanguageCode, z.literal('auto')]),
  provider: ProviderIdSchema,
  layout: Layout,
  /** Sites translated as soon as they open; a rule for lemonde.fr covers www.lemonde.fr too. */
  alwaysTranslateSites: z.array(Site).check(z.maxLength(MAX_SITES_PER_LIST)),
  /** Sites Duet never translates on its own (the reader can still ask, with Alt+A or the popup). */
  neverTranslateSites: z.array(Site).check(z.maxLength(MAX_SITES_PER_LIST)),
  /** Pages in these languages (primary subtags: 'ja', 'de') are translated as soon as they open. */
  alwaysTranslateLanguages: z.array(LanguageCode).check(z.maxLength(200)),
  /** A site's own display mode, e.g. Translation only on a site the reader reads fluently. */
  siteModes: z.record(Site, TranslatingMode),
  translationStyle: TranslationStyle,
  translationSize: TranslationSize,
  /** Learning mode: in Bilingual, translations stay blurred until the reader points at, taps or asks for one (utils/render/learning.ts). */
  learning: z.boolean(),
  /** A site's own learning-mode default (most specific rule wins), e.g. on for the one paper the reader learns with. */
  learningSites: z.record(Site, z.boolean()),
  /** Cache size cap in megabytes. */
  cacheMaxMb: z.int().check(z.minimum(1), z.maximum(2048)),
  /** Developers only: write Duet's step marks (duet:start…) into the page's performance timeline. */
  debugMarks: z.optional(z.boolean()),
  /**
   * When the chosen keyless service fails, use the next one that needs no key or setup
   * (utils/translate/fallback-chain.ts). Absent (settings saved before it existed) means on; false pins the service.
   */
  fallbackChain: z.optional(z.boolean()),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  mode: 'bilingual',
  targetLanguage: '',
  sourceLanguage: 'auto',
  provider: 'google',
  layout: 'auto',
  alwaysTranslateSites: [],
  neverTranslateSites: [],
  alwaysTranslateLanguages: [],
  siteModes: {},
  // Today's look (translation slightly lighter than its original); readers pick another in Options.
  translationStyle: 'muted',
  translationSize: 'same',
  learning: false,
  learningSites: {},
  cacheMaxMb: 50,
};
