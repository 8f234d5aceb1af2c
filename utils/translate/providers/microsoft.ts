import { KEYLESS_WEB_LIMITS } from './google';
import { badResponse, readJson, sendRequest, type ServiceWording } from '../http';
import { baseLanguage, canonicalTag, normaliseDetected } from '../languages';
import type { TranslateRequest, Translator } from '../types';

/**
 * Microsoft Translator through the keyless path Edge's own page translation uses (PROVIDERS.md
 * "Microsoft"). The older token path (GET edge.microsoft.com/translate/auth + api-edge.cognitive…)
 * died in August 2026. Texts are Duet's inline markup (utils/rich-text/wire.ts) sent with
 * `textType=html` (the Translator v3 parameter; plain is the default), so placeholder tags come back
 * around the words they wrap; the answer stays HTML for the content script's whitelist rebuild.
 */

export const MICROSOFT_URL = 'https://edge.microsoft.com/translate/translatetext';

const wording: ServiceWording = {
  service: 'Microsoft Translator',
  // No key involved: 401/403/404 mean Microsoft refuses this client or moved the endpoint ('blocked', http.ts).
  keyless: true,
};

/** Microsoft's codes: zh-Hans / zh-Hant, pt (Brazil) / pt-PT, nb for Norwegian; others by base language. */
export function microsoftLanguage(code: string): string {
  if (code === 'auto') return '';
  const tag = canonicalTag(code);
  const base = baseLanguage(tag);
  if (base === 'zh') return tag === 'zh-TW' || tag === 'zh-HK' || tag === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  if (tag === 'pt-PT') return 'pt-PT';
  if (tag === 'fr-CA') return 'fr-CA';
  if (base === 'no') return 'nb';
  return base;
}

/** Markup in, markup out (issue 11). */
const HTML_MODE = { textType: 'html' } as const;

interface MicrosoftItem {
  detectedLanguage?: { language?: unknown; score?: unknown };
  translations?: { text?: unknown; to?: unknown }[];
}

export const microsoft: Translator = {
  id: 'microsoft',
  label: 'Microsoft Translator',
  // Undocumented; maintained clients stay at 20 texts / 10,000 characters or below: the same as Google's.
  limits: KEYLESS_WEB_LIMITS,
  configFields: [],
  cacheKeyParts: () => ['edge-v1'],
  async translate({ texts, from, to, signal }: TranslateRequest) {
    const url = new URL(MICROSOFT_URL);
    url.search = new URLSearchParams({ from: microsoftLanguage(from), to: microsoftLanguage(to), isEnterpriseClient: 'false', ...HTML_MODE }).toString();
    const response = await sendRequest(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(texts) },
      signal,
      wording,
    );
    const data = await readJson(response, wording, signal);
    if (!Array.isArray(data)) throw badResponse(wording, 'no list of translations');
    if (data.length !== texts.length) throw badResponse(wording, `${data.length} translations for ${texts.length} texts`);
    return (data as MicrosoftItem[]).map((item, i) => {
      const text = item?.translations?.[0]?.text;
      if (typeof text !== 'string') throw badResponse(wording, `translation ${i + 1} is missing`);
      const detectedLanguage = from === 'auto' ? normaliseDetected(item.detectedLanguage?.language) : undefined;
      return detectedLanguage ? { text, detectedLanguage } : { text };
    });
  },
};
