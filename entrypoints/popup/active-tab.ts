import { browser } from 'wxt/browser';

/** The tab the popup was opened over: its id and, when the browser tells us, its URL. */
export interface ActiveTab {
  id: number;
  url: string | undefined;
}

export async function getActiveTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  return { id: tab.id, url: tab.url };
}

/** Hostname for site rules, only for pages Duet can run on (http and https). */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

// Browsers keep extensions out of their own pages and their add-on stores, whatever the manifest says.
const STORE_PAGES = [/^https:\/\/chromewebstore\.google\.com\//, /^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/addons\.mozilla\.org\//, /^https:\/\/microsoftedge\.microsoft\.com\/addons/];

/** True when no content script can exist in a tab with this URL (browser pages, stores, files). */
export function isClosedPage(url: string | undefined): boolean {
  if (!url) return false; // unknown: ask the tab and see
  if (siteOf(url) === null) return true;
  return STORE_PAGES.some((re) => re.test(url));
}

/** Errors that mean "no content script answered in this tab", as Chrome and Firefox word them. */
export function isNoReceiverError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Receiving end does not exist|Could not establish connection|No tab with id|Cannot access|Missing host permission/i.test(message);
}
