// zod/mini: the same schemas at a quarter of the size; these ship in the content script.
import * as z from 'zod/mini';

/**
 * The reader's settings as stored in `storage.local` under SETTINGS_KEY.
 * Versioned: bump SETTINGS_VERSION and add a migration in ./migrations.ts when the shape changes.
 * Provider secrets (API keys) are NOT here: they live under their own key, read only by the background.
 */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const DisplayMode = z.enum(['original', 'bilingual', 'translation']);
export type DisplayMode = z.infer<typeof DisplayMode>;

export const Layout = z.enum(['auto', 'side-by-side', 'stacked']);
export type Layout = z.infer<typeof Layout>;

export const ProviderIdSchema = z.enum([
  'google',
  'microsoft',
  'deepl',
  'libretranslate',
  'openai',
  'apertium',
  'chrome-builtin',
]);

const LanguageCode = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Mode a page is shown in when Duet translates it. */
  mode: z.enum(['bilingual', 'translation']),
  /** Target language; empty means "the browser's UI language". */
  targetLanguage: z.union([LanguageCode, z.literal('')]),
  sourceLanguage: z.union([LanguageCode, z.literal('auto')]),
  provider: ProviderIdSchema,
  layout: Layout,
  /** Hostnames the reader asked to translate automatically. */
  alwaysTranslateSites: z.array(z.string().check(z.minLength(1))).check(z.maxLength(10_000)),
  /** Cache size cap in megabytes. */
  cacheMaxMb: z.int().check(z.minimum(1), z.maximum(2048)),
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
  cacheMaxMb: 50,
};
