// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byLabel, byText, changeValue, click, render, waitFor, type Rendered } from '@/components/__tests__/render';
import { SettingsProvider } from '@/components/SettingsContext';
import type { ProviderInfo, TabRequest, TabStatus } from '@/utils/messaging/protocol';
import { SETTINGS_KEY, type Settings } from '@/utils/settings/schema';
import { createSettingsStore, type SettingsStore } from '@/utils/settings/store';
import { App } from '../App';

const PROVIDERS: ProviderInfo[] = [
  { id: 'google', label: 'Google', usable: true, targetLanguages: [] },
  { id: 'deepl', label: 'DeepL', usable: false, reason: 'needs an API key', targetLanguages: [] },
  { id: 'apertium', label: 'Apertium', usable: true, targetLanguages: [] },
];

let status: TabStatus;
let tabRequests: TabRequest[];
let view: Rendered | null;
let store: SettingsStore;

/** A content script that answers like the real one: status for every request, mode switches applied. */
function fakeContentScript() {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: TabRequest) => {
    tabRequests.push(message);
    if (message.type === 'setMode') status = { ...status, mode: message.mode };
    if (message.type === 'retryFailed') status = { ...status, failed: 0, translated: status.translated + status.failed };
    return status;
  }) as never);
}

async function open(url: string, pollMs = 20): Promise<Rendered> {
  const win = await fakeBrowser.windows.create({ focused: true });
  await fakeBrowser.tabs.create({ url, active: true, windowId: win!.id });
  store = createSettingsStore();
  view = await render(
    <SettingsProvider store={store}>
      <App pollMs={pollMs} />
    </SettingsProvider>,
  );
  return view;
}

async function storedSettings(): Promise<Settings> {
  return (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
}

beforeEach(() => {
  fakeBrowser.reset();
  status = { mode: 'original', isArticle: true, found: 10, translated: 0, fromCache: 0, failed: 0, pending: 0 };
  tabRequests = [];
  view = null;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) =>
    m.type === 'getProviders' ? PROVIDERS : undefined) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de-DE');
});
afterEach(() => {
  view?.unmount();
  store.dispose();
});

describe('popup', () => {
  it('shows the live progress of the tab, polling while open', async () => {
    fakeContentScript();
    const { container } = await open('https://news.example/story');
    const progress = () => container.querySelector('[data-progress]')?.textContent;
    await waitFor(() => expect(progress()).toBe('10 paragraphs to translate on this page'));
    status = { ...status, mode: 'bilingual', translated: 7, fromCache: 2, pending: 3 };
    await waitFor(() => expect(progress()).toBe('Translating… 7 of 10 paragraphs'));
    expect(container.querySelector('[data-count=cached]')?.textContent).toBe('2 came from the cache (no request)');
    status = { ...status, translated: 8, pending: 0 };
    await waitFor(() => expect(progress()).toBe('8 of 10 paragraphs translated — the rest as you scroll'));
    expect(container.querySelector('.duet-count-failed')).toBeNull(); // nothing red without a failure
    expect(tabRequests.filter((r) => r.type === 'getStatus').length).toBeGreaterThan(1);
  });

  it('switches the mode of the tab', async () => {
    fakeContentScript();
    const { container } = await open('https://news.example/story');
    await waitFor(() => expect(byLabel(container, 'Original').checked).toBe(true));
    await click(byLabel(container, 'Translation only'));
    expect(tabRequests).toContainEqual({ type: 'setMode', mode: 'translation' });
    await waitFor(() => expect(byLabel(container, 'Translation only').checked).toBe(true));
  });

  it('offers "Retry failed" only with failures, and "Translate whole page" only off articles', async () => {
    status = { ...status, isArticle: false, failed: 2, translated: 8 };
    fakeContentScript();
    const { container } = await open('https://news.example/');
    await waitFor(() => byText(container, 'button', 'Retry 2 failed paragraphs'));
    await click(byText(container, 'button', 'Translate whole page'));
    expect(tabRequests).toContainEqual({ type: 'translateWholePage' });
    await click(byText(container, 'button', 'Retry 2 failed'));
    expect(tabRequests).toContainEqual({ type: 'retryFailed' });
    await waitFor(() => expect(container.textContent).not.toContain('failed paragraphs'));
    status = { ...status, wholePage: true };
    await waitFor(() => expect(container.textContent).not.toContain('Translate whole page')); // gone once used
  });

  it('says plainly when Duet cannot run on the page, without asking the tab', async () => {
    const send = fakeContentScript();
    const { container } = await open('chrome://extensions/');
    await waitFor(() => expect(container.textContent).toContain("Duet can't run on this page"));
    expect(send).not.toHaveBeenCalled();
    expect(byLabel(container, /Always translate/).disabled).toBe(true);
  });

  it('says so too when no content script answers on a web page', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const { container } = await open('https://news.example/old-tab');
    await waitFor(() => expect(container.textContent).toContain("Duet can't run on this page"));
    expect(container.textContent).toContain('reload it');
  });

  it('shows other errors from the tab instead of swallowing them', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    const { container } = await open('https://news.example/story');
    await waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toContain('Extension context invalidated.'));
  });

  it('toggles "Always translate" for the tab\'s site (all its subdomains) in the settings', async () => {
    fakeContentScript();
    const { container } = await open('https://www.Zeit.de/politik/x');
    const box = byLabel(container, 'Always translate zeit.de');
    await click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    expect((await storedSettings()).alwaysTranslateSites).toEqual(['zeit.de']);
    await click(box);
    await waitFor(() => expect(box.checked).toBe(false));
    expect((await storedSettings()).alwaysTranslateSites).toEqual([]);
  });

  it('"Learning mode on <site>" gives the site its own learning default', async () => {
    fakeContentScript();
    const { container } = await open('https://www.Zeit.de/politik/x');
    const box = byLabel(container, 'Learning mode on zeit.de');
    expect(box.checked).toBe(false);
    await click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    expect((await storedSettings()).learningSites).toEqual({ 'zeit.de': true });
    await click(box);
    await waitFor(() => expect(box.checked).toBe(false));
    expect((await storedSettings()).learningSites).toEqual({ 'zeit.de': false });
  });

  it('"Never translate" takes the site off the always list and says what that means', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...(await import('@/utils/settings/schema')).DEFAULT_SETTINGS, alwaysTranslateSites: ['lemonde.fr'] } });
    fakeContentScript();
    const { container } = await open('https://www.lemonde.fr/international/');
    await waitFor(() => expect(byLabel(container, 'Always translate lemonde.fr').checked).toBe(true));
    await click(byLabel(container, 'Never translate lemonde.fr'));
    await waitFor(async () => expect((await storedSettings()).neverTranslateSites).toEqual(['lemonde.fr']));
    expect((await storedSettings()).alwaysTranslateSites).toEqual([]);
    await waitFor(() => expect(container.querySelector('[data-site-note=never]')?.textContent).toContain("doesn't translate lemonde.fr on its own"));
  });

  it('offers "always translate pages in <language>", the language named in the reader\'s language', async () => {
    status = { ...status, pageLanguage: 'ja' };
    fakeContentScript();
    const { container } = await open('https://www.asahi.com/articles/x');
    await waitFor(() => byLabel(container, 'Always translate pages in Japanese'));
    await click(byLabel(container, 'Always translate pages in Japanese'));
    await waitFor(async () => expect((await storedSettings()).alwaysTranslateLanguages).toEqual(['ja']));
  });

  it('defaults the target to the browser language and saves a new choice', async () => {
    fakeContentScript();
    const { container } = await open('https://news.example/story');
    const to = byLabel<HTMLSelectElement>(container, 'To');
    expect(to.value).toBe('de');
    await changeValue(to, 'es');
    await waitFor(() => expect(to.value).toBe('es'));
    expect((await storedSettings()).targetLanguage).toBe('es');
  });

  it('lets only usable providers be chosen', async () => {
    fakeContentScript();
    const { container } = await open('https://news.example/story');
    const select = byLabel<HTMLSelectElement>(container, 'Translation service');
    await waitFor(() => expect(select.options.length).toBe(3));
    expect([...select.options].find((o) => o.value === 'deepl')?.disabled).toBe(true);
    await changeValue(select, 'apertium');
    await waitFor(async () => expect((await storedSettings()).provider).toBe('apertium'));
  });

  it('shows a failure to list providers', async () => {
    fakeContentScript();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('background asleep'));
    const { container } = await open('https://news.example/story');
    await waitFor(() => byText(container, '[role=alert]', 'background asleep'));
  });

  it('opens the options page, and shows why when it cannot', async () => {
    fakeContentScript();
    const openPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockRejectedValueOnce(new Error('No options page'));
    const { container } = await open('https://news.example/story');
    await click(byText(container, 'button', 'Settings'));
    expect(openPage).toHaveBeenCalledTimes(1);
    await waitFor(() => byText(container, '[role=alert]', 'Could not open the settings: No options page'));
  });
});
