import { t } from '../../i18n/t';
import { badResponse, joinUrl, readJson, sendRequest, type ServiceWording } from '../http';
import { baseLanguage, canonicalTag, normaliseDetected } from '../languages';
import { TranslateError, type ProviderConfig, type TranslateRequest, type Translation, type Translator } from '../types';

/**
 * LibreTranslate (PROVIDERS.md "LibreTranslate"): a server the reader runs or chooses. `q` is sent as
 * an array so one request carries a batch; the answer's `translatedText` is then an array too.
 */

const wording: ServiceWording = {
  service: 'LibreTranslate',
  authAdvice: t('advice_libre'),
  // 400 covers bad fields and limits, but "xx is not supported" is about the language pair.
  classify: (status, body) => (status === 400 && /not supported/i.test(body) ? 'unsupported' : undefined),
};

/** Texts are Duet's inline markup (utils/rich-text/wire.ts): HTML in, HTML out (issue 11). */
const LIBRE_FORMAT = 'html';

function serverUrl(config: ProviderConfig): string {
  return config.url?.trim() ?? '';
}

/** Our code → LibreTranslate's (it uses "zh-Hans"/"zh-Hant" and "pt-BR" in current versions). */
export function libreLanguage(code: string): string {
  if (code === 'auto') return 'auto';
  const tag = canonicalTag(code);
  const base = baseLanguage(tag);
  if (base === 'zh') return tag === 'zh-TW' || tag === 'zh-HK' || tag === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  if (tag === 'pt-BR') return 'pt-BR';
  return base;
}

function detectedAt(detected: unknown, index: number): string | undefined {
  const entry = Array.isArray(detected) ? detected[index] : detected;
  return entry && typeof entry === 'object' ? normaliseDetected((entry as { language?: unknown }).language) : undefined;
}

export const libretranslate: Translator = {
  id: 'libretranslate',
  label: 'LibreTranslate',
  limits: {
    // Servers set --char-limit / --batch-limit (libretranslate.com: a few thousand characters); CPU-bound
    // servers are slow, so modest batches, low concurrency and a long timeout.
    maxTextsPerRequest: 20,
    maxCharsPerRequest: 5_000,
    requestsPerSecond: 2,
    concurrency: 2,
    timeoutMs: 30_000,
  },
  configFields: [
    { name: 'url', label: t('field_server_url'), kind: 'url', required: true, placeholder: 'http://localhost:5000', help: t('help_libre_url') },
    { name: 'apiKey', label: t('field_api_key'), kind: 'secret', required: false, help: t('help_libre_key') },
  ],
  cacheKeyParts: (config) => [serverUrl(config).replace(/\/+$/, '')],
  checkUsable: (config) => (serverUrl(config) ? undefined : `${t('setup_libre_url')} ${t('setup_add_in_settings')}`),

  async listTargetLanguages(config, signal) {
    const response = await sendRequest(joinUrl(serverUrl(config), 'languages'), { method: 'GET' }, signal, wording);
    const data = await readJson(response, wording, signal);
    if (!Array.isArray(data)) throw badResponse(wording, 'no list of languages');
    const codes = new Set<string>();
    for (const language of data as { code?: unknown; targets?: unknown }[]) {
      const targets = Array.isArray(language?.targets) ? language.targets : [language?.code];
      for (const code of targets) {
        const normalised = normaliseDetected(code);
        if (normalised) codes.add(normalised);
      }
    }
    return [...codes].sort();
  },

  async translate({ texts, from, to, signal }: TranslateRequest, config: ProviderConfig): Promise<Translation[]> {
    const url = serverUrl(config);
    if (!url) throw new TranslateError('auth', `${t('setup_libre_url')} ${t('setup_add_in_settings')}`);
    const apiKey = config.apiKey?.trim();
    const body = { q: texts, source: libreLanguage(from), target: libreLanguage(to), format: LIBRE_FORMAT, ...(apiKey ? { api_key: apiKey } : {}) };
    const response = await sendRequest(
      joinUrl(url, 'translate'),
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      signal,
      wording,
    );
    const data = (await readJson(response, wording, signal)) as { translatedText?: unknown; detectedLanguage?: unknown };
    if (!data || !Array.isArray(data.translatedText)) throw badResponse(wording, 'no list of translations');
    if (data.translatedText.length !== texts.length) throw badResponse(wording, `${data.translatedText.length} translations for ${texts.length} texts`);
    return data.translatedText.map((text: unknown, i) => {
      if (typeof text !== 'string') throw badResponse(wording, `translation ${i + 1} is not text`);
      const detectedLanguage = from === 'auto' ? detectedAt(data.detectedLanguage, i) : undefined;
      return detectedLanguage ? { text, detectedLanguage } : { text };
    });
  },
};
