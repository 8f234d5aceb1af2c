import type { ErrorInfo, TabStatus } from '../messaging/protocol';
import { languageDisplayName, t, uiLocale } from '../i18n/t';

/**
 * The one sentence about the page as a whole that the pill and the popup both show (pure, so every
 * wording is tested without a DOM): a service failure for the page, a stand-in service, or a page
 * already in the target language. undefined: nothing to say beyond the counts.
 */
/** "14:05" in the reader's clock, written the way the UI language writes times (not the page's or the OS's). */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([uiLocale()], { hour: '2-digit', minute: '2-digit' });
}

/** The page-wide failure in words: the service's own message, and when Duet tries again if it said. */
export function problemText(problem: ErrorInfo): string {
  return problem.retryAt !== undefined ? `${problem.message} ${t('status_retrying_at', { time: clockTime(problem.retryAt) })}` : problem.message;
}

/** True when everything found was already in the target language and nothing was translated. */
export function isSameLanguagePage(status: TabStatus): boolean {
  const same = status.sameLanguage ?? 0;
  return same > 0 && status.translated === 0 && status.failed === 0 && status.pending === 0;
}

/** "This page is already in English" (the language the service detected, named in the reader's language). */
export function sameLanguageText(status: TabStatus): string {
  return status.detectedLanguage
    ? t('status_same_language', { language: languageDisplayName(status.detectedLanguage) })
    : t('status_same_language_unknown');
}

export function statusLine(status: TabStatus): string | undefined {
  if (status.problem && status.failed > 0) return problemText(status.problem);
  if (isSameLanguagePage(status)) return sameLanguageText(status);
  return status.notice;
}
