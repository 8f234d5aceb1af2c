import type { TabStatus } from '../messaging/protocol';
import { isSameLanguagePage, problemText, sameLanguageText } from './status-line';

/** What the progress pill shows for a status: pure, so every wording is tested without a DOM. */
export interface PillView {
  text: string;
  action?: { kind: 'retry-failed' | 'translate-whole-page'; label: string };
  /** 0…1 while translating; undefined when there is no bar to show. */
  progress?: number;
  /** Finished without anything for the reader to do: the pill hides itself after a moment. */
  complete: boolean;
}

/** null: nothing to show (Original mode, or nothing found on an article page yet). */
export function pillView(status: TabStatus): PillView | null {
  const { mode, isArticle, found, translated, failed, pending } = status;
  if (mode === 'original') return null;
  if (found === 0) {
    if (isArticle) return null;
    return {
      text: 'Not an article',
      action: { kind: 'translate-whole-page', label: 'Translate whole page' },
      complete: false,
    };
  }
  // A failure of the service for the whole page: said once, with one Retry where retrying can help.
  if (status.problem && failed > 0 && pending === 0) {
    const problem = status.problem;
    const label = problem.retryAt !== undefined ? 'Retry now' : 'Retry';
    return { text: problemText(problem), ...(problem.retryable ? { action: { kind: 'retry-failed' as const, label } } : {}), complete: false };
  }
  if (isSameLanguagePage(status)) {
    return { text: sameLanguageText(status), complete: true };
  }
  const failedNote = failed > 0 ? ` · ${failed} failed` : '';
  const noticeNote = status.notice ? ` · ${status.notice}` : '';
  if (pending > 0) {
    return { text: `Translating ${translated}/${found}${failedNote}`, progress: (translated + failed) / found, complete: false };
  }
  if (failed > 0) {
    return { text: `Translated ${translated}${failedNote}`, action: { kind: 'retry-failed', label: 'Retry failed' }, complete: false };
  }
  // Units further down are only asked for as the reader scrolls: say how far it got, then get out of the way.
  return { text: (translated < found ? `Translated ${translated}/${found}` : `Translated ${translated}`) + noticeNote, complete: true };
}
