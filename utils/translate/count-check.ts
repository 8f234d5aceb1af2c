import { t } from '../i18n/t';
import { TranslateError, type Translation } from './types';

/**
 * The one check that a service answered exactly one translation per text (the queue runs it on every
 * answer; the batcher relies on it). A mismatch would pair paragraphs with the wrong translations.
 */
export function checkTranslationCount(service: string, result: unknown, texts: number): asserts result is Translation[] {
  if (Array.isArray(result) && result.length === texts) return;
  const got = Array.isArray(result) ? String(result.length) : '0';
  throw new TranslateError('bad-response', t('svc_count_mismatch', { service, got, texts: String(texts) }), { service });
}
