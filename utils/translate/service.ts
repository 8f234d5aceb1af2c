import type { ErrorInfo, UnitResult } from '../messaging/protocol';
import { cacheKey } from '../cache/key';
import type { CacheEntry, CachedTranslation, TranslationCache } from '../cache/translation-cache';
import type { Batcher, TextOutcome } from './batcher';
import { toErrorInfo } from './error-info';
import { baseLanguage } from './languages';
import { TranslateError, type ProviderConfig, type ProviderId, type ServiceId, type Translator } from './types';

export type { UnitResult } from '../messaging/protocol';

/**
 * The background's translation path for one batch of units from one tab (DESIGN.md steps 4–6):
 * one cache transaction for the whole job, hits reported at once, misses through the batcher,
 * results reported as each provider request returns and written through to the cache.
 *
 * With a fallback chain (./fallback-chain.ts) the cache is looked up under every step's key (first
 * step first) and an answer is stored under the key of the service that gave it, so a Microsoft
 * translation is never passed off as Google's once Google is back.
 */
export interface TranslateJob {
  providerId: ProviderId;
  from: string;
  to: string;
  units: { id: string; text: string }[];
  signal: AbortSignal;
  /** Top-level site of the asking page: the cache partition (../cache/key.ts). */
  site?: string;
  /** The asking tab, for the queue's fair share. */
  lane?: string;
  /** `notice`: set when another service than the chosen one translated these (which and why). */
  onResults: (results: UnitResult[], notice?: string) => void;
  onError: (ids: string[], error: ErrorInfo) => void;
}

export interface TranslationServiceDeps {
  cache: TranslationCache;
  batcher: Batcher;
  getTranslator: (id: ServiceId) => Translator;
  getConfig: (id: ServiceId) => Promise<ProviderConfig>;
  /** The services a job for `id` may be answered by, in order (default: `id` alone). */
  chainSteps?: (id: ProviderId) => Promise<ServiceId[]>;
  /** Says which service translated instead of the chosen one, and why. */
  noticeFor?: (selected: ProviderId, via: ServiceId) => string;
}

export interface TranslationService {
  /** Resolves once every unit is reported (or the job was aborted) and cache writes have finished. */
  translateUnits(job: TranslateJob): Promise<void>;
}

type JobUnit = { id: string; text: string };
/** Units whose texts share a cache key (identical up to whitespace) share one translation. */
interface SharedText {
  /** Cache key under the first step (the chosen service). */
  key: string;
  /** Cache key under each step of the chain, in chain order. */
  keys: string[];
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
  const primaryA = baseLanguage(a);
  const primaryB = baseLanguage(b);
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

/** What a job that is already fetching a text hands to another job asking for it meanwhile; undefined: it gave up (aborted). */
type Handover = { ok: true; translation: CachedTranslation } | { ok: false; error: unknown } | undefined;

export function createTranslationService(deps: TranslationServiceDeps): TranslationService {
  /**
   * Texts some job is fetching, by cache key, from before its cache lookup until its answer: a second
   * job (another tab, the same article) waits for that answer instead of looking up and sending the text
   * again. The batcher shares requests in flight; this covers the window around them (the lookup, the
   * write), where ten tabs of one page used to send 60 texts for 50.
   */
  const fetching = new Map<string, Promise<Handover>>();
  async function groupByKey(job: TranslateJob, steps: ServiceId[]): Promise<Map<string, SharedText>> {
    const parts = await Promise.all(steps.map(async (id) => deps.getTranslator(id).cacheKeyParts(await deps.getConfig(id))));
    const keysOfText = new Map<string, Promise<string[]>>();
    for (const { text } of job.units) {
      if (!keysOfText.has(text)) {
        const site = job.site ?? '';
        keysOfText.set(
          text,
          Promise.all(steps.map((provider, i) => cacheKey({ provider, providerParts: parts[i]!, from: job.from, to: job.to, text, site }))),
        );
      }
    }
    const shared = new Map<string, SharedText>();
    for (const unit of job.units) {
      const keys = await (keysOfText.get(unit.text) as Promise<string[]>);
      const key = keys[0]!;
      const entry = shared.get(key);
      if (entry) entry.units.push(unit);
      else shared.set(key, { key, keys, text: unit.text, units: [unit] });
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
    let steps: ServiceId[];
    try {
      steps = (await deps.chainSteps?.(job.providerId)) ?? [job.providerId];
      shared = await groupByKey(job, steps);
    } catch (error) {
      if (!signal.aborted) job.onError(job.units.map((u) => u.id), toErrorInfo(error));
      return;
    }

    // Texts another job is fetching right now are awaited, not fetched again; the rest are this job's.
    const owned = new Map<string, (handover: Handover) => void>();
    const borrowed: [SharedText, Promise<Handover>][] = [];
    for (const entry of [...shared.values()]) {
      const other = fetching.get(entry.key);
      if (other) {
        borrowed.push([entry, other]);
        shared.delete(entry.key);
        continue;
      }
      let resolve!: (handover: Handover) => void;
      const promise = new Promise<Handover>((r) => (resolve = r));
      fetching.set(entry.key, promise);
      owned.set(entry.key, (handover) => {
        if (fetching.get(entry.key) === promise) fetching.delete(entry.key);
        owned.delete(entry.key);
        resolve(handover);
      });
    }
    try {
      await Promise.all([translateOwn(job, shared, steps, owned), awaitBorrowed(job, borrowed)]);
    } finally {
      for (const release of [...owned.values()]) release(undefined); // gave up: the waiters fetch it themselves
    }
  }

  /** Reports what other jobs fetched for this one; texts they gave up on are fetched by this job. */
  async function awaitBorrowed(job: TranslateJob, borrowed: [SharedText, Promise<Handover>][]): Promise<void> {
    if (borrowed.length === 0) return;
    const results: UnitResult[] = [];
    const failed = new Map<unknown, string[]>();
    const again: JobUnit[] = [];
    await Promise.all(
      borrowed.map(async ([entry, promise]) => {
        const handover = await promise;
        if (handover?.ok) for (const unit of entry.units) results.push(toResult(unit, handover.translation, false, job.to));
        else if (handover) failed.set(handover.error, [...(failed.get(handover.error) ?? []), ...entry.units.map((u) => u.id)]);
        else again.push(...entry.units);
      }),
    );
    if (job.signal.aborted) return;
    if (results.length > 0) job.onResults(results);
    for (const [error, ids] of failed) job.onError(ids, toErrorInfo(error));
    if (again.length > 0) await translateUnits({ ...job, units: again });
  }

  async function translateOwn(
    job: TranslateJob,
    shared: Map<string, SharedText>,
    steps: ServiceId[],
    owned: Map<string, (handover: Handover) => void>,
  ): Promise<void> {
    const { signal } = job;
    if (shared.size === 0) return;
    const hits = await lookUp([...shared.values()].flatMap((entry) => entry.keys));
    if (signal.aborted) return;
    const hitResults: UnitResult[] = [];
    const misses = new Map<string, SharedText>(); // by text sent
    for (const entry of shared.values()) {
      const hitKey = entry.keys.find((k) => hits.has(k));
      const hit = hitKey === undefined ? undefined : hits.get(hitKey);
      if (hit) {
        owned.get(entry.key)?.({ ok: true, translation: hit });
        for (const unit of entry.units) hitResults.push(toResult(unit, hit, true, job.to));
      } else misses.set(entry.text, entry);
    }
    if (hitResults.length > 0) job.onResults(hitResults);
    if (misses.size === 0) return;

    const writes: Promise<void>[] = [];
    const onSettled = (outcomes: TextOutcome[]): void => {
      if (signal.aborted) return; // the tab no longer wants these; other waiters write their own
      const results: UnitResult[] = [];
      const toCache: CacheEntry[] = [];
      const failedIds = new Map<unknown, string[]>(); // by error: one report per failed request
      let via: ServiceId | undefined;
      for (const outcome of outcomes) {
        const entry = misses.get(outcome.text);
        if (!entry) continue;
        const cancelled = !outcome.ok && outcome.error instanceof TranslateError && outcome.error.kind === 'aborted';
        owned.get(entry.key)?.(outcome.ok ? { ok: true, translation: outcome.translation } : cancelled ? undefined : { ok: false, error: outcome.error });
        if (outcome.ok) {
          const { translation } = outcome;
          if (translation.via !== undefined && translation.via !== job.providerId) via = translation.via;
          for (const unit of entry.units) results.push(toResult(unit, translation, false, job.to));
          // An empty answer to a non-empty text is a provider hiccup, not worth remembering.
          const key = entry.keys[translation.via === undefined ? 0 : steps.indexOf(translation.via)];
          if (translation.text.trim() !== '' && key !== undefined) {
            const cacheEntry: CacheEntry = { key, text: translation.text };
            if (translation.detectedLanguage !== undefined) cacheEntry.detectedLanguage = translation.detectedLanguage;
            toCache.push(cacheEntry);
          }
        } else {
          const ids = failedIds.get(outcome.error) ?? [];
          ids.push(...entry.units.map((u) => u.id));
          failedIds.set(outcome.error, ids);
        }
      }
      if (results.length > 0) {
        const notice = via === undefined ? undefined : deps.noticeFor?.(job.providerId, via);
        if (notice === undefined) job.onResults(results);
        else job.onResults(results, notice);
      }
      for (const [error, ids] of failedIds) job.onError(ids, toErrorInfo(error));
      if (toCache.length > 0) {
        writes.push(deps.cache.putMany(toCache).catch((error: unknown) => console.warn('[duet] cache write failed:', error)));
      }
    };

    const asker = { ...(job.lane === undefined ? {} : { lane: job.lane }), partition: job.site ?? '' };
    await deps.batcher.translateMany(job.providerId, job.from, job.to, [...misses.keys()], signal, onSettled, asker);
    await Promise.all(writes);
  }

  return { translateUnits };
}
