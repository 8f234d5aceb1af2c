import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/** True when the message comes from Duet itself (any of its contexts). Other extensions are ignored. */
export function isOwnSender(sender: Sender | undefined): boolean {
  return !!sender && sender.id === browser.runtime.id;
}

/** True for Duet's own pages (popup, options): trusted contexts that may ask for provider details. */
export function isOwnPage(sender: Sender | undefined): boolean {
  return isOwnSender(sender) && !!sender?.url && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** True for Duet's content script running in a tab. */
export function isOwnContentScript(sender: Sender | undefined): boolean {
  return isOwnSender(sender) && sender?.tab?.id !== undefined && !isOwnPage(sender);
}
