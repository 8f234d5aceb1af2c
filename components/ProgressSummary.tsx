import type { TabStatus } from '@/utils/messaging/protocol';
import { languageDisplayName, t, tn } from '@/utils/i18n/t';

/** The sentence that says where this page stands, in the reader's language. */
export function progressSentence(status: TabStatus): string {
  const { mode, isArticle, found, translated, pending } = status;
  if (found === 0) return isArticle || status.wholePage ? t('progress_none') : t('progress_not_article');
  if (mode === 'original' && translated === 0) return tn('progress_found', found);
  if (pending > 0) return tn('progress_translating', found, { translated });
  if (translated < found) return tn('progress_partial', found, { translated });
  return tn('progress_all', found);
}

/**
 * This tab's progress in words ("12 of 40 paragraphs translated — the rest as you scroll"), a bar,
 * what came from the cache, and failures — the only part drawn in the error colour, and only when
 * something failed. The page's language is named in the reader's language.
 */
export function ProgressSummary({ status }: { status: TabStatus }) {
  const done = status.translated + status.failed;
  return (
    <section className="duet-progress" aria-label={t('progress_aria')}>
      <p className="duet-progress-text" role="status" data-progress>
        {progressSentence(status)}
      </p>
      {status.found > 0 && status.mode !== 'original' && (
        <progress max={status.found} value={Math.min(done, status.found)} aria-label={t('progress_bar_aria')}>
          {done} / {status.found}
        </progress>
      )}
      {status.fromCache > 0 && (
        <p className="duet-hint" data-count="cached">
          {tn('progress_cached', status.fromCache)}
        </p>
      )}
      {status.failed > 0 && (
        <p className="duet-count-failed" data-count="failed">
          {tn('progress_failed', status.failed)}
        </p>
      )}
      {status.detectedLanguage && (
        <p className="duet-hint" data-language={status.detectedLanguage}>
          {t('progress_page_language', { language: languageDisplayName(status.detectedLanguage) })}
        </p>
      )}
    </section>
  );
}
