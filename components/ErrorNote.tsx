import { t } from '@/utils/i18n/t';

/** An error the reader sees: what failed, in words, announced to screen readers. */
export function ErrorNote({ message, onDismiss }: { message: string | null | undefined; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <div className="duet-error" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="duet-link" onClick={onDismiss} aria-label={t('dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
