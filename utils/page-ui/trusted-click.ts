/**
 * Click handlers for the buttons Duet puts in a page (Retry, the pill's actions) act only on the
 * reader's own clicks. A page script can call `button.click()` on anything in the DOM; a scripted Retry
 * loop once kept a failing service busy with 52 requests in 15 s.
 *
 * `clickTrust.isTrusted` is the one check; unit tests (jsdom has no trusted events) swap it for
 * `() => true` and put it back. Page scripts cannot reach it: it lives in the content script's world.
 */
export const clickTrust = {
  isTrusted: (event: Event): boolean => event.isTrusted,
};

export function onTrustedClick(element: HTMLElement, handler: (event: MouseEvent) => void): void {
  element.addEventListener('click', (event) => {
    if (!clickTrust.isTrusted(event)) return;
    handler(event as MouseEvent);
  });
}
