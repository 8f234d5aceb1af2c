import { t } from '../i18n/t';
import type { ErrorInfo } from '../messaging/protocol';
import { TranslateError, type TranslateErrorKind } from './types';

/**
 * Turns whatever a translation threw into what the reader sees (STYLE.md §12): what happened and
 * what to do. `retryable` here means "a retry button is worth showing": false only where retrying
 * cannot help until the reader changes something (key, quota, language pair).
 */
type ReaderFacing = { message: string; retryable: boolean };

const MESSAGES: Record<TranslateErrorKind | 'unknown', ReaderFacing> = {
  auth: {
    message: "The translation service rejected the key. Check it in Duet's settings.",
    retryable: false,
  },
  quota: {
    message: "The translation service's quota is used up. Wait until it renews, or choose another service in Duet's settings.",
    retryable: false,
  },
  'rate-limit': {
    message: 'The translation service is getting too many requests. Wait a moment, then retry.',
    retryable: true,
  },
  server: {
    message: 'The translation service had a problem on its side. Retry in a moment.',
    retryable: true,
  },
  network: {
    message: "Couldn't reach the translation service. Check your connection, then retry.",
    retryable: true,
  },
  timeout: {
    message: 'The translation service took too long to answer. Retry, or choose a faster service if it keeps happening.',
    retryable: true,
  },
  'bad-response': {
    message: "The translation service sent an answer Duet couldn't read. Retry, or choose another service in Duet's settings.",
    retryable: true,
  },
  unsupported: {
    message: "The translation service doesn't offer this language pair. Choose another target language or service.",
    retryable: false,
  },
  aborted: {
    message: 'Translation was cancelled. Retry to translate this again.',
    retryable: true,
  },
  unknown: {
    message: 'Something went wrong while translating. Retry; if it keeps failing, try another service.',
    retryable: true,
  },
};

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function toErrorInfo(error: unknown): ErrorInfo {
  const kind: TranslateErrorKind | 'unknown' =
    error instanceof TranslateError ? error.kind : isAbortError(error) ? 'aborted' : 'unknown';
  // Cancellations are routine (tab closed, reader switched to Original): not worth a warning.
  if (kind !== 'aborted') {
    const cause = error instanceof Error ? error.cause : undefined;
    console.warn(`[duet] translation failed (${kind}):`, error, ...(cause === undefined ? [] : ['cause:', cause]));
  }
  const { message, retryable } = MESSAGES[kind];
  // In the reader's language (public/_locales: error_auth, error_rate_limit …); English when a build has no locales.
  const key = `error_${kind.replace(/-/g, '_')}`;
  const localised = t(key);
  return { kind, message: localised === key ? message : localised, retryable };
}
