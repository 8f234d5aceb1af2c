// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import content from '../index';
import wake from '../../wake.content/index';

/**
 * Issue 15: Duet starts when the article can be read, not when Chrome finds the page idle
 * (document_idle waits up to 200 ms after DOMContentLoaded, or until load), and the background is
 * woken while the page is still parsing.
 */
describe('content script registration', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the main script runs at document_end on every http(s) page', () => {
    expect(content.runAt).toBe('document_end');
    expect(content.matches).toEqual(['http://*/*', 'https://*/*']);
  });

  it('a document_start script on the same pages only sends the first message to the background', async () => {
    expect(wake.runAt).toBe('document_start');
    expect(wake.matches).toEqual(content.matches);
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      received.push(message);
      sendResponse({ settings: {} });
      return true;
    });
    const before = document.documentElement.outerHTML;
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await wake.main({} as never);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(received).toEqual([{ type: 'startPage' }]);
    // It touches nothing in the page (it runs before the page is parsed).
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
