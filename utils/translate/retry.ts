import { t } from '../i18n/t';
import { TranslateError } from './types';

/**
 * Backoff policy for retryable failures (429, 5xx, network, timeout): exponential with jitter,
 * `Retry-After` wins when the service sends it, and a cap on total retry time so a reader never
 * waits minutes for a paragraph.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Delay before the 2nd attempt, before jitter; doubles each time. */
  baseDelayMs: number;
  /** Largest computed delay (not applied to an explicit Retry-After). */
  maxDelayMs: number;
  /** Give up instead of waiting when time since the first attempt plus the next delay exceeds this. */
  maxTotalMs: number;
  /**
   * Longest `Retry-After` honoured: a service asking for an hour gets this much, so one answer never
   * freezes every tab (the reader can still retry at once, and the fallback chain serves meanwhile).
   */
  maxRetryAfterMs?: number;
}

/** Default cap on an honoured Retry-After. */
export const MAX_RETRY_AFTER_MS = 60_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalMs: 30_000,
  maxRetryAfterMs: MAX_RETRY_AFTER_MS,
};

/**
 * Delay before attempt `attempt + 1`. Jitter is "equal jitter" (half fixed, half random) so that
 * tabs retrying together spread out but no retry comes back almost immediately.
 */
export function backoffDelay(attempt: number, error: TranslateError, policy: RetryPolicy, random: () => number = Math.random): number {
  const retryAfter = error.options.retryAfterMs;
  if (retryAfter !== undefined) return Math.min(retryAfter, policy.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS) + Math.floor(random() * 250);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** The one error for "nobody needs this any more" (tab closed, unit cancelled, reader chose Original). */
export function abortedError(cause?: unknown): TranslateError {
  return new TranslateError('aborted', t('svc_no_longer_needed'), { cause });
}

/** Waits `ms`, rejecting with TranslateError('aborted') as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortedError(signal.reason));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal.reason));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
