import type { TabStatus } from '@/utils/messaging/protocol';
import { statusLine } from '@/utils/page-ui/status-line';

/** The page's one-line story beyond the counts (the pill says the same): a service failure, a stand-in service, a page already in the target language. */
export function StatusNotice({ status }: { status: TabStatus }) {
  const line = statusLine(status);
  if (!line) return null;
  return (
    <p className={status.problem && status.failed > 0 ? 'duet-status-notice duet-warning' : 'duet-status-notice'} role="status">
      {line}
    </p>
  );
}
