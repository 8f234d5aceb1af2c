import { t } from '../../i18n/t';
import { badResponse, readJson, sendRequest, type ServiceWording } from '../http';
import { baseLanguage, canonicalTag, normaliseDetected } from '../languages';
import { TranslateError, type ProviderConfig, type TranslateRequest, type Translator } from '../types';

/**
 * DeepL API v2 (PROVIDERS.md "DeepL"): keys ending ":fx" belong to the Free plan and its own host;
 * the key goes in the Authorization header (the auth_key parameter was retired).
 */

export const DEEPL_FREE_URL = 'https://api-free.deepl.com/v2/translate';
export const DEEPL_PRO_URL = 'https://api.deepl.com/v2/translate';

const wording: ServiceWording = {
  service: 'DeepL',
  authAdvice: t('advice_deepl'),
  // DeepL uses 456 for "quota exceeded" and 529 for "too many requests" at peak load.
  statusKinds: { 456: 'quota', 529: 'rate-limit', 413: 'bad-response', 414: 'bad-response' },
};

export function deeplEndpoint(apiKey: string): string {
  return apiKey.trim().endsWith(':fx') ? DEEPL_FREE_URL : DEEPL_PRO_URL;
}

/** Target languages DeepL offers (its /v2/languages?type=target, 2026), as our lowercase codes. */
export const DEEPL_TARGETS = [
  'ar', 'bg', 'cs', 'da', 'de', 'el', 'en-gb', 'en-us', 'es', 'es-419', 'et', 'fi', 'fr', 'he', 'hu', 'id', 'it', 'ja', 'ko',
  'lt', 'lv', 'nb', 'nl', 'pl', 'pt-br', 'pt-pt', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'uk', 'vi', 'zh-hans', 'zh-hant',
];

/** Our target code → DeepL's: EN and PT need a variant (plain EN/PT are deprecated as targets). */
export function deeplTarget(code: string): string {
  const tag = canonicalTag(code);
  const base = baseLanguage(tag);
  if (base === 'en') return tag === 'en-GB' ? 'EN-GB' : 'EN-US';
  if (base === 'pt') return tag === 'pt-PT' ? 'PT-PT' : 'PT-BR';
  if (base === 'zh') return tag === 'zh-TW' || tag === 'zh-HK' || tag === 'zh-Hant' ? 'ZH-HANT' : 'ZH-HANS';
  if (base === 'no') return 'NB';
  if (tag === 'es-419') return 'ES-419';
  return base.toUpperCase();
}

/** Source languages are plain base codes in DeepL ("EN", not "EN-US"). */
export function deeplSource(code: string): string | undefined {
  if (code === 'auto') return undefined;
  const base = baseLanguage(code);
  return (base === 'no' ? 'nb' : base).toUpperCase();
}

/**
 * Texts are Duet's inline markup (utils/rich-text/wire.ts). DeepL's HTML handling keeps tags on the
 * words they wrap and, unlike `xml`, never rejects input that is not well-formed (docs: "HTML input is
 * never strictly parsed"); it splits sentences on punctuation only.
 */
const HTML_MODE = { tag_handling: 'html' } as const;

function apiKey(config: ProviderConfig): string {
  return config.apiKey?.trim() ?? '';
}

export const deepl: Translator = {
  id: 'deepl',
  label: 'DeepL',
  limits: {
    // 50 texts per request is DeepL's documented maximum. The body limit is 128 KiB; 20,000 characters
    // stay under it even at 3 bytes per character (CJK) plus JSON overhead.
    maxTextsPerRequest: 50,
    maxCharsPerRequest: 20_000,
    // DeepL publishes no per-second figure; it answers 429 when exceeded. Moderate, with backoff behind it.
    requestsPerSecond: 5,
    concurrency: 2,
    timeoutMs: 20_000,
  },
  configFields: [
    {
      name: 'apiKey',
      label: t('field_deepl_key'),
      kind: 'secret',
      required: true,
      placeholder: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx:fx',
      help: t('help_deepl_key'),
    },
  ],
  cacheKeyParts: () => ['v2'],
  checkUsable: (config) => (apiKey(config) ? undefined : `${t('setup_deepl_key')} ${t('setup_add_in_settings')}`),
  listTargetLanguages: () => Promise.resolve([...DEEPL_TARGETS]),
  async translate({ texts, from, to, signal }: TranslateRequest, config: ProviderConfig) {
    const key = apiKey(config);
    if (!key) throw new TranslateError('auth', `${t('setup_deepl_key')} ${t('setup_add_in_settings')}`);
    const source = deeplSource(from);
    const body = { text: texts, target_lang: deeplTarget(to), ...(source ? { source_lang: source } : {}), ...HTML_MODE };
    const response = await sendRequest(
      deeplEndpoint(key),
      { method: 'POST', headers: { Authorization: `DeepL-Auth-Key ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      signal,
      wording,
    );
    const data = (await readJson(response, wording, signal)) as { translations?: unknown };
    if (!data || !Array.isArray(data.translations)) throw badResponse(wording, 'no list of translations');
    if (data.translations.length !== texts.length) throw badResponse(wording, `${data.translations.length} translations for ${texts.length} texts`);
    return (data.translations as { text?: unknown; detected_source_language?: unknown }[]).map((item, i) => {
      if (typeof item?.text !== 'string') throw badResponse(wording, `translation ${i + 1} is missing`);
      const detectedLanguage = from === 'auto' ? normaliseDetected(item.detected_source_language) : undefined;
      return detectedLanguage ? { text: item.text, detectedLanguage } : { text: item.text };
    });
  },
};
