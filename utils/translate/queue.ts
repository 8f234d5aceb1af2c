import { RequestLimiter } from './rate-limit';
import { abortedError, backoffDelay, DEFAULT_RETRY_POLICY, sleep, type RetryPolicy } from './retry';
import { TranslateError, type ProviderConfig, type ProviderId, type ProviderLimits, type Translation, type Translator } from './types';

/**
 * One request queue per provider, shared by all tabs (the background is one process): enforces the
 * provider's limits, times out each request, retries what is worth retrying and stops on the rest.
 * The batcher (./batcher.ts) decides what goes into a request; this module decides when it is sent.
 */
export interface ProviderQueue {
  run(texts: string[], from: string, to: string, config: ProviderConfig, signal: AbortSignal): Promise<Translation[]>;
  /** True when `n` requests could start right now without waiting for a slot or the rate limit. */
  canStartNow(n: number): boolean;
}

export interface QueueOptions {
  retry?: RetryPolicy;
  /** Jitter source; tests pass a constant. */
  random?: () => number;
}

const queues = new Map<ProviderId, { translator: Translator; queue: ProviderQueue }>();

/** The shared queue for `translator.id` (created on first use). */
export function getProviderQueue(translator: Translator): ProviderQueue {
  const existing = queues.get(translator.id);
  if (existing && existing.translator === translator) return existing.queue;
  const queue = createProviderQueue(translator);
  queues.set(translator.id, { translator, queue });
  return queue;
}

/** Forgets every shared queue (tests). */
export function resetProviderQueues(): void {
  queues.clear();
}

/** Splits texts so no request carries more than the provider's limits; a single over-long text goes alone. */
export function splitByLimits(texts: string[], limits: Pick<ProviderLimits, 'maxTextsPerRequest' | 'maxCharsPerRequest'>): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    const full = current.length >= limits.maxTextsPerRequest || (current.length > 0 && chars + text.length > limits.maxCharsPerRequest);
    if (full) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function createProviderQueue(translator: Translator, options: QueueOptions = {}): ProviderQueue {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const limiter = new RequestLimiter(translator.limits);

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
      controller.abort(new TranslateError('timeout', `${translator.label} did not answer within ${Math.round(translator.limits.timeoutMs / 1000)} seconds.`));
    }, translator.limits.timeoutMs);
    try {
      const result = await Promise.race([translator.translate({ texts, from, to, signal: controller.signal }, config), stopped]);
      if (!Array.isArray(result) || result.length !== texts.length) {
        throw new TranslateError('bad-response', `${translator.label} returned ${Array.isArray(result) ? result.length : 'no'} translations for ${texts.length} texts.`);
      }
      return result;
    } catch (error) {
      if (signal.aborted) throw abortedError(signal.reason);
      if (timedOut) throw controller.signal.reason as TranslateError;
      if (error instanceof TranslateError) throw error;
      throw new TranslateError('bad-response', `${translator.label} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onCallerAbort);
      stopped.catch(() => undefined);
    }
  }

  async function runChunk(texts: string[], from: string, to: string, config: ProviderConfig, signal: AbortSignal): Promise<Translation[]> {
    const firstStart = Date.now();
    for (let attemptNo = 1; ; attemptNo++) {
      const release = await limiter.acquire(signal);
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
      if (!failure.retryable || attemptNo >= policy.maxAttempts) throw failure;
      if (Date.now() - firstStart + delay > policy.maxTotalMs) throw failure;
      await sleep(delay, signal);
    }
  }

  return {
    canStartNow: (n) => limiter.canStartNow(n),
    async run(texts, from, to, config, signal) {
      if (signal.aborted) throw abortedError(signal.reason);
      if (texts.length === 0) return [];
      const chunks = splitByLimits(texts, translator.limits);
      if (chunks.length === 1) return runChunk(texts, from, to, config, signal);
      // Defensive path (the batcher should not send oversize batches): the first failure cancels the siblings.
      const group = new AbortController();
      const onAbort = () => group.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const parts = await Promise.all(
          chunks.map((chunk) =>
            runChunk(chunk, from, to, config, group.signal).catch((error: unknown) => {
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
