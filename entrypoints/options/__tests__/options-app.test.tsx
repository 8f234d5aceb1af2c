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

  it('switches to a usable provider and refuses an unusable one', async () => {
    const { container } = view!;
    const setUp = byLabel<HTMLSelectElement>(container, 'Set up');
    await waitFor(() => expect([...setUp.options].map((o) => o.textContent)).toContain('DeepL — Add your DeepL API key'));
    expect(container.querySelector('[data-in-use]')?.textContent).toBe('Google');

    await changeValue(setUp, 'deepl');
    expect(byText<HTMLButtonElement>(container, 'button', 'Use DeepL for translation').disabled).toBe(true);

    await changeValue(setUp, 'apertium');
    await click(byText(container, 'button', 'Use Apertium (local) for translation'));
    await waitFor(() => expect(container.querySelector('[data-in-use]')?.textContent).toBe('Apertium (local)'));
    const stored = (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
    expect(stored.provider).toBe('apertium');
  });
});
