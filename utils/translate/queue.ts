import { t, tn } from '../i18n/t';
import { checkTranslationCount } from './count-check';
import { packTexts } from './packing';
import { RequestLimiter } from './rate-limit';
import { abortedError, backoffDelay, DEFAULT_RETRY_POLICY, sleep, type RetryPolicy } from './retry';
import { TranslateError, type ProviderConfig, type ProviderLimits, type ServiceId, type Translation, type Translator } from './types';

/**
 * One request queue per provider, shared by all tabs (the background is one process): enforces the
 * provider's limits, times out each request, retries what is worth retrying and stops on the rest.
 * The batcher (./batcher.ts) decides what goes into a request; this module decides when it is sent.
 */
export interface ProviderQueue {
  run(texts: string[], from: string, to: string, config: ProviderConfig, signal: AbortSignal, options?: RunOptions): Promise<Translation[]>;
  /** True when `n` requests could start right now without waiting for a slot or the rate limit. */
  canStartNow(n: number): boolean;
  /** Ends a 429 pause now (the reader pressed Retry). */
  resume(): void;
}

export interface RunOptions {
  /** The tab asking (fair share between tabs, rate-limit.ts). */
  lane?: string;
  /**
   * Retry less when a fallback service is waiting to take over: attempts and total time for this run
   * (default: the queue's retry policy).
   */
  maxAttempts?: number;
  maxTotalMs?: number;
}

export interface QueueOptions {
  retry?: RetryPolicy;
  /** Jitter source; tests pass a constant. */
  random?: () => number;
  /** Lanes (tabs) served first: the active tab's. */
  isUrgent?: (lane: string) => boolean;
}

/** The queues of every service, made once by the composition root and shared by all tabs. */
export interface ProviderQueues {
  get(translator: Translator): ProviderQueue;
}

export function createProviderQueues(options: QueueOptions = {}): ProviderQueues {
  const queues = new Map<ServiceId, { translator: Translator; queue: ProviderQueue }>();
  return {
    get(translator) {
      const existing = queues.get(translator.id);
      if (existing && existing.translator === translator) return existing.queue;
      const queue = createProviderQueue(translator, options);
      queues.set(translator.id, { translator, queue });
      return queue;
    },
  };
}

/** Splits texts so no request carries more than the provider's limits; a single over-long text goes alone. */
export function splitByLimits(texts: string[], limits: Pick<ProviderLimits, 'maxTextsPerRequest' | 'maxCharsPerRequest'>): string[][] {
  return packTexts(
    texts.map((text) => ({ text })),
    limits,
  ).map((chunk) => chunk.map((item) => item.text));
}

/** A rate-limit failure that names the (capped) wait, so the reader is told when Duet tries again. */
function waitError(label: string, waitMs: number, cause?: unknown): TranslateError {
  return new TranslateError('rate-limit', t('svc_wait', { service: label }), { retryAfterMs: waitMs, service: label, cause });
}

export function createProviderQueue(translator: Translator, options: QueueOptions = {}): ProviderQueue {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const limiter = new RequestLimiter(translator.limits, options.isUrgent ? { isUrgent: options.isUrgent } : {});

  /** One attempt: a per-request signal that aborts on the caller's abort or on timeout, whichever comes first. */
  async function attempt(texts: string[], from: string, to: string, config: ProviderConfig, signal: AbortSignal): Promise<Translation[]> {
    const controller = new AbortController();
    let timedOut = false;
    let onStop: (() => void) | undefined;
    // Rejects when the request is abandoned even if the provider ignores its signal
    // (Chrome's Translator.create() can hang forever): never wait unbounded.
    const stopped = new Promise<never>((_, reject) => {
      onStop = () => reject(controller.signal.reason);
    });
    const onCallerAbort = () => controller.abort(abortedError(signal.reason));
    signal.addEventListener('abort', onCallerAbort, { once: true });
    controller.signal.addEventListener('abort', () => onStop?.(), { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new TranslateError('timeout', tn('svc_timeout_seconds', Math.round(translator.limits.timeoutMs / 1000), { service: translator.label })));
    }, translator.limits.timeoutMs);
    try {
      const result = await Promise.race([translator.translate({ texts, from, to, signal: controller.signal }, config), stopped]);
      checkTranslationCount(translator.label, result, texts.length);
      return result;
    } catch (error) {
      if (signal.aborted) throw abortedError(signal.reason);
      if (timedOut) throw controller.signal.reason as TranslateError;
      if (error instanceof TranslateError) throw error;
      throw new TranslateError('bad-response', t('svc_failed_unexpectedly', { service: translator.label, error: error instanceof Error ? error.message : String(error) }), { cause: error });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onCallerAbort);
      stopped.catch(() => undefined);
    }
  }

  async function runChunk(texts: string[], from: string, to: string, config: ProviderConfig, signal: AbortSignal, run: RunOptions): Promise<Translation[]> {
    const firstStart = Date.now();
    const maxAttempts = run.maxAttempts ?? policy.maxAttempts;
    const maxTotalMs = run.maxTotalMs ?? policy.maxTotalMs;
    for (let attemptNo = 1; ; attemptNo++) {
      // Every wait has a deadline: a pause longer than this run may wait fails now, naming when to retry.
      const paused = limiter.pausedFor();
      if (paused > 0 && Date.now() - firstStart + paused > maxTotalMs) throw waitError(translator.label, paused);
      const release = await limiter.acquire(signal, run.lane === undefined ? {} : { lane: run.lane });
      let failure: TranslateError;
      let delay: number;
      try {
        return await attempt(texts, from, to, config, signal);
      } catch (error) {
        failure = error as TranslateError;
        delay = backoffDelay(attemptNo, failure, policy, random);
        // A 429 is about the provider, not this request: hold every caller back, before this slot is
        // released to the next one and whether or not this request tries again.
        if (failure.kind === 'rate-limit') limiter.pause(delay);
      } finally {
        release();
      }
      const overBudget = Date.now() - firstStart + delay > maxTotalMs;
      if (failure.kind === 'rate-limit' && failure.options.retryAfterMs !== undefined && (overBudget || attemptNo >= maxAttempts)) {
        throw waitError(translator.label, delay, failure);
      }
      if (!failure.retryable || attemptNo >= maxAttempts || overBudget) throw failure;
      await sleep(delay, signal);
    }
  }

  return {
    canStartNow: (n) => limiter.canStartNow(n),
    resume: () => limiter.resume(),
    async run(texts, from, to, config, signal, run = {}) {
      if (signal.aborted) throw abortedError(signal.reason);
      if (texts.length === 0) return [];
      const chunks = splitByLimits(texts, translator.limits);
      if (chunks.length === 1) return runChunk(texts, from, to, config, signal, run);
      // Defensive path (the batcher should not send oversize batches): the first failure cancels the siblings.
      const group = new AbortController();
      const onAbort = () => group.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const parts = await Promise.all(
          chunks.map((chunk) =>
            runChunk(chunk, from, to, config, group.signal, run).catch((error: unknown) => {
              group.abort(error);
              throw error;
            }),
          ),
        );
        return parts.flat();
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
