import type { ErrorInfo } from '../messaging/protocol';
import { cacheKey } from '../cache/key';
import type { CacheEntry, CachedTranslation, TranslationCache } from '../cache/translation-cache';
import type { Batcher, TextOutcome } from './batcher';
import { toErrorInfo } from './error-info';
import type { ProviderConfig, ProviderId, Translator } from './types';

/**
 * The background's translation path for one batch of units from one tab (DESIGN.md steps 4–6):
 * one cache transaction for the whole job, hits reported at once, misses through the batcher,
 * results reported as each provider request returns and written through to the cache.
 */
export interface UnitResult {
  id: string;
  text: string;
  detectedLanguage?: string;
  cached: boolean;
  /** The text is already in the target language: `text` is the original, the UI may skip the unit. */
  sameLanguage?: true;
}

export interface TranslateJob {
  providerId: ProviderId;
  from: string;
  to: string;
  units: { id: string; text: string }[];
  signal: AbortSignal;
  onResults: (results: UnitResult[]) => void;
  onError: (ids: string[], error: ErrorInfo) => void;
}

export interface TranslationServiceDeps {
  cache: TranslationCache;
  batcher: Batcher;
  getTranslator: (id: ProviderId) => Translator;
  getConfig: (id: ProviderId) => Promise<ProviderConfig>;
}

export interface TranslationService {
  /** Resolves once every unit is reported (or the job was aborted) and cache writes have finished. */
  translateUnits(job: TranslateJob): Promise<void>;
}

type JobUnit = { id: string; text: string };
/** Units whose texts share a cache key (identical up to whitespace) share one translation. */
interface SharedText {
  key: string;
  /** The text sent to the provider: the first unit's. */
  text: string;
  units: JobUnit[];
}

/**
 * Same language when the primary subtags match (`DE` ≈ `de`, `en` ≈ `en-US`), except Chinese, where
 * `zh-TW` → `zh-CN` is a real translation (script conversion), so the whole tag must match
 * (when unsure, translate: a needless request costs less than a paragraph left untranslated).
 */
export function isSameLanguage(detected: string | undefined, target: string): boolean {
  if (!detected) return false;
  const a = detected.toLowerCase().replace(/_/g, '-');
  const b = target.toLowerCase().replace(/_/g, '-');
  const primaryA = a.split('-')[0];
  const primaryB = b.split('-')[0];
  if (primaryA !== primaryB) return false;
  return primaryA !== 'zh' || a === b;
}

function toResult(unit: JobUnit, translation: CachedTranslation, cached: boolean, to: string): UnitResult {
  const result: UnitResult = { id: unit.id, text: translation.text, cached };
  if (translation.detectedLanguage !== undefined) result.detectedLanguage = translation.detectedLanguage;
  if (isSameLanguage(translation.detectedLanguage, to)) {
    result.text = unit.text;
    result.sameLanguage = true;
  }
  return result;
}

export function createTranslationService(deps: TranslationServiceDeps): TranslationService {
  async function groupByKey(job: TranslateJob, providerParts: string[]): Promise<Map<string, SharedText>> {
    const keyOfText = new Map<string, Promise<string>>();
    for (const { text } of job.units) {
      if (!keyOfText.has(text)) {
        keyOfText.set(text, cacheKey({ provider: job.providerId, providerParts, from: job.from, to: job.to, text }));
      }
    }
    const shared = new Map<string, SharedText>();
    for (const unit of job.units) {
      const key = await (keyOfText.get(unit.text) as Promise<string>);
      const entry = shared.get(key);
      if (entry) entry.units.push(unit);
      else shared.set(key, { key, text: unit.text, units: [unit] });
    }
    return shared;
  }

  async function lookUp(keys: string[]): Promise<Map<string, CachedTranslation>> {
    try {
      return await deps.cache.getMany(keys);
    } catch (error) {
      // A broken cache must not stop translation: treat everything as a miss.
      console.warn('[duet] cache lookup failed; translating without it:', error);
      return new Map();
    }
  }

  async function translateUnits(job: TranslateJob): Promise<void> {
    const { signal } = job;
    if (signal.aborted || job.units.length === 0) return;

    let shared: Map<string, SharedText>;
    try {
      const translator = deps.getTranslator(job.providerId);
      const config = await deps.getConfig(job.providerId);
      shared = await groupByKey(job, translator.cacheKeyParts(config));
    } catch (error) {
      if (!signal.aborted) job.onError(job.units.map((u) => u.id), toErrorInfo(error));
      return;
    }

    const hits = await lookUp([...shared.keys()]);
    if (signal.aborted) return;
    const hitResults: UnitResult[] = [];
    const misses = new Map<string, SharedText>(); // by text sent
    for (const entry of shared.values()) {
      const hit = hits.get(entry.key);
      if (hit) for (const unit of entry.units) hitResults.push(toResult(unit, hit, true, job.to));
      else misses.set(entry.text, entry);
    }
    if (hitResults.length > 0) job.onResults(hitResults);
    if (misses.size === 0) return;

    const writes: Promise<void>[] = [];
    const onSettled = (outcomes: TextOutcome[]): void => {
      if (signal.aborted) return; // the tab no longer wants these; other waiters write their own
      const results: UnitResult[] = [];
      const toCache: CacheEntry[] = [];
      const failedIds = new Map<unknown, string[]>(); // by error: one report per failed request
      for (const outcome of outcomes) {
        const entry = misses.get(outcome.text);
        if (!entry) continue;
        if (outcome.ok) {
          const { translation } = outcome;
          for (const unit of entry.units) results.push(toResult(unit, translation, false, job.to));
          // An empty answer to a non-empty text is a provider hiccup, not worth remembering.
          if (translation.text.trim() !== '') {
            const cacheEntry: CacheEntry = { key: entry.key, text: translation.text };
            if (translation.detectedLanguage !== undefined) cacheEntry.detectedLanguage = translation.detectedLanguage;
            toCache.push(cacheEntry);
          }
        } else {
          const ids = failedIds.get(outcome.error) ?? [];
          ids.push(...entry.units.map((u) => u.id));
          failedIds.set(outcome.error, ids);
        }
      }
      if (results.length > 0) job.onResults(results);
      for (const [error, ids] of failedIds) job.onError(ids, toErrorInfo(error));
      if (toCache.length > 0) {
        writes.push(deps.cache.putMany(toCache).catch((error: unknown) => console.warn('[duet] cache write failed:', error)));
      }
    };

    await deps.batcher.translateMany(job.providerId, job.from, job.to, [...misses.keys()], signal, onSettled);
    await Promise.all(writes);
  }

  return { translateUnits };
}
