import { useCallback, useEffect, useRef, useState } from 'react';
import { TabStatusSchema, type TabRequest, type TabStatus } from '@/utils/messaging/protocol';
import { sendToTab } from '@/utils/messaging/send';
import { t } from '@/utils/i18n/t';
import { isNoReceiverError } from './active-tab';

export interface TabStatusState {
  status: TabStatus | null;
  /** True when no content script answers in the tab (browser pages, stores, tabs opened before install). */
  unreachable: boolean;
  error: string | null;
  /** A command for the tab (setMode, retryFailed, translateWholePage); the answer becomes the status. */
  command(request: Exclude<TabRequest, { type: 'getStatus' | 'settingsChanged' | 'showSelection' }>): Promise<void>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Polls the tab's status every `intervalMs` while the popup is open. Polls never overlap: the next
 * one is scheduled when the previous answer (or error) arrives.
 */
export function useTabStatus(tabId: number | null, intervalMs = 500): TabStatusState {
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  // Kept apart: a good poll clears a poll failure but must not hide a failed command.
  const [pollError, setPollError] = useState<string | null>(null);
  const [commandError, setCommandError] = useState<string | null>(null);
  const live = useRef(true);

  /** The status in an answer, or an error text when the answer is not a status. */
  const read = useCallback((answer: unknown): string | null => {
    const parsed = TabStatusSchema.safeParse(answer);
    if (!parsed.success) return t('err_page_answer');
    setStatus(parsed.data);
    setUnreachable(false);
    return null;
  }, []);

  useEffect(() => {
    if (tabId === null) return;
    live.current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const answer = await sendToTab(tabId, { type: 'getStatus' });
        if (!live.current) return;
        setPollError(read(answer));
      } catch (e) {
        if (!live.current) return;
        if (isNoReceiverError(e)) setUnreachable(true);
        else setPollError(t('err_read_progress', { error: describe(e) }));
      }
      if (live.current) timer = setTimeout(poll, intervalMs);
    };
    void poll();
    return () => {
      live.current = false;
      clearTimeout(timer);
    };
  }, [tabId, intervalMs, read]);

  const command = useCallback<TabStatusState['command']>(
    async (request) => {
      if (tabId === null) return;
      try {
        const answer = await sendToTab(tabId, request);
        setCommandError(read(answer));
      } catch (e) {
        if (isNoReceiverError(e)) setUnreachable(true);
        else setCommandError(t(request.type === 'setMode' ? 'err_switch_page' : 'err_reach_page', { error: describe(e) }));
      }
    },
    [tabId, read],
  );

  return { status, unreachable, error: commandError ?? pollError, command };
}
