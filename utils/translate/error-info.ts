import { t } from '../i18n/t';
import type { ErrorInfo } from '../messaging/protocol';
import { TranslateError, type TranslateErrorKind } from './types';

/**
 * Turns whatever a translation threw into what the reader sees (STYLE.md §12): what happened, which
 * service said so, and what to do. The services' own messages (http.ts, each provider) are specific —
 * "Google Translate is refusing requests from this network right now" — and are kept; the generic
 * sentences below only stand in for errors that carry none.
 *
 * - `retryable`: a Retry button is worth showing; false where retrying cannot help until the reader
 *   changes something (key, quota, language pair), and the message says what to change instead.
 * - `scope`: 'page' when the failure is the service's (down, refusing, too busy, unreachable): the page
 *   shows it once, with one Retry; 'unit' when it is about this text (an answer Duet could not read).
 * - `retryAt`: epoch ms when the service said it takes requests again (a capped Retry-After).
 */
type ReaderFacing = { message: string; retryable: boolean };

const GENERIC: Record<TranslateErrorKind | 'unknown', ReaderFacing> = {
  auth: { message: 'The translation service refused the request. Check its settings in Duet\'s options.', retryable: false },
  quota: { message: "The translation service's quota is used up. Wait until it renews, or choose another service.", retryable: false },
  'rate-limit': { message: 'The translation service is getting too many requests. Wait a moment, then retry.', retryable: true },
  server: { message: 'The translation service had a problem on its side. Retry in a moment.', retryable: true },
  network: { message: "Couldn't reach the translation service. Check your connection, then retry.", retryable: true },
  timeout: { message: 'The translation service took too long to answer. Retry, or choose a faster service if it keeps happening.', retryable: true },
  'bad-response': { message: "The translation service sent an answer Duet couldn't read. Retry, or choose another service.", retryable: true },
  unsupported: { message: "The translation service doesn't offer this language pair. Choose another target language or service.", retryable: false },
  blocked: { message: 'The translation service is refusing requests from this network right now. Try again later, or choose another service.', retryable: true },
  aborted: { message: 'Translation was cancelled. Retry to translate this again.', retryable: true },
  unknown: { message: 'Something went wrong while translating. Retry; if it keeps failing, try another service.', retryable: true },
};

/** Failures about one text rather than the service. */
const UNIT_KINDS: ReadonlySet<string> = new Set(['bad-response', 'aborted', 'unknown']);

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function toErrorInfo(error: unknown, now = Date.now()): ErrorInfo {
  const kind: TranslateErrorKind | 'unknown' =
    error instanceof TranslateError ? error.kind : isAbortError(error) ? 'aborted' : 'unknown';
  // Cancellations are routine (tab closed, reader switched to Original): not worth a warning.
  if (kind !== 'aborted') {
    const cause = error instanceof Error ? error.cause : undefined;
    console.warn(`[duet] translation failed (${kind}):`, error, ...(cause === undefined ? [] : ['cause:', cause]));
  }
  const generic = GENERIC[kind];
  const own = error instanceof TranslateError && error.message.trim() !== '' ? error.message : undefined;
  // The generic sentence in the reader's language (public/_locales: error_auth, error_rate_limit …);
  // English when a build has no locales. A service's own message stays as the service module wrote it.
  const key = `error_${kind.replace(/-/g, '_')}`;
  const localised = t(key);
  const message = own ?? (localised === key ? generic.message : localised);
  const info: ErrorInfo = { kind, message, retryable: generic.retryable, scope: UNIT_KINDS.has(kind) ? 'unit' : 'page' };
  if (error instanceof TranslateError) {
    if (error.options.service) info.service = error.options.service;
    if (error.kind === 'rate-limit' && error.options.retryAfterMs !== undefined) info.retryAt = now + error.options.retryAfterMs;
  }
  return info;
}
