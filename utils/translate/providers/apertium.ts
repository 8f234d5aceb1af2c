import { t } from '../../i18n/t';
import { badResponse, joinUrl, readJson, sendRequest, type ServiceWording } from '../http';
import { baseLanguage } from '../languages';
import { TranslateError, type ProviderConfig, type TranslateRequest, type Translation, type Translator } from '../types';

/**
 * Apertium APy (PROVIDERS.md "Apertium"): a rule-based engine the reader runs locally (offline).
 * Pairs are ISO 639-3 codes from /listPairs, one text per /translate request, and no language
 * detection — so 'auto' works only when exactly one installed pair leads into the target language.
 */

const wording: ServiceWording = {
  service: 'Apertium',
  authAdvice: t('advice_apertium'),
  // APy answers 400 when the pair is not installed.
  statusKinds: { 400: 'unsupported' },
};

/** ISO 639-1 → 639-3 for languages Apertium has released pairs for. */
const ISO3: Record<string, string> = {
  af: 'afr', an: 'arg', ar: 'ara', ast: 'ast', az: 'aze', be: 'bel', bg: 'bul', br: 'bre', bs: 'bos', ca: 'cat', cs: 'ces',
  cy: 'cym', da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo', es: 'spa', et: 'est', eu: 'eus', fi: 'fin', fo: 'fao',
  fr: 'fra', ga: 'gle', gd: 'gla', gl: 'glg', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', id: 'ind', is: 'isl', it: 'ita',
  ja: 'jpn', kk: 'kaz', ky: 'kir', lt: 'lit', lv: 'lav', mk: 'mkd', ms: 'msa', mt: 'mlt', nb: 'nob', nl: 'nld', nn: 'nno',
  no: 'nob', oc: 'oci', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sc: 'srd', se: 'sme', sk: 'slk', sl: 'slv', sq: 'sqi',
  sr: 'srp', sv: 'swe', tr: 'tur', tt: 'tat', uk: 'ukr', ur: 'urd', uz: 'uzb', zh: 'zho',
};
const ISO1 = Object.fromEntries(Object.entries(ISO3).filter(([two]) => two !== 'no').map(([two, three]) => [three, two]));

/** Our code → 639-3 ("es" → "spa"); a 3-letter code passes through. */
export function toApertium(code: string): string {
  const base = baseLanguage(code);
  return ISO3[base] ?? base;
}

/** APy code → ours ("spa" → "es", "cat_valencia" → "ca", unknown 639-3 codes stay as they are). */
export function fromApertium(code: string): string {
  const base = code.split('_')[0]!.toLowerCase();
  return ISO1[base] ?? base;
}

export interface ApertiumPair {
  sourceLanguage: string;
  targetLanguage: string;
}

const PAIRS_TTL_MS = 5 * 60_000;
const pairsCache = new Map<string, { at: number; pairs: Promise<ApertiumPair[]> }>();

/** Forgets cached pair lists (tests; or after the reader changes the server). */
export function resetApertiumPairs(): void {
  pairsCache.clear();
}

async function fetchPairs(url: string, signal: AbortSignal): Promise<ApertiumPair[]> {
  const response = await sendRequest(joinUrl(url, 'listPairs'), { method: 'GET' }, signal, wording);
  const data = (await readJson(response, wording, signal)) as { responseData?: unknown };
  if (!data || !Array.isArray(data.responseData)) throw badResponse(wording, 'no list of language pairs');
  return (data.responseData as Partial<ApertiumPair>[]).filter(
    (p): p is ApertiumPair => typeof p?.sourceLanguage === 'string' && typeof p.targetLanguage === 'string',
  );
}

export function listPairs(url: string, signal: AbortSignal): Promise<ApertiumPair[]> {
  const cached = pairsCache.get(url);
  if (cached && Date.now() - cached.at < PAIRS_TTL_MS) return cached.pairs;
  const pairs = fetchPairs(url, signal);
  pairsCache.set(url, { at: Date.now(), pairs });
  pairs.catch(() => pairsCache.delete(url));
  return pairs;
}

const base3 = (code: string) => code.split('_')[0]!;
const describe = (pairs: ApertiumPair[]) => pairs.map((p) => `${p.sourceLanguage}→${p.targetLanguage}`).join(', ') || 'none';

/** Picks the installed pair for from → to; a variant ("eng_US") only when the plain code is missing. */
export function choosePair(pairs: ApertiumPair[], from: string, to: string): string {
  const target = toApertium(to);
  const into = pairs.filter((p) => base3(p.targetLanguage) === target);
  const preferExact = (list: ApertiumPair[]) => list.find((p) => p.targetLanguage === target) ?? list[0]!;
  if (from === 'auto') {
    const sources = [...new Set(into.map((p) => p.sourceLanguage))];
    if (sources.length === 1) return `${sources[0]}|${preferExact(into).targetLanguage}`;
    throw new TranslateError(
      'unsupported',
      sources.length === 0
        ? `This Apertium server cannot translate into "${to}" (installed pairs: ${describe(pairs)}).`
        : `Apertium cannot detect the page's language, and it can translate into "${to}" from ${sources.join(', ')}. Set the page's language in Duet instead of "auto".`,
    );
  }
  const source = toApertium(from);
  const matching = into.filter((p) => base3(p.sourceLanguage) === source);
  if (matching.length === 0) {
    throw new TranslateError('unsupported', t('apertium_no_pair', { from, to, pairs: describe(pairs) }));
  }
  const exact = matching.find((p) => p.sourceLanguage === source) ?? matching[0]!;
  return `${exact.sourceLanguage}|${preferExact(matching.filter((p) => p.sourceLanguage === exact.sourceLanguage)).targetLanguage}`;
}

/**
 * Texts are Duet's inline markup (utils/rich-text/wire.ts). `format=html` runs APy's HTML deformatter and
 * reformatter (apertium-deshtml / apertium-rehtml): tags pass the engine as blanks and come back where
 * the words they wrap went, entities re-encoded. (Without it APy still deformats as HTML but reformats
 * with `html-noent`, which would hand back a literal `<` from the text unescaped.)
 */
const HTML_FORMAT = { format: 'html' } as const;

function serverUrl(config: ProviderConfig): string {
  return config.url?.trim() ?? '';
}

export const apertium: Translator = {
  id: 'apertium',
  label: t('label_apertium'),
  limits: {
    // APy takes one text per request; a warm pair answers a paragraph in ~15 ms, so many small requests
    // are cheap. Concurrency 2 fits APy's default of one pipeline per pair.
    maxTextsPerRequest: 1,
    maxCharsPerRequest: 10_000,
    requestsPerSecond: 20,
    concurrency: 2,
    timeoutMs: 20_000,
  },
  configFields: [
    { name: 'url', label: t('field_apy_url'), kind: 'url', required: true, placeholder: 'http://localhost:2737', help: t('help_apy_url') },
  ],
  cacheKeyParts: () => ['apy-v1'],
  checkUsable: (config) => (serverUrl(config) ? undefined : `${t('setup_apertium_url')} ${t('setup_add_in_settings')}`),
  async listTargetLanguages(config, signal) {
    const pairs = await listPairs(serverUrl(config), signal);
    return [...new Set(pairs.map((p) => fromApertium(p.targetLanguage)))].sort();
  },
  async translate({ texts, from, to, signal }: TranslateRequest, config: ProviderConfig): Promise<Translation[]> {
    const url = serverUrl(config);
    if (!url) throw new TranslateError('auth', `${t('setup_apertium_url')} ${t('setup_add_in_settings')}`);
    const langpair = choosePair(await listPairs(url, signal), from, to);
    const results: Translation[] = [];
    for (const text of texts) {
      const response = await sendRequest(
        joinUrl(url, 'translate'),
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ langpair, q: text, markUnknown: 'no', ...HTML_FORMAT }).toString(),
        },
        signal,
        wording,
      );
      const data = (await readJson(response, wording, signal)) as { responseData?: { translatedText?: unknown }; responseStatus?: unknown };
      const translated = data?.responseData?.translatedText;
      if (typeof translated !== 'string' || (data.responseStatus !== undefined && data.responseStatus !== 200)) {
        throw badResponse(wording, 'no translated text');
      }
      results.push({ text: translated });
    }
    return results;
  },
};
