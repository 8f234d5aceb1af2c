import type { TabStatus } from '@/utils/messaging/protocol';

/** Counts for the current tab: found / translated / from cache / failed / pending, and a bar. */
export function ProgressSummary({ status }: { status: TabStatus }) {
  const done = status.translated + status.failed;
  const rows: [string, number, string][] = [
    ['Found', status.found, 'found'],
    ['Translated', status.translated, 'translated'],
    ['From cache', status.fromCache, 'cached'],
    ['Failed', status.failed, 'failed'],
    ['Pending', status.pending, 'pending'],
  ];
  return (
    <section className="duet-progress" aria-label="Progress on this page">
      {status.found > 0 && (
        <progress max={status.found} value={Math.min(done, status.found)} aria-label="Paragraphs done">
          {done} of {status.found}
        </progress>
      )}
      <dl>
        {rows.map(([label, n, key]) => (
          <div key={key} className={`duet-count duet-count-${key}`} data-count={key}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {status.detectedLanguage && <p className="duet-hint">Detected language: {status.detectedLanguage}</p>}
    </section>
  );
}
