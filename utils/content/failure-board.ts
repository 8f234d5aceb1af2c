import { t } from '../i18n/t';
import type { ErrorInfo, TabStatus } from '../messaging/protocol';

/**
 * How a page shows failures (issue 12): a failure of the service (down, refusing, too busy) is said
 * once for the whole page — in the pill and the popup, with one Retry — and each affected paragraph
 * only says briefly that it is not translated; a failure of one text is said on its paragraph, with a
 * Retry where retrying can help. When the service named a time (a capped Retry-After), the page asks
 * again by itself then. The session owns the units; this owns the page-wide message.
 */
/**
 * What each paragraph says when the service failed for the whole page, in the reader's language
 * (the paragraph gets no Retry of its own: the record's `noRetry`, unit-lifecycle.ts).
 */
export function pageFailureNote(): string {
  return t('paragraph_page_failure');
}

export interface ParagraphFailure {
  /** What the paragraph says. */
  text: string;
  /** Whether the paragraph gets its own Retry button. */
  retry: boolean;
}

export class FailureBoard {
  private problem: ErrorInfo | undefined;
  private notice: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `retryDue`: retries the failed units (the session's retryFailed). */
  constructor(private readonly retryDue: () => void) {}

  /** Records a failure report; returns what each of its paragraphs shows. */
  failed(error: ErrorInfo): ParagraphFailure {
    if (error.scope !== 'page') return { text: error.message, retry: error.retryable };
    this.problem = error;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (error.retryAt !== undefined) {
      // Once, at the time the service named; the reader's Retry now comes first if they press it.
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.retryDue();
      }, Math.max(0, error.retryAt - Date.now()) + 500);
    }
    return { text: pageFailureNote(), retry: false };
  }

  /** Translations arrived: the service works again; `notice` says which service stood in, if one did. */
  translated(notice: string | undefined): void {
    this.problem = undefined;
    if (notice !== undefined) this.notice = notice;
  }

  /** The failed units are being asked for again. */
  retrying(): void {
    this.problem = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  status(): Pick<TabStatus, 'problem' | 'notice'> {
    return { ...(this.problem ? { problem: this.problem } : {}), ...(this.notice ? { notice: this.notice } : {}) };
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
