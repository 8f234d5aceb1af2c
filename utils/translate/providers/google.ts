import { badResponse, readJson, sendRequest, type ServiceWording } from '../http';
import { markupToPlain, plainToMarkup } from '../../rich-text/wire';
import { canonicalTag, normaliseDetected } from '../languages';
import { type TranslateRequest, type Translation, type Translator } from '../types';

/**
 * Google Translate through the keyless web endpoints (PROVIDERS.md "Google"):
 * - batch (`google`): translate-pa.googleapis.com/v1/translateHtml — what Chrome's page translation and
 *   the website-translator element use; many texts per request, HTML in and out;
 * - single (`google-single`, ./google-single.ts): translate_a/single — one text per GET, a later step of
 *   the fallback chain (../fallback-chain.ts), which decides when to use it.
 * Neither is documented; 429 arrives without Retry-After when hammered, hence the modest limits.
 */

export const GOOGLE_BATCH_URL = 'https://translate-pa.googleapis.com/v1/translateHtml';
export const GOOGLE_SINGLE_URL = 'https://translate.googleapis.com/translate_a/single';
/** The public key Google's own website-translator script sends; open-source clients use the same one. */
export const GOOGLE_WEB_API_KEY = 'AIzaSyATBXajvzQLTDHEQbcpq0Ihe0vWDHmO520';

export const googleWording: ServiceWording = {
  service: 'Google Translate',
  // No key involved: a 401/403 means Google is refusing this client or network ('blocked', http.ts).
  keyless: true,
};
const wording = googleWording;

/** Google wants "zh-CN"/"zh-TW" for Chinese; other codes pass with the region upper-cased. */
export function googleLanguage(code: string): string {
  if (code === 'auto') return 'auto';
  const tag = canonicalTag(code);
  if (tag === 'zh' || tag === 'zh-Hans') return 'zh-CN';
  if (tag === 'zh-Hant') return 'zh-TW';
  return tag;
}

/**
 * Texts are Duet's inline markup (utils/rich-text/wire.ts): escaped text with numbered placeholder tags,
 * which translateHtml keeps around the words they wrap (it is HTML in, HTML out, like Chrome's own page
 * translation). The answer is returned as HTML too; the content script rebuilds it from its whitelist.
 */
const asGoogleHtml = (markup: string): string => markup;

async function translateBatch(texts: string[], from: string, to: string, signal: AbortSignal): Promise<Translation[]> {
  const response = await sendRequest(
    GOOGLE_BATCH_URL,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json+protobuf', 'X-Goog-API-Key': GOOGLE_WEB_API_KEY },
      body: JSON.stringify([[texts.map(asGoogleHtml), googleLanguage(from), googleLanguage(to)], 'wt_lib']),
    },
    signal,
    wording,
  );
  const data = await readJson(response, wording, signal);
  if (!Array.isArray(data) || !Array.isArray(data[0])) throw badResponse(wording, 'no list of translations');
  const translated: unknown[] = data[0];
  const detected: unknown[] = Array.isArray(data[1]) ? data[1] : [];
  if (translated.length !== texts.length) throw badResponse(wording, `${translated.length} translations for ${texts.length} texts`);
  return translated.map((html, i) => {
    if (typeof html !== 'string') throw badResponse(wording, `translation ${i + 1} is not text`);
    const detectedLanguage = from === 'auto' ? normaliseDetected(detected[i]) : undefined;
    return detectedLanguage ? { text: html, detectedLanguage } : { text: html };
  });
}

/**
 * `client=gtx` has answered 429 "automated queries" to the first request since about 2026-08-22, for
 * days (PROVIDERS.md); `dict-chrome-ex` (Google's dictionary extension) still answered 200 with the
 * same array shape in those reports.
 */
export const GOOGLE_SINGLE_CLIENT = 'dict-chrome-ex';

export async function translateSingle(markup: string, from: string, to: string, signal: AbortSignal): Promise<Translation> {
  // The single endpoint is text-only: the unit goes as plain text and its inline markup is lost (issue 11).
  const text = markupToPlain(markup);
  if (text.trim() === '') return { text: markup };
  const url = new URL(GOOGLE_SINGLE_URL);
  url.search = new URLSearchParams({ client: GOOGLE_SINGLE_CLIENT, sl: googleLanguage(from), tl: googleLanguage(to), dt: 't', q: text }).toString();
  const response = await sendRequest(url, { method: 'GET' }, signal, wording);
  const data = await readJson(response, wording, signal);
  // Shape: [[["sentence translation","sentence original",…],…], null, "de", …]
  if (!Array.isArray(data) || !Array.isArray(data[0])) throw badResponse(wording, 'no sentences');
  const sentences = (data[0] as unknown[]).map((sentence) => (Array.isArray(sentence) && typeof sentence[0] === 'string' ? sentence[0] : null));
  if (sentences.some((s) => s === null)) throw badResponse(wording, 'a sentence without text');
  const detectedLanguage = from === 'auto' ? normaliseDetected(data[2]) : undefined;
  const joined = plainToMarkup(sentences.join(''));
  return detectedLanguage ? { text: joined, detectedLanguage } : { text: joined };
}

/**
 * The keyless web endpoints (Google's, Edge's) publish no limits and answer 429 when hammered.
 * 20 texts like Kiss Translator; 5,000 characters rather than its 10,000 because escaping grows the
 * text, a failed or slow request then costs less, and articles fill requests evenly anyway.
 * Starts: two at once, ten a second sustained, i.e. Kiss Translator's default pace for these same
 * endpoints (a request every 100 ms) with two in flight where it allows ten. Ten a second lets an
 * endless page scrolled at full speed (a batch every ~300 ms) split every batch in two; at five a
 * second every other batch waited for a start (slowest batch 323 ms, `npm run bench`). Four in
 * flight made the heavy page's first screen slower, not faster: its request came back last, behind
 * the layout of the requests for further down (131 ms against 36 ms of Duet's own time).
 * A 429 still pauses every tab's requests together (rate-limit.ts). A 50-paragraph article is 3 requests.
 */
export const KEYLESS_WEB_LIMITS = {
  maxTextsPerRequest: 20,
  maxCharsPerRequest: 5_000,
  requestsPerSecond: 10,
  concurrency: 2,
  timeoutMs: 15_000,
} as const;

export const google: Translator = {
  id: 'google',
  label: 'Google Translate',
  limits: KEYLESS_WEB_LIMITS,
  configFields: [],
  cacheKeyParts: () => ['web-v1'],
  translate: ({ texts, from, to, signal }: TranslateRequest) => translateBatch(texts, from, to, signal),
};
