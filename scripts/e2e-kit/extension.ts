import type { Page, Worker } from 'playwright-core';
import type { TabRequest, TabResponses, TabStatus } from '../../utils/messaging/protocol';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, type Settings } from '../../utils/settings/schema';
import type { DuetBrowser } from './chromium';

/**
 * Talking to the extension the way its own UI does, from the background service worker:
 * settings in `chrome.storage.sync` (utils/settings/settings-item.ts), provider config in `chrome.storage.local`, tab requests with `chrome.tabs.sendMessage(tabId, msg, { frameId: 0 })`
 * (what the popup sends). Code passed to `evaluate` runs inside the service worker.
 */

export interface WorkerStorageArea {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The few `chrome.*` calls made inside the worker (the project has no @types/chrome). */
export interface WorkerChrome {
  storage: {
    local: WorkerStorageArea;
    sync: WorkerStorageArea;
  };
  runtime: { reload(): void };
  tabs: {
    query(filter: { active?: boolean }): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}
/** Inside `evaluate`: `(globalThis as unknown as WorkerGlobals).chrome`. */
export type WorkerGlobals = { chrome: WorkerChrome };

/** The extension's current service worker (MV3 workers restart; never keep a stale handle). */
export async function serviceWorkerOf(browser: DuetBrowser): Promise<Worker> {
  const prefix = `chrome-extension://${browser.extensionId}/`;
  const live = browser.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (live) return live;
  return browser.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 15_000 });
}

/** Writes the reader's settings (the defaults with `patch` on top) where the extension keeps them: storage.sync, stamped v2 as WXT does. */
export async function writeSettings(browser: DuetBrowser, patch: Partial<Settings>): Promise<Settings> {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...patch };
  const sw = await serviceWorkerOf(browser);
  await sw.evaluate(
    ([key, value, version]) => (globalThis as unknown as WorkerGlobals).chrome.storage.sync.set({ [key]: value, [`${key}$`]: { v: version } }),
    [SETTINGS_KEY, settings, SETTINGS_VERSION] as const,
  );
  return settings;
}

export async function readStorage(browser: DuetBrowser, area: 'local' | 'sync' = 'local'): Promise<Record<string, unknown>> {
  const sw = await serviceWorkerOf(browser);
  return sw.evaluate((a) => (globalThis as unknown as WorkerGlobals).chrome.storage[a].get(null), area);
}

/**
 * Sends a TabRequest to the content script of `page`'s tab (top frame), as the popup does.
 * The page is brought to the front first: without the `tabs` permission the worker cannot find a
 * tab by URL, so we address the active tab.
 */
export async function sendToTab<R extends TabRequest>(browser: DuetBrowser, page: Page, request: R): Promise<TabResponses[R['type']]> {
  await page.bringToFront();
  const sw = await serviceWorkerOf(browser);
  return sw.evaluate(async (message) => {
    const { chrome } = globalThis as unknown as WorkerGlobals;
    const tabs = await chrome.tabs.query({ active: true });
    const tab = tabs.find((t) => t.id !== undefined);
    if (!tab || tabs.length !== 1) throw new Error(`expected one active tab, found ${tabs.length}`);
    return chrome.tabs.sendMessage(tab.id!, message, { frameId: 0 });
  }, request as TabRequest) as Promise<TabResponses[R['type']]>;
}

/** Waits until the page's content script answers `getStatus` (it loads at document_idle). */
export async function waitForContentScript(browser: DuetBrowser, page: Page, timeoutMs = 15_000): Promise<TabStatus> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const status = await sendToTab(browser, page, { type: 'getStatus' });
      if (status) return status;
      lastError = new Error('getStatus answered nothing');
    } catch (error) {
      lastError = error;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`content script did not answer getStatus within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Sets the display mode like the popup does; returns the content script's status. */
export function setMode(browser: DuetBrowser, page: Page, mode: 'original' | 'bilingual' | 'translation'): Promise<TabStatus> {
  return sendToTab(browser, page, { type: 'setMode', mode });
}
