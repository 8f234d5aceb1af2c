// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byLabel, byText, changeValue, click, render, waitFor, type Rendered } from '@/components/__tests__/render';
import { SettingsProvider } from '@/components/SettingsContext';
import type { CacheStats, RuntimeRequest, TestConnectionResult } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/utils/settings/schema';
import { createSettingsStore, type SettingsStore } from '@/utils/settings/store';
import { PROVIDER_CONFIG_KEY } from '@/utils/translate/provider-config';
import type { ConfigField } from '@/utils/translate/types';
import { CacheSection } from '../CacheSection';
import { DisplaySection } from '../DisplaySection';
import { ProviderConfigForm } from '../ProviderConfigForm';
import { SiteRulesSection } from '../SiteRulesSection';

const LIBRE_FIELDS: ConfigField[] = [
  { name: 'url', label: 'Server URL', kind: 'url', required: true, placeholder: 'https://libretranslate.example' },
  { name: 'apiKey', label: 'API key', kind: 'secret', required: false },
];

let view: Rendered | null;
let store: SettingsStore;
let requests: RuntimeRequest[];
let testAnswer: TestConnectionResult | Error;
let cache: CacheStats;

async function show(ui: React.ReactNode): Promise<Rendered> {
  store = createSettingsStore();
  await store.ready;
  view = await render(<SettingsProvider store={store}>{ui}</SettingsProvider>);
  return view;
}

/** Settings live in storage.sync (utils/settings/settings-item.ts); provider keys stay in storage.local. */
async function stored<T>(key: string): Promise<T> {
  const area = key === SETTINGS_KEY ? fakeBrowser.storage.sync : fakeBrowser.storage.local;
  return (await area.get(key))[key] as T;
}

beforeEach(() => {
  fakeBrowser.reset();
  view = null;
  requests = [];
  testAnswer = { ok: true, sample: 'Guten Morgen', translation: 'Good morning', ms: 123.4 };
  cache = { entries: 1234, bytes: 3 * 1024 * 1024, maxBytes: 50 * 1024 * 1024 };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: RuntimeRequest) => {
    requests.push(m);
    if (m.type === 'testConnection') {
      if (testAnswer instanceof Error) throw testAnswer;
      return testAnswer;
    }
    if (m.type === 'getCacheStats') return cache;
    if (m.type === 'clearCache') return (cache = { ...cache, entries: 0, bytes: 0 });
    if (m.type === 'getProviders') return [];
    return undefined;
  }) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
});
afterEach(() => {
  view?.unmount();
  store.dispose();
});

describe('provider settings form', () => {
  const provider = { id: 'libretranslate' as const, label: 'LibreTranslate', configFields: LIBRE_FIELDS };

  it('generates inputs from the fields, secrets hidden', async () => {
    const { container } = await show(<ProviderConfigForm provider={provider} onSaved={() => {}} />);
    expect(byLabel(container, 'Server URL').type).toBe('url');
    expect(byLabel(container, 'API key').type).toBe('password');
  });

  it('refuses a URL that is not http(s) and saves nothing', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const { container } = await show(<ProviderConfigForm provider={provider} onSaved={() => {}} />);
    await changeValue(byLabel(container, 'Server URL'), 'ftp://lt.example');
    await click(byText(container, 'button', 'Save'));
    expect(container.textContent).toContain('must be an http:// or https:// address');
    expect(request).not.toHaveBeenCalled();
    expect(await stored(PROVIDER_CONFIG_KEY)).toBeUndefined();
  });

  it('asks for access to the server, then saves', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const onSaved = vi.fn();
    const { container } = await show(<ProviderConfigForm provider={provider} onSaved={onSaved} />);
    await changeValue(byLabel(container, 'Server URL'), 'http://127.0.0.1:5000');
    await changeValue(byLabel(container, 'API key'), 'secret-key');
    await click(byText(container, 'button', 'Save'));
    await waitFor(() => expect(container.textContent).toContain('Saved.'));
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(await stored(PROVIDER_CONFIG_KEY)).toEqual({ libretranslate: { url: 'http://127.0.0.1:5000', apiKey: 'secret-key' } });
    expect(onSaved).toHaveBeenCalled();
  });

  it('says so when access to the server is denied', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    const { container } = await show(<ProviderConfigForm provider={provider} onSaved={() => {}} />);
    await changeValue(byLabel(container, 'Server URL'), 'https://lt.example.org/');
    await click(byText(container, 'button', 'Save'));
    await waitFor(() => byText(container, '[role=alert]', 'access to https://lt.example.org/* was denied'));
  });

  it('shows the sample translation of a working connection', async () => {
    await fakeBrowser.storage.local.set({ [PROVIDER_CONFIG_KEY]: { libretranslate: { url: 'https://lt.example' } } });
    const { container } = await show(<ProviderConfigForm provider={provider} onSaved={() => {}} />);
    await waitFor(() => expect(byLabel(container, 'Server URL').value).toBe('https://lt.example'));
    await click(byText(container, 'button', 'Test connection'));
    await waitFor(() => expect(container.querySelector('[data-test-result=ok]')?.textContent).toContain('“Guten Morgen” → “Good morning”'));
    expect(requests).toContainEqual({ type: 'testConnection', provider: 'libretranslate' });
  });

  it('shows the real error of a failing connection', async () => {
    testAnswer = { ok: false, error: { kind: 'auth', message: 'LibreTranslate refused the API key (403).', retryable: false } };
    await fakeBrowser.storage.local.set({ [PROVIDER_CONFIG_KEY]: { libretranslate: { url: 'https://lt.example' } } });
    const { container } = await show(<ProviderConfigForm provider={provider} onSaved={() => {}} />);
    await waitFor(() => expect(byLabel(container, 'Server URL').value).toBe('https://lt.example'));
    await click(byText(container, 'button', 'Test connection'));
    await waitFor(() => expect(container.querySelector('[data-test-result=failed]')?.textContent).toContain('refused the API key (403)'));
  });

  it('saves unsaved changes before testing', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    testAnswer = new Error('Could not establish connection. Receiving end does not exist.');
    const { container } = await show(<ProviderConfigForm provider={provider} onSaved={() => {}} />);
    await changeValue(byLabel(container, 'Server URL'), 'https://lt.example');
    await click(byText(container, 'button', 'Save and test connection'));
    await waitFor(() => expect(container.querySelector('[data-test-result=failed]')?.textContent).toContain('Receiving end does not exist'));
    expect(await stored(PROVIDER_CONFIG_KEY)).toEqual({ libretranslate: { url: 'https://lt.example' } });
  });
});

describe('display and languages', () => {
  it('saves layout, default mode and languages, offering the browser language', async () => {
    const { container } = await show(<DisplaySection />);
    await changeValue(byLabel<HTMLSelectElement>(container, 'Where the translation goes'), 'stacked');
    await changeValue(byLabel<HTMLSelectElement>(container, 'Translation style'), 'tint');
    await changeValue(byLabel<HTMLSelectElement>(container, 'Translation size'), 'larger');
    await click(byLabel(container, 'Translation only'));
    const into = byLabel<HTMLSelectElement>(container, 'Translate into');
    expect(into.selectedOptions[0]?.textContent).toBe('Browser language (French)');
    await changeValue(into, 'ko');
    await waitFor(async () => {
      const s = await stored<Settings>(SETTINGS_KEY);
      expect([s.layout, s.mode, s.targetLanguage, s.translationStyle, s.translationSize]).toEqual(['stacked', 'translation', 'ko', 'tint', 'larger']);
    });
  });
});

describe('site rules', () => {
  it('lists sites, removes one and adds a pasted address', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, alwaysTranslateSites: ['lemonde.fr', 'elpais.com'] } });
    const { container } = await show(<SiteRulesSection />);
    await click(container.querySelector('button[aria-label="Remove lemonde.fr"]')!);
    const always = container.querySelector('[data-site-list=always]')!;
    await changeValue(byLabel(always as HTMLElement, 'Site to always translate'), 'https://www.corriere.it/esteri/');
    await click(byText(always as HTMLElement, 'button', 'Add'));
    await waitFor(async () => expect((await stored<Settings>(SETTINGS_KEY)).alwaysTranslateSites).toEqual(['elpais.com', 'corriere.it']));
    expect([...always.querySelectorAll('li > span')].map((s) => s.textContent)).toEqual(['elpais.com', 'corriere.it']);
  });

  it('keeps never-translate sites, always-translate languages and a per-site mode', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, alwaysTranslateSites: ['lemonde.fr'] } });
    const { container } = await show(<SiteRulesSection />);
    const never = container.querySelector<HTMLElement>('[data-site-list=never]')!;
    await changeValue(byLabel(never, 'Site to never translate'), 'jeux.lemonde.fr');
    await click(byText(never, 'button', 'Add'));
    await changeValue(byLabel<HTMLSelectElement>(container, 'Display mode on lemonde.fr'), 'translation');
    const languages = container.querySelector<HTMLElement>('[data-language-list]')!;
    await changeValue(byLabel<HTMLSelectElement>(languages, 'Language to add'), 'ja');
    await click(byText(languages, 'button', 'Add'));
    await waitFor(async () => {
      const s = await stored<Settings>(SETTINGS_KEY);
      expect([s.neverTranslateSites, s.siteModes, s.alwaysTranslateLanguages]).toEqual([['jeux.lemonde.fr'], { 'lemonde.fr': 'translation' }, ['ja']]);
    });
    expect(languages.querySelector('li > span')?.textContent).toBe('Japanese');
  });

  it('explains a site it cannot read', async () => {
    const { container } = await show(<SiteRulesSection />);
    const always = container.querySelector<HTMLElement>('[data-site-list=always]')!;
    await changeValue(byLabel(always, 'Site to always translate'), 'le monde');
    await click(byText(always, 'button', 'Add'));
    expect(container.querySelector('[role=alert]')?.textContent).toContain('Enter a site');
  });
});

describe('cache', () => {
  it('shows stats, clears, and sets the size cap', async () => {
    const { container } = await show(<CacheSection />);
    const stats = () => container.querySelector('[data-cache-stats]')?.textContent;
    await waitFor(() => expect(stats()).toBe('1,234 translations, 3.0 MB of 50 MB'));
    await click(byText(container, 'button', 'Clear cache'));
    await waitFor(() => expect(stats()).toBe('0 translations, 0.0 MB of 50 MB'));
    await changeValue(byLabel(container, 'Size limit (MB)'), '200');
    await click(byText(container, 'button', 'Set limit'));
    await waitFor(async () => expect((await stored<Settings>(SETTINGS_KEY)).cacheMaxMb).toBe(200));
    await changeValue(byLabel(container, 'Size limit (MB)'), '0');
    await click(byText(container, 'button', 'Set limit'));
    expect(container.textContent).toContain('from 1 to 2048');
  });

  it('shows why the stats could not be read', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('IndexedDB is blocked'));
    const { container } = await show(<CacheSection />);
    await waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toContain('IndexedDB is blocked'));
  });
});
