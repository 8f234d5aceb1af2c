import type { TabStatus } from '../messaging/protocol';
import { t, tn } from '../i18n/t';
import { isSameLanguagePage, problemText, sameLanguageText } from './status-line';

/** What the progress pill shows for a status: pure, so every wording is tested without a DOM. */
export interface PillView {
  text: string;
  action?: { kind: 'retry-failed' | 'translate-whole-page'; label: string };
  /** 0…1 while translating; undefined when there is no bar to show. */
  progress?: number;
  /** Finished without anything for the reader to do: the pill folds into its small control after a moment. */
  complete: boolean;
  /** Something failed: the one case the pill is drawn in the error colour. */
  failed?: boolean;
}

/** The offer on a page that is not an article, where Duet did not translate on its own. */
export function wholePageOffer(): PillView {
  return {
    text: t('pill_not_article'),
    action: { kind: 'translate-whole-page', label: t('pill_whole_page') },
    complete: false,
  };
}

/** null: nothing to show (Original mode, or nothing found on an article page yet). */
export function pillView(status: TabStatus): PillView | null {
  const { mode, isArticle, found, translated, failed, pending } = status;
  if (mode === 'original') return null;
  if (found === 0) {
    if (isArticle || status.wholePage) return null;
    return wholePageOffer();
  }
  // A failure of the service for the whole page: said once, with one Retry where retrying can help.
  if (status.problem && failed > 0 && pending === 0) {
    const problem = status.problem;
    const label = problem.retryAt !== undefined ? t('pill_retry_now') : t('pill_retry');
    return { text: problemText(problem), ...(problem.retryable ? { action: { kind: 'retry-failed' as const, label } } : {}), complete: false, failed: true };
  }
  if (isSameLanguagePage(status)) {
    return { text: sameLanguageText(status), complete: true };
  }
  const failedNote = failed > 0 ? ` · ${tn('pill_failed', failed)}` : '';
  if (pending > 0) {
    return {
      text: t('pill_translating', { translated, found }) + failedNote,
      progress: (translated + failed) / found,
      complete: false,
      ...(failed > 0 ? { failed: true } : {}),
    };
  }
  if (failed > 0) {
    return {
      text: tn('pill_done', translated) + failedNote,
      action: { kind: 'retry-failed', label: t('pill_retry') },
      complete: false,
      failed: true,
    };
  }
  // Units further down are only asked for as the reader scrolls: say so, then fold away.
  const noticeNote = status.notice ? ` · ${status.notice}` : '';
  return { text: (translated < found ? t('pill_partial', { translated, found }) : tn('pill_done', translated)) + noticeNote, complete: true };
}
