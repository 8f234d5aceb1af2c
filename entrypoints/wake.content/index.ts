import { sendStartPageEarly } from '@/utils/content/early-start';

/**
 * The smallest content script Duet has, at document_start: it only sends the first message to the
 * background (early-start.ts), so the service worker wakes, opens the cache and answers while the page
 * is parsed. Everything else waits for the main script (entrypoints/content, document_end): a script
 * run at document_start blocks the page's parser while it runs, so nothing heavy may live here.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    sendStartPageEarly();
  },
});
