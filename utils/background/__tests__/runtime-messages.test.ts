import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../settings/schema';
import { setupRuntimeMessages, type RuntimeHandlers } from '../runtime-messages';

const ownPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const ownContent = { id: fakeBrowser.runtime.id, url: 'https://news.example/a', tab: { id: 7 } as never };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };

function handlers(): RuntimeHandlers {
  return {
    getSettings: vi.fn(async () => DEFAULT_SETTINGS),
    startPage: vi.fn(async () => ({ settings: DEFAULT_SETTINGS })),
    reportStatus: vi.fn(async () => undefined),
    testConnection: vi.fn(async () => ({ ok: true as const, sample: 's', translation: 't', ms: 1 })),
    getProviders: vi.fn(async () => []),
    getCacheStats: vi.fn(async () => ({ entries: 1, bytes: 2, maxBytes: 3 })),
    clearCache: vi.fn(async () => ({ entries: 0, bytes: 0, maxBytes: 3 })),
  };
}

describe('setupRuntimeMessages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a valid request from our own page', async () => {
    const h = handlers();
    setupRuntimeMessages(h);
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'getCacheStats' }, ownPage, () => {});
    expect(await answer).toEqual({ entries: 1, bytes: 2, maxBytes: 3 });
    expect(h.getCacheStats).toHaveBeenCalledOnce();
  });

  it('ignores other extensions entirely', async () => {
    const h = handlers();
    setupRuntimeMessages(h);
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'getSettings' }, otherExtension, () => {});
    expect(answer).toBeUndefined();
    expect(h.getSettings).not.toHaveBeenCalled();
  });

  it('drops messages that do not match the protocol', async () => {
    const h = handlers();
    setupRuntimeMessages(h);
    for (const bad of [{ type: 'getSettings2' }, { type: 'testConnection', provider: 'nope' }, 'getSettings', null]) {
      const [answer] = await fakeBrowser.runtime.onMessage.trigger(bad, ownPage, () => {});
      expect(answer).toBeUndefined();
    }
    expect(h.testConnection).not.toHaveBeenCalled();
  });

  it('keeps provider and cache requests away from content scripts', async () => {
    const h = handlers();
    setupRuntimeMessages(h);
    const [providersAnswer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'getProviders' }, ownContent, () => {});
    const [testAnswer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'testConnection', provider: 'deepl' }, ownContent, () => {});
    expect(providersAnswer).toBeUndefined();
    expect(testAnswer).toBeUndefined();
    expect(h.getProviders).not.toHaveBeenCalled();
    // A page's remembered translations go only to a content script in that page, never to our own pages.
    const [startFromPopup] = await fakeBrowser.runtime.onMessage.trigger({ type: 'startPage' }, ownPage, () => {});
    expect(startFromPopup).toBeUndefined();
    expect(h.startPage).not.toHaveBeenCalled();
    // …while the content script still gets its settings and may report progress.
    const [settings] = await fakeBrowser.runtime.onMessage.trigger({ type: 'getSettings' }, ownContent, () => {});
    expect(await settings).toEqual(DEFAULT_SETTINGS);
    const [start] = await fakeBrowser.runtime.onMessage.trigger({ type: 'startPage' }, ownContent, () => {});
    expect(await start).toEqual({ settings: DEFAULT_SETTINGS });
    const status = { mode: 'bilingual', isArticle: true, found: 3, translated: 1, fromCache: 0, failed: 0, pending: 2 };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reportStatus', status }, ownContent, () => {});
    expect(h.reportStatus).toHaveBeenCalledWith({ type: 'reportStatus', status }, ownContent);
  });
});
