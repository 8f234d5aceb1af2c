import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getActiveTab, isClosedPage, isNoReceiverError, siteOf } from '../active-tab';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('active tab helpers', () => {
  it('finds the active tab of the current window', async () => {
    const win = await fakeBrowser.windows.create({ focused: true });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/', windowId: win!.id });
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.lemonde.fr/a', active: true, windowId: win!.id });
    expect(await getActiveTab()).toEqual({ id: tab.id, url: 'https://www.lemonde.fr/a' });
  });

  it('gives a hostname only for http(s) pages', () => {
    expect(siteOf('https://WWW.Spiegel.de/politik/x.html')).toBe('www.spiegel.de');
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    expect(siteOf('chrome://extensions/')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });

  it('knows the pages no extension may script', () => {
    expect(isClosedPage('chrome://newtab/')).toBe(true);
    expect(isClosedPage('about:blank')).toBe(true);
    expect(isClosedPage('https://chromewebstore.google.com/detail/x')).toBe(true);
    expect(isClosedPage('https://addons.mozilla.org/en-US/firefox/')).toBe(true);
    expect(isClosedPage('https://www.nytimes.com/')).toBe(false);
    expect(isClosedPage(undefined)).toBe(false);
  });

  it('recognises "no content script" errors from Chrome and Firefox', () => {
    expect(isNoReceiverError(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
    expect(isNoReceiverError(new Error('Missing host permission for the tab'))).toBe(true);
    expect(isNoReceiverError(new Error('Provider quota exceeded'))).toBe(false);
  });
});
