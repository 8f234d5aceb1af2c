import type { Page } from 'puppeteer-core';
import type { TabRequest, TabResponses, TabStatus } from '../../utils/messaging/protocol';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, type Settings } from '../../utils/settings/schema';
import type { DuetFirefox } from './firefox-browser';

/**
 * Talking to Duet in Firefox the way its own pages do. Firefox's event page is not reachable over
 * WebDriver BiDi, so the tests open one of the add-on's pages (options.html) in a tab and evaluate
 * `browser.*` calls there: same origin and same APIs as the background (storage, tabs.sendMessage).
 * Functions passed to `evaluate` run in that page; they use strings for code that must not be
 * rewritten by tsx (see page-state.ts on __name).
 */
export interface ExtensionPage {
  page: Page;
  /** `browser.*` call in the add-on page: `call('storage.local.get', null)`. */
  evaluate<T>(fn: string, ...args: unknown[]): Promise<T>;
}

/** Opens `path` of the add-on in a new tab and waits until its document is there. */
export async function openExtensionPage(ff: DuetFirefox, path: string, timeoutMs = 15_000): Promise<ExtensionPage> {
  const page = await ff.browser.newPage();
  const url = `${ff.extensionOrigin}/${path}`;
  // BiDi reports no load event for moz-extension documents: start the navigation, then poll the document.
  void page.goto(url, { timeout: timeoutMs }).catch(() => {});
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const here = await page.evaluate('location.href + " " + document.readyState').catch(() => '');
    if (here === `${url} complete`) break;
    if (Date.now() > deadline) throw new Error(`${url} did not open within ${timeoutMs} ms (at: ${here})`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    page,
    evaluate: <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(`(${fn})(...${JSON.stringify(args)})`) as Promise<T>,
  };
}

/** Writes the reader's settings: the defaults with `patch` on top. */
export async function writeSettingsFirefox(ext: ExtensionPage, patch: Partial<Settings>): Promise<Settings> {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...patch };
  // Where Duet keeps them (utils/settings/settings-item.ts): storage.sync, with WXT's version stamp.
  await ext.evaluate('(key, value, version) => browser.storage.sync.set({ [key]: value, [key + "$"]: { v: version } })', SETTINGS_KEY, settings, SETTINGS_VERSION);
  return settings;
}

/** Everything a content script could read through `browser.storage` (local and sync; session is trusted-only in Firefox). */
export function readContentReadableStorage(ext: ExtensionPage): Promise<{ local: Record<string, unknown>; sync: Record<string, unknown> }> {
  return ext.evaluate('async () => ({ local: await browser.storage.local.get(null), sync: await browser.storage.sync.get(null).catch(() => ({})) })');
}

/** Sends a TabRequest to the content script of the tab showing `pageUrl` (top frame), as the popup does. */
export async function sendToTabFirefox<R extends TabRequest>(ext: ExtensionPage, pageUrl: string, request: R): Promise<TabResponses[R['type']]> {
  return ext.evaluate(
    `async (url, message) => {
      // Match patterns cannot hold a port: filter by URL here (Duet's host permission shows tab URLs).
      const tabs = (await browser.tabs.query({})).filter((t) => t.url === url);
      if (tabs.length !== 1) throw new Error('expected one tab at ' + url + ', found ' + tabs.length);
      return browser.tabs.sendMessage(tabs[0].id, message, { frameId: 0 });
    }`,
    pageUrl,
    request,
  );
}

/** Waits until the page's content script answers `getStatus`. */
export async function waitForContentScriptFirefox(ext: ExtensionPage, pageUrl: string, timeoutMs = 15_000): Promise<TabStatus> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const status = await sendToTabFirefox(ext, pageUrl, { type: 'getStatus' });
      if (status) return status;
    } catch (error) {
      lastError = error;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`content script did not answer getStatus within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Polls `predicate` (a function source, run in the add-on page) until it returns something truthy. */
export async function waitInExtensionPage<T>(ext: ExtensionPage, predicate: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    last = await ext.evaluate<T>(predicate).catch((error: unknown) => `threw: ${String(error)}`);
    if (last && !(typeof last === 'string' && last.startsWith('threw: '))) return last as T;
    if (Date.now() > deadline) throw new Error(`${predicate} stayed falsy for ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
