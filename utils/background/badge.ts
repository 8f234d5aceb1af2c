import { browser } from 'wxt/browser';
import type { TabStatus } from '../messaging/protocol';

/** Shows a tab's progress on the toolbar icon: pending count while translating, "!" on failures. */
export async function showStatusOnBadge(tabId: number, status: TabStatus): Promise<void> {
  const text =
    status.mode === 'original' ? '' : status.failed > 0 ? '!' : status.pending > 0 ? String(status.pending) : '';
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    await action.setBadgeText({ tabId, text });
    if (text) await action.setBadgeBackgroundColor({ tabId, color: status.failed > 0 ? '#c62828' : '#3949ab' });
  } catch {
    // The tab closed between the report and the update: nothing to show any more.
  }
}
