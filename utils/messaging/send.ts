import { browser } from 'wxt/browser';
import type { RuntimeRequest, RuntimeResponses, TabRequest, TabResponses } from './protocol';

/** Typed one-shot request to the background; the response type follows the request's `type`. */
export function sendToBackground<R extends RuntimeRequest>(request: R): Promise<RuntimeResponses[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<RuntimeResponses[R['type']]>;
}

/** Typed one-shot request to the content script of a tab (top frame only). */
export function sendToTab<R extends TabRequest>(tabId: number, request: R): Promise<TabResponses[R['type']]> {
  return browser.tabs.sendMessage(tabId, request, { frameId: 0 }) as Promise<TabResponses[R['type']]>;
}
