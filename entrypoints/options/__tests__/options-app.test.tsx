// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byLabel, byText, changeValue, click, render, waitFor, type Rendered } from '@/components/__tests__/render';
import { SettingsProvider } from '@/components/SettingsContext';
import type { ProviderInfo, RuntimeRequest } from '@/utils/messaging/protocol';
import { SETTINGS_KEY, type Settings } from '@/utils/settings/schema';
import { createSettingsStore, type SettingsStore } from '@/utils/settings/store';
import { App } from '../App';

const PROVIDERS: ProviderInfo[] = [
  { id: 'google', label: 'Google', usable: true, targetLanguages: [] },
  { id: 'deepl', label: 'DeepL', usable: false, reason: 'Add your DeepL API key', targetLanguages: [] },
  { id: 'apertium', label: 'Apertium (local)', usable: true, targetLanguages: [] },
  { id: 'microsoft', label: 'Microsoft', usable: true, failing: "Microsoft Translator is refusing requests from this network right now (HTTP 403). Try again later, or choose another translation service.", targetLanguages: [] },
];

let view: Rendered | null;
let store: SettingsStore;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: RuntimeRequest) => {
    if (m.type === 'getProviders') return PROVIDERS;
    if (m.type === 'getCacheStats') return { entries: 0, bytes: 0, maxBytes: 50 * 1024 * 1024 };
    return undefined;
  }) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  store = createSettingsStore();
  await store.ready;
  view = await render(
    <SettingsProvider store={store}>
      <App />
    </SettingsProvider>,
  );
});
afterEach(() => {
  view?.unmount();
  store.dispose();
});

describe('options page', () => {
  it('shows every section', () => {
    const headings = [...view!.container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Translation service', 'Display', 'Languages', 'Site rules', 'Translation cache']);
  });

  // Issue 12 changed this on purpose: choosing a service is one click (it was "Set up" + "Use X").
  it('switches to a usable provider in one click and refuses an unusable one', async () => {
    const { container } = view!;
    const row = (id: string) => container.querySelector(`[data-provider="${id}"]`)!;
    const radio = (id: string) => row(id).querySelector<HTMLInputElement>('input[type=radio]')!;
    await waitFor(() => expect(row('deepl').textContent).toContain('DeepL — Add your DeepL API key'));
    expect(container.querySelector('[data-in-use]')?.textContent).toBe('Google');
    expect(radio('google').checked).toBe(true);
    expect(radio('deepl').disabled).toBe(true);

    await click(radio('apertium'));
    await waitFor(() => expect(container.querySelector('[data-in-use]')?.textContent).toBe('Apertium (local)'));
    const stored = (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
    expect(stored.provider).toBe('apertium');
  });

  it('tells the truth: a service that failed says "not working" and why, never "ready"', async () => {
    const { container } = view!;
    const row = () => container.querySelector('[data-provider="microsoft"]')!;
    await waitFor(() => expect(row().getAttribute('data-state')).toBe('failing'));
    expect(row().textContent).toContain('not working: Microsoft Translator is refusing requests from this network right now');
    expect(row().textContent).not.toContain('ready');
    expect(container.querySelector('[data-provider="google"]')!.textContent).toContain('ready');
  });

  it('lets the reader pin the service in use (no fallback)', async () => {
    const { container } = view!;
    const box = byLabel<HTMLInputElement>(container, /^ When Google or/);
    expect(box.checked).toBe(true);
    await click(box);
    await waitFor(async () => expect(((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings).fallbackChain).toBe(false));
  });
});
