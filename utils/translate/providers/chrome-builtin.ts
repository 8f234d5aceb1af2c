import { t } from '../../i18n/t';
import { baseLanguage, canonicalTag, normaliseDetected } from '../languages';
import { abortedError } from '../retry';
import { markupToPlain, plainToMarkup } from '../../rich-text/wire';
import { TranslateError, type TranslateRequest, type Translation, type Translator } from '../types';

/**
 * Chrome's on-device Translator API (PROVIDERS.md "Chrome built-in"), available in extension service
 * workers on desktop Chrome 138+. Model downloads can stall (in offline Chromium `create()` never
 * resolves), so every wait here is bounded by a timeout as well as the request's signal.
 */

type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';
interface CreateMonitor extends EventTarget {}
interface BuiltinTranslator {
  translate(text: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy?(): void;
}
interface TranslatorFactory {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<Availability>;
  create(options: { sourceLanguage: string; targetLanguage: string; monitor?: (m: CreateMonitor) => void; signal?: AbortSignal }): Promise<BuiltinTranslator>;
}
interface LanguageDetectorFactory {
  availability(options?: unknown): Promise<Availability>;
  create(options?: { signal?: AbortSignal }): Promise<{ detect(text: string, options?: { signal?: AbortSignal }): Promise<{ detectedLanguage?: string; confidence?: number }[]> }>;
}

/** How long `create()` may take before we tell the reader the model is not ready. */
export const CREATE_TIMEOUT_MS = 10_000;

const api = () => (globalThis as { Translator?: TranslatorFactory }).Translator;
const detectorApi = () => (globalThis as { LanguageDetector?: LanguageDetectorFactory }).LanguageDetector;

const translators = new Map<string, Promise<BuiltinTranslator>>();

/** Forgets created translators (tests). */
export function resetChromeBuiltin(): void {
  translators.clear();
}

/** Chrome takes BCP 47 tags; "zh-tw" → "zh-Hant", other regions dropped (models are per language). */
export function chromeLanguage(code: string): string {
  const tag = canonicalTag(code);
  if (baseLanguage(tag) === 'zh') return tag === 'zh-TW' || tag === 'zh-HK' || tag === 'zh-Hant' ? 'zh-Hant' : 'zh';
  return baseLanguage(tag);
}

/** Resolves `promise`, or rejects with `onTimeout()` after `ms`, or with 'aborted' when `signal` aborts. */
function bounded<T>(promise: Promise<T>, ms: number, signal: AbortSignal, onTimeout: () => TranslateError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = (error: unknown) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = () => stop(abortedError(signal.reason));
    const timer = setTimeout(() => stop(onTimeout()), ms);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, stop);
  });
}

async function detect(texts: string[], signal: AbortSignal): Promise<string> {
  const factory = detectorApi();
  const state = factory ? await factory.availability() : 'unavailable';
  if (!factory || state !== 'available') {
    throw new TranslateError('unsupported', t('builtin_no_detector'));
  }
  const notReady = () => new TranslateError('unsupported', t('builtin_detector_slow'));
  const detector = await bounded(factory.create({ signal }), CREATE_TIMEOUT_MS, signal, notReady);
  const results = await detector.detect(texts.map((t) => markupToPlain(t)).join('\n'), { signal });
  const language = normaliseDetected(results[0]?.detectedLanguage);
  if (!language || language === 'und') throw new TranslateError('unsupported', t('builtin_unknown_language'));
  return language;
}

async function translatorFor(source: string, target: string, signal: AbortSignal): Promise<BuiltinTranslator> {
  const factory = api()!;
  const key = `${source}|${target}`;
  const cached = translators.get(key);
  const notStarted = () => new TranslateError('unsupported', t('builtin_not_started'));
  if (cached) return bounded(cached, CREATE_TIMEOUT_MS * 2, signal, notStarted);
  const state = await factory.availability({ sourceLanguage: source, targetLanguage: target });
  if (state === 'unavailable') {
    throw new TranslateError('unsupported', t('builtin_pair', { from: source, to: target }));
  }
  let progress = 0;
  // The created translator is shared by later requests, so its creation must not be tied to this
  // request's signal (aborting that signal after creation would destroy the shared translator).
  const creation = new AbortController();
  const created = factory.create({
    sourceLanguage: source,
    targetLanguage: target,
    monitor: (m) => m.addEventListener('downloadprogress', (e) => (progress = (e as Event & { loaded?: number }).loaded ?? progress)),
    signal: creation.signal,
  });
  const ready = bounded(created, CREATE_TIMEOUT_MS, new AbortController().signal, () =>
    new TranslateError(
      'unsupported',
      state === 'available'
        ? `Chrome's built-in translator for ${source} → ${target} did not start in time. Try again, or choose another service.`
        : `Chrome has not finished downloading its ${source} → ${target} language model (${Math.round(progress * 100)}%). Try again later, or choose another service.`,
    ),
  );
  translators.set(key, ready);
  ready.catch((error: unknown) => {
    translators.delete(key);
    creation.abort(error);
  });
  // This caller stops waiting when its own signal aborts; creation goes on for the next caller.
  return bounded(ready, CREATE_TIMEOUT_MS * 2, signal, notStarted);
}

export const chromeBuiltin: Translator = {
  id: 'chrome-builtin',
  label: t('label_chrome_builtin'),
  limits: {
    // On-device: no network limits, but one model works one text at a time; batches only group calls.
    maxTextsPerRequest: 20,
    maxCharsPerRequest: 5_000,
    requestsPerSecond: 50,
    concurrency: 1,
    timeoutMs: 30_000,
  },
  configFields: [],
  cacheKeyParts: () => ['on-device-v1'],
  checkUsable: () =>
    api() ? undefined : t('setup_chrome_builtin'),
  async translate({ texts, from, to, signal }: TranslateRequest): Promise<Translation[]> {
    if (!api()) throw new TranslateError('unsupported', t('setup_chrome_builtin'));
    const source = from === 'auto' ? await detect(texts, signal) : chromeLanguage(from);
    const target = chromeLanguage(to);
    const translator = await translatorFor(chromeLanguage(source), target, signal);
    const results: Translation[] = [];
    for (const text of texts) {
      // Text-only API: the unit goes as plain text, its inline markup is lost (issue 11).
      const translated = plainToMarkup(await translator.translate(markupToPlain(text), { signal }));
      results.push(from === 'auto' ? { text: translated, detectedLanguage: source } : { text: translated });
    }
    return results;
  },
};
